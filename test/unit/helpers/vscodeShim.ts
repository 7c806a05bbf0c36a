// For the benchmark only: the few parts of the `vscode` module that the tree (its data provider, nodes
// and view state) and the job tracker use, as plain classes shaped like VS Code's, so that their memory and their polling can be
// measured in plain Node. Installed before those modules are loaded (see test/bench/bench.ts and the job tracker's unit test).
import Module from 'module';

class EventEmitter<T> {
  private readonly listeners = new Set<(e: T) => unknown>();
  readonly event = (listener: (e: T) => unknown): { dispose(): void } => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(e: T): void {
    this.listeners.forEach((l) => l(e));
  }
  dispose(): void {
    this.listeners.clear();
  }
}

class Disposable {
  constructor(private readonly fn: () => void) {}
  static from(...items: Array<{ dispose(): unknown }>): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  dispose(): void {
    this.fn();
  }
}

class TreeItem {
  id?: string;
  description?: string;
  tooltip?: unknown;
  iconPath?: unknown;
  contextValue?: string;
  command?: unknown;
  constructor(
    public label: string,
    public collapsibleState = 0,
  ) {}
}

class ThemeColor {
  constructor(readonly id: string) {}
}

class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

class MarkdownString {
  isTrusted = false;
  supportHtml = false;
  supportThemeIcons = false;
  constructor(public value = '') {}
  appendText(text: string): this {
    this.value += text.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&');
    return this;
  }
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
}

function t(message: string, ...args: unknown[]): string {
  return message.replace(/\{(\d+)\}/g, (m, n: string) => (args[Number(n)] === undefined ? m : String(args[Number(n)])));
}

const shim = {
  EventEmitter,
  Disposable,
  TreeItem,
  ThemeIcon,
  ThemeColor,
  MarkdownString,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ProgressLocation: { Notification: 15 },
  CancellationError: class CancellationError extends Error {},
  l10n: { t },
  env: { language: 'en' },
  window: {
    showInformationMessage: () => Promise.resolve(undefined),
    showErrorMessage: () => Promise.resolve(undefined),
  },
  commands: { executeCommand: () => Promise.resolve(undefined) },
  // The settings' defaults: every setting reads as its default value.
  workspace: {
    getConfiguration: () => ({ get: <T>(_key: string, fallback?: T) => fallback }),
    onDidChangeConfiguration: () => new Disposable(() => undefined),
  },
};

/** Makes `require('vscode')` give the shim. */
export function installVscodeShim(): void {
  const mod = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
  const resolve = mod._resolveFilename.bind(Module);
  mod._resolveFilename = (request: string, ...rest: unknown[]) => (request === 'vscode' ? 'vscode' : resolve(request, ...rest));
  const entry = new Module('vscode');
  entry.exports = shim;
  entry.loaded = true;
  require.cache['vscode'] = entry;
}
