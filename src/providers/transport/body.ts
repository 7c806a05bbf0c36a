// Reading an answer's body within bounds (its size, and silence after the headers), and where a request
// went (its region, its URL without the query) for the messages that name it.
import type { Dispatcher } from 'undici';
import { ProviderError } from '../core/errors';
import type { CloudKind } from '../core/model';

/** What the messages need of a request: its URL, and its region where it says it (or its form body does). */
export interface RequestPlace {
  readonly method?: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly region?: string;
}

/** Where a request went, without its query string (which may carry signatures and key ids). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '<invalid url>';
  }
}

/** The clouds as messages name them. */
const CLOUD_NAMES: Readonly<Record<CloudKind, string>> = {
  alibaba: 'Alibaba Cloud ECS',
  huawei: 'Huawei Cloud IMS',
  qingcloud: 'QingCloud',
  batchcompute: 'Alibaba Cloud BatchCompute',
};

const REGION_PARAMS = ['RegionId', 'regionId', 'region', 'zone'];
/** A region in a host name: ecs.cn-hangzhou.aliyuncs.com, ims.ap-southeast-1.myhuaweicloud.com. */
const REGION_IN_HOST = /(?:^|\.)([a-z]{2}(?:-[a-z]+)+(?:-\d+)?)\./;

/** The region a request is about: its own, a region parameter (query or form body), else the one its host names. */
export function regionOf(req: RequestPlace): string | undefined {
  if (req.region) {
    return req.region;
  }
  try {
    const url = new URL(req.url);
    const form = req.body && !req.body.trimStart().startsWith('{') ? new URLSearchParams(req.body) : undefined;
    for (const name of REGION_PARAMS) {
      const value = url.searchParams.get(name) ?? form?.get(name);
      if (value) {
        return value;
      }
    }
    return REGION_IN_HOST.exec(url.hostname)?.[1];
  } catch {
    return undefined;
  }
}

/** Marks a body read given up for silence (the cause of its Timeout error). */
class BodyStalled extends Error {}

export function isStall(err: ProviderError): boolean {
  return err.cause instanceof BodyStalled;
}

export interface BodyLimits {
  readonly idleTimeoutMs: number;
  readonly maxBodyBytes: number;
}

/** The body as text (see readBodyBytes). */
export async function readBodyText(cloud: CloudKind, req: RequestPlace, status: number, body: Dispatcher.ResponseData['body'], limits: BodyLimits): Promise<string> {
  return (await readBodyBytes(cloud, req, status, body, limits)).toString('utf8');
}

/**
 * The body's bytes, read no further than maxBodyBytes: a page of images is a few hundred KB, so anything
 * past the cap is not the cloud's answer (a proxy's download, a loop) and is not kept in memory. A body that
 * stays silent for idleTimeoutMs is given up (a Timeout that names the cloud and the region).
 */
export async function readBodyBytes(cloud: CloudKind, req: RequestPlace, status: number, body: Dispatcher.ResponseData['body'], limits: BodyLimits): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  let stalled = false;
  // One timer for the whole read, pushed back (refresh) at each chunk.
  const idle = setTimeout(() => {
    stalled = true;
    body.destroy();
  }, limits.idleTimeoutMs);
  const stall = (cause?: unknown): ProviderError => {
    const region = regionOf(req);
    const where = region ? `${CLOUD_NAMES[cloud]} (region ${region})` : `${CLOUD_NAMES[cloud]} (${redactUrl(req.url)})`;
    const seconds = Math.round(limits.idleTimeoutMs / 100) / 10;
    return new ProviderError({
      cloud,
      code: 'Timeout',
      message: `${where} sent the headers of its answer (HTTP ${status}) and then nothing for ${seconds} s; the answer was given up.`,
      httpStatus: status,
      retryable: true,
      cause: new BodyStalled(String(cause ?? 'stalled')),
    });
  };
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      idle.refresh();
      size += chunk.length;
      if (size > limits.maxBodyBytes) {
        body.destroy();
        throw new ProviderError({
          cloud,
          code: 'ResponseTooLarge',
          message: `The answer (HTTP ${status}) is larger than ${Math.round(limits.maxBodyBytes / 1048576)} MiB; it was not read.`,
          httpStatus: status,
          retryable: false,
        });
      }
      chunks.push(chunk);
    }
  } catch (err) {
    throw stalled ? stall(err) : err;
  } finally {
    clearTimeout(idle);
  }
  if (stalled) {
    throw stall();
  }
  return Buffer.concat(chunks, size);
}
