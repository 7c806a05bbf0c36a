// Runs a piece of a test with the shim's l10n.t answering from the real zh-cn bundle, as VS Code does in a
// Chinese UI: what is composed outside l10n (ASCII parentheses, English words) shows up in its output.
import * as fs from 'fs';
import * as path from 'path';

const BUNDLE = path.resolve(__dirname, '../../../../l10n/bundle.l10n.zh-cn.json');

type T = (message: string, ...args: unknown[]) => string;

function format(message: string, args: readonly unknown[]): string {
  return message.replace(/\{(\d+)\}/g, (m, n: string) => (args[Number(n)] === undefined ? m : String(args[Number(n)])));
}

/** Calls `run` with l10n.t translating into zh-cn (the shim must be installed); restores English after. */
export function inChinese<R>(run: () => R): R {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscode = require('vscode') as { l10n: { t: T }; env: { language: string } };
  const zh = JSON.parse(fs.readFileSync(BUNDLE, 'utf8')) as Record<string, string>;
  const english = vscode.l10n.t;
  const language = vscode.env.language;
  vscode.l10n.t = (message, ...args) => format(zh[message] ?? message, args);
  vscode.env.language = 'zh-cn';
  try {
    return run();
  } finally {
    vscode.l10n.t = english;
    vscode.env.language = language;
  }
}
