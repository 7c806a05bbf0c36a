// The Local Cloud Endpoint in the real extension host: Start serves the sandbox on the configured
// loopback ports, and the official Alibaba SDK's DescribeImages gets the sandbox's images there; Copy
// Environment gives the endpoints and keys; a port in use is a clear message; Stop closes the ports.
import { strict as assert } from 'assert';
import * as net from 'net';
import * as vscode from 'vscode';
import EcsClient, * as $Ecs from '@alicloud/ecs20140526';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import type { LocalEndpointInfo } from '../../../../src/commands/view/endpointEnvironment';
import type { ExtensionApi } from '../../../../src/extension';
import type { CloudKind } from '../../../../src/providers/core/model';
import { api } from '../helpers';
import { testInput } from '../../userInput/testUserInput';

const CLOUDS: CloudKind[] = ['alibaba', 'huawei', 'qingcloud', 'batchcompute'];

async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<net.Server>((resolve) => {
          const s = net.createServer();
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

/** Whether something answers on the port. */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('Local Cloud Endpoint (real extension host)', () => {
  let a: ExtensionApi;
  let ports: number[];

  before(async () => {
    a = await api();
    ports = await freePorts(4);
    const setting = Object.fromEntries(CLOUDS.map((c, i) => [c, ports[i]]));
    await vscode.workspace.getConfiguration('cloudImageExplorer').update('localEndpoint.ports', setting, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.commands.executeCommand('cloudImageExplorer.stopLocalEndpoint');
    await vscode.workspace.getConfiguration('cloudImageExplorer').update('localEndpoint.ports', undefined, vscode.ConfigurationTarget.Global);
  });

  it("answers the official Alibaba SDK's DescribeImages with the sandbox's images, gives its environment, and stops cleanly", async () => {
    const info = await vscode.commands.executeCommand<LocalEndpointInfo | undefined>('cloudImageExplorer.startLocalEndpoint');
    assert.ok(info, 'started');
    assert.deepEqual(CLOUDS.map((c) => info.endpoints[c]), ports.map((p) => `http://127.0.0.1:${p}`));

    const keys = info.keys.alibaba!;
    const client = new EcsClient(
      new $OpenApiUtil.Config({ accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret, endpoint: `127.0.0.1:${ports[0]}`, protocol: 'http' }),
    );
    const res = await client.describeImages(new $Ecs.DescribeImagesRequest({ regionId: 'cn-hangzhou', pageSize: 20 }));
    const ids = (res.body?.images?.image ?? []).map((i) => i.imageId ?? '');
    assert.equal(ids.length, 20);
    // The Sandbox account's images (a fresh emulator: the few that other tests deleted from the Sandbox
    // account's own emulator are still here).
    const sandbox = a.accounts.list().find((x) => x.sandbox && x.cloud === 'alibaba');
    assert.ok(sandbox);
    const known = (await (await a.provider(sandbox)).findImages('cn-hangzhou', ids)).map((i) => i.id);
    assert.ok(known.every((id) => ids.includes(id)));
    assert.ok(known.length >= 15, `${known.length} of 20 known to the Sandbox account`);

    const text = await vscode.commands.executeCommand<string | undefined>('cloudImageExplorer.copyLocalEndpointEnvironment');
    assert.ok(text !== undefined, 'copied');
    assert.ok(text.includes(`export ALIBABA_CLOUD_ECS_ENDPOINT=127.0.0.1:${ports[0]}`), text);
    assert.ok(text.includes(`export HUAWEICLOUD_IMS_ENDPOINT=http://127.0.0.1:${ports[1]}`));
    assert.ok(text.includes(`export ALIBABA_CLOUD_ACCESS_KEY_ID=${keys.accessKeyId}`));

    await vscode.commands.executeCommand('cloudImageExplorer.stopLocalEndpoint');
    for (const port of ports) {
      assert.equal(await answers(port), false, `port ${port} closed`);
    }
  });

  it('a port in use is a clear message, and nothing is left listening', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(ports[1], '127.0.0.1', resolve));
    try {
      const info = await vscode.commands.executeCommand<LocalEndpointInfo | undefined>('cloudImageExplorer.startLocalEndpoint');
      assert.equal(info, undefined);
      const message = testInput.errors.at(-1) ?? '';
      assert.match(message, new RegExp(`port ${ports[1]} \\(for huawei\\) is already in use`));
      assert.equal(await answers(ports[0]!), false, 'the Alibaba port opened first was closed again');
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });
});
