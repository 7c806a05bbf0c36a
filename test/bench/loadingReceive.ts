// What the client does with one page of Load All once its bytes have arrived, at the cloud's largest page:
// the body made into JSON (as one text and JSON.parse, the way it was, against parseJsonBytes, the way it is)
// and the images mapped to the model as the tree's listing asks (no raw JSON kept). Median of many, in this
// process only: no network, no emulator, so a shared machine stretches it least.
import { parseJsonBytes } from '../../src/providers/transport/httpJson';
import { HttpClient, type CallKind, type HttpRequest, type HttpResponse } from '../../src/providers/transport/http';
import { objectsOf, wrappedList, type Json } from '../../src/providers/shared/common';
import * as alibaba from '../../src/providers/alibaba/mapping';
import * as huawei from '../../src/providers/huawei/mapping';
import * as qingcloud from '../../src/providers/qingcloud/mapping';
import * as batchcompute from '../../src/providers/batchcompute/mapping';
import type { CloudKind, Image } from '../../src/providers/core/model';
import type { EmulatorEndpoints } from './common';
import { BIG_REGION, CLOUDS, median, providerOn } from './common';

export interface ReceiveRow {
  readonly cloud: CloudKind;
  readonly bytes: number;
  readonly images: number;
  /** Decoded as one text, then JSON.parse (before). */
  readonly wholeMs: number;
  /** parseJsonBytes (now). */
  readonly piecesMs: number;
  readonly mapMs: number;
}

/** Keeps the bytes of the last answer (the page to measure). */
class KeepingHttp extends HttpClient {
  last: Buffer | undefined;

  override send<T>(cloud: CloudKind, kind: CallKind, build: () => HttpRequest, interpret: (res: HttpResponse) => T, signal?: AbortSignal): Promise<T> {
    return super.send(
      cloud,
      kind,
      build,
      (res) => {
        this.last = res.bytes;
        return interpret(res);
      },
      signal,
    );
  }
}

/** The page's images and how the provider maps them for the tree. */
const READ: Readonly<Record<CloudKind, (body: Json, regionId: string) => Image[]>> = {
  alibaba: (body, r) => wrappedList(body['Images'], 'Image').map((i) => alibaba.mapImage(r, i, 'en-US', false)),
  huawei: (body, r) => objectsOf(body['images']).map((i) => huawei.mapImage(r, i, false)),
  qingcloud: (body, r) => objectsOf(body['image_set']).map((i) => qingcloud.mapImage(r, i, false)),
  batchcompute: (body, r) => objectsOf(body['Items']).map((i) => batchcompute.mapImage(r, i, false)),
};

function medianMs(runs: number, fn: () => unknown): number {
  for (let i = 0; i < 5; i++) {
    fn();
  }
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    all.push(performance.now() - t);
  }
  return median(all);
}

export async function receiveRows(emulator: EmulatorEndpoints, runs = 101): Promise<ReceiveRow[]> {
  const http = new KeepingHttp();
  const rows: ReceiveRow[] = [];
  try {
    for (const cloud of CLOUDS) {
      const regionId = BIG_REGION[cloud];
      const provider = providerOn(emulator, cloud, http);
      await provider.listImages({ regionId, pageSize: provider.maxPageSize });
      const bytes = http.last;
      if (!bytes) {
        throw new Error(`${cloud}: no page`);
      }
      const body = parseJsonBytes(bytes) as Json;
      const images = READ[cloud](body, regionId).length;
      rows.push({
        cloud,
        bytes: bytes.length,
        images,
        wholeMs: medianMs(runs, () => JSON.parse(bytes.toString('utf8'))),
        piecesMs: medianMs(runs, () => parseJsonBytes(bytes)),
        mapMs: medianMs(runs, () => READ[cloud](body, regionId)),
      });
    }
  } finally {
    await http.close();
  }
  return rows;
}
