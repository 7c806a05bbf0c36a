// What a user's shell has after pasting the Local Cloud Endpoint's environment: the tests read the
// variables from the text itself, so what they drive the SDKs with is what Copy Environment gives.
import { execFileSync } from 'child_process';

/** The variables a POSIX shell has after running the text. */
export function exported(text: string, names: readonly string[]): Record<string, string> {
  const out = execFileSync('sh', ['-c', `${text}\n${names.map((n) => `printf '%s\\n' "$${n}"`).join('\n')}`], { encoding: 'utf8' });
  const values = out.split('\n');
  return Object.fromEntries(names.map((n, i) => [n, values[i] ?? '']));
}
