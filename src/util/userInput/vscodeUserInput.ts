// The real prompts: VS Code's quick picks, input boxes, message boxes and file dialogs, behind the
// one UserInput interface. Nothing here knows about tests.
import * as vscode from 'vscode';
import {
  GoBackError,
  type InputOptions,
  type LoadedPicks,
  type OpenDialogOptions,
  type PickItem,
  type PickOptions,
  type Picked,
  type SaveDialogOptions,
  type Severity,
  type StepInfo,
  UserCancelledError,
  type UserInput,
} from './types';

/** A row of the loading picker: an item, "Load more…", or a note (a row that does nothing when accepted). */
export interface Row<T> extends vscode.QuickPickItem {
  readonly item?: PickItem<T>;
  readonly more?: boolean;
}

export class VsCodeUserInput implements UserInput {
  async pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<Picked<T>> {
    return (await showPick(items, options, false))[0]!;
  }

  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<PickItem<T>[]> {
    return showPick(items, options, true);
  }

  pickLoaded<T>(options: PickOptions, load: (more: boolean) => Promise<LoadedPicks<T>>): Promise<PickItem<T>> {
    const q = vscode.window.createQuickPick<Row<T>>();
    withBack(q, options);
    q.placeholder = options.placeHolder;
    q.matchOnDescription = true;
    const fill = async (more: boolean): Promise<void> => {
      q.busy = true;
      try {
        q.items = rows(await load(more));
      } finally {
        q.busy = false;
      }
    };
    return settle<typeof q, PickItem<T>>(q, (resolve, reject) => {
      const failed = (err: unknown): void => reject(err);
      q.onDidAccept(() => {
        const chosen = q.selectedItems[0];
        if (chosen?.more) {
          fill(true).catch(failed);
        } else if (chosen?.item) {
          resolve(chosen.item);
        }
      });
      fill(false).catch(failed);
    });
  }

  input(options: InputOptions): Promise<string> {
    const q = vscode.window.createInputBox();
    withBack(q, options);
    q.prompt = options.prompt;
    q.value = options.value ?? '';
    q.placeholder = options.placeHolder;
    q.password = options.password ?? false;
    return settle<typeof q, string>(q, (resolve) => {
      q.onDidChangeValue((v) => {
        q.validationMessage = v ? options.validateInput?.(v) : undefined;
        options.onDidChangeValue?.(v);
      });
      q.onDidAccept(() => {
        const problem = options.validateInput?.(q.value);
        q.validationMessage = problem;
        if (!problem) {
          resolve(q.value);
        }
      });
    });
  }

  async confirm(message: string, detail: string | undefined, ...buttons: string[]): Promise<string> {
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons);
    if (choice === undefined) {
      throw new UserCancelledError();
    }
    return choice;
  }

  async confirmOrKeep(message: string, detail: string | undefined, keep: string, ...buttons: string[]): Promise<string> {
    // The dismissing item takes the place of VS Code's own Cancel button.
    const items: vscode.MessageItem[] = [...buttons.map((title) => ({ title })), { title: keep, isCloseAffordance: true }];
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, ...items);
    if (choice === undefined || choice.title === keep) {
      throw new UserCancelledError();
    }
    return choice.title;
  }

  async notify(severity: Severity, message: string, ...buttons: string[]): Promise<string | undefined> {
    switch (severity) {
      case 'error':
        return vscode.window.showErrorMessage(message, ...buttons);
      case 'warning':
        return vscode.window.showWarningMessage(message, ...buttons);
      case 'info':
        return vscode.window.showInformationMessage(message, ...buttons);
    }
  }

  async openFile(options: OpenDialogOptions): Promise<vscode.Uri> {
    return (await open(options, { canSelectFiles: true }))[0]!;
  }

  openFiles(options: OpenDialogOptions): Promise<vscode.Uri[]> {
    return open(options, { canSelectFiles: true, canSelectMany: true });
  }

  async openFolder(options: OpenDialogOptions): Promise<vscode.Uri> {
    return (await open(options, { canSelectFolders: true, canSelectFiles: false }))[0]!;
  }

  async saveFile(options: SaveDialogOptions): Promise<vscode.Uri> {
    const uri = await vscode.window.showSaveDialog({ title: options.title, saveLabel: options.openLabel, defaultUri: options.defaultUri, filters: options.filters });
    if (!uri) {
      throw new UserCancelledError();
    }
    return uri;
  }
}

async function open(options: OpenDialogOptions, what: vscode.OpenDialogOptions): Promise<vscode.Uri[]> {
  const uris = await vscode.window.showOpenDialog({ title: options.title, openLabel: options.openLabel, defaultUri: options.defaultUri, filters: options.filters, ...what });
  if (!uris?.length) {
    throw new UserCancelledError();
  }
  return uris;
}

/**
 * The items first (VS Code focuses the first row), then "Load more…", then the notes below an unlabelled
 * separator, as rows of their own: a note never sits on an item's row (a separator's label is drawn over
 * the row after it) and is never the row Enter acts on while there is an item.
 */
export function rows<T>(loaded: LoadedPicks<T>): Row<T>[] {
  const notes = loaded.notes ?? [];
  return [
    ...loaded.items.map((item): Row<T> => ({ label: item.label, description: item.description, detail: item.detail, item })),
    ...(loaded.more ? [{ label: `$(more) ${loaded.more.label}`, description: loaded.more.description, alwaysShow: true, more: true }] : []),
    ...(notes.length && (loaded.items.length || loaded.more) ? [{ label: '', kind: vscode.QuickPickItemKind.Separator }] : []),
    ...notes.map((note): Row<T> => ({ label: `$(info) ${note}`, alwaysShow: true })),
  ];
}

function withBack(q: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }, o: StepInfo): void {
  q.title = o.title;
  q.step = o.step;
  q.totalSteps = o.totalSteps;
  q.ignoreFocusOut = true;
  q.buttons = o.canGoBack ? [vscode.QuickInputButtons.Back] : [];
}

function showPick<T>(items: readonly PickItem<T>[], options: PickOptions, many: boolean): Promise<Picked<T>[]> {
  const q = vscode.window.createQuickPick<PickItem<T>>();
  withBack(q, options);
  q.placeholder = options.placeHolder;
  q.canSelectMany = many;
  q.matchOnDescription = true;
  const shown = items.map((i) => (i.takesTyped ? { ...i, alwaysShow: true } : i));
  q.items = shown;
  q.selectedItems = many ? shown.filter((i) => i.picked) : [];
  if (shown.some((i) => i.takesTyped)) {
    // The row that takes the typed text shows it, so the user sees what Enter will keep.
    q.onDidChangeValue((value) => {
      q.items = shown.map((i) => (i.takesTyped && value.trim() ? { ...i, description: `"${value.trim()}"` } : i));
    });
  }
  return settle<typeof q, Picked<T>[]>(q, (resolve) => {
    q.onDidAccept(() => {
      const chosen = many ? [...q.selectedItems] : [...q.activeItems].slice(0, 1);
      const typed = q.value.trim();
      if (chosen.length || many) {
        resolve(chosen.map((i) => (i.takesTyped && typed ? { ...i, typed } : i)));
      }
    });
  });
}

/** Shows a prompt until it is accepted (resolve), fails (reject), goes Back or is hidden (the two errors). */
function settle<Q extends vscode.QuickInput & { onDidTriggerButton: vscode.Event<vscode.QuickInputButton> }, R>(
  q: Q,
  wire: (resolve: (value: R) => void, reject: (err: unknown) => void) => void,
): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    let done = false;
    const finish = (f: () => void): void => {
      if (!done) {
        done = true;
        f();
        q.dispose();
      }
    };
    q.onDidTriggerButton((b) => {
      if (b === vscode.QuickInputButtons.Back) {
        finish(() => reject(new GoBackError()));
      }
    });
    q.onDidHide(() => finish(() => reject(new UserCancelledError())));
    q.show();
    wire(
      (value) => finish(() => resolve(value)),
      (err) => finish(() => reject(err)),
    );
  });
}
