import type { CloudKind } from './model';
import { redact } from '../transport/redact';

/** The changes a user can ask of an image, for an unknown outcome's words. */
export type ChangeKind = 'delete' | 'export' | 'share' | 'unshare' | 'tag' | 'untag' | 'copy' | 'cancel' | 'edit' | 'import' | 'accept' | 'reject';

/**
 * A change whose request may or may not have been applied (the reply was lost or unclear, see
 * http.ts), and what reading the cloud's state back afterwards (reconcile.ts) showed.
 */
export interface UnknownOutcome {
  readonly change: ChangeKind;
  readonly imageIds: readonly string[];
  /**
   * 'no-change': the state read back does not show the change (it may not have happened, or an async
   * job may not have got there yet); 'undecidable': the cloud offers no way to tell, or reading failed.
   */
  readonly readBack: 'no-change' | 'undecidable';
}

export interface ProviderErrorInit {
  readonly cloud: CloudKind | 'local';
  /**
   * The cloud's error code (e.g. "Throttling.User", "IMG.0024", "1200"), or one of ours ("NetworkError",
   * "Timeout", "Aborted", "BadResponse", "OutcomeUnknown").
   */
  readonly code: string;
  readonly message: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  /** Worth sending again if the call changes nothing (a read): throttling, 5xx, network faults, timeouts, garbled bodies. */
  readonly retryable?: boolean;
  /**
   * The cloud provably did not act on the request: the connection was never made, or the cloud
   * documents this answer as a refusal before processing (throttling). Only then is a change sent again.
   */
  readonly unprocessed?: boolean;
  /** Seconds the server asked us to wait (Retry-After). */
  readonly retryAfterSeconds?: number;
  readonly outcome?: UnknownOutcome;
  readonly cause?: unknown;
}

/**
 * The mark of a class of error on its instances. The provider stack is a bundle of its own
 * (dist/providers.js, loaded on first use), so the extension and the stack each have a copy of these
 * classes: `instanceof` checks the marks, not the copy, and holds for an error of either. Each class
 * (subclasses too) names itself in `static brand`; names survive minification, class names do not.
 */
function mark(brand: string): symbol {
  return Symbol.for(`cloud-image-explorer.error.${brand}`);
}

/**
 * The one error type every provider throws. Carries what a user and a support ticket need, and never a
 * credential: the message and request id pass through `redact` whoever built them (a cloud's error body,
 * a gateway's echo of the request, a network library).
 */
export class ProviderError extends Error {
  static readonly brand: string = 'ProviderError';

  /**
   * `this` is the class asked about: ProviderError, or a subclass with a brand of its own (ProxyError);
   * a subclass without one is asked about by its prototype, as usual.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (!Object.prototype.hasOwnProperty.call(this, 'brand')) {
      return Function.prototype[Symbol.hasInstance].call(this, value);
    }
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[mark(this.brand)] === true;
  }

  readonly cloud: CloudKind | 'local';
  readonly code: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  readonly retryable: boolean;
  readonly unprocessed: boolean;
  readonly retryAfterSeconds?: number;
  /** Set on an OutcomeUnknown error once the provider has read the state back. */
  readonly outcome?: UnknownOutcome;
  /** How many attempts were made before this error was final (set by the HTTP layer). */
  attempts = 1;

  constructor(init: ProviderErrorInit) {
    super(redact(init.message), init.cause === undefined ? undefined : { cause: init.cause });
    // Marked with the brand of its class and of each class above it (see `mark`).
    for (let c: { brand?: string } | null = new.target; c && c !== Error; c = Object.getPrototypeOf(c) as { brand?: string } | null) {
      if (Object.prototype.hasOwnProperty.call(c, 'brand')) {
        Object.defineProperty(this, mark(c.brand ?? ''), { value: true });
      }
    }
    this.name = 'ProviderError';
    this.cloud = init.cloud;
    this.code = init.code;
    this.requestId = init.requestId === undefined ? undefined : redact(init.requestId);
    this.httpStatus = init.httpStatus;
    this.retryable = init.retryable ?? false;
    this.unprocessed = init.unprocessed ?? false;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.outcome = init.outcome;
  }

  /** One line for logs and error nodes: "Code: message (RequestId …)". */
  describe(): string {
    const rid = this.requestId ? ` (RequestId ${this.requestId})` : '';
    return `${this.code}: ${this.message}${rid}`;
  }

  static isAbort(err: unknown): boolean {
    return err instanceof ProviderError && err.code === 'Aborted';
  }

  static isOutcomeUnknown(err: unknown): err is ProviderError {
    return err instanceof ProviderError && err.code === OUTCOME_UNKNOWN;
  }
}

export const OUTCOME_UNKNOWN = 'OutcomeUnknown';

export function abortError(cloud: CloudKind | 'local', cause?: unknown): ProviderError {
  return new ProviderError({ cloud, code: 'Aborted', message: 'The request was cancelled.', cause });
}

/**
 * A change sent once whose reply did not settle it: `cause` is what happened instead (a lost or garbled
 * reply, a timeout, a 5xx). The request may have been applied, so it is not sent again.
 */
export function outcomeUnknown(cause: ProviderError, outcome?: UnknownOutcome): ProviderError {
  const err = new ProviderError({
    cloud: cause.cloud,
    code: OUTCOME_UNKNOWN,
    message: `The change was sent once, and whether the cloud applied it is unknown (${cause.describe()}).`,
    requestId: cause.requestId,
    httpStatus: cause.httpStatus,
    outcome,
    cause,
  });
  err.attempts = cause.attempts;
  return err;
}
