// Wiring only: build the pieces, register them, hand tests a small API.
import * as vscode from 'vscode';
import { Sessions } from './accounts/session';
import { SandboxHost } from './accounts/sandboxHost';
import { AccountStore } from './accounts/store';
import { registerCommands } from './commands';
import type { CommandContext } from './commands/context';
import type { Emulator } from './sandbox/emulator';
import { ImageTreeProvider } from './tree/treeProvider';
import { Log } from './util/log';

export interface ExtensionApi {
  readonly tree: ImageTreeProvider;
  readonly accounts: AccountStore;
  /** The in-process emulator behind the Sandbox account (started on first use). */
  sandbox(): Promise<Emulator>;
}

let sandboxHost: SandboxHost | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = new Log();
  const accounts = new AccountStore(context.globalState, context.secrets);
  const sandbox = new SandboxHost(context.extensionPath);
  sandboxHost = sandbox;
  const sessions = new Sessions(accounts, sandbox, log);
  const tree = new ImageTreeProvider(accounts, sessions, log);
  const treeView = vscode.window.createTreeView('cloudImageExplorer.images', { treeDataProvider: tree, showCollapseAll: true });
  const ctx: CommandContext = { extension: context, accounts, sessions, sandbox, tree, treeView, log };
  context.subscriptions.push(log, accounts, sessions, tree, treeView, ...registerCommands(ctx));
  return { tree, accounts, sandbox: () => sandbox.instance() };
}

export async function deactivate(): Promise<void> {
  await sandboxHost?.dispose();
  sandboxHost = undefined;
}
