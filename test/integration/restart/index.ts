// The restart suite's entry. The first time (no record yet) it runs phase 1, which starts an export
// and then reloads the window through VS Code's own Reload Window; the workbench saves its state
// (the open details panel included) and comes back with the same tests, which now find the record
// and run phase 2.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { runMocha, testsIn } from '../mochaRunner';

export async function run(): Promise<void> {
  const record = process.env['CIE_RESTART_RECORD'];
  if (record && fs.existsSync(record)) {
    return runMocha(testsIn(path.join(__dirname, 'phase2')), 'restart phase 2');
  }
  await runMocha(testsIn(path.join(__dirname, 'phase1')), 'restart phase 1');
  console.log('restart phase 1 done: reloading the window');
  await vscode.commands.executeCommand('workbench.action.reloadWindow');
  // The reload ends this extension host; never report an exit of our own.
  await new Promise<never>(() => undefined);
}
