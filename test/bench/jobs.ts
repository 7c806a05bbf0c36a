// Requests the job tracker makes for 20 running jobs in 2 regions over 60 s: the real JobTracker and
// providers against the emulator, on a simulated clock shared by the tracker, the signer and the
// emulator's job clock, so a minute of polling takes a moment (the requests themselves are real).
import type { AccountStore } from '../../src/accounts/store';
import type { Sessions } from '../../src/accounts/session';
import type { TrackedJob } from '../../src/jobs/model';
import type { CloudKind, Image } from '../../src/providers/core/model';
import type { ChangeResult } from '../../src/providers/core/changes';
import type { ImageProvider } from '../../src/providers/core/provider';
import { Emulator } from '../../src/sandbox/emulator';
import type { Log } from '../../src/util/log';
import type { UserInput } from '../../src/util/userInput';
import { SimulatedClock } from '../unit/helpers/simulatedClock';
import { HttpClient, providerOn } from './common';

const WINDOW_MS = 60_000;
const JOBS_PER_REGION = 10;

export type Looking = 'nobody' | 'panel' | 'jobs view' | 'every job (before)';

export interface PollingRow {
  readonly cloud: CloudKind;
  readonly looking: Looking;
  readonly regions: number;
  readonly jobs: number;
  readonly polls: number;
  readonly requests: number;
  readonly byOperation: Readonly<Record<string, number>>;
  /** Huawei: the most requests one job nobody looks at cost in the minute. */
  readonly maxPerUnwatchedJob?: number;
}

interface Setup {
  readonly regions: readonly string[];
  readonly own: (p: ImageProvider, regionId: string) => Promise<readonly Image[]>;
  readonly start: (p: ImageProvider, regionId: string, image: Image) => Promise<ChangeResult>;
  readonly kind: TrackedJob['kind'];
}

const ownOf = (status: string) => async (p: ImageProvider, regionId: string) =>
  (await p.listImages({ regionId, pageSize: p.maxPageSize, filter: { owner: 'self', status } })).items;

const SETUPS: Partial<Record<CloudKind, Setup>> = {
  alibaba: {
    regions: ['cn-hangzhou', 'cn-shanghai'],
    own: ownOf('Available'),
    start: (p, r, i) => p.exporting!.exportImage(r, i.id, { bucket: 'image-archive', object: 'bench', format: 'qcow2' }),
    kind: 'export',
  },
  huawei: {
    regions: ['cn-north-4', 'cn-east-3'],
    own: ownOf('active'),
    start: (p, r, i) => p.exporting!.exportImage(r, i.id, { bucket: 'bench-bucket', object: 'exports/bench.qcow2', format: 'qcow2' }),
    kind: 'export',
  },
  qingcloud: {
    regions: ['pek3', 'sh1a'],
    own: ownOf('available'),
    start: (p, r, i) => p.deleting!.deleteImages(r, [i.id], {}),
    kind: 'delete',
  },
};

function memento(): { get<T>(k: string, d?: T): T | undefined; update(): Promise<void>; keys(): string[] } {
  return { get: <T>(_k: string, d?: T) => d, update: () => Promise.resolve(), keys: () => [] };
}

export async function pollingRow(cloud: CloudKind, looking: Looking): Promise<PollingRow> {
  const setup = SETUPS[cloud];
  if (!setup) {
    throw new Error(`no job set-up for ${cloud}`);
  }
  const { JobTracker } = await import('../../src/jobs/tracker');
  const clock = new SimulatedClock();
  const emulator = new Emulator({ now: () => clock.now(), jobDurationMs: 10 * WINDOW_MS });
  await emulator.start();
  const http = new HttpClient();
  const provider = providerOn(emulator, cloud, http, { now: () => new Date(clock.now()) });
  const account = { id: `bench-${cloud}`, name: 'bench', cloud, sandbox: true };
  const silent = { info: () => undefined, warn: (m: string) => console.warn(m), error: (m: string) => console.warn(m) };
  const tracker = new JobTracker(
    memento() as never,
    { get: () => account } as unknown as AccountStore,
    { provider: () => Promise.resolve(provider) } as unknown as Sessions,
    silent as unknown as Log,
    { notify: () => Promise.resolve(undefined) } as unknown as UserInput,
    clock,
  );
  try {
    const started: TrackedJob[] = [];
    for (const regionId of setup.regions) {
      for (const image of (await setup.own(provider, regionId)).slice(0, JOBS_PER_REGION)) {
        const { job } = await setup.start(provider, regionId, image);
        if (job) {
          started.push({ accountId: account.id, cloud, regionId, jobId: job.jobId, kind: setup.kind, imageId: image.id, imageName: image.name, startedAt: clock.now(), state: 'queued' });
        }
      }
    }
    if (looking === 'panel') {
      const watched = started[0]!;
      tracker.watchProgress('live', (j) => j.imageId === watched.imageId);
    } else if (looking === 'jobs view') {
      tracker.watchProgress('slow', () => true);
    } else if (looking === 'every job (before)') {
      tracker.watchProgress('live', () => true);
    }
    const mark = emulator.requestLog.length;
    const end = clock.now() + WINDOW_MS - 1; // a minute: [start, start + 60 s)
    for (const job of started) {
      await tracker.track(job);
    }
    const polls = await clock.runUntil(end);
    const requests = emulator.requestsSince(mark);
    const byOperation: Record<string, number> = {};
    const perJob = new Map<string, number>();
    for (const r of requests) {
      byOperation[r.operation] = (byOperation[r.operation] ?? 0) + 1;
      const job = /\/job\/([^/?]+)/.exec(r.path)?.[1];
      if (r.operation === 'ShowJobProgress' && job) {
        perJob.set(job, (perJob.get(job) ?? 0) + 1);
      }
    }
    const stillRunning = tracker.active().length;
    if (stillRunning !== started.length) {
      throw new Error(`${cloud}: ${started.length - stillRunning} job(s) ended within the minute`);
    }
    console.log(`[bench] polling ${cloud}, ${looking}: ${requests.length} requests in ${polls} polls`);
    const unwatched = [...perJob.entries()].filter(([id]) => looking === 'nobody' || (looking === 'panel' && id !== started[0]!.jobId)).map(([, n]) => n);
    return { cloud, looking, regions: setup.regions.length, jobs: started.length, polls, requests: requests.length, byOperation, maxPerUnwatchedJob: unwatched.length ? Math.max(...unwatched) : undefined };
  } finally {
    tracker.dispose();
    await http.close();
    await emulator.stop();
  }
}

export async function pollingRows(): Promise<PollingRow[]> {
  const rows: PollingRow[] = [];
  for (const looking of ['nobody', 'panel', 'jobs view', 'every job (before)'] as const) {
    rows.push(await pollingRow('alibaba', looking));
  }
  rows.push(await pollingRow('qingcloud', 'nobody'));
  for (const looking of ['nobody', 'panel', 'jobs view'] as const) {
    rows.push(await pollingRow('huawei', looking));
  }
  return rows;
}
