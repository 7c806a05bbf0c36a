// Registers a command behind the one error wrapper: cancellations are silent, every other failure
// is logged in full and shown once, with "Show Log".
import * as vscode from 'vscode';
import { isCancellation, logLine } from '../../util/errors';
import { isUnscriptedPrompt } from '../../util/userInput';
import type { CommandContext } from './context';
import { failureText } from './outcome';

export type CommandHandler = (ctx: CommandContext, ...args: unknown[]) => unknown;

export function registerCommand(ctx: CommandContext, id: string, handler: CommandHandler): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(ctx, ...args);
    } catch (err) {
      if (isUnscriptedPrompt(err)) {
        // A test left a prompt unanswered: its executeCommand rejects with the prompt's title.
        throw err;
      }
      if (isCancellation(err)) {
        return undefined;
      }
      ctx.log.error(`${id}: ${logLine(err)}`);
      const showLog = vscode.l10n.t('Show Log');
      void ctx.ui.notify('error', failureText(err), showLog).then((choice) => {
        if (choice === showLog) {
          ctx.log.show();
        }
      });
      return undefined;
    }
  });
}
