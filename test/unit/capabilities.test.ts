// The capability table decides which commands each node offers; each provider must carry exactly
// the operation groups its row promises (nothing a cloud lacks is stubbed).
import { strict as assert } from 'assert';
import { createProvider } from '../../src/providers/stack';
import { CAPABILITIES, capabilityFlags } from '../../src/providers/capabilities';
import { HttpClient } from '../../src/providers/http';
import { CLOUD_KINDS } from '../../src/providers/model';
import { CLOUD_RULES } from '../../src/providers/rules';

describe('Capability table', () => {
  const http = new HttpClient();
  after(() => http.close());

  for (const cloud of CLOUD_KINDS) {
    it(`${cloud}: the provider's operation groups match the table`, function () {
      let provider;
      try {
        provider = createProvider(cloud, { http, credentials: { accessKeyId: 'AK', accessKeySecret: 'SK' }, endpoint: 'http://127.0.0.1:9' });
      } catch {
        this.skip(); // no provider for this cloud in this build
      }
      const caps = CAPABILITIES[cloud];
      assert.equal(!!provider.tags, caps.tag, 'tag');
      assert.equal(!!provider.sharing, caps.share, 'share');
      assert.equal(!!provider.exporting, caps.export, 'export');
      assert.equal(!!provider.deleting, caps.delete, 'delete');
      assert.equal(!!provider.jobs, caps.jobs, 'jobs');
      assert.equal(!!provider.editing, caps.edit, 'edit');
      assert.equal(!!provider.editing?.setDeprecated, caps.deprecate, 'deprecate');
      // The UI checks input with the registry's rules; the provider refuses with the very same ones.
      assert.equal(provider.tags?.rules, CLOUD_RULES[cloud].tags, 'tag rules');
      assert.equal(provider.sharing?.rules, CLOUD_RULES[cloud].members, 'member rules');
      assert.equal(provider.exporting?.rules, CLOUD_RULES[cloud].exporting, 'export rules');
      assert.equal(provider.editing?.rules, CLOUD_RULES[cloud].editing, 'edit rules');
    });
  }

  it('hides export on QingCloud and everything but delete on BatchCompute', () => {
    assert.equal(capabilityFlags('qingcloud'), 'can-tag can-share can-delete can-edit');
    assert.equal(capabilityFlags('batchcompute'), 'can-delete');
    assert.equal(capabilityFlags('alibaba'), 'can-tag can-share can-export can-delete can-edit can-deprecate');
    assert.equal(capabilityFlags('huawei'), 'can-tag can-share can-export can-delete can-edit');
  });
});
