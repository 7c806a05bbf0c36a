// Something shown once per installation (the walkthrough): remembered by a flag in global state. No vscode
// import, so the rule is tested on its own.

export interface Flags {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/** Runs `open` unless `key` says it ran before; whether it ran now. The flag is set first: a failure is not retried at every start. */
export async function openOnce(state: Flags, key: string, open: () => Thenable<unknown>): Promise<boolean> {
  if (state.get<boolean>(key)) {
    return false;
  }
  await state.update(key, true);
  await open();
  return true;
}
