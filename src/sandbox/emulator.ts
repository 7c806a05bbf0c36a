// The sandbox: real HTTP servers on 127.0.0.1 that answer like the clouds' image APIs,
// check every signature, page like the clouds, and inject latency and faults on request.
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { CloudKind } from '../providers/core/model';
import { FaultPlan, type RequestLogEntry } from './faults';
import { createHandlers } from './handlers';
import { huaweiAccount } from './huawei/data';
import { DEFAULT_JOB_DURATION_MS, JobClock } from './jobs';
import { QuotaPlan } from './quotas';
import { SandboxStorage } from './storage/server';
import { bodyLength, bodyText, echoOf, type CloudHandler, type EmulatorRequest, type EmulatorResponse, type KeyStore } from './types';

export interface SandboxCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

/** Public, well-known keys of the sandbox: they open nothing but the emulator. */
export const SANDBOX_CREDENTIALS: Readonly<Record<CloudKind, SandboxCredentials>> = {
  alibaba: { accessKeyId: 'LTAI5tSandboxAccessKey01', accessKeySecret: 'SandboxSecretAlibaba0000000001' },
  huawei: { accessKeyId: 'SANDBOXHUAWEIAK00001', accessKeySecret: 'SandboxSecretHuawei00000000000000000001' },
  qingcloud: { accessKeyId: 'QYSANDBOXACCESSKEY01', accessKeySecret: 'SandboxSecretQingCloud000000000000000001' },
  batchcompute: { accessKeyId: 'LTAI5tSandboxBatchKey01', accessKeySecret: 'SandboxSecretBatchCompute00001' },
};

export interface SandboxStsCredentials extends SandboxCredentials {
  readonly securityToken: string;
}

/** A temporary (STS) key of the sandbox: requests with it must carry its security token. */
export const SANDBOX_STS_CREDENTIALS: Readonly<Partial<Record<CloudKind, SandboxStsCredentials>>> = {
  alibaba: {
    accessKeyId: 'STS.NSandboxTemporaryKey01',
    accessKeySecret: 'SandboxSecretAlibabaSts000000001',
    securityToken: 'CAISandboxSecurityTokenForTheAlibabaEmulatorOnly0001',
  },
  huawei: {
    accessKeyId: 'SANDBOXHUAWEITMPAK01',
    accessKeySecret: 'SandboxSecretHuaweiTemporary000000000001',
    securityToken: 'gQpjbi1ub3J0aC00SandboxSecurityTokenForTheHuaweiEmulatorOnly0001',
  },
};

export type { RequestLogEntry };

export interface EmulatorOptions {
  /** Data-set seed; the same seed gives the same data. */
  readonly seed?: string;
  readonly faults?: FaultPlan;
  /** How long a "timeout" fault holds a request before dropping it. Default 60 s. */
  readonly hangMs?: number;
  /** Clock for signature freshness; injected in tests. */
  readonly now?: () => number;
  /** Keep at most this many request-log entries. Default 10,000. */
  readonly maxLogEntries?: number;
  /** How long an async job (export, delete...) takes from start to finish. Default 6 s. */
  readonly jobDurationMs?: number;
  /** Fixed loopback ports per cloud (the Local Cloud Endpoint); any free port where none is given. */
  readonly ports?: Partial<Record<CloudKind, number>>;
  /** Images per region, replacing the data set's own counts (e.g. a 5,000-image region of every cloud for the benchmark). */
  readonly imageCounts?: Partial<Record<CloudKind, Readonly<Record<string, number>>>>;
}

/** A fixed port of `EmulatorOptions.ports` is taken by another process. */
export class PortInUseError extends Error {
  constructor(
    readonly cloud: CloudKind,
    readonly port: number,
    cause: unknown,
  ) {
    super(`Port ${port} (${cloud}) is already in use.`, { cause });
    this.name = 'PortInUseError';
  }
}

export type Endpoints = Readonly<Partial<Record<CloudKind, string>>>;

const NONCE_WINDOW_MS = 15 * 60 * 1000;

export class Emulator implements KeyStore {
  readonly faults: FaultPlan;
  readonly requestLog: RequestLogEntry[] = [];
  /** Phases and percentages of every cloud's async jobs; `jobClock.durationMs` may be changed at run time. */
  readonly jobClock: JobClock;
  /** Quota ceilings (Huawei IMS); a test fills a quota by setting its ceiling to what is in use. */
  readonly quotas = new QuotaPlan();
  /** The object stores (OSS on the Alibaba port, OBS on the Huawei port): buckets, objects, multipart uploads. */
  readonly storage: SandboxStorage;
  private readonly handlers: CloudHandler[];
  private readonly servers: http.Server[] = [];
  private readonly secrets = new Map<string, string>();
  private readonly tokens = new Map<string, string>();
  private readonly nonces = new Map<string, number>();
  private readonly options: EmulatorOptions;
  private endpointMap: Partial<Record<CloudKind, string>> = {};
  private readonly seed: string;
  /** Requests being answered, per cloud and operation (RequestLogEntry.inFlight). */
  private readonly inFlight = new Map<string, number>();

  constructor(options: EmulatorOptions = {}) {
    this.options = options;
    this.faults = options.faults ?? new FaultPlan();
    this.jobClock = new JobClock(() => this.now(), options.jobDurationMs ?? DEFAULT_JOB_DURATION_MS, this.faults);
    const seed = options.seed ?? 'cloud-image-explorer';
    this.seed = seed;
    this.storage = new SandboxStorage({ keys: this, faults: this.faults, hangMs: options.hangMs ?? 60_000, log: (e) => this.log({ time: Date.now(), ...e }) });
    this.handlers = createHandlers(this, seed);
    for (const [cloud, c] of Object.entries(SANDBOX_CREDENTIALS)) {
      this.secrets.set(`${cloud}:${c.accessKeyId}`, c.accessKeySecret);
    }
    for (const [cloud, c] of Object.entries(SANDBOX_STS_CREDENTIALS)) {
      this.secrets.set(`${cloud}:${c.accessKeyId}`, c.accessKeySecret);
      this.tokens.set(`${cloud}:${c.accessKeyId}`, c.securityToken);
    }
  }

  get endpoints(): Endpoints {
    return { ...this.endpointMap };
  }

  get clouds(): readonly CloudKind[] {
    return this.handlers.map((h) => h.cloud);
  }

  credentials(cloud: CloudKind): SandboxCredentials {
    const ak = SANDBOX_CREDENTIALS[cloud].accessKeyId;
    return { accessKeyId: ak, accessKeySecret: this.secrets.get(`${cloud}:${ak}`) ?? '' };
  }

  /** The sandbox's Huawei project of a region (an SDK given an endpoint override needs it), if the region exists. */
  huaweiProjectId(regionId: string): string | undefined {
    return huaweiAccount(this.seed).projects.find((p) => p.regionId === regionId)?.id;
  }

  /** Changes the secret the emulator expects for a key: requests signed with the old one then fail. */
  setAccessKeySecret(cloud: CloudKind, accessKeyId: string, secret: string): void {
    this.secrets.set(`${cloud}:${accessKeyId}`, secret);
  }

  /** The sandbox's temporary key of a cloud, with its token, where the cloud has STS. */
  stsCredentials(cloud: CloudKind): SandboxStsCredentials | undefined {
    return SANDBOX_STS_CREDENTIALS[cloud];
  }

  securityTokenOf(cloud: CloudKind, accessKeyId: string): string | undefined {
    return this.tokens.get(`${cloud}:${accessKeyId}`);
  }

  secretOf(cloud: CloudKind, accessKeyId: string): string | undefined {
    return this.secrets.get(`${cloud}:${accessKeyId}`);
  }

  claimNonce(cloud: CloudKind, nonce: string, now: number): boolean {
    const key = `${cloud}:${nonce}`;
    const seen = this.nonces.get(key);
    if (seen !== undefined && now - seen < NONCE_WINDOW_MS) {
      return false;
    }
    this.nonces.set(key, now);
    if (this.nonces.size > 50_000) {
      for (const [k, t] of this.nonces) {
        if (now - t >= NONCE_WINDOW_MS) {
          this.nonces.delete(k);
        }
      }
    }
    return true;
  }

  now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  imageCount(cloud: CloudKind, regionId: string): number | undefined {
    return this.options.imageCounts?.[cloud]?.[regionId];
  }

  async start(): Promise<Endpoints> {
    for (const handler of this.handlers) {
      const server = http.createServer((req, res) => void this.serve(handler, req, res));
      server.keepAliveTimeout = 65_000;
      const wanted = this.options.ports?.[handler.cloud] ?? 0;
      try {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(wanted, '127.0.0.1', () => resolve());
        });
      } catch (err) {
        // All or nothing: the servers already listening close again.
        await this.stop();
        throw (err as NodeJS.ErrnoException).code === 'EADDRINUSE' ? new PortInUseError(handler.cloud, wanted, err) : err;
      }
      const { port } = server.address() as AddressInfo;
      this.endpointMap[handler.cloud] = `http://127.0.0.1:${port}`;
      this.servers.push(server);
    }
    return this.endpoints;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.close(() => resolve());
            s.closeAllConnections();
          }),
      ),
    );
    this.servers.length = 0;
    this.endpointMap = {};
    this.storage.close();
  }

  /**
   * Tests only: adds `count` own images to a region of a cloud, each deletable (available, not shared,
   * used by no instance), and returns their IDs. Throws for a cloud whose sandbox cannot seed.
   */
  seedImages(cloud: CloudKind, regionId: string, count: number): string[] {
    const handler = this.handlers.find((h) => h.cloud === cloud);
    if (!handler?.seedImages) {
      throw new Error(`The ${cloud} sandbox cannot seed images.`);
    }
    return handler.seedImages(regionId, count);
  }

  /** Tests only: whether the backup of a whole-machine image still exists (Huawei; false elsewhere). */
  backupExists(cloud: CloudKind, backupId: string): boolean {
    return this.handlers.find((h) => h.cloud === cloud)?.backupExists?.(backupId) ?? false;
  }

  /** Tests only: the backup service holds (or releases) a whole-machine image's backup, so deleting it fails (Huawei IMG.0176). */
  holdBackup(cloud: CloudKind, backupId: string, held = true): void {
    this.handlers.find((h) => h.cloud === cloud)?.holdBackup?.(backupId, held);
  }

  /** Requests since a point in the log, e.g. `const mark = emu.requestLog.length; ...; emu.requestsSince(mark)`. */
  requestsSince(mark: number): readonly RequestLogEntry[] {
    return this.requestLog.slice(mark);
  }

  private log(entry: RequestLogEntry): void {
    this.requestLog.push(entry);
    const max = this.options.maxLogEntries ?? 10_000;
    if (this.requestLog.length > max) {
      this.requestLog.splice(0, this.requestLog.length - max);
    }
  }

  private async serve(handler: CloudHandler, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Object storage streams its bodies: served before anything is buffered.
    const store = this.storage.claims(handler.cloud, req);
    if (store) {
      await this.storage.serve(store, req, res).catch((err: unknown) => {
        console.error('[sandbox] object store failed:', err);
        res.destroy();
      });
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined) {
        headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
      }
    }
    const request: EmulatorRequest = {
      method: req.method ?? 'GET',
      url: new URL(req.url ?? '/', `http://${headers['host'] ?? '127.0.0.1'}`),
      headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    const operation = handler.operationOf(request);
    const key = `${handler.cloud}/${operation}`;
    const inFlight = (this.inFlight.get(key) ?? 0) + 1;
    this.inFlight.set(key, inFlight);
    try {
      await this.answer(handler, request, req, res, { time: Date.now(), cloud: handler.cloud, method: request.method, path: request.url.pathname, operation, inFlight });
    } finally {
      this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
    }
  }

  private async answer(
    handler: CloudHandler,
    request: EmulatorRequest,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    base: Omit<RequestLogEntry, 'status'>,
  ): Promise<void> {
    const operation = base.operation;
    const delay = this.faults.delayFor(handler.cloud, operation);
    if (delay > 0) {
      await new Promise((r) => setTimeout(r, delay));
    }
    const fault = this.faults.take(handler.cloud, operation);
    if (fault === 'reset') {
      this.log({ ...base, status: 0, fault });
      req.socket.destroy();
      return;
    }
    if (fault === 'timeout') {
      this.log({ ...base, status: 0, fault });
      const timer = setTimeout(() => req.socket.destroy(), this.options.hangMs ?? 60_000);
      req.socket.once('close', () => clearTimeout(timer));
      return;
    }
    let answer: EmulatorResponse;
    const refusal = fault ? undefined : this.faults.takeRefusal(handler.cloud, operation, `${request.url.pathname}?${request.url.search} ${request.body}`);
    if (refusal !== undefined) {
      answer = handler.rejected(refusal);
    } else if (fault === 'throttle') {
      answer = handler.throttled(request);
    } else if (fault === 'server-error') {
      answer = handler.serverError(request);
    } else if (fault === 'malformed') {
      answer = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"RequestId": "truncated-' };
    } else if (fault === 'echo') {
      const page = `<html><head><title>400 Bad Request</title></head><body><h1>400 Bad Request</h1><pre>${echoOf(request)}</pre></body></html>`;
      answer = { status: 400, headers: { 'content-type': 'text/html' }, body: page };
    } else if (fault === 'echo-error') {
      answer = handler.rejected(`The request could not be processed: ${echoOf(request)}`);
    } else {
      try {
        answer = handler.handle(request);
      } catch (err) {
        answer = handler.serverError(request);
        console.error('[sandbox] handler failed:', err);
      }
    }
    // The log has what the cloud did (an applied request's own answer), with the fault that hid it.
    this.log({ ...base, status: answer.status, fault, errorCode: errorCodeOf(answer) });
    if (fault === 'drop-reply') {
      req.socket.destroy();
      return;
    }
    if (fault === 'error-after-apply') {
      answer = handler.serverError(request);
    }
    if (fault === 'stall') {
      // Headers (with the length of a body that never comes), then nothing until hangMs drops the connection.
      res.writeHead(answer.status, { date: new Date(this.now()).toUTCString(), ...(answer.headers ?? {}), 'content-length': String(bodyLength(answer)) });
      res.flushHeaders();
      const timer = setTimeout(() => req.socket.destroy(), this.options.hangMs ?? 60_000);
      req.socket.once('close', () => clearTimeout(timer));
      return;
    }
    // The Date header tells the time of the emulator's clock (injected in tests), as a cloud's tells its own.
    if (typeof answer.body === 'string') {
      res.writeHead(answer.status, { date: new Date(this.now()).toUTCString(), ...(answer.headers ?? {}) });
      res.end(answer.body);
      return;
    }
    // A JSON answer's pieces, written as they are (one writev; end() uncorks), with the length header end(body) would add.
    res.writeHead(answer.status, { date: new Date(this.now()).toUTCString(), ...(answer.headers ?? {}), 'Content-Length': String(bodyLength(answer)) });
    res.cork();
    for (const piece of answer.body) {
      res.write(piece);
    }
    res.end();
  }
}

function errorCodeOf(res: EmulatorResponse): string | undefined {
  // A 2xx error says so itself (QingCloud): no need to read every page a second time.
  if (res.errorCode !== undefined || res.status < 400) {
    return res.errorCode;
  }
  try {
    const b = JSON.parse(bodyText(res)) as Record<string, unknown>;
    const nested = b['error'] as Record<string, unknown> | undefined;
    const code = b['Code'] ?? b['code'] ?? nested?.['code'] ?? b['error_code'] ?? (b['ret_code'] === 0 ? undefined : b['ret_code']);
    return code === undefined ? undefined : String(code);
  } catch {
    return undefined;
  }
}
