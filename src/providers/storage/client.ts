// One object-storage client for OSS and OBS (their differences are a StorageDialect): every call signed
// afresh per attempt, sent through the one HTTP layer (proxy, certificates, retries, redaction), the
// vendor's XML error body mapped to a ProviderError. Bodies stream both ways; nothing is held whole.
import type { Readable } from 'stream';
import { ProviderError } from '../core/errors';
import type { ProviderContext } from '../core/provider';
import { clockOf } from '../shared/common';
import type { CallKind, StreamResponse } from '../transport/http';
import { excerpt } from '../transport/redact';
import { resourcePath, storageQueryString } from './signers';
import type { BucketAddress, StorageDialect, StorageRequest } from './types';
import { parseXml, textOf, type XmlNode } from './xml';

/** Codes the stores answer when they refuse a request before doing it (S3's SlowDown and kin). */
const THROTTLING = new Set(['SlowDown', 'Throttling', 'TooManyRequests', 'RequestLimitExceeded', 'QpsLimitExceeded']);

export interface CallOptions {
  readonly kind: CallKind;
  /** A fresh body per attempt (a part, a file), with its length. */
  readonly body?: () => Readable;
  readonly contentLength?: number;
  readonly signal?: AbortSignal;
}

/**
 * Where requests go. With the account's endpoint override (the sandbox, a private endpoint or a
 * gateway) every request goes to that origin with the bucket in the path (`origin/bucket/key`), which
 * OSS and OBS both sign the same way; otherwise to the region's virtual-hosted bucket host over HTTPS.
 */
export function addressOf(ctx: Pick<ProviderContext, 'endpoint'>, dialect: StorageDialect, region: string, bucket?: string): BucketAddress {
  if (ctx.endpoint) {
    return { origin: new URL(ctx.endpoint).origin, pathStyle: true };
  }
  return { origin: `https://${bucket ? dialect.bucketHost(bucket, region) : dialect.serviceHost(region)}`, pathStyle: false };
}

export function urlOf(address: BucketAddress, req: StorageRequest): string {
  const path = address.pathStyle ? resourcePath(req.bucket, req.key) : resourcePath(undefined, req.key);
  const qs = storageQueryString(req.query ?? {});
  return `${address.origin}${path}${qs ? `?${qs}` : ''}`;
}

/** The store's error (XML body, or the status alone for HEAD) as a ProviderError with its Code, Message and RequestId. */
export async function storageError(dialect: StorageDialect, res: StreamResponse): Promise<ProviderError> {
  const text = res.status === 304 ? '' : await res.text().catch(() => '');
  const root = parseXml(text);
  const code = (root?.name === 'Error' ? textOf(root, 'Code') : undefined) || `HTTP${res.status}`;
  const message = (root?.name === 'Error' ? textOf(root, 'Message') : undefined) || (text ? excerpt(text) : `HTTP ${res.status}`);
  const throttled = THROTTLING.has(code) || res.status === 429;
  const retryAfter = Number(res.headers['retry-after']);
  return new ProviderError({
    cloud: dialect.cloud,
    code,
    message,
    requestId: (root ? textOf(root, 'RequestId') : undefined) ?? res.headers[dialect.requestIdHeader],
    httpStatus: res.status,
    retryable: throttled || res.status >= 500,
    unprocessed: throttled,
    retryAfterSeconds: Number.isFinite(retryAfter) && res.headers['retry-after'] !== undefined ? retryAfter : undefined,
  });
}

/** The parsed XML answer of a successful call, or a BadResponse. */
export async function xmlAnswer(dialect: StorageDialect, res: StreamResponse, rootName: string): Promise<XmlNode> {
  const text = await res.text();
  const root = parseXml(text);
  if (!root || root.name !== rootName) {
    throw new ProviderError({
      cloud: dialect.cloud,
      code: 'BadResponse',
      message: `Unexpected response (HTTP ${res.status}): ${excerpt(text)}`,
      httpStatus: res.status,
      retryable: true,
    });
  }
  return root;
}

export function unquote(etag: string | undefined): string {
  return (etag ?? '').replace(/^W\//, '').replace(/^"|"$/g, '');
}

/** Signs and sends requests of one region's store. */
export class StorageTransport {
  constructor(
    readonly ctx: ProviderContext,
    readonly dialect: StorageDialect,
    readonly region: string,
  ) {}

  /**
   * Sends one request; `interpret` gets every 2xx (and what `accept` lets through, e.g. a 404 on HEAD),
   * anything else is the store's error.
   */
  call<T>(req: StorageRequest, options: CallOptions, interpret: (res: StreamResponse) => Promise<T>, accept: (status: number) => boolean = () => false): Promise<T> {
    const address = addressOf(this.ctx, this.dialect, this.region, req.bucket);
    const url = urlOf(address, req);
    const { credentials } = this.ctx;
    return this.ctx.http.exchange(
      this.dialect.cloud,
      options.kind,
      () => {
        const base: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers ?? {})) {
          base[k.toLowerCase()] = v;
        }
        if (options.contentLength !== undefined) {
          base['content-length'] = String(options.contentLength);
        }
        const headers = this.dialect.sign(
          {
            method: req.method,
            bucket: req.bucket,
            key: req.key,
            query: req.query ?? {},
            headers: base,
            accessKeyId: credentials.accessKeyId,
            accessKeySecret: credentials.accessKeySecret,
            securityToken: credentials.securityToken,
            date: clockOf(this.ctx),
          },
          this.region,
        );
        return { method: req.method, url, headers, body: options.body?.() };
      },
      async (res) => {
        if ((res.status >= 200 && res.status < 300) || accept(res.status)) {
          return interpret(res);
        }
        throw await storageError(this.dialect, res);
      },
      options.signal,
    );
  }
}
