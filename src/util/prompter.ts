// Modal confirmations and error messages go through here, so that integration tests can see what
// the user was asked and answer it, the way AWS Toolkit's test window does.
import * as vscode from 'vscode';

export interface Asked {
  readonly message: string;
  readonly detail?: string;
  readonly buttons: readonly string[];
}

export class Prompter {
  readonly asked: Asked[] = [];
  readonly errors: string[] = [];
  private readonly scripted: (string | undefined)[] = [];

  /** Tests: the answer to the next confirmation (a button's text, or undefined for Cancel). */
  answerNext(choice: string | undefined): void {
    this.scripted.push(choice);
  }

  async confirm(message: string, detail: string | undefined, ...buttons: string[]): Promise<string | undefined> {
    this.asked.push({ message, detail, buttons });
    if (this.scripted.length) {
      return this.scripted.shift();
    }
    return vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons);
  }

  error(message: string, ...items: string[]): Thenable<string | undefined> {
    this.errors.push(message);
    if (this.errors.length > 50) {
      this.errors.shift();
    }
    return vscode.window.showErrorMessage(message, ...items);
  }
}
