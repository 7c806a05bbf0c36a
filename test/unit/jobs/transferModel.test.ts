// Where a downloaded object lands: its key after the prefix, inside the chosen folder whatever the key says.
import { strict as assert } from 'assert';
import { downloadName } from '../../../src/jobs/transferModel';

describe('Transfer jobs: download file names', () => {
  it('names a file by its key after the prefix, folders joined, never leaving the folder', () => {
    assert.equal(downloadName('exports/', 'exports/img_system.qcow2'), 'img_system.qcow2');
    assert.equal(downloadName('exports/', 'exports/sub/img.qcow2'), 'sub_img.qcow2');
    assert.equal(downloadName('exports/', 'exports/../../etc/passwd'), 'etc_passwd');
    // Huawei: the prefix is the whole object name.
    assert.equal(downloadName('web/web.zvhd2', 'web/web.zvhd2'), 'web.zvhd2');
  });
});
