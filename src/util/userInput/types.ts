// The one way the extension asks and tells the user: quick picks, input boxes, modal confirmations,
// notifications and file dialogs. Commands, the jobs tracker and the details panel hold a `UserInput`;
// the real one (VsCodeUserInput) shows VS Code's prompts, tests install a scripted double through the
// extension's API. Escape is an exception (UserCancelledError), Back another (GoBackError).
import type * as vscode from 'vscode';

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

// Recognised by name, not by class: a test double built from the tests' own copy of this module
// throws errors the extension's bundle must still know.
export function isUserCancelled(err: unknown): boolean {
  return err instanceof Error && err.name === 'UserCancelledError';
}

export function isGoBack(err: unknown): boolean {
  return err instanceof Error && err.name === 'GoBackError';
}

/**
 * The name of the error a test double throws when a prompt has no scripted answer (or a wrong one):
 * the command wrapper lets it through, never shown as a notification, so the test fails at once.
 */
export const UNSCRIPTED_PROMPT = 'UnscriptedPromptError';

export function isUnscriptedPrompt(err: unknown): boolean {
  return err instanceof Error && err.name === UNSCRIPTED_PROMPT;
}

export interface PickItem<T> extends vscode.QuickPickItem {
  readonly data: T;
  /**
   * An item that takes what the user typed in the picker's box ("New key…"): always shown, and when it
   * is accepted the text typed so far comes back as `typed`, so Enter on a new name keeps it.
   */
  readonly takesTyped?: boolean;
}

/** The item chosen; `typed` is the picker's text when the item takes it (and something was typed). */
export type Picked<T> = PickItem<T> & { readonly typed?: string };

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
  /** Called as the value changes (each keystroke), for input that acts live. */
  readonly onDidChangeValue?: (value: string) => void;
}

/** One load of a picker whose items come from the cloud. */
export interface LoadedPicks<T> {
  readonly items: readonly PickItem<T>[];
  /** Lines shown below the items, as rows that cannot be chosen (e.g. how many were left out, and why; that there are none). */
  readonly notes?: readonly string[];
  /** When there is more to load: the "Load more…" entry's label and description. */
  readonly more?: { readonly label: string; readonly description?: string };
}

export type Severity = 'info' | 'warning' | 'error';

export interface OpenDialogOptions {
  readonly title: string;
  /** The button's label. */
  readonly openLabel?: string;
  readonly defaultUri?: vscode.Uri;
  /** e.g. { 'Configuration': ['ini', 'json'] } */
  readonly filters?: Record<string, string[]>;
}

export type SaveDialogOptions = OpenDialogOptions;

export interface UserInput {
  /** One item of a list; Escape throws UserCancelledError, Back GoBackError. */
  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<Picked<T>>;
  /** Any number of items (those `picked` start selected). */
  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<PickItem<T>[]>;
  /**
   * One item of a list that loads (busy while loading; `load(true)` when the user chooses "Load more…").
   * A failure to load closes the picker and rejects with it.
   */
  pickLoaded<T>(options: PickOptions, load: (more: boolean) => Promise<LoadedPicks<T>>): Promise<PickItem<T>>;
  /** Text, checked by `validateInput` before it is accepted. */
  input(options: InputOptions): Promise<string>;
  /**
   * A modal warning that names what is at stake, with `detail` below it: resolves to the button chosen;
   * Escape or Cancel throws UserCancelledError.
   */
  confirm(message: string, detail: string | undefined, ...buttons: string[]): Promise<string>;
  /**
   * A modal confirmation whose dismissing button is named by what it does (e.g. "Keep Running") instead of
   * Cancel, so that no "Cancel" stands beside a "Cancel Job": resolves to the button chosen; the dismissing
   * button or Escape throws UserCancelledError.
   */
  confirmOrKeep(message: string, detail: string | undefined, keep: string, ...buttons: string[]): Promise<string>;
  /** A non-modal notification; resolves to the button clicked, or undefined when it is dismissed. */
  notify(severity: Severity, message: string, ...buttons: string[]): Promise<string | undefined>;
  /** Open dialogs: one file, several files, one folder. Escape throws UserCancelledError. */
  openFile(options: OpenDialogOptions): Promise<vscode.Uri>;
  openFiles(options: OpenDialogOptions): Promise<vscode.Uri[]>;
  openFolder(options: OpenDialogOptions): Promise<vscode.Uri>;
  saveFile(options: SaveDialogOptions): Promise<vscode.Uri>;
}

/** The title a prompt shows, with its step counter ("Copy Image (2/5)"). */
export function titleOf(o: StepInfo): string {
  return o.step !== undefined && o.totalSteps !== undefined ? `${o.title} (${o.step}/${o.totalSteps})` : o.title;
}
