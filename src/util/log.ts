import * as vscode from 'vscode';
import type { Logger } from '../providers/http';

/** The extension's one diagnostics channel ("Cloud Image Explorer" in the Output panel). */
export class Log implements Logger {
  readonly channel: vscode.LogOutputChannel;

  constructor() {
    this.channel = vscode.window.createOutputChannel('Cloud Image Explorer', { log: true });
  }

  debug(message: string): void {
    this.channel.debug(message);
  }

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string): void {
    this.channel.error(message);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
