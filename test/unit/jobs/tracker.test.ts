// The job tracker on a simulated clock: a cloud that asks one job per request (Huawei ShowJobProgress)
// is polled less for the jobs nobody looks at and at once for a job the user opens; a finished job is
// recorded as announced in global state before it is shown, so an abrupt crash never shows it twice.
import { strict as assert } from 'assert';
import { installVscodeShim } from '../helpers/vscodeShim';
installVscodeShim(); // before the tracker (it imports `vscode`)

import type { AccountStore } from '../../../src/accounts/store';
import type { Sessions } from '../../../src/accounts/session';
import type { TrackedJob } from '../../../src/jobs/model';
import type { JobTracker as Tracker } from '../../../src/jobs/tracker';
import type { JobStatus } from '../../../src/providers/core/jobs';
import type { Log } from '../../../src/util/log';
import type { UserInput } from '../../../src/util/userInput';
import { SimulatedClock } from '../helpers/simulatedClock';

const STATE_KEY = 'cloudImageExplorer.jobs';
const account = { id: 'hw', name: 'hw', cloud: 'huawei' as const, sandbox: true };

/** Global state as VS Code keeps it: what was written is a copy, read back by a tracker made after a crash. */
class Memento {
  stored: unknown;
  get<T>(_key: string, fallback?: T): T | undefined {
    return this.stored === undefined ? fallback : (JSON.parse(JSON.stringify(this.stored)) as T);
  }
  update(_key: string, value: unknown): Promise<void> {
    this.stored = JSON.parse(JSON.stringify(value));
    return Promise.resolve();
  }
  keys(): string[] {
    return [STATE_KEY];
  }
  jobs(): TrackedJob[] {
    return (this.stored as TrackedJob[] | undefined) ?? [];
  }
}

/** A cloud whose job query takes one job per request, counting the requests per job. */
class PerJobCloud {
  readonly asked = new Map<string, number>();
  readonly done = new Set<string>();
  readonly jobs = {
    statusPerJob: true,
    describeJobs: (_region: string, ids: readonly string[]): Promise<JobStatus[]> =>
      Promise.resolve(
        ids.map((jobId) => {
          this.asked.set(jobId, (this.asked.get(jobId) ?? 0) + 1);
          return this.done.has(jobId) ? { jobId, state: 'succeeded', cloudState: 'SUCCESS' } : { jobId, state: 'running', cloudState: 'RUNNING', percent: 10 };
        }),
      ),
  };
  total(): number {
    return [...this.asked.values()].reduce((a, b) => a + b, 0);
  }
}

interface Setup {
  readonly tracker: Tracker;
  readonly clock: SimulatedClock;
  readonly cloud: PerJobCloud;
  readonly memento: Memento;
  readonly shown: Array<{ message: string; recorded: boolean }>;
  /** Resolves when the tracker has shown its next announcement. */
  nextShown(): Promise<void>;
}

async function setup(memento = new Memento(), cloud = new PerJobCloud(), clock = new SimulatedClock()): Promise<Setup> {
  const { JobTracker } = await import('../../../src/jobs/tracker');
  const shown: Setup['shown'] = [];
  let onShown: (() => void) | undefined;
  const nextShown = (): Promise<void> => new Promise((resolve) => (onShown = resolve));
  const prompter = {
    notify: (_kind: string, message: string) => {
      queueMicrotask(() => onShown?.());
      // What global state says at the moment the announcement is shown.
      shown.push({ message, recorded: memento.jobs().filter((j) => j.state !== 'running' && j.state !== 'queued').every((j) => j.notified === true) });
      return Promise.resolve(undefined);
    },
  } as unknown as UserInput;
  const log = { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Log;
  const tracker = new JobTracker(
    memento as never,
    { get: () => account } as unknown as AccountStore,
    { provider: () => Promise.resolve({ jobs: cloud.jobs }) } as unknown as Sessions,
    log,
    prompter,
    clock,
  );
  return { tracker, clock, cloud, memento, shown, nextShown };
}

function job(n: number, startedAt: number): TrackedJob {
  return { accountId: account.id, cloud: 'huawei', regionId: 'cn-north-4', jobId: `job-${n}`, kind: 'export', imageId: `img-${n}`, imageName: `img-${n}`, startedAt, state: 'queued' };
}

describe('Job tracker', () => {
  it('asks at most 3 times a minute about each job nobody looks at, where each job is a request of its own', async () => {
    const s = await setup();
    const start = s.clock.now();
    for (let n = 0; n < 20; n++) {
      await s.tracker.track(job(n, start));
    }
    await s.clock.runUntil(start + 60_000 - 1); // one minute: [start, start + 60 s)
    assert.equal(s.cloud.asked.size, 20);
    for (const [jobId, n] of s.cloud.asked) {
      assert.ok(n <= 3, `${jobId} asked ${n} times in a minute`);
    }
    // And fewer as the jobs age: the second minute costs no more than the first.
    const firstMinute = s.cloud.total();
    await s.clock.runUntil(start + 120_000 - 1);
    assert.ok(s.cloud.total() - firstMinute <= firstMinute, `${s.cloud.total() - firstMinute} requests in the second minute, ${firstMinute} in the first`);
    s.tracker.dispose();
  });

  it('polls a job the user looks at as usual, and at once when the user starts looking, so a finished one is noticed then', async () => {
    const s = await setup();
    const start = s.clock.now();
    for (let n = 0; n < 5; n++) {
      await s.tracker.track(job(n, start));
    }
    await s.clock.runUntil(start + 10_000); // every job asked once at the start, then left for 20 s
    const before = s.cloud.asked.get('job-3') ?? 0;
    s.cloud.done.add('job-3');
    const panel = s.tracker.watchProgress('live', (j) => j.jobId === 'job-3');
    await s.clock.runUntil(s.clock.now()); // the poll the watch started, at the same instant
    assert.equal(s.cloud.asked.get('job-3'), before + 1);
    assert.equal(s.tracker.list().find((j) => j.jobId === 'job-3')?.state, 'succeeded');
    assert.equal(s.shown.length, 1);
    // The others were not asked again for it.
    assert.equal(s.cloud.asked.get('job-1'), before);
    panel.dispose();

    // A watched running job is polled at the usual cadence (every 1-3 s while young): many more than 3 a minute.
    s.tracker.watchProgress('live', (j) => j.jobId === 'job-4');
    const watchedBefore = s.cloud.asked.get('job-4') ?? 0;
    await s.clock.runUntil(s.clock.now() + 60_000 - 1);
    assert.ok((s.cloud.asked.get('job-4') ?? 0) - watchedBefore > 10);
    assert.ok((s.cloud.asked.get('job-1') ?? 0) - before <= 3);
    s.tracker.dispose();
  });

  it('records a finished job as announced before showing it, so a tracker started after an abrupt crash does not show it again', async () => {
    const memento = new Memento();
    const s = await setup(memento);
    const start = s.clock.now();
    await s.tracker.track(job(1, start));
    await s.tracker.track(job(2, start)); // keeps running: the clock always has a next poll
    s.cloud.done.add('job-1');
    await s.clock.runUntil(start + 5_000);
    assert.deepEqual(s.shown.map((x) => x.recorded), [true]);
    assert.equal(memento.jobs().find((j) => j.jobId === 'job-1')?.notified, true);

    // The host dies right after showing it: no dispose, no further write. A new host starts from what was recorded.
    const again = await setup(memento, s.cloud);
    await again.clock.runUntil(again.clock.now() + 5_000);
    assert.equal(again.shown.length, 0);
    s.tracker.dispose();
    again.tracker.dispose();
  });

  it('announces a job that finished while the host was down once, recorded first', async () => {
    const memento = new Memento();
    const finished: TrackedJob = { ...job(7, Date.now() - 60_000), state: 'succeeded', finishedAt: Date.now() };
    await memento.update(STATE_KEY, [finished]);
    const s = await setup(memento);
    if (!s.shown.length) {
      await s.nextShown();
    }
    assert.deepEqual(s.shown.map((x) => x.recorded), [true]);
    assert.equal(memento.jobs()[0]?.notified, true);
    const next = await setup(memento);
    assert.equal(next.shown.length, 0);
    s.tracker.dispose();
    next.tracker.dispose();
  });
});
