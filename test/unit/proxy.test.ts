// The HTTP layer goes through a proxy when one is set (VS Code's http.proxy or HTTPS_PROXY).
import { strict as assert } from 'assert';
import * as http from 'http';
import * as net from 'net';
import type { AddressInfo } from 'net';
import { AlibabaEcsProvider } from '../../src/providers/alibaba/provider';
import { HttpClient } from '../../src/providers/http';
import { Emulator } from '../../src/sandbox/emulator';

describe('HTTP layer through a proxy', () => {
  let emulator: Emulator;
  let proxy: http.Server;
  const tunnels: string[] = [];

  before(async () => {
    emulator = new Emulator();
    await emulator.start();
    // A minimal CONNECT proxy on loopback that records where it tunnels to.
    proxy = http.createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      tunnels.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = net.connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
  });

  after(async () => {
    proxy.closeAllConnections();
    await new Promise((r) => proxy.close(r));
    await emulator.stop();
  });

  it('tunnels every request through the proxy', async () => {
    const http2 = new HttpClient({ proxy: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` });
    try {
      const provider = new AlibabaEcsProvider({ http: http2, credentials: emulator.credentials('alibaba'), endpoint: emulator.endpoints.alibaba });
      const regions = await provider.listRegions();
      assert.ok(regions.length > 0);
      const target = new URL(emulator.endpoints.alibaba!).host;
      assert.ok(tunnels.includes(target), `tunnelled to ${tunnels.join(', ')}`);
    } finally {
      await http2.close();
    }
  });

  it('fails with a NetworkError when the proxy is down, after its retries', async () => {
    const dead = new HttpClient({ proxy: 'http://127.0.0.1:9', maxAttempts: 2, sleep: () => Promise.resolve() });
    try {
      const provider = new AlibabaEcsProvider({ http: dead, credentials: emulator.credentials('alibaba'), endpoint: emulator.endpoints.alibaba });
      const err = (await provider.listRegions().catch((e: unknown) => e)) as { code?: string; attempts?: number };
      assert.equal(err.code, 'NetworkError');
      assert.equal(err.attempts, 2);
    } finally {
      await dead.close();
    }
  });
});
