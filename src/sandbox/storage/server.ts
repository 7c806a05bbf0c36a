// The sandbox's object stores on the clouds' ports: a request signed for OSS (on the Alibaba port) or
// OBS (on the Huawei port) is served here, streaming, instead of by the image API's handler. Latency and
// faults come from the emulator's FaultPlan, by operation name (UploadPart, CompleteMultipartUpload...).
import type * as http from 'http';
import { pipeline } from 'stream/promises';
import type { CloudKind } from '../../providers/core/model';
import type { StorageQuery } from '../../providers/storage/signers';
import type { StorageCloud } from '../../providers/storage/types';
import type { FaultKind, FaultPlan, RequestLogEntry } from '../faults';
import type { KeyStore } from '../types';
import { storageCloudOf, verify, type StorageCall } from './auth';
import { seedBuckets } from './buckets';
import { operationOf, StorageOperations } from './operations';
import { REQUEST_ID_HEADER, serverErrorReply, throttledReply, type Reply } from './replies';
import { SandboxObjectStore } from './store';

/** A request to the object store, as the emulator's log keeps it (the emulator stamps the time). */
export type StorageLogEntry = Omit<RequestLogEntry, 'time'>;

export interface StorageHost {
  readonly keys: KeyStore;
  readonly faults: FaultPlan;
  readonly hangMs: number;
  log(entry: StorageLogEntry): void;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The query as the stores read it: a parameter without "=" is a bare sub-resource (null). */
function queryOf(search: string): StorageQuery {
  const q: Record<string, string | null> = {};
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (part) {
      const eq = part.indexOf('=');
      q[decode(eq < 0 ? part : part.slice(0, eq))] = eq < 0 ? null : decode(part.slice(eq + 1));
    }
  }
  return q;
}

export class SandboxStorage {
  readonly stores: Readonly<Record<StorageCloud, SandboxObjectStore>> = {
    alibaba: new SandboxObjectStore('alibaba', seedBuckets('alibaba')),
    huawei: new SandboxObjectStore('huawei', seedBuckets('huawei')),
  };
  private readonly operations = { alibaba: new StorageOperations(this.stores.alibaba), huawei: new StorageOperations(this.stores.huawei) };

  constructor(private readonly host: StorageHost) {}

  /** The store a request on `port`'s cloud is for, when it carries that store's signature. */
  claims(cloud: CloudKind, req: http.IncomingMessage): StorageCloud | undefined {
    const auth = req.headers['authorization'];
    const store = storageCloudOf(Array.isArray(auth) ? auth[0] : auth);
    return store === cloud ? store : undefined;
  }

  close(): void {
    this.stores.alibaba.close();
    this.stores.huawei.close();
  }

  async serve(cloud: StorageCloud, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined) {
        headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
      }
    }
    // Path-style: /bucket/key (the sandbox is an endpoint override; see providers/storage/client.ts).
    const rest = url.pathname.slice(1);
    const slash = rest.indexOf('/');
    const bucket = rest ? decode(slash < 0 ? rest : rest.slice(0, slash)) : undefined;
    const key = slash < 0 ? undefined : decode(rest.slice(slash + 1)) || undefined;
    const call: StorageCall = { method: req.method ?? 'GET', bucket, key, query: queryOf(url.search), headers };
    const operation = operationOf(call);
    const base = { cloud, method: call.method, path: url.pathname, operation };
    const { faults } = this.host;
    const delay = faults.delayFor(cloud, operation);
    if (delay > 0) {
      await new Promise((r) => setTimeout(r, delay));
    }
    const fault = faults.take(cloud, operation);
    if (fault === 'reset' || fault === 'timeout' || fault === 'reset-mid-body') {
      this.host.log({ ...base, status: 0, fault });
      await this.interrupt(fault, req, Number(headers['content-length'] ?? 0));
      return;
    }
    let reply: Reply;
    if (fault === 'throttle') {
      reply = throttledReply(cloud);
    } else if (fault === 'server-error') {
      reply = serverErrorReply(cloud);
    } else if (fault === 'malformed') {
      reply = { status: 200, headers: { 'content-type': 'application/xml' }, body: '<?xml version="1.0"?><ListPartsResult><Part>' };
    } else if (fault === 'echo' || fault === 'echo-error') {
      const echo = Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\n');
      reply = { status: 400, headers: { 'content-type': 'text/html' }, body: `<html><body><pre>${call.method} ${url.pathname}${url.search}\n${echo}</pre></body></html>` };
    } else {
      reply = await this.answer(cloud, call, req);
    }
    this.host.log({ ...base, status: reply.status, fault, errorCode: reply.errorCode });
    if (fault === 'drop-reply') {
      req.socket.destroy();
      return;
    }
    if (fault === 'error-after-apply') {
      reply = serverErrorReply(cloud);
    }
    await this.write(req, res, cloud, reply);
  }

  private async answer(cloud: StorageCloud, call: StorageCall, req: http.IncomingMessage): Promise<Reply> {
    const verdict = verify(cloud, this.host.keys, call);
    if ('refusal' in verdict) {
      return verdict.refusal;
    }
    try {
      return await this.operations[cloud].handle(call, req, verdict.region);
    } catch (err) {
      console.error('[sandbox] object store failed:', err);
      return serverErrorReply(cloud);
    }
  }

  /** A connection lost before the answer: at once, after half of the body ('reset-mid-body'), or after a long hold. */
  private async interrupt(fault: FaultKind, req: http.IncomingMessage, length: number): Promise<void> {
    const socket = req.socket;
    if (fault === 'reset-mid-body' && length > 0) {
      let seen = 0;
      for await (const chunk of req) {
        seen += (chunk as Buffer).length;
        if (seen >= length / 2) {
          break;
        }
      }
    }
    if (fault === 'timeout') {
      const timer = setTimeout(() => socket.destroy(), this.host.hangMs);
      socket.once('close', () => clearTimeout(timer));
      return;
    }
    socket.destroy();
  }

  private async write(req: http.IncomingMessage, res: http.ServerResponse, cloud: StorageCloud, reply: Reply): Promise<void> {
    const headers: Record<string, string> = { date: new Date(this.host.keys.now()).toUTCString(), ...(reply.headers ?? {}) };
    headers[REQUEST_ID_HEADER[cloud]] ??= 'sandbox';
    if (req.method === 'HEAD' || reply.body === undefined) {
      res.writeHead(reply.status, headers);
      res.end();
      return;
    }
    if (typeof reply.body === 'string') {
      res.writeHead(reply.status, { ...headers, 'content-length': String(Buffer.byteLength(reply.body)) });
      res.end(reply.body);
      return;
    }
    res.writeHead(reply.status, headers);
    await pipeline(reply.body(), res).catch(() => undefined);
  }
}
