import * as vscode from 'vscode';
import type { Logger } from '../providers/transport/http';
import { redact } from '../providers/transport/redact';

/** The extension's one diagnostics channel ("Cloud Image Explorer" in the Output panel). Every line is redacted. */
export class Log implements Logger {
  readonly channel: vscode.LogOutputChannel;

  constructor() {
    this.channel = vscode.window.createOutputChannel('Cloud Image Explorer', { log: true });
  }

  debug(message: string): void {
    this.channel.debug(redact(message));
  }

  info(message: string): void {
    this.channel.info(redact(message));
  }

  warn(message: string): void {
    this.channel.warn(redact(message));
  }

  error(message: string): void {
    this.channel.error(redact(message));
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

/** A count with its noun for log lines (English only, never shown in the UI): "1 part", "3 parts". */
export function logCount(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
