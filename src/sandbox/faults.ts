// Faults and latency the emulator injects on request: per cloud and operation, a number of times.
import type { CloudKind } from '../providers/core/model';

/**
 * What a matching request gets instead of its answer. Before the request is served (nothing applied):
 * 'server-error' (the cloud's 5xx), 'throttle' (its throttling answer), 'timeout' (held, then dropped),
 * 'reset' (connection destroyed), 'malformed' (a garbled 200), 'echo' (a gateway in front of the cloud that
 * answers 400 with an HTML page quoting the whole request: request line, every header, the body),
 * 'echo-error' (the cloud's own error format whose message quotes it; both put the AccessKey ID, the
 * signature and any token in the body, as real gateways do). After it is served (applied, as a cloud that
 * did the work and then lost its reply): 'drop-reply' (connection destroyed instead of the answer),
 * 'error-after-apply' (the cloud's 5xx instead of the answer), 'stall' (the answer's status line and
 * headers, its Content-Length included, and then silence: no byte of the body until the connection is
 * dropped after the emulator's hangMs, as a server or a middlebox that stops half-way). Object storage
 * only: 'reset-mid-body' (the connection destroyed once half of the request's body has arrived: a part
 * cut off mid-upload, not stored).
 */
export type FaultKind =
  | 'server-error'
  | 'throttle'
  | 'timeout'
  | 'reset'
  | 'malformed'
  | 'echo'
  | 'echo-error'
  | 'drop-reply'
  | 'error-after-apply'
  | 'stall'
  | 'reset-mid-body';

export const FAULT_KINDS: readonly FaultKind[] = [
  'server-error',
  'throttle',
  'timeout',
  'reset',
  'malformed',
  'echo',
  'echo-error',
  'drop-reply',
  'error-after-apply',
  'stall',
  'reset-mid-body',
];

export interface FaultRule {
  readonly kind: FaultKind;
  readonly cloud?: CloudKind;
  /** Operation name (e.g. "DescribeImages"); every operation when absent. */
  readonly operation?: string;
  /** How many matching requests it hits; every one when absent. */
  times?: number;
}

/** Makes the next `times` async jobs (sandbox/jobs.ts) of a cloud/operation fail with `message`. */
export interface JobFailureRule {
  readonly cloud?: CloudKind;
  /** The operation that starts the job, e.g. "ExportImage"; every one when absent. */
  readonly operation?: string;
  /** How many jobs it fails; one when absent. */
  times?: number;
  readonly message?: string;
}

export const DEFAULT_JOB_FAILURE_MESSAGE = 'The task failed in the sandbox (injected fault).';

/**
 * Makes the cloud refuse one image: a request of the operation that names the image (in its path, query
 * or body) gets the cloud's own error instead of its answer, and nothing is applied. A batch that names it
 * is refused whole, as the clouds refuse a batch with one bad resource.
 */
export interface ImageRefusalRule {
  readonly cloud?: CloudKind;
  /** The changing operation, e.g. "DeleteImage", "TagResources", "AttachTags". */
  readonly operation: string;
  readonly imageId: string;
  /** How many matching requests it refuses; every one when absent. */
  times?: number;
  readonly message?: string;
  /** A request whose text holds this goes through, e.g. 'Force=true': a plain delete is refused, a forced one is not. */
  readonly unless?: string;
}

export const DEFAULT_REFUSAL_MESSAGE = 'The image cannot be changed now (injected fault).';

export interface LatencyRule {
  readonly ms: number;
  readonly cloud?: CloudKind;
  readonly operation?: string;
}

function matches(rule: { cloud?: CloudKind; operation?: string }, cloud: CloudKind, operation: string): boolean {
  return (!rule.cloud || rule.cloud === cloud) && (!rule.operation || rule.operation === operation);
}

export class FaultPlan {
  private faults: FaultRule[] = [];
  private latency: LatencyRule[] = [];
  private jobFailures: JobFailureRule[] = [];
  private refusals: ImageRefusalRule[] = [];

  add(rule: FaultRule): void {
    this.faults.push({ ...rule });
  }

  addLatency(rule: LatencyRule): void {
    this.latency.push(rule);
  }

  /** E.g. `failJobs({ cloud: 'alibaba', operation: 'ExportImage', times: 1, message: 'OSS write denied' })`. */
  failJobs(rule: JobFailureRule): void {
    this.jobFailures.push({ ...rule, times: rule.times ?? 1 });
  }

  /** E.g. `refuseImage({ cloud: 'alibaba', operation: 'DeleteImage', imageId: 'm-...' })`. */
  refuseImage(rule: ImageRefusalRule): void {
    this.refusals.push({ ...rule });
  }

  /** The refusal message for a request of this operation whose text names a refused image, consuming one of its times. */
  takeRefusal(cloud: CloudKind, operation: string, requestText: string): string | undefined {
    const rule = this.refusals.find((r) => matches(r, cloud, operation) && (r.times === undefined || r.times > 0) && requestText.includes(r.imageId) && !(r.unless && requestText.includes(r.unless)));
    if (!rule) {
      return undefined;
    }
    if (rule.times !== undefined) {
      rule.times--;
    }
    return `${rule.message ?? DEFAULT_REFUSAL_MESSAGE} [${rule.imageId}]`;
  }

  clear(): void {
    this.refusals = [];
    this.faults = [];
    this.latency = [];
    this.jobFailures = [];
  }

  /** The failure message for a job being started now, consuming one of its rule's times; undefined when it succeeds. */
  takeJobFailure(cloud: CloudKind, operation: string): string | undefined {
    const rule = this.jobFailures.find((r) => matches(r, cloud, operation) && (r.times ?? 1) > 0);
    if (!rule) {
      return undefined;
    }
    rule.times = (rule.times ?? 1) - 1;
    return rule.message ?? DEFAULT_JOB_FAILURE_MESSAGE;
  }

  /** The fault to inject for this request, consuming one of its times. */
  take(cloud: CloudKind, operation: string): FaultKind | undefined {
    const rule = this.faults.find((r) => matches(r, cloud, operation) && (r.times === undefined || r.times > 0));
    if (!rule) {
      return undefined;
    }
    if (rule.times !== undefined) {
      rule.times--;
    }
    return rule.kind;
  }

  delayFor(cloud: CloudKind, operation: string): number {
    return this.latency.filter((r) => matches(r, cloud, operation)).reduce((sum, r) => sum + r.ms, 0);
  }

  /**
   * From the environment: CIE_EMULATOR_LATENCY_MS=number, and
   * CIE_EMULATOR_FAULTS='[{"kind":"throttle","cloud":"alibaba","operation":"DescribeImages","times":2}]'
   * (a lost reply: '[{"kind":"drop-reply","cloud":"huawei","operation":"ExportImage","times":1}]').
   * A rule of kind "fail-job" makes jobs fail instead: {"kind":"fail-job","cloud":"alibaba","operation":"ExportImage","times":1,"message":"..."};
   * one of kind "refuse-image" refuses one image: {"kind":"refuse-image","cloud":"alibaba","operation":"DeleteImage","imageId":"m-..."}.
   */
  static fromEnv(env: NodeJS.ProcessEnv): FaultPlan {
    const plan = new FaultPlan();
    const latency = Number(env['CIE_EMULATOR_LATENCY_MS']);
    if (Number.isFinite(latency) && latency > 0) {
      plan.addLatency({ ms: latency });
    }
    const faults = env['CIE_EMULATOR_FAULTS'];
    if (faults) {
      const parsed = JSON.parse(faults) as Array<FaultRule | (JobFailureRule & { kind: 'fail-job' }) | (ImageRefusalRule & { kind: 'refuse-image' })>;
      for (const rule of parsed) {
        if (rule.kind === 'fail-job') {
          plan.failJobs(rule);
          continue;
        }
        if (rule.kind === 'refuse-image') {
          plan.refuseImage(rule);
          continue;
        }
        if (!FAULT_KINDS.includes(rule.kind)) {
          throw new Error(`CIE_EMULATOR_FAULTS: unknown fault kind "${String(rule.kind)}" (one of ${FAULT_KINDS.join(', ')})`);
        }
        plan.add(rule);
      }
    }
    return plan;
  }
}

/** One request as the emulator answered it (tests and the bench read the log). */
export interface RequestLogEntry {
  readonly time: number;
  readonly cloud: CloudKind;
  readonly method: string;
  readonly path: string;
  readonly operation: string;
  readonly status: number;
  readonly fault?: FaultKind;
  /** The error code the emulator answered with, if any. */
  readonly errorCode?: string;
  /**
   * Requests of the same cloud and operation being answered when this one arrived, itself included
   * (image APIs only): how many a client had in flight at once.
   */
  readonly inFlight?: number;
}
