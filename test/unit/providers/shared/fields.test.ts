// The helpers the clouds' field catalogues and state tables are written with: each line becomes the entry the
// details panel reads (id, group, format, values, language), and a state table answers 'unknown' for any other word.
import { strict as assert } from 'assert';
import { VISIBILITY_WORDS, fieldCatalogue, stateOfStatus, yesNo } from '../../../../src/providers/shared/fields';
import { ALIBABA_FIELDS } from '../../../../src/providers/alibaba/mapping';
import { HUAWEI_FIELDS } from '../../../../src/providers/huawei/mapping';

describe('field catalogue helpers', () => {
  it('gives each raw path its group, its id, and the format written after a colon', () => {
    const catalogue = fieldCatalogue({
      general: { ImageId: 'id', CreationTime: 'createdAt:date' },
      access: { visibility: { id: 'visibility', values: VISIBILITY_WORDS }, IsPublic: 'public:bool' },
      system: { OSName: { id: 'osName', language: { is: 'zh', twin: 'OSNameEn' } } },
    });
    assert.deepEqual(catalogue, {
      ImageId: { id: 'id', group: 'general' },
      CreationTime: { id: 'createdAt', group: 'general', format: 'date' },
      visibility: { id: 'visibility', group: 'access', values: { public: 'public', private: 'private', shared: 'shared' } },
      IsPublic: { id: 'public', group: 'access', format: 'bool' },
      OSName: { id: 'osName', group: 'system', language: { is: 'zh', twin: 'OSNameEn' } },
    });
    assert.deepEqual(Object.keys(catalogue), ['ImageId', 'CreationTime', 'visibility', 'IsPublic', 'OSName']);
  });

  it('reads the clouds\' catalogues as the panel expects them', () => {
    assert.deepEqual(ALIBABA_FIELDS['Usage'], { id: 'usage', group: 'general', values: { instance: 'yes', none: 'no' } });
    assert.deepEqual(ALIBABA_FIELDS['DiskDeviceMappings.DiskDeviceMapping[].Size'], { id: 'diskSize', group: 'storage', format: 'gib' });
    assert.deepEqual(HUAWEI_FIELDS['__system__encrypted'], { id: 'encrypted', group: 'storage', values: { '1': 'yes', '0': 'no' } });
    assert.deepEqual(HUAWEI_FIELDS['min_ram'], { id: 'minRam', group: 'system', format: 'mib' });
  });

  it('says yes and no for a flag\'s two words', () => {
    assert.deepEqual(yesNo('supported', 'unsupported'), { supported: 'yes', unsupported: 'no' });
  });

  it('maps a status word through its table, and any other word (even an Object key) to unknown', () => {
    const state = stateOfStatus({ active: 'available', saving: 'creating' });
    assert.equal(state({ status: 'active' }), 'available');
    assert.equal(state({ status: 'saving' }), 'creating');
    assert.equal(state({ status: 'Bogus' }), 'unknown');
    assert.equal(state({ status: 'constructor' }), 'unknown');
  });
});
