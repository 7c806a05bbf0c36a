// The providers' transfer group: carried exactly by the clouds the capability table names, with that
// cloud's file rules; buckets and the objects under a prefix (every page) through the sandbox.
import { strict as assert } from 'assert';
import { createProvider } from '../../../../src/providers/stack';
import { CLOUD_KINDS } from '../../../../src/providers/core/model';
import { FILE_TRANSFERS } from '../../../../src/providers/rules/capabilities';
import { ALIBABA_FILE_IMPORT } from '../../../../src/providers/alibaba/fileImport';
import { HUAWEI_FILE_IMPORT } from '../../../../src/providers/huawei/fileImport';
import { Emulator } from '../../../../src/sandbox/emulator';
import { recordingHttp } from '../../helpers/providerHarness';

describe('Providers: transfers (object storage for image files)', () => {
  const { http } = recordingHttp();
  let emu: Emulator;
  let endpoints: Awaited<ReturnType<Emulator['start']>>;
  before(async () => {
    emu = new Emulator();
    endpoints = await emu.start();
  });
  after(async () => {
    await emu.stop();
    await http.close();
  });

  for (const cloud of CLOUD_KINDS) {
    it(`${cloud}: carries transfers exactly where the capability table says, with its file rules`, function () {
      let provider;
      try {
        provider = createProvider(cloud, { http, credentials: { accessKeyId: 'AK', accessKeySecret: 'SK' }, endpoint: 'http://127.0.0.1:9' });
      } catch {
        this.skip();
      }
      assert.equal(!!provider.transfers, FILE_TRANSFERS[cloud]);
      assert.equal(provider.transfers?.fileRules, { alibaba: ALIBABA_FILE_IMPORT, huawei: HUAWEI_FILE_IMPORT }[cloud as string]);
    });
  }

  it('lists the buckets with their region and class, and every object under a prefix across pages', async () => {
    const provider = createProvider('huawei', { http, credentials: emu.credentials('huawei'), endpoint: endpoints.huawei });
    const buckets = await provider.transfers!.listBuckets('cn-north-4');
    const standard = buckets.find((b) => b.name === 'cie-obs-cn-north-4');
    assert.deepEqual([standard?.region, standard?.storageClass], ['cn-north-4', 'Standard']);
    assert.equal(buckets.find((b) => b.name === 'cie-obs-warm-cn-north-4')?.storageClass, 'InfrequentAccess');
    const store = emu.storage.stores.huawei;
    for (let i = 0; i < 1003; i++) {
      store.putBytes('cie-obs-cn-north-4', `many/${String(i).padStart(4, '0')}.img`, Buffer.from([i & 0xff]));
    }
    const objects = await provider.transfers!.listObjects('cn-north-4', 'cie-obs-cn-north-4', 'many/');
    assert.equal(objects.length, 1003);
    assert.equal(await provider.transfers!.headObject('cn-north-4', 'cie-obs-cn-north-4', 'many/none.img'), undefined);
  });
});
