import type { CloudKind } from './model';

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
 * Set on every ProviderError. The provider stack is a bundle of its own (dist/providers.js, loaded on
 * first use), so the extension and the stack each have a copy of this class: `instanceof` checks this
 * mark, not the copy, and holds for an error of either.
 */
const PROVIDER_ERROR = Symbol.for('cloud-image-explorer.ProviderError');

/** The one error type every provider throws. Carries what a user and a support ticket need. */
export class ProviderError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PROVIDER_ERROR] === true;
  }

  readonly cloud: CloudKind | 'local';
  readonly code: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  readonly retryable: boolean;
  readonly retryAfterSeconds?: number;
  /** How many attempts were made before this error was final (set by the HTTP layer). */
  attempts = 1;

  constructor(init: ProviderErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ProviderError';
    this.cloud = init.cloud;
    this.code = init.code;
    this.requestId = init.requestId;
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
Object.defineProperty(ProviderError.prototype, PROVIDER_ERROR, { value: true });

export function abortError(cloud: CloudKind | 'local', cause?: unknown): ProviderError {
  return new ProviderError({ cloud, code: 'Aborted', message: 'The request was cancelled.', cause });
}
