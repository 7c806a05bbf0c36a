// Async jobs in the sandbox, for every cloud: a job's phase and percentage follow the time elapsed
// on the emulator's clock since it started, over a configurable duration (EmulatorOptions.jobDurationMs,
// env CIE_EMULATOR_JOB_MS). Failures are injected through the fault plan (FaultPlan.failJobs): the
// next N jobs of a cloud/operation fail half-way with the given message.
import type { CloudKind } from '../providers/core/model';
import type { FaultPlan } from './faults';

export const DEFAULT_JOB_DURATION_MS = 6_000;

/** The first part of a job's duration it spends queued (and at most this long). */
const QUEUED_SHARE = 0.05;
const QUEUED_MAX_MS = 500;
/** Where on its way a failing job fails. */
const FAIL_AT = 0.5;

export type SandboxJobPhase = 'queued' | 'running' | 'succeeded' | 'failed';

export interface SandboxJob {
  readonly id: string;
  readonly cloud: CloudKind;
  /** The operation that started it, e.g. "ExportImage". */
  readonly operation: string;
  readonly startedAt: number;
  readonly durationMs: number;
  /** Set when the job is to fail: the cloud's error text. */
  readonly failure?: string;
}

export interface JobSnapshot {
  readonly phase: SandboxJobPhase;
  /** 0..100, whole numbers: elapsed / duration; frozen where a failed job failed. */
  readonly percent: number;
  /** When it succeeded or failed (emulator clock, ms). */
  readonly finishedAt?: number;
  readonly error?: string;
}

export class JobClock {
  constructor(
    private readonly now: () => number,
    /** Mutable so a test or a demo can speed jobs up or slow them down; applies to jobs started afterwards. */
    public durationMs: number = DEFAULT_JOB_DURATION_MS,
    private readonly faults?: FaultPlan,
  ) {}

  /** A new job as of now; it fails when the fault plan says the next job of this cloud/operation fails. */
  start(cloud: CloudKind, operation: string, id: string): SandboxJob {
    const failure = this.faults?.takeJobFailure(cloud, operation);
    return { id, cloud, operation, startedAt: this.now(), durationMs: Math.max(1, this.durationMs), failure };
  }

  snapshot(job: SandboxJob): JobSnapshot {
    return this.snapshotAt(job, this.now());
  }

  /** The job as it was at `at` (emulator clock, ms): where a cancelled job stopped. */
  snapshotAt(job: SandboxJob, at: number): JobSnapshot {
    const elapsed = Math.max(0, at - job.startedAt);
    if (job.failure !== undefined && elapsed >= job.durationMs * FAIL_AT) {
      return { phase: 'failed', percent: Math.floor(FAIL_AT * 100), finishedAt: job.startedAt + Math.ceil(job.durationMs * FAIL_AT), error: job.failure };
    }
    if (elapsed >= job.durationMs) {
      return { phase: 'succeeded', percent: 100, finishedAt: job.startedAt + job.durationMs };
    }
    const percent = Math.min(99, Math.floor((elapsed / job.durationMs) * 100));
    const queued = elapsed < Math.min(job.durationMs * QUEUED_SHARE, QUEUED_MAX_MS);
    return { phase: queued ? 'queued' : 'running', percent };
  }
}

/** The jobs of one handler, in start order, with their cloud-specific data. */
export class JobLedger<T> {
  private readonly entries = new Map<string, { job: SandboxJob; data: T }>();

  add(job: SandboxJob, data: T): void {
    this.entries.set(job.id, { job, data });
  }

  get(id: string): { job: SandboxJob; data: T } | undefined {
    return this.entries.get(id);
  }

  all(): Array<{ job: SandboxJob; data: T }> {
    return [...this.entries.values()];
  }
}
