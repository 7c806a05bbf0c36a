import type { CloudKind } from './model';
import { redact } from './redact';

export interface ProviderErrorInit {
  readonly cloud: CloudKind | 'local';
  /** The cloud's error code (e.g. "Throttling.User", "IMG.0024", "1200"), or one of ours ("NetworkError", "Timeout", "Aborted", "BadResponse"). */
  readonly code: string;
  readonly message: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  readonly retryable?: boolean;
  /** Seconds the server asked us to wait (Retry-After). */
  readonly retryAfterSeconds?: number;
  readonly cause?: unknown;
}

/**
 * The one error type every provider throws. Carries what a user and a support ticket need, and never a
 * credential: the message and request id pass through `redact` whoever built them (a cloud's error body,
 * a gateway's echo of the request, a network library).
 */
export class ProviderError extends Error {
  readonly cloud: CloudKind | 'local';
  readonly code: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  readonly retryable: boolean;
  readonly retryAfterSeconds?: number;
  /** How many attempts were made before this error was final (set by the HTTP layer). */
  attempts = 1;

  constructor(init: ProviderErrorInit) {
    super(redact(init.message), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ProviderError';
    this.cloud = init.cloud;
    this.code = init.code;
    this.requestId = init.requestId === undefined ? undefined : redact(init.requestId);
    this.httpStatus = init.httpStatus;
    this.retryable = init.retryable ?? false;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** One line for logs and error nodes: "Code: message (RequestId …)". */
  describe(): string {
    const rid = this.requestId ? ` (RequestId ${this.requestId})` : '';
    return `${this.code}: ${this.message}${rid}`;
  }

  static isAbort(err: unknown): boolean {
    return err instanceof ProviderError && err.code === 'Aborted';
  }
}

export function abortError(cloud: CloudKind | 'local', cause?: unknown): ProviderError {
  return new ProviderError({ cloud, code: 'Aborted', message: 'The request was cancelled.', cause });
}
