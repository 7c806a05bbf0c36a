// Multi-step input: quick picks and input boxes with a step counter and a Back button, where
// Escape is an exception (UserCancelledError) and Back is another (GoBackError) that the wizard
// runner turns into the previous step. Tests queue answers on the same object the commands use
// (`script`), so the commands' real prompts, validation included, run in the tests too.
import * as vscode from 'vscode';

export class UserCancelledError extends Error {
  constructor() {
    super('Cancelled by the user.');
    this.name = 'UserCancelledError';
  }
}

export class GoBackError extends Error {
  constructor() {
    super('Back.');
    this.name = 'GoBackError';
  }
}

export interface PickItem<T> extends vscode.QuickPickItem {
  readonly data: T;
}

export interface StepInfo {
  readonly title: string;
  readonly step?: number;
  readonly totalSteps?: number;
  readonly canGoBack?: boolean;
}

export interface PickOptions extends StepInfo {
  readonly placeHolder?: string;
}

export interface InputOptions extends StepInfo {
  readonly prompt: string;
  readonly value?: string;
  readonly placeHolder?: string;
  readonly password?: boolean;
  /** A message when the value is not acceptable (the box stays open), else undefined. */
  readonly validateInput?: (value: string) => string | undefined;
  /** Called as the value changes (each keystroke; a scripted answer once), for input that acts live. */
  readonly onDidChangeValue?: (value: string) => void;
}

export interface UserInput {
  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<PickItem<T>>;
  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<PickItem<T>[]>;
  input(options: InputOptions): Promise<string>;
}

/** A test's answer: an item's label (exact, or a RegExp), the text typed, Back, or Escape. */
export type ScriptedAnswer = string | RegExp | readonly (string | RegExp)[] | typeof GO_BACK | typeof CANCEL;
// Registered symbols: the tests' copy of this module and the extension's bundle must agree on them.
export const GO_BACK = Symbol.for('cloudImageExplorer.userInput.back');
export const CANCEL = Symbol.for('cloudImageExplorer.userInput.cancel');

/** What a prompt showed, for tests: its title with the step counter, and what it said. */
export interface Shown {
  readonly kind: 'pick' | 'input';
  readonly title: string;
  readonly text: string;
  readonly items?: readonly string[];
  /** Input boxes: the validation messages scripted values got, in order. */
  readonly refused: string[];
}

function titleOf(o: StepInfo): string {
  return o.step !== undefined && o.totalSteps !== undefined ? `${o.title} (${o.step}/${o.totalSteps})` : o.title;
}

function matches(label: string, want: string | RegExp): boolean {
  return typeof want === 'string' ? label === want : want.test(label);
}

/** The real prompts, unless a test has queued answers; then those, through the same validation. */
export class ScriptableUserInput implements UserInput {
  readonly shown: Shown[] = [];
  private readonly answers: ScriptedAnswer[] = [];

  /** Tests: the answers to the next prompts, in order. */
  script(...answers: ScriptedAnswer[]): void {
    this.answers.push(...answers);
  }

  /** Tests: answers queued but not consumed (a test leaves none behind). */
  get pending(): number {
    return this.answers.length;
  }

  clearScript(): void {
    this.answers.length = 0;
  }

  async pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<PickItem<T>> {
    const picked = await this.choose(items, options, false);
    return picked[0]!;
  }

  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<PickItem<T>[]> {
    return this.choose(items, options, true);
  }

  async input(options: InputOptions): Promise<string> {
    const shown: Shown = { kind: 'input', title: titleOf(options), text: options.prompt, refused: [] };
    this.shown.push(shown);
    if (!this.answers.length) {
      return showInput(options);
    }
    for (;;) {
      const answer = this.next();
      if (typeof answer !== 'string') {
        throw new Error(`"${shown.title}" asks for text, but the script answers ${String(answer)}`);
      }
      options.onDidChangeValue?.(answer);
      const refused = options.validateInput?.(answer);
      if (!refused) {
        return answer;
      }
      // As a user would: the box says why and stays open for the next try.
      shown.refused.push(refused);
    }
  }

  private async choose<T>(items: readonly PickItem<T>[], options: PickOptions, many: boolean): Promise<PickItem<T>[]> {
    this.shown.push({ kind: 'pick', title: titleOf(options), text: options.placeHolder ?? '', items: items.map((i) => i.label), refused: [] });
    if (!this.answers.length) {
      return showPick(items, options, many);
    }
    const answer = this.next();
    const wanted = typeof answer === 'string' || answer instanceof RegExp ? [answer] : (answer as readonly (string | RegExp)[]);
    const picked = items.filter((i) => wanted.some((w) => matches(i.label, w)));
    if (!picked.length || (!many && picked.length > 1)) {
      throw new Error(`"${titleOf(options)}" offers ${items.map((i) => `"${i.label}"`).join(', ')}; the script wants ${wanted.map(String).join(', ')}`);
    }
    return picked;
  }

  private next(): ScriptedAnswer {
    const answer = this.answers.shift()!;
    if (answer === GO_BACK) {
      throw new GoBackError();
    }
    if (answer === CANCEL) {
      throw new UserCancelledError();
    }
    return answer;
  }
}

function withBack(q: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }, o: StepInfo): void {
  q.title = o.title;
  q.step = o.step;
  q.totalSteps = o.totalSteps;
  q.ignoreFocusOut = true;
  q.buttons = o.canGoBack ? [vscode.QuickInputButtons.Back] : [];
}

function showPick<T>(items: readonly PickItem<T>[], options: PickOptions, many: boolean): Promise<PickItem<T>[]> {
  const q = vscode.window.createQuickPick<PickItem<T>>();
  withBack(q, options);
  q.placeholder = options.placeHolder;
  q.canSelectMany = many;
  q.matchOnDescription = true;
  q.items = items;
  q.selectedItems = many ? items.filter((i) => i.picked) : [];
  return settle(q, (resolve) => {
    q.onDidAccept(() => {
      const chosen = many ? [...q.selectedItems] : [...q.activeItems].slice(0, 1);
      if (chosen.length || many) {
        resolve(chosen);
      }
    });
  });
}

function showInput(options: InputOptions): Promise<string> {
  const q = vscode.window.createInputBox();
  withBack(q, options);
  q.prompt = options.prompt;
  q.value = options.value ?? '';
  q.placeholder = options.placeHolder;
  q.password = options.password ?? false;
  return settle(q, (resolve) => {
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

/** Shows a prompt until it is accepted (resolve), goes Back or is hidden (the two errors). */
function settle<Q extends vscode.QuickInput & { onDidTriggerButton: vscode.Event<vscode.QuickInputButton> }, R>(
  q: Q,
  wire: (resolve: (value: R) => void) => void,
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
    wire((value) => finish(() => resolve(value)));
    q.onDidTriggerButton((b) => {
      if (b === vscode.QuickInputButtons.Back) {
        finish(() => reject(new GoBackError()));
      }
    });
    q.onDidHide(() => finish(() => reject(new UserCancelledError())));
    q.show();
  });
}
