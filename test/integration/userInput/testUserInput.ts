// The tests' UserInput: one queue of answers, taken in order by every kind of prompt (an item's label or a
// RegExp for a pick, a list for a multi-pick, text for an input box, a button or undefined for a
// confirmation, a file for a dialog, BACK, CANCEL). Text goes through the box's validation as typing
// would: a refused value leaves the box open for the next answer. Every prompt and notification is
// recorded for assertions; notifications need no answer. A prompt with no answer queued (or the wrong
// kind of answer) throws UnscriptedPromptError with the prompt's title at once, never waits.
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
  titleOf,
  UNSCRIPTED_PROMPT,
  UserCancelledError,
  type UserInput,
} from '../../../src/util/userInput/types';

export const BACK = Symbol('Back');
export const CANCEL = Symbol('Cancel');

/** Text typed into a quick pick's box, then Enter: the row VS Code focuses is accepted. */
export interface Typed {
  readonly typed: string;
}

/** An answer for a quick pick: type `text`, press Enter. */
export function typed(text: string): Typed {
  return { typed: text };
}

export type Answer = string | RegExp | readonly (string | RegExp)[] | vscode.Uri | readonly vscode.Uri[] | Typed | undefined | typeof BACK | typeof CANCEL;

function isTyped(answer: Answer): answer is Typed {
  return typeof answer === 'object' && answer !== null && 'typed' in answer;
}

/** What a quick pick or input box showed. */
export interface Shown {
  readonly kind: 'pick' | 'input' | 'dialog';
  /** With its step counter: "Copy "web" (2/5)". */
  readonly title: string;
  /** The placeholder of a pick, the prompt of a box. */
  readonly text: string;
  /** A pick's labels, in order ("Load more…" included when offered). */
  readonly items?: readonly string[];
  /** A pick's descriptions, in the order of its items ('' for none). */
  readonly descriptions?: readonly string[];
  /** A pick-many's rows checked when it opened (chosen in advance). */
  readonly picked?: readonly string[];
  /** A pick's notes (shown below the items, never chosen). */
  readonly notes?: readonly string[];
  /** Input boxes: the validation messages the scripted values got, in order. */
  readonly refused: string[];
}

/** A modal confirmation. */
export interface Asked {
  readonly message: string;
  readonly detail?: string;
  readonly buttons: readonly string[];
  /** The dismissing button, where it is named by what it does (confirmOrKeep); else VS Code's Cancel. */
  readonly keep?: string;
}

export interface Notification {
  readonly severity: Severity;
  readonly message: string;
  readonly buttons: readonly string[];
}

export class UnscriptedPromptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = UNSCRIPTED_PROMPT;
  }
}

function matches(label: string, want: string | RegExp): boolean {
  return typeof want === 'string' ? label === want : want.test(label);
}

function describe(answer: Answer): string {
  return answer === undefined ? 'undefined (Cancel)' : typeof answer === 'symbol' ? answer.description ?? '' : Array.isArray(answer) ? `[${answer.map(String).join(', ')}]` : String(answer);
}

export class TestUserInput implements UserInput {
  readonly shown: Shown[] = [];
  readonly asked: Asked[] = [];
  readonly notifications: Notification[] = [];
  /** The failures thrown at prompts (a root hook fails the test even when a command swallowed one). */
  readonly failures: Error[] = [];
  private readonly answers: Answer[] = [];
  /** Buttons to click on the next notifications that offer them (notifications need no answer otherwise). */
  private readonly clicks: string[] = [];

  /** The answers to the next prompts, in order. */
  script(...answers: Answer[]): void {
    this.answers.push(...answers);
  }

  /** Clicks `button` on the next notification that offers it, as a user would. */
  clickNext(button: string): void {
    this.clicks.push(button);
  }

  /** Answers queued but not yet taken. */
  get pending(): readonly Answer[] {
    return [...this.answers];
  }

  /** The messages of the error notifications, in order. */
  get errors(): string[] {
    return this.notifications.filter((n) => n.severity === 'error').map((n) => n.message);
  }

  /** Forgets the answers still queued (a root hook does this after each test). */
  clearScript(): void {
    this.answers.length = 0;
    this.clicks.length = 0;
  }

  async pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<Picked<T>> {
    const [picked] = await this.choose(items, options, false);
    return picked!;
  }

  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<PickItem<T>[]> {
    return this.choose(items, options, true);
  }

  async pickLoaded<T>(options: PickOptions, load: (more: boolean) => Promise<LoadedPicks<T>>): Promise<PickItem<T>> {
    let loaded = await load(false);
    for (;;) {
      const title = titleOf(options);
      const more = loaded.more?.label;
      const labels = [...loaded.items.map((i) => i.label), ...(more ? [more] : [])];
      this.shown.push({ kind: 'pick', title, text: options.placeHolder ?? '', items: labels, descriptions: loaded.items.map((i) => i.description ?? ''), notes: loaded.notes ?? [], refused: [] });
      const want = this.wanted(this.next('quick pick', title), title);
      if (more && want.length === 1 && matches(more, want[0]!)) {
        loaded = await load(true);
        continue;
      }
      return this.only(loaded.items, want, title, false)[0]!;
    }
  }

  async input(options: InputOptions): Promise<string> {
    const title = titleOf(options);
    const shown: Shown = { kind: 'input', title, text: options.prompt, refused: [] };
    this.shown.push(shown);
    for (;;) {
      const answer = this.next('input box', title);
      if (typeof answer !== 'string') {
        throw this.fail(`The input box "${title}" asks for text; the script answers ${describe(answer)}.`);
      }
      options.onDidChangeValue?.(answer);
      const refused = options.validateInput?.(answer);
      if (!refused) {
        return answer;
      }
      // As a user would see it: the box says why and stays open for the next value.
      shown.refused.push(refused);
    }
  }

  async confirm(message: string, detail: string | undefined, ...buttons: string[]): Promise<string> {
    this.asked.push({ message, detail, buttons });
    const answer = this.next('confirmation', message);
    if (answer === undefined) {
      throw new UserCancelledError();
    }
    if (typeof answer !== 'string' || !buttons.includes(answer)) {
      throw this.fail(`The confirmation "${message}" offers ${buttons.map((b) => `"${b}"`).join(', ')} or Cancel; the script answers ${describe(answer)}.`);
    }
    return answer;
  }

  async confirmOrKeep(message: string, detail: string | undefined, keep: string, ...buttons: string[]): Promise<string> {
    this.asked.push({ message, detail, buttons, keep });
    const answer = this.next('confirmation', message);
    if (answer === undefined || answer === keep) {
      throw new UserCancelledError();
    }
    if (typeof answer !== 'string' || !buttons.includes(answer)) {
      throw this.fail(`The confirmation "${message}" offers ${buttons.map((b) => `"${b}"`).join(', ')} or "${keep}"; the script answers ${describe(answer)}.`);
    }
    return answer;
  }

  notify(severity: Severity, message: string, ...buttons: string[]): Promise<string | undefined> {
    this.notifications.push({ severity, message, buttons });
    const click = this.clicks.findIndex((b) => buttons.includes(b));
    return Promise.resolve(click < 0 ? undefined : this.clicks.splice(click, 1)[0]);
  }

  async openFile(options: OpenDialogOptions): Promise<vscode.Uri> {
    return (await this.dialog(options, false))[0]!;
  }

  openFiles(options: OpenDialogOptions): Promise<vscode.Uri[]> {
    return this.dialog(options, true);
  }

  async openFolder(options: OpenDialogOptions): Promise<vscode.Uri> {
    return (await this.dialog(options, false))[0]!;
  }

  async saveFile(options: SaveDialogOptions): Promise<vscode.Uri> {
    return (await this.dialog(options, false))[0]!;
  }

  private dialog(options: OpenDialogOptions, many: boolean): Promise<vscode.Uri[]> {
    this.shown.push({ kind: 'dialog', title: options.title, text: options.openLabel ?? '', refused: [] });
    const answer = this.next('file dialog', options.title);
    const list = (Array.isArray(answer) ? answer : [answer]) as unknown[];
    const uris = list.map((a) => (typeof a === 'string' ? vscode.Uri.file(a) : a));
    if (!uris.length || (!many && uris.length > 1) || !uris.every((u) => u instanceof vscode.Uri)) {
      throw this.fail(`The file dialog "${options.title}" wants ${many ? 'files' : 'one file'}; the script answers ${describe(answer)}.`);
    }
    return Promise.resolve(uris as vscode.Uri[]);
  }

  private choose<T>(items: readonly PickItem<T>[], options: PickOptions, many: boolean): Promise<Picked<T>[]> {
    const title = titleOf(options);
    this.shown.push({
      kind: 'pick',
      title,
      text: options.placeHolder ?? '',
      items: items.map((i) => i.label),
      descriptions: items.map((i) => i.description ?? ''),
      picked: items.filter((i) => i.picked).map((i) => i.label),
      refused: [],
    });
    const answer = this.next('quick pick', title);
    if (isTyped(answer) && !many) {
      return Promise.resolve([this.enterOnTyped(items, answer.typed, title)]);
    }
    return Promise.resolve(this.only(items, this.wanted(answer, title), title, many));
  }

  /**
   * As VS Code filters: the rows whose label or description contain the text, then those always shown
   * (a row that takes typed text is); Enter accepts the first, which gets the text when it takes it.
   */
  private enterOnTyped<T>(items: readonly PickItem<T>[], text: string, title: string): Picked<T> {
    const t = text.trim().toLowerCase();
    const shows = (i: PickItem<T>): boolean => `${i.label} ${i.description ?? ''}`.toLowerCase().includes(t);
    const focused = [...items.filter(shows), ...items.filter((i) => !shows(i) && (i.alwaysShow || i.takesTyped))][0];
    if (!focused) {
      throw this.fail(`The quick pick "${title}" shows no row for the typed "${text}".`);
    }
    return focused.takesTyped && text.trim() ? { ...focused, typed: text.trim() } : focused;
  }

  private wanted(answer: Answer, title: string): readonly (string | RegExp)[] {
    if (typeof answer === 'string' || answer instanceof RegExp) {
      return [answer];
    }
    if (Array.isArray(answer) && answer.every((a) => typeof a === 'string' || a instanceof RegExp)) {
      return answer as readonly (string | RegExp)[];
    }
    throw this.fail(`The quick pick "${title}" wants an item; the script answers ${describe(answer)}.`);
  }

  /** Items whose label matches; failing that, whose "label description" does (same-named accounts differ by it). */
  private only<T>(items: readonly PickItem<T>[], wanted: readonly (string | RegExp)[], title: string, many: boolean): PickItem<T>[] {
    const byLabel = items.filter((i) => wanted.some((w) => matches(i.label, w)));
    const picked = byLabel.length ? byLabel : items.filter((i) => wanted.some((w) => matches(`${i.label} ${i.description ?? ''}`, w)));
    if (!picked.length || (!many && picked.length > 1)) {
      throw this.fail(`The quick pick "${title}" offers ${items.map((i) => `"${i.label}"`).join(', ')}; the script wants ${wanted.map(String).join(', ')}.`);
    }
    return picked;
  }

  /** The next answer; Back and Cancel are thrown as the real prompts throw them. */
  private next(kind: string, title: string): Answer {
    if (!this.answers.length) {
      throw this.fail(`No scripted answer for the ${kind} "${title}".`);
    }
    const answer = this.answers.shift();
    if (answer === BACK) {
      throw new GoBackError();
    }
    if (answer === CANCEL) {
      throw new UserCancelledError();
    }
    return answer;
  }

  private fail(message: string): UnscriptedPromptError {
    const err = new UnscriptedPromptError(message);
    this.failures.push(err);
    return err;
  }
}

/** The one double every integration suite installs (rootHooks.ts). */
export const testInput = new TestUserInput();
