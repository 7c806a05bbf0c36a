// Transfers as jobs against the sandbox's object stores over real sockets: an upload followed by its
// import (sent once, tracked as an import job), a connection lost past the HTTP retries and continued from
// the parts the store holds, a reload mid-upload continued by the next window's manager, Cancel aborting
// the multipart upload and saying what it removed, and an export's objects downloaded to a folder.
import { strict as assert } from 'assert';
import { installVscodeShim } from '../helpers/vscodeShim';
installVscodeShim(); // before the manager (it imports `vscode`)

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { AccountStore } from '../../../src/accounts/store';
import type { Sessions } from '../../../src/accounts/session';
import type { TrackedJob } from '../../../src/jobs/model';
import type { JobTracker } from '../../../src/jobs/tracker';
import type { TransferJob } from '../../../src/jobs/transferModel';
import type { TransferManager as Manager } from '../../../src/jobs/transfers';
import type { ImageProvider } from '../../../src/providers/core/provider';
import { createProvider } from '../../../src/providers/stack';
import { Emulator } from '../../../src/sandbox/emulator';
import type { Log } from '../../../src/util/log';
import type { UserInput } from '../../../src/util/userInput';
import { recordingHttp } from '../helpers/providerHarness';

const MiB = 1024 * 1024;

/** Global state as VS Code keeps it (a JSON copy); `watch` sees every write. */
class Memento {
  stored: unknown;
  watch?: (jobs: TransferJob[]) => void;
  get<T>(_key: string, fallback?: T): T | undefined {
    return this.stored === undefined ? fallback : (JSON.parse(JSON.stringify(this.stored)) as T);
  }
  update(_key: string, value: unknown): Promise<void> {
    this.stored = JSON.parse(JSON.stringify(value));
    this.watch?.(this.stored as TransferJob[]);
    return Promise.resolve();
  }
  keys(): string[] {
    return [];
  }
}

const log = { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Log;

describe('Transfers as jobs (Alibaba OSS in the sandbox)', () => {
  let emu: Emulator;
  let provider: ImageProvider;
  let dir: string;
  let tracked: TrackedJob[];
  let notes: string[];
  const account = { id: 'ali', name: 'ali', cloud: 'alibaba' as const, sandbox: true };
  const bucket = 'cie-images-cn-hangzhou';
  const { http } = recordingHttp();

  function manager(state: Memento): Manager {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { TransferManager } = require('../../../src/jobs/transfers') as typeof import('../../../src/jobs/transfers');
    const accounts = { get: (id: string) => (id === account.id ? account : undefined) } as unknown as AccountStore;
    const sessions = { provider: () => Promise.resolve(provider) } as unknown as Sessions;
    const tracker = { track: (j: TrackedJob) => (tracked.push(j), Promise.resolve(j)) } as unknown as JobTracker;
    const ui = { notify: (_s: string, message: string) => (notes.push(message), Promise.resolve(undefined)) } as unknown as UserInput;
    return new TransferManager(state as never, accounts, sessions, tracker, log, ui);
  }

  function sparse(name: string, size: number): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, 'QFI\xfb');
    fs.truncateSync(file, size);
    return file;
  }

  const upload = (file: string, key: string): Parameters<Manager['startUpload']>[0] => ({
    accountId: account.id,
    cloud: 'alibaba',
    regionId: 'cn-hangzhou',
    local: file,
    bucket,
    key,
    importAfter: { name: `ci-${key.replace(/\W/g, '-')}`, format: 'RAW', osType: 'linux', platform: 'Ubuntu', architecture: 'x86_64', diskSizeGiB: 20 },
  });

  const ops = (mark: number, op: string): number => emu.requestsSince(mark).filter((r) => r.operation === op && r.status >= 200 && r.status < 300).length;

  before(async () => {
    emu = new Emulator();
    const endpoints = await emu.start();
    provider = createProvider('alibaba', { http, credentials: emu.credentials('alibaba'), endpoint: endpoints.alibaba });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-transfers-'));
  });
  after(async () => {
    await emu.stop();
    await http.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    tracked = [];
    notes = [];
  });
  afterEach(() => emu.faults.clear());

  it('uploads a file, then starts its import once and tracks it as an import job', async () => {
    const m = manager(new Memento());
    const mark = emu.requestLog.length;
    const job = await m.startUpload(upload(sparse('web.raw', 3 * MiB), 'imports/web.raw'));
    const done = await m.settled(job.id);
    assert.equal(done?.status, 'succeeded', done?.error);
    assert.equal(ops(mark, 'ImportImage'), 1, 'the import is sent once');
    assert.equal(tracked.length, 1);
    assert.equal(tracked[0]?.kind, 'import');
    assert.equal(tracked[0]?.detail, `${bucket}/imports/web.raw`);
    assert.equal(done?.progress?.percent, 100);
    assert.equal(emu.storage.stores.alibaba.buckets.get(bucket)?.objects.get('imports/web.raw')?.size, 3 * MiB);
    m.dispose();
  });

  it('a connection lost on complete continues from the parts the store holds (none sent again)', async () => {
    const m = manager(new Memento());
    const file = sparse('db.raw', 20 * MiB); // 3 parts of 8 MiB
    const mark = emu.requestLog.length;
    // Complete is sent once per run (a change): reset twice, two runs fail, and the job continues on its own.
    emu.faults.add({ kind: 'reset', cloud: 'alibaba', operation: 'CompleteMultipartUpload', times: 2 });
    const job = await m.startUpload({ ...upload(file, 'imports/db.raw'), importAfter: undefined });
    const done = await m.settled(job.id);
    assert.equal(done?.status, 'succeeded', done?.error);
    assert.equal(ops(mark, 'UploadPart'), 3, 'each part stored once');
    assert.equal(done?.partsReused, 3, 'the last run found every part in the store');
    assert.ok(ops(mark, 'ListParts') >= 1, 'the resume asked the store what it holds');
    m.dispose();
  });

  it('a reload mid-upload is continued by the next window from the parts already stored', async () => {
    const state = new Memento();
    const file = sparse('big.raw', 48 * MiB); // 6 parts
    const mark = emu.requestLog.length;
    const first = manager(state);
    let stopped = false;
    let kept = 0;
    // The window closes as soon as one part is recorded.
    state.watch = (jobs) => {
      if (!stopped && (jobs[0]?.upload?.parts.length ?? 0) >= 1) {
        stopped = true;
        kept = jobs[0]!.upload!.parts.length;
        first.dispose();
      }
    };
    const job = await first.startUpload({ ...upload(file, 'imports/big.raw'), importAfter: undefined });
    await first.settled(job.id);
    assert.ok(stopped);
    assert.equal((state.stored as TransferJob[])[0]?.status, 'running', 'left running, to continue');
    assert.equal(ops(mark, 'CompleteMultipartUpload'), 0);
    state.watch = undefined;
    const second = manager(state);
    const done = await second.settled(job.id);
    assert.equal(done?.status, 'succeeded', done?.error);
    // A part in flight at the reload may be sent again; the parts recorded before it never are.
    assert.ok((done?.partsReused ?? 0) >= kept, `${done?.partsReused} parts reused, ${kept} recorded`);
    assert.equal((done?.partsSent ?? 0) + (done?.partsReused ?? 0), 6);
    assert.equal(ops(mark, 'InitiateMultipartUpload'), 1, 'the same multipart upload');
    second.dispose();
  });

  it('Cancel aborts the multipart upload and says what it removed; nothing is imported', async () => {
    const state = new Memento();
    const m = manager(state);
    const mark = emu.requestLog.length;
    let cancelled: Promise<TransferJob | undefined> | undefined;
    state.watch = (jobs) => {
      if (!cancelled && (jobs[0]?.upload?.parts.length ?? 0) >= 1) {
        cancelled = m.cancel(jobs[0]!.id);
      }
    };
    const job = await m.startUpload(upload(sparse('gone.raw', 48 * MiB), 'imports/gone.raw'));
    await m.settled(job.id);
    const after = await cancelled;
    assert.equal(after?.status, 'cancelled');
    assert.match(after?.outcome ?? '', /The multipart upload was aborted: (its one part|\d+ parts) \(\d+ MiB\) in bucket "cie-images-cn-hangzhou" (was|were) removed/);
    assert.equal(ops(mark, 'AbortMultipartUpload'), 1);
    assert.equal(ops(mark, 'ImportImage'), 0);
    assert.equal(emu.storage.stores.alibaba.buckets.get(bucket)?.uploads.size, 0, 'no upload left in the bucket');
    assert.equal(tracked.length, 0);
    m.dispose();
  });

  it("downloads an export's objects into a folder, byte for byte", async () => {
    const store = emu.storage.stores.alibaba;
    const a = Buffer.alloc(300 * 1024, 7);
    const b = Buffer.from('second file');
    store.putBytes(bucket, 'exports/img_system.qcow2', a);
    store.putBytes(bucket, 'exports/sub/img_data.qcow2', b);
    const folder = fs.mkdtempSync(path.join(dir, 'dl-'));
    const m = manager(new Memento());
    const job = await m.startDownload({
      accountId: account.id,
      cloud: 'alibaba',
      regionId: 'cn-hangzhou',
      local: folder,
      bucket,
      key: 'exports/',
      objects: [
        { key: 'exports/img_system.qcow2', size: a.length },
        { key: 'exports/sub/img_data.qcow2', size: b.length },
      ],
    });
    const done = await m.settled(job.id);
    assert.equal(done?.status, 'succeeded', done?.error);
    assert.deepEqual(fs.readFileSync(path.join(folder, 'img_system.qcow2')), a);
    assert.deepEqual(fs.readFileSync(path.join(folder, 'sub_img_data.qcow2')), b);
    assert.deepEqual(fs.readdirSync(folder).sort(), ['img_system.qcow2', 'sub_img_data.qcow2'], 'no partial file left');
    assert.match(notes.join('\n'), /2 files .* saved in/);
    m.dispose();
  });
});
