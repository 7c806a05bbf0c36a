// The transfer engine against the sandbox's object stores over real sockets: parallel multipart upload,
// a reset mid-part then a resume that sends only the missing parts, resume from a persisted state,
// cancel, checksum mismatch, and a resumable ranged download.
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ProviderError } from '../../../../src/providers/core/errors';
import { ObjectStorageClient } from '../../../../src/providers/storage/objects';
import { downloadObject, partialPath, type DownloadState } from '../../../../src/providers/storage/transfer/download';
import { cancelUpload, uploadFile, type UploadState } from '../../../../src/providers/storage/transfer/upload';
import type { StorageCloud } from '../../../../src/providers/storage/types';
import { Emulator } from '../../../../src/sandbox/emulator';
import { codeOf, recordingHttp } from '../../helpers/providerHarness';

const REGION: Record<StorageCloud, string> = { alibaba: 'cn-hangzhou', huawei: 'cn-north-4' };
const BUCKET: Record<StorageCloud, string> = { alibaba: 'cie-images-cn-hangzhou', huawei: 'cie-obs-cn-north-4' };
const PART = 100 * 1024;

function writeFile(dir: string, name: string, size: number, seed: number): string {
  const file = path.join(dir, name);
  const b = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  fs.writeFileSync(file, b);
  return file;
}

function md5File(file: string): string {
  return createHash('md5').update(fs.readFileSync(file)).digest('hex');
}

/** A JSON round trip, as a state persisted in workspace state and read after a reload. */
function persisted<T>(state: T): T {
  return JSON.parse(JSON.stringify(state)) as T;
}

for (const cloud of ['alibaba', 'huawei'] as const) {
  describe(`Transfer engine (${cloud === 'alibaba' ? 'OSS' : 'OBS'}) against the sandbox`, () => {
    let emu: Emulator;
    let client: ObjectStorageClient;
    let dir: string;
    const bucket = BUCKET[cloud];

    before(async () => {
      emu = new Emulator();
      const endpoints = await emu.start();
      client = new ObjectStorageClient({ http: recordingHttp().http, credentials: emu.credentials(cloud), endpoint: endpoints[cloud] }, cloud, REGION[cloud]);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-transfer-'));
    });
    after(async () => {
      await emu.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    afterEach(() => emu.faults.clear());

    /** Parts the store accepted since a mark of the request log. */
    function partsSent(mark: number): number {
      return emu.requestsSince(mark).filter((e) => e.operation === 'UploadPart' && e.status === 200).length;
    }

    it('uploads a file in parallel parts; the object has the file\'s bytes and checksums', async () => {
      const file = writeFile(dir, 'disk.raw', 11 * PART + 123, 1);
      let inFlight = 0;
      let most = 0;
      const counted = Object.create(client) as ObjectStorageClient;
      counted.uploadPart = async (...args: Parameters<ObjectStorageClient['uploadPart']>) => {
        most = Math.max(most, ++inFlight);
        try {
          return await client.uploadPart(...args);
        } finally {
          inFlight--;
        }
      };
      const progress: number[] = [];
      const mark = emu.requestLog.length;
      const result = await uploadFile({ client: counted, file, bucket, key: 'up/disk.raw', partSize: PART, concurrency: 3, onProgress: (p) => progress.push(p.percent) });
      assert.strictEqual(result.partsSent, 12);
      assert.strictEqual(result.partsReused, 0);
      assert.ok(most > 1 && most <= 3, `parts in flight at once: ${most}`);
      assert.strictEqual(progress[progress.length - 1], 100);
      assert.strictEqual(partsSent(mark), 12);
      const back = path.join(dir, 'disk.back');
      const dl = await downloadObject({ client, bucket, key: 'up/disk.raw', target: back, chunkSize: 4 * PART });
      assert.strictEqual(dl.verified, cloud === 'alibaba' ? 'crc64' : 'size');
      assert.strictEqual(md5File(back), md5File(file));
    });

    it('after resets mid-part exhaust the retries, a resume sends only the parts not yet stored', async () => {
      const file = writeFile(dir, 'reset.qcow2', 6 * PART + 7, 2);
      let saved: UploadState | undefined;
      const failed = await uploadFile({
        client,
        file,
        bucket,
        key: 'up/reset.qcow2',
        partSize: PART,
        concurrency: 1,
        onState: (s) => {
          saved = persisted(s);
          if (s.parts.length === 3) {
            emu.faults.add({ kind: 'reset-mid-body', cloud, operation: 'UploadPart', times: 10 });
          }
        },
      }).catch((e: unknown) => e);
      assert.ok(failed instanceof ProviderError && failed.code === 'NetworkError', String(failed));
      assert.deepStrictEqual(saved?.parts.map((p) => p.partNumber), [1, 2, 3]);
      emu.faults.clear();
      const mark = emu.requestLog.length;
      const result = await uploadFile({ client, file, bucket, key: 'up/reset.qcow2', resume: saved });
      assert.strictEqual(result.partsReused, 3);
      assert.strictEqual(result.partsSent, 4);
      assert.strictEqual(partsSent(mark), 4, 'parts 1-3 were not sent again');
      assert.strictEqual(emu.requestsSince(mark).filter((e) => e.operation === 'InitiateMultipartUpload').length, 0);
      const head = await client.headObject(bucket, 'up/reset.qcow2');
      assert.strictEqual(head?.size, 6 * PART + 7);
    });

    it('resumes from a persisted state after a stop, keeping a part the state missed (a crash after it was sent)', async () => {
      const file = writeFile(dir, 'crash.vhd', 5 * PART, 3);
      const stop = new AbortController();
      const states: UploadState[] = [];
      const stopped = await uploadFile({
        client,
        file,
        bucket,
        key: 'up/crash.vhd',
        partSize: PART,
        concurrency: 1,
        signal: stop.signal,
        onState: (s) => {
          states.push(persisted(s));
          if (s.parts.length === 3) {
            stop.abort();
          }
        },
      }).catch((e: unknown) => e);
      assert.ok(ProviderError.isAbort(stopped), String(stopped));
      // The state written before part 3 was recorded: the store has 3 parts, the state knows 2.
      const older = states.find((s) => s.parts.length === 2);
      assert.ok(older);
      const mark = emu.requestLog.length;
      const result = await uploadFile({ client, file, bucket, key: 'up/crash.vhd', resume: older });
      assert.strictEqual(result.partsReused, 3);
      assert.strictEqual(result.partsSent, 2);
      assert.strictEqual(partsSent(mark), 2);
    });

    it('refuses to resume a file that changed, and an empty file, before any request', async () => {
      const file = writeFile(dir, 'changed.img', 2 * PART, 4);
      const stop = new AbortController();
      let saved: UploadState | undefined;
      await uploadFile({ client, file, bucket, key: 'up/changed.img', partSize: PART, concurrency: 1, signal: stop.signal, onState: (s) => {
        saved = persisted(s);
        stop.abort();
      } }).catch(() => undefined);
      fs.appendFileSync(file, 'x');
      const mark = emu.requestLog.length;
      assert.strictEqual(await codeOf(uploadFile({ client, file, bucket, key: 'up/changed.img', resume: saved })), 'FileChanged');
      const empty = path.join(dir, 'empty.iso');
      fs.writeFileSync(empty, '');
      assert.strictEqual(await codeOf(uploadFile({ client, file: empty, bucket, key: 'up/empty.iso' })), 'FileEmpty');
      assert.strictEqual(await codeOf(uploadFile({ client, file: path.join(dir, 'absent.raw'), bucket, key: 'up/x' })), 'FileUnreadable');
      assert.strictEqual(emu.requestsSince(mark).length, 0);
    });

    it('cancel aborts the multipart upload and says what was left', async () => {
      const file = writeFile(dir, 'cancel.vmdk', 4 * PART, 5);
      const stop = new AbortController();
      let saved: UploadState | undefined;
      await uploadFile({ client, file, bucket, key: 'up/cancel.vmdk', partSize: PART, concurrency: 1, signal: stop.signal, onState: (s) => {
        saved = persisted(s);
        if (s.parts.length === 2) {
          stop.abort();
        }
      } }).catch(() => undefined);
      assert.ok(saved);
      const report = await cancelUpload(client, saved);
      assert.deepStrictEqual(report, { aborted: true, parts: 2, bytes: 2 * PART });
      assert.strictEqual(await codeOf(client.allParts(bucket, 'up/cancel.vmdk', saved.uploadId)), 'NoSuchUpload');
      assert.strictEqual(await client.headObject(bucket, 'up/cancel.vmdk'), undefined);
    });

    it('a 5xx on complete is not sent again; the upload then resumes and completes', async () => {
      const file = writeFile(dir, 'complete.raw', 2 * PART, 6);
      emu.faults.add({ kind: 'server-error', cloud, operation: 'CompleteMultipartUpload', times: 1 });
      let saved: UploadState | undefined;
      const failed = await uploadFile({ client, file, bucket, key: 'up/complete.raw', partSize: PART, onState: (s) => {
        saved = persisted(s);
      } }).catch((e: unknown) => e);
      assert.ok(failed instanceof ProviderError);
      const mark = emu.requestLog.length;
      const result = await uploadFile({ client, file, bucket, key: 'up/complete.raw', resume: saved });
      assert.strictEqual(result.partsSent, 0);
      assert.strictEqual(partsSent(mark), 0);
    });

    it('downloads by ranges, resumes after a stop, and keeps the right bytes', async () => {
      const file = writeFile(dir, 'export.qcow2', 9 * PART + 11, 7);
      await uploadFile({ client, file, bucket, key: 'exports/m-1.qcow2', partSize: 3 * PART });
      const target = path.join(dir, 'downloaded.qcow2');
      const stop = new AbortController();
      let saved: DownloadState | undefined;
      const stopped = await downloadObject({ client, bucket, key: 'exports/m-1.qcow2', target, chunkSize: PART, concurrency: 1, signal: stop.signal, onState: (s) => {
        saved = persisted(s);
        if (Object.keys(s.chunks).length === 4) {
          stop.abort();
        }
      } }).catch((e: unknown) => e);
      assert.ok(ProviderError.isAbort(stopped), String(stopped));
      assert.ok(!fs.existsSync(target) && fs.existsSync(partialPath(target)), 'nothing at the target until every byte is there');
      const mark = emu.requestLog.length;
      const result = await downloadObject({ client, bucket, key: 'exports/m-1.qcow2', target, resume: saved, concurrency: 3 });
      assert.strictEqual(result.chunksReused, 4);
      assert.strictEqual(result.chunksFetched, 6);
      assert.strictEqual(emu.requestsSince(mark).filter((e) => e.operation === 'GetObject').length, 6);
      assert.strictEqual(md5File(target), md5File(file));
      assert.ok(!fs.existsSync(partialPath(target)));
    });

    it('fails a download whose bytes do not match the object\'s checksum, and keeps nothing', async () => {
      const file = writeFile(dir, 'single.raw', 3 * PART, 8);
      const data = fs.readFileSync(file);
      await client.putObject(bucket, 'exports/single.raw', () => fs.createReadStream(file), data.length);
      // The stored bytes are damaged behind the store's back: its checksums still describe the original.
      const stored = emu.storage.stores[cloud].object(bucket, 'exports/single.raw');
      const fd = fs.openSync(stored.file, 'r+');
      fs.writeSync(fd, Buffer.from([data[PART] ^ 0xff]), 0, 1, PART);
      fs.closeSync(fd);
      const target = path.join(dir, 'single.back');
      assert.strictEqual(await codeOf(downloadObject({ client, bucket, key: 'exports/single.raw', target, chunkSize: PART })), 'ChecksumMismatch');
      assert.ok(!fs.existsSync(target) && !fs.existsSync(partialPath(target)));
    });
  });
}
