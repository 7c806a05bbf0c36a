// Every object-storage call of both clouds against the sandbox's object store over real sockets:
// success, the vendor's error body mapped to a ProviderError, throttling then success.
import * as assert from 'assert';
import { createHash } from 'crypto';
import { Readable, Writable } from 'stream';
import { ProviderError } from '../../../../src/providers/core/errors';
import { ObjectStorageClient } from '../../../../src/providers/storage/objects';
import type { StorageCloud } from '../../../../src/providers/storage/types';
import { Emulator } from '../../../../src/sandbox/emulator';
import { recordingHttp, codeOf } from '../../helpers/providerHarness';

const REGION: Record<StorageCloud, string> = { alibaba: 'cn-hangzhou', huawei: 'cn-north-4' };
const BUCKET: Record<StorageCloud, string> = { alibaba: 'cie-images-cn-hangzhou', huawei: 'cie-obs-cn-north-4' };

function bytes(n: number, seed = 1): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    b[i] = (i * 31 + seed) & 0xff;
  }
  return b;
}

function md5(b: Buffer): string {
  return createHash('md5').update(b).digest('base64');
}

function collect(): { sink: () => Writable; data: () => Buffer } {
  const chunks: Buffer[] = [];
  return {
    sink: () =>
      new Writable({
        write(chunk: Buffer, _enc, cb) {
          chunks.push(chunk);
          cb();
        },
      }),
    data: () => Buffer.concat(chunks),
  };
}

for (const cloud of ['alibaba', 'huawei'] as const) {
  describe(`Object storage client (${cloud === 'alibaba' ? 'OSS' : 'OBS'}) against the sandbox`, () => {
    let emu: Emulator;
    let client: ObjectStorageClient;
    let sleeps: number[];
    const bucket = BUCKET[cloud];

    before(async () => {
      emu = new Emulator();
      const endpoints = await emu.start();
      const h = recordingHttp();
      sleeps = h.sleeps;
      client = new ObjectStorageClient({ http: h.http, credentials: emu.credentials(cloud), endpoint: endpoints[cloud] }, cloud, REGION[cloud]);
    });
    after(() => emu.stop());
    afterEach(() => emu.faults.clear());

    it('lists every bucket with its region and class, and narrows to same-region Standard ones', async () => {
      const all = await client.listBuckets();
      assert.ok(all.some((b) => b.region !== REGION[cloud]), 'buckets of other regions are listed too');
      const here = all.filter((b) => b.region === REGION[cloud]);
      assert.ok(here.some((b) => b.storageClass !== 'Standard'), 'one bucket here is of another class');
      const usable = await client.importBuckets();
      assert.ok(usable.length >= 2);
      assert.ok(usable.every((b) => b.region === REGION[cloud] && b.storageClass === 'Standard'));
      assert.ok(usable.some((b) => b.name === bucket));
    });

    it('puts, heads and reads an object, whole and by range', async () => {
      const data = bytes(300_000);
      const put = await client.putObject(bucket, 'dir/one file.bin', () => Readable.from([data]), data.length, md5(data));
      assert.ok(put.etag.length >= 32);
      const head = await client.headObject(bucket, 'dir/one file.bin');
      assert.strictEqual(head?.size, data.length);
      assert.strictEqual(head.etag.toLowerCase(), createHash('md5').update(data).digest('hex'));
      assert.strictEqual(head.crc64 !== undefined, cloud === 'alibaba', 'only OSS sends the CRC-64');
      const whole = collect();
      await client.getObject(bucket, 'dir/one file.bin', whole.sink);
      assert.ok(whole.data().equals(data));
      const part = collect();
      const info = await client.getObject(bucket, 'dir/one file.bin', part.sink, { start: 1000, end: 1999 });
      assert.strictEqual(info.status, 206);
      assert.strictEqual(info.totalSize, data.length);
      assert.ok(part.data().equals(data.subarray(1000, 2000)));
      assert.strictEqual(await client.headObject(bucket, 'dir/none'), undefined);
    });

    it('refuses a body whose Content-MD5 does not match, with the cloud\'s code', async () => {
      const data = bytes(1000);
      const err = await client.putObject(bucket, 'bad', () => Readable.from([data]), data.length, md5(bytes(1000, 2))).catch((e: unknown) => e);
      assert.ok(err instanceof ProviderError);
      assert.strictEqual(err.code, cloud === 'alibaba' ? 'InvalidDigest' : 'BadDigest');
      assert.strictEqual(err.httpStatus, 400);
      assert.ok(err.requestId);
    });

    it('lists objects by prefix, page after page', async () => {
      for (let i = 0; i < 5; i++) {
        const d = bytes(10, i);
        await client.putObject(bucket, `list/${i}.part`, () => Readable.from([d]), d.length);
      }
      const seen: string[] = [];
      let next: string | undefined;
      let pages = 0;
      do {
        const page = await client.listObjects(bucket, 'list/', next, 2);
        seen.push(...page.items.map((o) => o.key));
        next = page.next;
        pages++;
      } while (next);
      assert.deepStrictEqual(seen, ['list/0.part', 'list/1.part', 'list/2.part', 'list/3.part', 'list/4.part']);
      assert.strictEqual(pages, 3);
    });

    it('uploads in parts: initiate, parts, list parts (paged), complete; the object has every byte', async () => {
      const a = bytes(150 * 1024, 3);
      const b = bytes(1000, 4);
      const id = await client.initiateMultipart(bucket, 'mp/disk.qcow2');
      const pa = await client.uploadPart(bucket, 'mp/disk.qcow2', id, 1, () => Readable.from([a]), a.length, md5(a));
      const pb = await client.uploadPart(bucket, 'mp/disk.qcow2', id, 2, () => Readable.from([b]), b.length, md5(b));
      const first = await client.listParts(bucket, 'mp/disk.qcow2', id);
      assert.deepStrictEqual(first.items.map((p) => [p.partNumber, p.etag, p.size]), [[1, pa.etag, a.length], [2, pb.etag, b.length]]);
      assert.strictEqual(first.next, undefined);
      const done = await client.completeMultipart(bucket, 'mp/disk.qcow2', id, [{ partNumber: 2, etag: pb.etag }, { partNumber: 1, etag: pa.etag }]);
      assert.match(done.etag, /-2$/);
      const out = collect();
      await client.getObject(bucket, 'mp/disk.qcow2', out.sink);
      assert.ok(out.data().equals(Buffer.concat([a, b])));
      const err = await client.listParts(bucket, 'mp/disk.qcow2', id).catch((e: unknown) => e);
      assert.ok(err instanceof ProviderError && err.code === 'NoSuchUpload', 'a completed upload is gone');
    });

    it('maps a completion naming a part never sent to InvalidPart, and aborts', async () => {
      const a = bytes(1000);
      const id = await client.initiateMultipart(bucket, 'mp/abort');
      const pa = await client.uploadPart(bucket, 'mp/abort', id, 1, () => Readable.from([a]), a.length, md5(a));
      assert.strictEqual(await codeOf(client.completeMultipart(bucket, 'mp/abort', id, [pa, { partNumber: 2, etag: 'ffff' }].map((p, i) => ({ partNumber: i + 1, etag: p.etag })))), 'InvalidPart');
      await client.abortMultipart(bucket, 'mp/abort', id);
      assert.strictEqual(await codeOf(client.allParts(bucket, 'mp/abort', id)), 'NoSuchUpload');
    });

    it('maps NoSuchBucket, NoSuchKey and AccessDenied with the cloud\'s message and request id', async () => {
      const noBucket = await client.listObjects('no-such-bucket-here', '').catch((e: unknown) => e);
      assert.ok(noBucket instanceof ProviderError);
      assert.strictEqual(noBucket.code, 'NoSuchBucket');
      assert.strictEqual(noBucket.message, 'The specified bucket does not exist.');
      assert.ok(noBucket.requestId);
      assert.strictEqual(await codeOf(client.getObject(bucket, 'nothing', collect().sink)), 'NoSuchKey');
      assert.strictEqual(await codeOf(client.listObjects(`cie-denied-${REGION[cloud]}`, '')), 'AccessDenied');
    });

    it('is throttled, backs off and then succeeds', async () => {
      emu.faults.add({ kind: 'throttle', cloud, operation: 'ListObjects', times: 2 });
      const before = sleeps.length;
      const page = await client.listObjects(bucket, 'list/');
      assert.strictEqual(page.items.length, 5);
      assert.strictEqual(sleeps.length - before, 2);
    });

    it('retries a part whose connection was reset mid-body; the part is stored once', async () => {
      const a = bytes(200 * 1024, 9);
      const id = await client.initiateMultipart(bucket, 'mp/reset');
      emu.faults.add({ kind: 'reset-mid-body', cloud, operation: 'UploadPart', times: 1 });
      await client.uploadPart(bucket, 'mp/reset', id, 1, () => Readable.from([a]), a.length, md5(a));
      const parts = await client.allParts(bucket, 'mp/reset', id);
      assert.deepStrictEqual(parts.map((p) => [p.partNumber, p.size]), [[1, a.length]]);
      await client.abortMultipart(bucket, 'mp/reset', id);
    });

    it('refuses a request signed with the wrong secret (SignatureDoesNotMatch)', async () => {
      const h = recordingHttp();
      const bad = new ObjectStorageClient({ http: h.http, credentials: { ...emu.credentials(cloud), accessKeySecret: 'wrong-secret-000000' }, endpoint: emu.endpoints[cloud] }, cloud, REGION[cloud]);
      assert.strictEqual(await codeOf(bad.listBuckets()), 'SignatureDoesNotMatch');
    });
  });
}

describe('OSS bucket addressed through another region', () => {
  it('is refused with AccessDenied naming the bucket\'s endpoint', async () => {
    const emu = new Emulator();
    const endpoints = await emu.start();
    try {
      const h = recordingHttp();
      const client = new ObjectStorageClient({ http: h.http, credentials: emu.credentials('alibaba'), endpoint: endpoints.alibaba }, 'alibaba', 'cn-shanghai');
      const err = await client.listObjects('cie-images-cn-hangzhou', '').catch((e: unknown) => e);
      assert.ok(err instanceof ProviderError);
      assert.strictEqual(err.code, 'AccessDenied');
      assert.match(err.message, /specified endpoint/);
    } finally {
      await emu.stop();
    }
  });
});
