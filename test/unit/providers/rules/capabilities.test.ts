// The capability table decides which commands each node offers; each provider must carry exactly
// the operation groups its row promises (nothing a cloud lacks is stubbed).
import { strict as assert } from 'assert';
import { createProvider } from '../../../../src/providers/stack';
import { CAPABILITIES, COMMAND_CAPABILITIES, IMAGE_RULES, capabilitiesOf, capabilityFlags, imageRefusal } from '../../../../src/providers/rules/capabilities';
import { consoleUrl } from '../../../../src/providers/rules/console';
import type { Image, ImageOwner } from '../../../../src/providers/core/model';
import { HttpClient } from '../../../../src/providers/transport/http';
import { CLOUD_KINDS } from '../../../../src/providers/core/model';
import { CLOUD_RULES } from '../../../../src/providers/rules/index';

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
      assert.equal(!!provider.copying, caps.copy, 'copy');
      assert.equal(!!provider.editing, caps.edit, 'edit');
      assert.equal(!!provider.editing?.setDeprecated, caps.deprecate, 'deprecate');
      assert.equal(!!provider.details?.instanceTypes, !!caps.instanceTypes, 'instance types');
      assert.equal(!!provider.importing, !!caps.import, 'import');
      assert.equal(!!provider.quota, !!caps.quota, 'quota');
      assert.equal(!!provider.received, !!caps.received, 'received');
      // The UI checks input with the registry's rules; the provider refuses with the very same ones.
      assert.equal(provider.tags?.rules, CLOUD_RULES[cloud].tags, 'tag rules');
      assert.equal(provider.sharing?.rules, CLOUD_RULES[cloud].members, 'member rules');
      assert.equal(provider.exporting?.rules, CLOUD_RULES[cloud].exporting, 'export rules');
      assert.equal(provider.copying?.rules, CLOUD_RULES[cloud].copying, 'copy rules');
      assert.equal(provider.editing?.rules, CLOUD_RULES[cloud].editing, 'edit rules');
    });
  }

  it('hides export on QingCloud and everything but delete on BatchCompute', () => {
    assert.equal(capabilityFlags('qingcloud'), 'can-tag can-share can-delete can-copy can-edit');
    assert.equal(capabilityFlags('batchcompute'), 'can-delete');
    assert.equal(capabilityFlags('alibaba'), 'can-tag can-share can-export can-delete can-copy can-edit can-deprecate');
    assert.equal(capabilityFlags('huawei'), 'can-tag can-share can-export can-delete can-copy can-edit');
  });

  const image = (owner: ImageOwner, status: string, raw?: Record<string, unknown>): Pick<Image, 'owner' | 'status' | 'raw'> => ({ owner, status, ...(raw ? { raw } : {}) });

  it('has a per-image rule for every command each cloud offers, and none for one it lacks', () => {
    for (const cloud of CLOUD_KINDS) {
      for (const c of COMMAND_CAPABILITIES) {
        assert.equal(!!IMAGE_RULES[cloud][c], CAPABILITIES[cloud][c], `${cloud} ${c}`);
      }
    }
  });

  it('offers nothing but details and Copy ID on images the account does not own', () => {
    const others: [Parameters<typeof imageRefusal>[0], Pick<Image, 'owner' | 'status'>][] = [
      ['alibaba', image('system', 'Available')],
      ['alibaba', image('shared', 'Available')],
      ['alibaba', image('marketplace', 'Available')],
      ['alibaba', image('community', 'Available')],
      ['huawei', image('system', 'active')],
      ['huawei', image('shared', 'active')],
      ['huawei', image('marketplace', 'active')],
      ['qingcloud', image('system', 'available')],
      ['batchcompute', image('system', 'Available')],
    ];
    for (const [cloud, img] of others) {
      assert.equal(capabilityFlags(cloud, img), '', `${cloud} ${img.owner}`);
      assert.equal(imageRefusal(cloud, img, 'delete'), 'notOwned');
    }
    assert.equal(imageRefusal('qingcloud', image('system', 'available'), 'export'), 'cloud', 'no export on QingCloud at all');
  });

  it('follows the state each cloud allows on own images', () => {
    assert.equal(capabilityFlags('alibaba', image('self', 'Available')), 'can-tag can-share can-export can-delete can-copy can-edit can-deprecate');
    assert.equal(capabilityFlags('alibaba', image('self', 'Creating')), 'can-tag can-edit', 'not shared, exported or deleted while being created');
    assert.equal(capabilityFlags('alibaba', image('self', 'Waiting')), 'can-tag can-edit');
    assert.equal(capabilityFlags('alibaba', image('self', 'CreateFailed')), 'can-tag can-delete can-edit');
    assert.equal(imageRefusal('alibaba', image('self', 'UnAvailable'), 'share'), 'state');
    assert.equal(capabilityFlags('huawei', image('self', 'active')), 'can-tag can-share can-export can-delete can-copy can-edit');
    assert.equal(capabilityFlags('huawei', image('self', 'saving')), 'can-tag can-delete can-edit');
    assert.equal(capabilityFlags('qingcloud', image('self', 'available')), 'can-tag can-share can-delete can-copy can-edit');
    assert.equal(capabilityFlags('qingcloud', image('self', 'available', { transition_status: 'creating' })), 'can-tag can-share can-edit', 'no delete during a transition');
    assert.equal(capabilityFlags('qingcloud', image('self', 'pending')), 'can-tag can-share can-edit');
    assert.equal(capabilityFlags('batchcompute', image('self', 'Available')), 'can-delete');
    assert.deepEqual(capabilitiesOf('batchcompute'), ['delete']);
  });

  it('offers Export on an image only where the cloud\'s export rules take it (its own exportChoice)', () => {
    const whole = (osType: string, sizeGiB = 40, status = 'Available'): Image => ({ id: 'm-1', name: 'web', regionId: 'r', status, owner: 'self', osType, sizeGiB, tags: [] });
    assert.match(capabilityFlags('alibaba', whole('linux')), /\bcan-export\b/);
    assert.doesNotMatch(capabilityFlags('alibaba', whole('windows')), /\bcan-export\b/, 'Alibaba exports no Windows Server image');
    assert.match(capabilityFlags('alibaba', whole('windows')), /\bcan-delete\b/, 'the other commands stay');
    assert.match(capabilityFlags('huawei', whole('linux', 40, 'active')), /\bcan-export\b/);
    assert.doesNotMatch(capabilityFlags('huawei', whole('linux', 1024, 'active')), /\bcan-export\b/, 'Huawei exports nothing of 1 TB or more');
    assert.doesNotMatch(capabilityFlags('huawei', whole('windows', 40, 'active')), /\bcan-export\b/);
  });

  it('builds each cloud\'s console address for an image, and none where the console has no page', () => {
    const at = (owner: ImageOwner, id = 'm-bp1abc', regionId = 'cn-hangzhou'): Pick<Image, 'id' | 'regionId' | 'owner'> => ({ id, regionId, owner });
    assert.equal(consoleUrl('alibaba', at('self')), 'https://ecs.console.aliyun.com/image/region/cn-hangzhou/imageList');
    assert.equal(consoleUrl('alibaba', at('system')), 'https://ecs.console.aliyun.com/image/region/cn-hangzhou/systemImageList');
    assert.equal(consoleUrl('alibaba', at('shared')), undefined);
    assert.equal(consoleUrl('huawei', at('self', 'a-uuid', 'cn-north-4')), 'https://console.huaweicloud.com/ecm/?region=cn-north-4#/ims/manager/imageList/selfImage');
    assert.equal(consoleUrl('huawei', at('system', 'a-uuid', 'cn-north-4')), 'https://console.huaweicloud.com/ecm/?region=cn-north-4#/ims/manager/imageList/publicImage');
    assert.equal(consoleUrl('qingcloud', at('self', 'img-abcd1234', 'pek3')), 'https://console.qingcloud.com/pek3/images/img-abcd1234/');
    assert.equal(consoleUrl('batchcompute', at('self', 'img-1')), undefined, 'retired: its console pages are gone');
  });
});
