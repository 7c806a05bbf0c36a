// A proxy's own failure, as an error. Apart from the transport (which needs undici) so that the
// extension can tell it apart at activation without loading the HTTP stack.
import { ProviderError } from '../core/errors';

export type ProxyFailure = { readonly reason: 'setting' } | { readonly reason: 'unreachable'; readonly code: string } | { readonly reason: 'refused'; readonly status: number };

/** A proxy that could not be reached or answered the tunnel with a 5xx may work next time; nothing else will. */
function passing(failure: ProxyFailure): boolean {
  return failure.reason === 'unreachable' || (failure.reason === 'refused' && failure.status >= 500);
}

/** A proxy's own failure: the proxy setting, the proxy itself unreachable, or its refusal of the tunnel. */
export class ProxyError extends ProviderError {
  static override readonly brand: string = 'ProxyError';

  constructor(
    /** host:port of the proxy (no credentials), or the setting as written when it is not a URL. */
    readonly proxy: string,
    readonly failure: ProxyFailure,
    cause?: unknown,
  ) {
    super({
      cloud: 'local',
      code: 'ProxyError',
      message:
        failure.reason === 'setting'
          ? `The proxy setting "${proxy}" is not a URL.`
          : failure.reason === 'unreachable'
            ? `The proxy ${proxy} cannot be reached (${failure.code}).`
            : `The proxy ${proxy} refused the connection (HTTP ${failure.status}).`,
      httpStatus: failure.reason === 'refused' ? failure.status : undefined,
      // Nothing reached the cloud: safe to try again (a change too), except where only the user can fix it.
      retryable: passing(failure),
      unprocessed: passing(failure),
      cause,
    });
    this.name = 'ProxyError';
  }
}

