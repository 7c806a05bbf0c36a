// What the sandbox's object store answers: the clouds' XML documents, error bodies and headers.
import { randomBytes } from 'crypto';
import type { Readable } from 'stream';
import type { StorageCloud } from '../../providers/storage/types';
import { xmlDocument, type XmlTree } from '../../providers/storage/xml';

export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Text, or the bytes of an object (opened only when the reply is written). */
  readonly body?: string | (() => Readable);
  /** For the request log. */
  readonly errorCode?: string;
}

export const REQUEST_ID_HEADER: Readonly<Record<StorageCloud, string>> = { alibaba: 'x-oss-request-id', huawei: 'x-obs-request-id' };

export function requestId(): string {
  return randomBytes(12).toString('hex').toUpperCase();
}

export function xmlReply(cloud: StorageCloud, status: number, root: string, tree: XmlTree, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/xml', [REQUEST_ID_HEADER[cloud]]: requestId(), ...headers },
    body: xmlDocument(root, tree),
  };
}

/** The cloud's `<Error>` body: Code, Message, RequestId, HostId (and OSS's EC), with extra fields such as the UploadId or Endpoint. */
export function errorReply(cloud: StorageCloud, status: number, code: string, message: string, extra: XmlTree = {}): Reply {
  const id = requestId();
  const tree: XmlTree = {
    Code: code,
    Message: message,
    RequestId: id,
    HostId: cloud === 'alibaba' ? 'oss.sandbox.aliyuncs.com' : 'obs.sandbox.myhuaweicloud.com',
    ...extra,
    ...(cloud === 'alibaba' ? { EC: '0000-00000000' } : {}),
  };
  return { status, headers: { 'content-type': 'application/xml', [REQUEST_ID_HEADER[cloud]]: id }, body: xmlDocument('Error', tree), errorCode: code };
}

export function throttledReply(cloud: StorageCloud): Reply {
  return errorReply(cloud, 503, 'SlowDown', 'Please reduce your request rate.');
}

export function serverErrorReply(cloud: StorageCloud): Reply {
  return errorReply(cloud, 500, 'InternalError', 'We encountered an internal error. Please try again.');
}

export function quoted(etag: string): string {
  return `"${etag}"`;
}
