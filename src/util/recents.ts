import type * as vscode from 'vscode';

/** Recently used values (tags, buckets, member IDs), most recent first, kept in global state. */
export class Recents {
  constructor(
    private readonly state: vscode.Memento,
    private readonly key: string,
    private readonly max = 20,
  ) {}

  list(): string[] {
    return this.state.get<string[]>(this.key, []);
  }

  async add(...values: string[]): Promise<void> {
    const next = [...values, ...this.list().filter((v) => !values.includes(v))].slice(0, this.max);
    await this.state.update(this.key, next);
  }
}
