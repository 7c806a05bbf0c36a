// The one HTTP layer every provider uses: undici with keep-alive, per-attempt timeouts,
// retry with exponential backoff (throttling, 5xx, network faults), cancellation and an optional proxy.
// A change is never sent twice unless the first attempt provably did not reach the cloud: see CallKind.
import type { Readable } from 'stream';
import { request, type Dispatcher } from 'undici';
import { ProviderError, abortError, outcomeUnknown } from '../core/errors';
import type { CloudKind } from '../core/model';
import { excerpt } from './redact';
import { createDispatcher, type TransportSettings } from './proxy';

/**
 * What a call does, which decides what may be sent again after a failed attempt:
 * - 'read' changes nothing: retried on throttling, 5xx, timeouts, network faults and garbled bodies;
 * - 'idempotent' is a change the cloud documents as idempotent (or that carries an idempotency
 *   token): retried like a read;
 * - 'mutation' is any other change: sent again only when the attempt provably did not reach the
 *   cloud (`ProviderError.unprocessed`: no connection was made, or a throttling refusal the cloud
 *   documents as unprocessed). Any other doubt ends in an OutcomeUnknown error, never a second send:
 *   the provider then reads the state back (reconcile.ts).
 */
export type CallKind = 'read' | 'idempotent' | 'mutation';

/**
 * undici's errors that come before a single byte of the request was written: the name did not
 * resolve or the connection was never made (refused, unreachable, connect timeout). Anything later
 * (a reset or "other side closed" after the request was written, a headers or body timeout) may
 * come after the cloud acted on the request.
 */
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const NOT_CONNECTED_SYSCALLS = new Set(['connect', 'getaddrinfo']);

export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** The region the request is about, for messages; else found in its parameters or host (regionOf). */
  readonly region?: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text (an answer from the wire decodes its bytes when this is first read). */
  readonly body: string;
  /** The body's bytes as received: parseJson reads them without making the whole text (httpJson.ts). */
  readonly bytes?: Buffer;
}

/** An answer from the wire: its text made only if something asks for it (a JSON one is parsed from the bytes). */
function received(status: number, headers: Readonly<Record<string, string>>, bytes: Buffer): HttpResponse {
  let text: string | undefined;
  return {
    status,
    headers,
    bytes,
    get body(): string {
      text ??= bytes.toString('utf8');
      return text;
    },
  };
}

/** A request whose body is a stream, made afresh for each attempt (see HttpClient.exchange). */
export interface StreamRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Readable;
}

export interface StreamResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The answer's bytes, read once. */
  readonly body: AsyncIterable<Buffer> & NodeJS.ReadableStream;
  /** The answer as text, no further than the client's maxBodyBytes. */
  text(): Promise<string>;
}

function flatHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v !== undefined) {
      headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    }
  }
  return headers;
}

export interface Logger {
  debug(message: string): void;
  warn(message: string): void;
}

export interface HttpOptions {
  /** Per attempt: connect, headers and body each. Default 30 s. */
  readonly timeoutMs?: number;
  /**
   * The longest silence once the headers have come: a body that stops for this long is given up (a read
   * is then asked again once, a change never; see CallKind). Default 10 s.
   */
  readonly idleTimeoutMs?: number;
  /** The largest response body read, in bytes; a larger one is refused (ResponseTooLarge). Default 32 MiB. */
  readonly maxBodyBytes?: number;
  /** Total attempts, first included. Default 4. */
  readonly maxAttempts?: number;
  /** First backoff delay; doubles each retry (full jitter). Default 400 ms. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** http(s)://host:port of a proxy for every request (else the environment's; see transport.ts). */
  readonly proxy?: string;
  /** No-proxy hosts, certificate trust and the rest of how requests leave the machine. */
  readonly transport?: TransportSettings;
  readonly userAgent?: string;
  readonly logger?: Logger;
  /** Injected in tests. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
}

const silent: Logger = { debug: () => undefined, warn: () => undefined };

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError('local'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError('local'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

import { isStall, readBodyBytes, readBodyText, redactUrl, type BodyLimits } from './body';
import { parseJsonBytes } from './httpJson';

export { redactUrl, regionOf } from './body';

export class HttpClient {
  private readonly dispatcher: Dispatcher;
  private readonly timeoutMs: number;
  private readonly idleTimeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly logger: Logger;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  private readonly userAgent: string;

  constructor(options: HttpOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.idleTimeoutMs = Math.min(options.idleTimeoutMs ?? 10_000, this.timeoutMs);
    this.maxBodyBytes = options.maxBodyBytes ?? 32 * 1024 * 1024;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 4);
    this.baseDelayMs = options.baseDelayMs ?? 400;
    this.maxDelayMs = options.maxDelayMs ?? 8_000;
    this.logger = options.logger ?? silent;
    this.sleep = options.sleep ?? sleep;
    this.random = options.random ?? Math.random;
    this.userAgent = options.userAgent ?? 'cloud-image-explorer';
    this.dispatcher = createDispatcher({ ...options.transport, ...(options.proxy ? { proxy: options.proxy } : {}) }, this.timeoutMs);
  }

  /**
   * Sends a request, retrying what its kind allows (see CallKind). `build` is called once per attempt
   * so that each attempt is signed afresh (new nonce and timestamp); `interpret` turns a response into
   * a value or throws the cloud's ProviderError.
   */
  async send<T>(
    cloud: CloudKind,
    kind: CallKind,
    build: () => HttpRequest,
    interpret: (res: HttpResponse) => T,
    signal?: AbortSignal,
  ): Promise<T> {
    return this.retrying(cloud, kind, async () => interpret(await this.once(cloud, build(), signal)), signal);
  }

  /**
   * A request whose body and answer are streams (an object's part, an object's bytes), with the same
   * retries, proxy and redaction as `send`. `build` is called once per attempt and gives a fresh body;
   * `interpret` reads the answer (`res.text()` for a small one) and whatever it leaves is discarded.
   * No overall deadline: the dispatcher's connect, headers and body timeouts bound each stall instead.
   */
  async exchange<T>(
    cloud: CloudKind,
    kind: CallKind,
    build: () => StreamRequest,
    interpret: (res: StreamResponse) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    return this.retrying(
      cloud,
      kind,
      async () => {
        const req = build();
        const started = Date.now();
        const res = await request(req.url, {
          method: req.method as Dispatcher.HttpMethod,
          headers: { 'user-agent': this.userAgent, ...req.headers },
          body: req.body,
          dispatcher: this.dispatcher,
          signal,
        });
        this.logger.debug(`${cloud}: ${req.method} ${redactUrl(req.url)} -> ${res.statusCode} in ${Date.now() - started} ms`);
        const answer: StreamResponse = {
          status: res.statusCode,
          headers: flatHeaders(res.headers),
          body: res.body as AsyncIterable<Buffer> & NodeJS.ReadableStream,
          text: () => readBodyText(cloud, { method: req.method, url: req.url, headers: req.headers }, res.statusCode, res.body, this.bodyLimits()),
        };
        try {
          return await interpret(answer);
        } finally {
          // What interpret left is discarded (a little is read so the connection can be reused).
          if (!res.body.readableEnded) {
            await res.body.dump().catch(() => undefined);
          }
        }
      },
      signal,
    );
  }

  /** Runs attempts of one call, retrying what its kind allows (see CallKind). */
  private async retrying<T>(cloud: CloudKind, kind: CallKind, attempt: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    let stalls = 0;
    for (let n = 1; ; n++) {
      if (signal?.aborted) {
        throw abortError(cloud);
      }
      try {
        return await attempt();
      } catch (err) {
        const error = this.normalise(cloud, err, signal);
        error.attempts = n;
        // A server that stalled once is asked again once (a read); twice, the user decides (Retry).
        const stalledAgain = isStall(error) && ++stalls > 1;
        if (kind === 'mutation' && !error.unprocessed && (error.retryable || ProviderError.isAbort(error))) {
          // It may have been applied (even a cancelled one may have left): never sent again.
          this.logger.warn(`${cloud}: ${error.describe()}; a change is not sent again, its outcome is unknown`);
          throw outcomeUnknown(error);
        }
        const again = kind === 'mutation' ? error.unprocessed : error.retryable;
        if (!again || stalledAgain || n >= this.maxAttempts) {
          throw error;
        }
        const delay = this.backoff(n, error.retryAfterSeconds);
        this.logger.warn(`${cloud}: ${error.describe()}; retry ${n}/${this.maxAttempts - 1} in ${delay} ms`);
        await this.sleep(delay, signal).catch(() => {
          throw abortError(cloud);
        });
      }
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  private backoff(attempt: number, retryAfterSeconds?: number): number {
    if (retryAfterSeconds !== undefined && retryAfterSeconds >= 0) {
      return Math.min(this.maxDelayMs, retryAfterSeconds * 1000);
    }
    const cap = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    // "Equal jitter": never less than half the cap, so retries really do spread out.
    return Math.round(cap / 2 + (this.random() * cap) / 2);
  }

  private async once(cloud: CloudKind, req: HttpRequest, signal?: AbortSignal): Promise<HttpResponse> {
    const started = Date.now();
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const res = await request(req.url, {
      method: req.method as Dispatcher.HttpMethod,
      headers: { 'user-agent': this.userAgent, ...req.headers },
      body: req.body,
      dispatcher: this.dispatcher,
      signal: combined,
    });
    const bytes = await readBodyBytes(cloud, req, res.statusCode, res.body, this.bodyLimits());
    const headers = flatHeaders(res.headers);
    this.logger.debug(`${cloud}: ${req.method} ${redactUrl(req.url)} -> ${res.statusCode} in ${Date.now() - started} ms`);
    return received(res.statusCode, headers, bytes);
  }

  private bodyLimits(): BodyLimits {
    return { idleTimeoutMs: this.idleTimeoutMs, maxBodyBytes: this.maxBodyBytes };
  }

  private normalise(cloud: CloudKind, err: unknown, signal?: AbortSignal): ProviderError {
    if (err instanceof ProviderError) {
      return err;
    }
    if (signal?.aborted) {
      return abortError(cloud, err);
    }
    const e = err as { name?: string; code?: string; message?: string; syscall?: string };
    const timedOut = e.name === 'TimeoutError' || /Timeout/i.test(e.code ?? '') || e.name === 'AbortError';
    if (timedOut) {
      return new ProviderError({
        cloud,
        code: 'Timeout',
        message: `No answer within ${Math.round(this.timeoutMs / 1000)} s.`,
        retryable: true,
        // Only undici's connect timeout says the request was never written.
        unprocessed: e.code === 'UND_ERR_CONNECT_TIMEOUT',
        cause: err,
      });
    }
    return new ProviderError({
      cloud,
      code: 'NetworkError',
      message: `${e.code ?? e.name ?? 'Error'}: ${e.message ?? String(err)}`,
      retryable: true,
      unprocessed: NOT_CONNECTED_CODES.has(e.code ?? '') || NOT_CONNECTED_SYSCALLS.has(e.syscall ?? ''),
      cause: err,
    });
  }
}

/** Parses a JSON body or throws a ProviderError that says the body was not what the cloud sends. */
export function parseJson(cloud: CloudKind, res: HttpResponse): unknown {
  try {
    if (res.bytes) {
      return res.bytes.length ? parseJsonBytes(res.bytes) : {};
    }
    return res.body.length ? JSON.parse(res.body) : {};
  } catch (cause) {
    return badResponse(cloud, res, cause);
  }
}

export function badResponse(cloud: CloudKind, res: HttpResponse, cause?: unknown): never {
  throw new ProviderError({
    cloud,
    code: 'BadResponse',
    message: `Unexpected response (HTTP ${res.status}): ${excerpt(res.body)}`,
    httpStatus: res.status,
    // A garbled 2xx or 5xx is worth asking again for a read; a change that got one has an unknown outcome.
    retryable: res.status >= 500 || (res.status >= 200 && res.status < 300),
    cause,
  });
}

export function retryAfter(res: HttpResponse): number | undefined {
  const v = res.headers['retry-after'];
  if (v === undefined) {
    return undefined;
  }
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}
