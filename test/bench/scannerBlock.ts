// The longest block of this thread while some work runs: the longest gap between two ticks of a 1 ms
// timer, the CPU the thread used in that gap (its own, from Linux's schedstat; else the process's), and
// the most CPU it used in any one gap (on a loaded machine a long gap with little CPU in it is the
// scheduler's, not the work's). Shared by the scanner's rows.
import * as fs from 'fs';

export interface Block {
  /** The longest gap between two ticks of a 1 ms timer: how long the thread was held at once, as a user feels it. */
  readonly blockMs: number;
  /** The CPU time this thread used during that gap (the process's, all threads, where the thread's own cannot be read). */
  readonly cpuMs: number;
  /** The most CPU time this thread used in any one gap: its longest work at once, whatever the machine's scheduler did. */
  readonly busiestMs: number;
  readonly wallMs: number;
}

/** The main thread's own CPU time (Linux schedstat, ns), read where the system offers it. */
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
const threadCpu = ((): (() => number) | undefined => {
  try {
    fs.readFileSync(SCHEDSTAT, 'utf8');
    return () => Number(fs.readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
})();

/** Whether the CPU figures are the main thread's own (else the process's, all threads). */
export const THREAD_CPU = threadCpu !== undefined;

const cpuNow =
  threadCpu ??
  ((): number => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  });

/** The longest gap between the ticks of a 1 ms timer while `work` runs, the CPU used in it, and the most CPU in any gap. */
export async function longestBlock<T>(work: () => Promise<T>): Promise<Block & { value: T }> {
  let worst = 0;
  let worstCpu = 0;
  let busiest = 0;
  let last = performance.now();
  let lastCpu = cpuNow();
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = cpuNow();
    if (now - last > worst) {
      worst = now - last;
      worstCpu = cpu - lastCpu;
    }
    busiest = Math.max(busiest, cpu - lastCpu);
    last = now;
    lastCpu = cpu;
  }, 1);
  const started = performance.now();
  try {
    const value = await work();
    const wallMs = performance.now() - started;
    // The timer's next tick, so that work that never gave the thread back is counted as one block.
    await new Promise((resolve) => setTimeout(resolve, 2));
    return { value, blockMs: worst, cpuMs: worstCpu, busiestMs: busiest, wallMs };
  } finally {
    clearInterval(timer);
  }
}

