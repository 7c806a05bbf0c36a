// The Local Cloud Endpoint's pieces outside the host: the emulator on fixed ports (all or nothing when
// one is taken), and the environment text: valid shell whose variables the official Alibaba SDK uses
// as they are to list the sandbox's images.
import { strict as assert } from 'assert';
import * as net from 'net';
import EcsClient, * as $Ecs from '@alicloud/ecs20140526';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { environmentText, type LocalEndpointInfo } from '../../../../src/commands/view/endpointEnvironment';
import type { CloudKind } from '../../../../src/providers/core/model';
import { Emulator, PortInUseError } from '../../../../src/sandbox/emulator';
import { exported } from './endpointShell';

const CLOUDS: CloudKind[] = ['alibaba', 'huawei', 'qingcloud', 'batchcompute'];

/** Ports free right now (the OS picks them). */
async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise<net.Server>((resolve) => {
      const s = net.createServer();
      s.listen(0, '127.0.0.1', () => resolve(s));
    })),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

describe('Local Cloud Endpoint: fixed ports and the environment text', () => {
  it('serves each cloud on its fixed loopback port, and stop closes them', async () => {
    const ports = await freePorts(4);
    const emulator = new Emulator({ ports: Object.fromEntries(CLOUDS.map((c, i) => [c, ports[i]])) });
    const endpoints = await emulator.start();
    try {
      assert.deepEqual(CLOUDS.map((c) => endpoints[c]), ports.map((p) => `http://127.0.0.1:${p}`));
      assert.equal(await canListen(ports[0]!), false, 'the port is taken while running');
    } finally {
      await emulator.stop();
    }
    for (const port of ports) {
      assert.equal(await canListen(port), true, `port ${port} closed`);
    }
  });

  it('a port in use: a clear error naming it, and none of the other ports left open', async () => {
    const ports = await freePorts(4);
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(ports[2], '127.0.0.1', resolve));
    try {
      const emulator = new Emulator({ ports: Object.fromEntries(CLOUDS.map((c, i) => [c, ports[i]])) });
      await assert.rejects(emulator.start(), (err: unknown) => err instanceof PortInUseError && err.port === ports[2] && err.cloud === CLOUDS[2]);
      assert.equal(await canListen(ports[0]!), true, 'the ports opened before were closed again');
      assert.equal(await canListen(ports[1]!), true);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('the environment is valid shell, and the official Alibaba SDK lists the sandbox images with its variables', async () => {
    const emulator = new Emulator();
    const endpoints = await emulator.start();
    try {
      const info: LocalEndpointInfo = {
        endpoints,
        keys: Object.fromEntries(emulator.clouds.map((c) => [c, emulator.credentials(c)])),
        huaweiProjectId: emulator.huaweiProjectId('cn-north-4'),
      };
      const text = environmentText(info);
      const env = exported(text, [
        'ALIBABA_CLOUD_ACCESS_KEY_ID',
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
        'ALIBABA_CLOUD_ECS_ENDPOINT',
        'HUAWEICLOUD_SDK_AK',
        'HUAWEICLOUD_IMS_ENDPOINT',
        'HUAWEICLOUD_SDK_PROJECT_ID',
        'QY_ACCESS_KEY_ID',
        'QINGCLOUD_PORT',
        'BATCHCOMPUTE_ENDPOINT',
      ]);
      assert.equal(env['ALIBABA_CLOUD_ECS_ENDPOINT'], new URL(endpoints.alibaba!).host);
      assert.equal(env['HUAWEICLOUD_SDK_AK'], emulator.credentials('huawei').accessKeyId);
      assert.equal(env['HUAWEICLOUD_IMS_ENDPOINT'], endpoints.huawei);
      assert.match(env['HUAWEICLOUD_SDK_PROJECT_ID'] ?? '', /^[0-9a-f]{32}$/);
      assert.equal(env['QY_ACCESS_KEY_ID'], emulator.credentials('qingcloud').accessKeyId);
      assert.equal(env['QINGCLOUD_PORT'], new URL(endpoints.qingcloud!).port);
      assert.equal(env['BATCHCOMPUTE_ENDPOINT'], endpoints.batchcompute);
      assert.match(text, /aliyun ecs DescribeImages .*--endpoint/);
      assert.match(text, /hcloud IMS ListImages .*--cli-endpoint/);

      const client = new EcsClient(
        new $OpenApiUtil.Config({
          accessKeyId: env['ALIBABA_CLOUD_ACCESS_KEY_ID'],
          accessKeySecret: env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'],
          endpoint: env['ALIBABA_CLOUD_ECS_ENDPOINT'],
          protocol: 'http',
        }),
      );
      const res = await client.describeImages(new $Ecs.DescribeImagesRequest({ regionId: 'cn-hangzhou', pageSize: 10 }));
      assert.equal(res.body?.images?.image?.length, 10);
      assert.ok(res.body?.images?.image?.every((i) => typeof i.imageId === 'string' && i.imageId.length > 0));
    } finally {
      await emulator.stop();
    }
  });

  it('leaves out a cloud that is not running, and says the keys are the public fake ones', () => {
    const text = environmentText({ endpoints: { alibaba: 'http://127.0.0.1:1' }, keys: { alibaba: { accessKeyId: 'AK', accessKeySecret: 'SK' } } });
    assert.match(text, /public, well-known fake keys/);
    assert.match(text, /ALIBABA_CLOUD_ACCESS_KEY_ID=AK/);
    assert.doesNotMatch(text, /HUAWEICLOUD|QY_ACCESS|BATCHCOMPUTE_/);
  });
});
