// Show Job: the button that opens the Jobs view, where the job a change waits for (or was refused for) is
// followed. One label and one action for every notification that offers it (wayOuts.ts, inFlight.ts).
import * as vscode from 'vscode';

export function showJobLabel(): string {
  return vscode.l10n.t('Show Job');
}

export function showJobs(): Thenable<unknown> {
  return vscode.commands.executeCommand('cloudImageExplorer.jobs.focus');
}
