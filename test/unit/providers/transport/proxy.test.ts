// How requests leave the machine (src/providers/transport/proxy.ts), over real sockets on loopback: a CONNECT
// proxy used from http.proxy or the environment, NO_PROXY / http.noProxy honoured for the sandbox, the
// proxy's own failures reported as such, and certificates: an extra CA bundle trusted, verification
// relaxed only through a proxy and only with http.proxyStrictSSL off.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { AlibabaEcsProvider } from '../../../../src/providers/alibaba/provider';
import { ProviderError } from '../../../../src/providers/core/errors';
import { HttpClient } from '../../../../src/providers/transport/http';
import { ProxyError, proxyFor, trustedCertificates, type TransportSettings } from '../../../../src/providers/transport/proxy';
import { Emulator } from '../../../../src/sandbox/emulator';

const TLS = path.resolve(__dirname, '../../../../../test/fixtures/tls');

/** A CONNECT proxy on loopback that records where it tunnels to, or answers CONNECT with `refuse`. */
class LoopbackProxy {
  readonly tunnels: string[] = [];
  refuse: number | undefined;
  private readonly server = http.createServer((_req, res) => res.writeHead(405).end());

  constructor() {
    this.server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      if (this.refuse) {
        client.end(`HTTP/1.1 ${this.refuse} Refused\r\nProxy-Authenticate: Basic realm="corp"\r\n\r\n`);
        return;
      }
      this.tunnels.push(req.url ?? '');
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
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  start(): Promise<void> {
    return new Promise((r) => this.server.listen(0, '127.0.0.1', () => r()));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }
}

describe('Transport: proxies, NO_PROXY and certificates', () => {
  const emulator = new Emulator();
  const proxy = new LoopbackProxy();
  const clients: HttpClient[] = [];
  let sandboxHost: string;

  before(async () => {
    await emulator.start();
    await proxy.start();
    sandboxHost = new URL(emulator.endpoints.alibaba!).host;
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await proxy.stop();
    await emulator.stop();
  });
  beforeEach(() => {
    proxy.tunnels.length = 0;
    proxy.refuse = undefined;
  });

  function client(transport: TransportSettings, extra: { proxy?: string; maxAttempts?: number } = {}): HttpClient {
    const c = new HttpClient({ transport, ...extra, sleep: () => Promise.resolve() });
    clients.push(c);
    return c;
  }

  function sandbox(c: HttpClient): AlibabaEcsProvider {
    return new AlibabaEcsProvider({ http: c, credentials: emulator.credentials('alibaba'), endpoint: emulator.endpoints.alibaba });
  }

  it('tunnels every request through http.proxy', async () => {
    const regions = await sandbox(client({ env: {} }, { proxy: proxy.url })).listRegions();
    assert.ok(regions.length > 0);
    assert.ok(proxy.tunnels.includes(sandboxHost), `tunnelled to ${proxy.tunnels.join(', ')}`);
  });

  it('uses HTTP_PROXY from the environment for an http endpoint', async () => {
    await sandbox(client({ env: { HTTP_PROXY: proxy.url } })).listRegions();
    assert.ok(proxy.tunnels.includes(sandboxHost));
  });

  it('goes direct to the sandbox for a host in NO_PROXY, in http.noProxy, or NO_PROXY=*', async () => {
    for (const transport of [
      { env: { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' } },
      { env: { http_proxy: proxy.url, no_proxy: `.example.com, ${sandboxHost}` } },
      { env: { HTTP_PROXY: proxy.url, NO_PROXY: '*' } },
      { env: {}, proxy: proxy.url, noProxy: ['127.0.0.1'] },
    ]) {
      const regions = await sandbox(client(transport)).listRegions();
      assert.ok(regions.length > 0);
      assert.deepEqual(proxy.tunnels, [], JSON.stringify(transport));
    }
  });

  it('still proxies the sandbox when NO_PROXY names another port', async () => {
    await sandbox(client({ env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1:1' } })).listRegions();
    assert.ok(proxy.tunnels.includes(sandboxHost));
  });

  it('chooses the proxy per host as NO_PROXY says (domains, ports, IPv6, lower case first, https falls back to HTTP_PROXY)', () => {
    const env = { HTTPS_PROXY: 'http://secure:1', http_proxy: 'http://lower:2', HTTP_PROXY: 'http://upper:3', NO_PROXY: '.corp.example, intranet:8443, [::1]' };
    const via = (url: string, settings: TransportSettings = { env }): string => proxyFor(new URL(url), settings)?.host ?? 'direct';
    assert.equal(via('https://ecs.cn-hangzhou.aliyuncs.com'), 'secure:1');
    assert.equal(via('http://ecs.cn-hangzhou.aliyuncs.com'), 'lower:2');
    assert.equal(via('https://api.corp.example'), 'direct');
    assert.equal(via('https://corp.example'), 'direct');
    assert.equal(via('https://notcorp.example'), 'secure:1');
    assert.equal(via('https://intranet:8443'), 'direct');
    assert.equal(via('https://intranet'), 'secure:1');
    assert.equal(via('http://[::1]:8080'), 'direct');
    assert.equal(via('https://x.example', { env: { HTTP_PROXY: 'proxy.corp:3128' } }), 'proxy.corp:3128', 'host:port alone is an http proxy');
    assert.equal(via('https://x.example', { env, proxy: 'http://explicit:9' }), 'explicit:9');
    assert.equal(via('https://x.example', { env: {} }), 'direct');
  });

  it("reports the proxy's refusal (407) as the proxy's, once, not as a timeout", async () => {
    proxy.refuse = 407;
    const err = await sandbox(client({ env: {} }, { proxy: proxy.url })).listRegions().catch((e: unknown) => e);
    assert.ok(err instanceof ProxyError, String(err));
    assert.deepEqual(err.failure, { reason: 'refused', status: 407 });
    assert.equal(err.proxy, new URL(proxy.url).host);
    assert.equal(err.attempts, 1, 'credentials do not appear by retrying');
    assert.doesNotMatch(err.message, /No answer/);
  });

  it("retries a proxy's 502 (nothing reached the cloud) and reports it as the proxy's", async () => {
    proxy.refuse = 502;
    const err = await sandbox(client({ env: {} }, { proxy: proxy.url, maxAttempts: 2 })).listRegions().catch((e: unknown) => e);
    assert.ok(err instanceof ProxyError);
    assert.deepEqual([err.failure, err.retryable, err.attempts], [{ reason: 'refused', status: 502 }, true, 2]);
  });

  it('sends a change again only when the proxy let nothing through (502), never after a 407, and never as an unknown outcome', async () => {
    const mark = emulator.requestLog.length;
    proxy.refuse = 502;
    const refused = await sandbox(client({ env: {} }, { proxy: proxy.url, maxAttempts: 2 }))
      .deleting.deleteImages('cn-hangzhou', ['m-bp1proxyrefused00001'], { force: false })
      .catch((e: unknown) => e);
    assert.ok(refused instanceof ProxyError, String(refused));
    assert.deepEqual([refused.failure, refused.unprocessed, refused.attempts], [{ reason: 'refused', status: 502 }, true, 2]);
    proxy.refuse = 407;
    const auth = await sandbox(client({ env: {} }, { proxy: proxy.url, maxAttempts: 2 }))
      .deleting.deleteImages('cn-hangzhou', ['m-bp1proxyrefused00001'], { force: false })
      .catch((e: unknown) => e);
    assert.ok(auth instanceof ProxyError, String(auth));
    assert.equal(auth.attempts, 1);
    assert.deepEqual(emulator.requestsSince(mark), [], 'nothing reached the cloud');
  });

  it('reports a proxy that cannot be reached, and a proxy setting that is not a URL', async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const down = await sandbox(client({ env: { HTTP_PROXY: `http://user:pa55word@127.0.0.1:${port}` } }, { maxAttempts: 2 }))
      .listRegions()
      .catch((e: unknown) => e);
    assert.ok(down instanceof ProxyError, String(down));
    assert.deepEqual(down.failure, { reason: 'unreachable', code: 'ECONNREFUSED' });
    assert.equal(down.attempts, 2, 'retried: nothing was sent to the cloud');
    assert.doesNotMatch(down.message, /pa55word|user:/, 'no proxy credentials in the message');
    const bad = await sandbox(client({ env: {} }, { proxy: 'http://[not a url' })).listRegions().catch((e: unknown) => e);
    assert.ok(bad instanceof ProxyError);
    assert.equal(bad.failure.reason, 'setting');
  });

  describe('certificates', () => {
    let server: https.Server;
    let url: string;
    let bundle: string;

    before(async () => {
      server = https.createServer({ key: fs.readFileSync(path.join(TLS, 'server-key.pem')), cert: fs.readFileSync(path.join(TLS, 'server.pem')) }, (_req, res) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
      );
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      // A stand-in for the OS bundle: a CA this machine's Node does not ship.
      bundle = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cie-ca-')), 'ca-certificates.crt');
      fs.copyFileSync(path.join(TLS, 'ca.pem'), bundle);
    });
    after(async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      fs.rmSync(path.dirname(bundle), { recursive: true, force: true });
    });

    const get = (c: HttpClient): Promise<number> => c.send('alibaba', 'read', () => ({ method: 'GET', url, headers: {} }), (res) => res.status);

    it("trusts the system's CA bundle, with Node's own roots kept", async () => {
      const trusted = trustedCertificates({ caBundles: [bundle], env: {} })!;
      assert.ok(trusted.includes(fs.readFileSync(path.join(TLS, 'ca.pem'), 'utf8').trim()));
      assert.ok(trusted.length > 100, "Node's bundled roots are kept");
      assert.equal(await get(client({ env: {}, caBundles: [bundle] })), 200);
    });

    it('refuses an unknown CA, directly and through a proxy, unless http.proxyStrictSSL is off (proxied only)', async () => {
      const untrusted = await get(client({ env: {}, systemCertificates: false }, { maxAttempts: 1 })).catch((e: unknown) => e);
      assert.ok(untrusted instanceof ProviderError && !(untrusted instanceof ProxyError));
      assert.match(untrusted.message, /certificate|self.signed|UNABLE_TO/i);
      const strict = await get(client({ env: {}, systemCertificates: false }, { proxy: proxy.url, maxAttempts: 1 })).catch((e: unknown) => e);
      assert.ok(strict instanceof ProviderError && !(strict instanceof ProxyError), 'a certificate error is not the proxy\'s');
      assert.equal(await get(client({ env: {}, systemCertificates: false, proxyStrictSSL: false }, { proxy: proxy.url })), 200);
      const direct = await get(client({ env: {}, systemCertificates: false, proxyStrictSSL: false }, { maxAttempts: 1 })).catch((e: unknown) => e);
      assert.ok(direct instanceof ProviderError, 'direct connections are always verified');
    });
  });
});
