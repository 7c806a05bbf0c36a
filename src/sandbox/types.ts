// What the emulator core and each cloud's handler exchange.
import type { CloudKind } from '../providers/core/model';
import type { JobClock } from './jobs';
import type { QuotaPlan } from './quotas';
import type { SandboxObjectStores } from './storage/imageFiles';
import { jsonPieces } from './jsonBytes';

export interface EmulatorRequest {
  readonly method: string;
  readonly url: URL;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface EmulatorResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Text, or the UTF-8 bytes of a JSON answer in pieces (json(): the server writes them one after another). */
  readonly body: string | readonly Buffer[];
  /** For the request log, where an error is not told by the status (QingCloud answers errors with 200). */
  readonly errorCode?: string;
}

export interface KeyStore {
  secretOf(cloud: CloudKind, accessKeyId: string): string | undefined;
  /** True the first time a nonce is seen within the validity window. */
  claimNonce(cloud: CloudKind, nonce: string, now: number): boolean;
  now(): number;
  /**
   * The STS token a temporary key must come with; undefined for a long-term key (which must come
   * without one). Optional so that a bare key store (a unit test's) has no temporary keys.
   */
  securityTokenOf?(cloud: CloudKind, accessKeyId: string): string | undefined;
  /** The emulator's shared job clock (sandbox/jobs.ts); a handler makes its own when absent. */
  readonly jobClock?: JobClock;
  /** The emulator's quota ceilings (sandbox/quotas.ts); a handler uses the defaults when absent. */
  readonly quotas?: QuotaPlan;
  /** Images in a region, where the emulator's options replace the data set's own count (benchmarks). */
  imageCount?(cloud: CloudKind, regionId: string): number | undefined;
  /** The object stores (OSS, OBS) that imports read and exports write; absent in a bare key store. */
  readonly storage?: SandboxObjectStores;
}

export interface CloudHandler {
  readonly cloud: CloudKind;
  /** The operation a request asks for, for the request log, latency and fault rules. */
  operationOf(req: EmulatorRequest): string;
  /** Verifies the signature and serves the request. */
  handle(req: EmulatorRequest): EmulatorResponse;
  /** The cloud's own throttling answer. */
  throttled(req: EmulatorRequest): EmulatorResponse;
  /** The cloud's own internal-error answer. */
  serverError(req: EmulatorRequest): EmulatorResponse;
  /** The cloud's own answer to a malformed request, with this message. */
  rejected(message: string): EmulatorResponse;
  /** Tests only: adds `count` own, deletable images to a region; their IDs (see Emulator.seedImages). */
  seedImages?(regionId: string, count: number): string[];
  /** Tests only: whether a whole-machine image's backup still exists (Huawei). */
  backupExists?(backupId: string): boolean;
  /** Tests only: the backup service holds (or releases) a whole-machine image's backup (Huawei). */
  holdBackup?(backupId: string, held: boolean): void;
}

/** The request as a gateway that echoes it would quote it: request line, headers, blank line, body. */
export function echoOf(req: EmulatorRequest): string {
  const headers = Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`);
  return [`${req.method} ${req.url.pathname}${req.url.search} HTTP/1.1`, ...headers, '', req.body].join('\n');
}

/** A JSON answer: the bytes of JSON.stringify(body), its lists' items written once while they stay unchanged (jsonBytes.ts). */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, headers: { 'content-type': 'application/json;charset=utf-8', ...headers }, body: jsonPieces(body) };
}

/** An answer's body as text (to read an error code). */
export function bodyText(res: EmulatorResponse): string {
  return typeof res.body === 'string' ? res.body : Buffer.concat(res.body).toString('utf8');
}

/** An answer's body's length in bytes. */
export function bodyLength(res: EmulatorResponse): number {
  return typeof res.body === 'string' ? Buffer.byteLength(res.body) : res.body.reduce((n, piece) => n + piece.length, 0);
}

/** Whether a handler's result is an answer (rather than what a check passes on). */
export function isEmulatorResponse(v: unknown): v is EmulatorResponse {
  if (typeof v !== 'object' || v === null || typeof (v as EmulatorResponse).status !== 'number') {
    return false;
  }
  const body = (v as EmulatorResponse).body;
  return typeof body === 'string' || (Array.isArray(body) && body.every((piece) => Buffer.isBuffer(piece)));
}

/** Query params, then form-body params (POST), decoded as a web form is (`+` is a space). */
export function formParams(req: EmulatorRequest): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [k, v] of req.url.searchParams) {
    params[k] = v;
  }
  if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(req.body)) {
      params[k] = v;
    }
  }
  return params;
}
