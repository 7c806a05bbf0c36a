// The UserInput every part of the extension holds: it passes each prompt to the real one, or to the
// one a test installed through the extension's API (`useUserInput`), so the same object serves both.
import type * as vscode from 'vscode';
import type { InputOptions, LoadedPicks, OpenDialogOptions, PickItem, PickOptions, SaveDialogOptions, Severity, UserInput } from './types';

export class ReplaceableUserInput implements UserInput {
  private current: UserInput;

  constructor(private readonly real: UserInput) {
    this.current = real;
  }

  /** Answers every prompt from `ui` from now on; undefined puts the real prompts back. */
  use(ui: UserInput | undefined): void {
    this.current = ui ?? this.real;
  }

  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<PickItem<T>> {
    return this.current.pick(items, options);
  }
  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<PickItem<T>[]> {
    return this.current.pickMany(items, options);
  }
  pickLoaded<T>(options: PickOptions, load: (more: boolean) => Promise<LoadedPicks<T>>): Promise<PickItem<T>> {
    return this.current.pickLoaded(options, load);
  }
  input(options: InputOptions): Promise<string> {
    return this.current.input(options);
  }
  confirm(message: string, detail: string | undefined, ...buttons: string[]): Promise<string> {
    return this.current.confirm(message, detail, ...buttons);
  }
  confirmOrKeep(message: string, detail: string | undefined, keep: string, ...buttons: string[]): Promise<string> {
    return this.current.confirmOrKeep(message, detail, keep, ...buttons);
  }
  notify(severity: Severity, message: string, ...buttons: string[]): Promise<string | undefined> {
    return this.current.notify(severity, message, ...buttons);
  }
  openFile(options: OpenDialogOptions): Promise<vscode.Uri> {
    return this.current.openFile(options);
  }
  openFiles(options: OpenDialogOptions): Promise<vscode.Uri[]> {
    return this.current.openFiles(options);
  }
  openFolder(options: OpenDialogOptions): Promise<vscode.Uri> {
    return this.current.openFolder(options);
  }
  saveFile(options: SaveDialogOptions): Promise<vscode.Uri> {
    return this.current.saveFile(options);
  }
}
