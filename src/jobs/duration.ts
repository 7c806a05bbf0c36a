// How long a job has run, from word templates in the display language. Plain (no vscode): the details
// webview formats its ticking clock with the same function and the templates it is given.

export interface DurationWords {
  /** "{0} s" */
  readonly seconds: string;
  /** "{0} min {1} s" */
  readonly minutes: string;
  /** "{0} h {1} min" */
  readonly hours: string;
}

function fill(template: string, ...args: number[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));
}

/** "12 s", "3 min 4 s", "1 h 2 min" (in the words given). */
export function formatDuration(ms: number, words: DurationWords): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) {
    return fill(words.seconds, s);
  }
  const m = Math.floor(s / 60);
  if (m < 60) {
    return fill(words.minutes, m, s % 60);
  }
  return fill(words.hours, Math.floor(m / 60), m % 60);
}
