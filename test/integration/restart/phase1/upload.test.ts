// Phase 1: Import Image from File… on an Alibaba region; once parts are in the bucket, the next parts
// on the wire are held by the store (an injected hang) so that the upload is surely in the middle when
// the window reloads; what the bucket and the saved state hold then is recorded for phase 2.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { api, sandboxRegion, until } from '../../suite/helpers';
import { MiB, qcow2, transferOf } from '../../suite/transfers/files';
import { testInput } from '../../userInput/testUserInput';
import { addFault, requestLog } from '../control';
import { recordFolder, saveUpload } from '../shared';

const PARTS = 12; // of 8 MiB
const IN_FLIGHT = 4; // the upload's parts on the wire at once

describe('Reload during an upload — before', () => {
  it('starts an upload with its import and is in the middle of it when the window reloads', async () => {
    const a = await api();
    const region = await sandboxRegion(a, 'alibaba', 'cn-hangzhou');
    const file = qcow2(recordFolder(), 'reload-v1.qcow2', PARTS * 8 * MiB);
    testInput.script(vscode.Uri.file(file), 'cie-images-cn-hangzhou', 'ci-file-reload-v1', 'linux', 'Ubuntu', 'x86_64');
    await vscode.commands.executeCommand('cloudImageExplorer.importFromFile', region);
    const started = await until('a part in the bucket', () => {
      const j = transferOf(a, file);
      return j?.upload && j.upload.parts.length > 0 ? j : undefined;
    });
    const objectPath = `/${started.bucket}/${started.key}`;
    // Every slot on the wire taken by a part the store holds without reading: nothing more is stored before the reload.
    await addFault({ kind: 'timeout', cloud: 'alibaba', operation: 'UploadPart', times: IN_FLIGHT });
    await until('the parts on the wire to be held', async () => (await requestLog()).filter((r) => r.operation === 'UploadPart' && r.fault === 'timeout' && decodeURIComponent(r.path) === objectPath).length === IN_FLIGHT);
    const job = transferOf(a, file)!;
    assert.equal(job.status, 'running');
    const partsBefore = job.upload!.parts.length;
    assert.ok(partsBefore > 0 && partsBefore <= PARTS - IN_FLIGHT, `${partsBefore} of ${PARTS} parts stored`);
    saveUpload({ transferId: job.id, file, objectPath, imageName: 'ci-file-reload-v1', partsTotal: PARTS, partsBefore });
  });
});
