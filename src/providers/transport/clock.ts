// Clock skew: a cloud refuses a request whose signed time is too far from its own clock. When it does,
// the error says so with the skew measured from the answer's Date header, instead of the cloud's terse
// code ("InvalidTimeStamp.Expired", 1300, "verify aksk signature fail").
import { ProviderError } from '../core/errors';
import type { HttpResponse } from './http';

export interface ClockRule {
  /** How far the request's time may be from the cloud's. */
  readonly allowedMs: number;
  /** The cloud says the request's time is out of range. */
  isExpired(code: string, message: string): boolean;
  /** The cloud refused the signature (which a skewed clock also causes on some clouds). */
  isAuthFailure(code: string): boolean;
}

/** A request refused because this machine's clock is off: `skewMs` > 0 when the cloud's clock is ahead. */
export class ClockSkewError extends ProviderError {
  static override readonly brand: string = 'ClockSkewError';

  constructor(
    original: ProviderError,
    /** The cloud's time minus ours, from its Date header; undefined when it sent none. */
    readonly skewMs: number | undefined,
    readonly allowedMs: number,
  ) {
    const measured = skewMs === undefined ? 'not measured' : `this machine's clock is ${Math.round(Math.abs(skewMs) / 1000)} s ${skewMs > 0 ? 'behind' : 'ahead of'} the cloud's`;
    super({
      cloud: original.cloud,
      code: original.code,
      message: `${original.message} (clock skew: ${measured}; at most ${Math.round(allowedMs / 1000)} s is accepted)`,
      requestId: original.requestId,
      httpStatus: original.httpStatus,
      retryable: false,
      cause: original,
    });
    this.name = 'ClockSkewError';
  }
}

/** The cloud's time minus `now` (ms), from the answer's Date header. */
export function skewOf(res: HttpResponse, now: Date): number | undefined {
  const date = Date.parse(res.headers['date'] ?? '');
  return Number.isFinite(date) ? date - now.getTime() : undefined;
}

/**
 * Runs a cloud's interpretation of an answer; a refusal that is the clock's is rethrown as a ClockSkewError:
 * an expiry code (unless the clocks measurably agree, when the cloud's reason stands), or a signature
 * refusal while the clocks measurably differ by more than the cloud accepts. The Date header has
 * one-second resolution, so a second of margin is given.
 */
export function interpretWithClock<T>(interpret: (res: HttpResponse) => T, res: HttpResponse, now: Date, rule: ClockRule): T {
  try {
    return interpret(res);
  } catch (err) {
    if (!(err instanceof ProviderError) || err.cloud === 'local') {
      throw err;
    }
    const skew = skewOf(res, now);
    const beyond = skew !== undefined && Math.abs(skew) > rule.allowedMs + 1000;
    const expired = rule.isExpired(err.code, err.message) && (skew === undefined || beyond);
    if (expired || (rule.isAuthFailure(err.code) && beyond)) {
      throw new ClockSkewError(err, skew, rule.allowedMs);
    }
    throw err;
  }
}
