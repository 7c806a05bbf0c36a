// Modal confirmations, error messages and notifications go through here, so that integration tests can
// see what the user was asked and told, and answer it, the way AWS Toolkit's test window does.
import * as vscode from 'vscode';

export interface Asked {
  readonly message: string;
  readonly detail?: string;
  readonly buttons: readonly string[];
}

/** A notification shown to the user (a job's end, a change already running, a change read back). */
export interface Notice {
  readonly severity: 'info' | 'error';
  readonly message: string;
}

/** Enough of the recent past for a test to look back on, without growing for ever. */
const KEEP = 100;

function remember<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > KEEP) {
    list.shift();
  }
}

export class Prompter {
  readonly asked: Asked[] = [];
  /** The errors commands ended with. */
  readonly errors: string[] = [];
  /** Every other notification, in the order shown. */
  readonly notices: Notice[] = [];
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

  /** A command's failure. */
  error(message: string, ...items: string[]): Thenable<string | undefined> {
    remember(this.errors, message);
    return vscode.window.showErrorMessage(message, ...items);
  }

  /** A notification that is not a command's failure: information, or an error reported on its own (a job that failed). */
  notify(severity: Notice['severity'], message: string, ...items: string[]): Thenable<string | undefined> {
    remember(this.notices, { severity, message });
    return severity === 'error' ? vscode.window.showErrorMessage(message, ...items) : vscode.window.showInformationMessage(message, ...items);
  }
}
