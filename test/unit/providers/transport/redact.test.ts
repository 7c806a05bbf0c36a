// A scripted session over all four clouds (long-term and temporary keys, a gateway and a cloud that
// echo the whole request into their error bodies, an unknown key, a failed job whose reason names the
// key): no message, log line or piece of state built from it contains an AccessKey ID, a secret, a
// security token or a signature the providers actually sent (read off the wire by a relay).
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SandboxHost } from '../../../../src/accounts/sandboxHost';
import { createProvider } from '../../../../src/providers/stack';
import { ProviderError } from '../../../../src/providers/core/errors';
import { HttpClient, type Logger } from '../../../../src/providers/transport/http';
import type { CloudKind, Credentials } from '../../../../src/providers/core/model';
import { REDACTED, excerpt, redact, registerSecrets } from '../../../../src/providers/transport/redact';
import type { ImageProvider } from '../../../../src/providers/core/provider';
import { Emulator } from '../../../../src/sandbox/emulator';
import { RecordingRelay, type RelayedExchange } from '../../helpers/recordingRelay';

const REGION: Record<CloudKind, string> = { alibaba: 'cn-hangzhou', huawei: 'cn-north-4', qingcloud: 'pek3', batchcompute: 'cn-hangzhou' };
const MEMBER: Partial<Record<CloudKind, string>> = {
  alibaba: '1234567890',
  huawei: '0123456789abcdef0123456789abcdef',
  qingcloud: 'usr-abcd1234',
};

/** What the test collects: every text a user or a support ticket could see, and what would be stored. */
class Transcript {
  readonly texts: string[] = [];
  readonly logger: Logger = {
    debug: (m) => this.texts.push(m),
    warn: (m) => this.texts.push(m),
  };

  error(err: unknown): void {
    assert.ok(err instanceof ProviderError, `a ProviderError, not ${String(err)}`);
    this.texts.push(err.message, err.describe(), err.requestId ?? '');
  }

  state(value: unknown): void {
    this.texts.push(JSON.stringify(value) ?? '');
  }

  async run<T>(p: Promise<T>): Promise<T | undefined> {
    try {
      const v = await p;
      this.state(v);
      return v;
    } catch (err) {
      this.error(err);
      return undefined;
    }
  }
}

/** Signatures, key ids and tokens exactly as they travelled, raw and percent-encoded. */
function secretsOnTheWire(exchanges: readonly RelayedExchange[]): Set<string> {
  const out = new Set<string>();
  const add = (v: string | undefined | null): void => {
    if (v && v.length >= 8) {
      out.add(v);
      out.add(encodeURIComponent(v));
    }
  };
  for (const x of exchanges) {
    const auth = x.headers['authorization'] ?? '';
    add(/Signature=([^,\s]+)/.exec(auth)?.[1]);
    add(/(?:Credential|Access)=([^,\s]+)/.exec(auth)?.[1]);
    const roa = /^acs ([^:]+):(\S+)$/.exec(auth);
    add(roa?.[1]);
    add(roa?.[2]);
    add(x.headers['x-acs-security-token']);
    add(x.headers['x-security-token']);
    const query = new URL(x.url, 'http://relay').searchParams;
    add(query.get('signature'));
    add(query.get('access_key_id'));
  }
  return out;
}

describe('Secrets stay out of messages, logs and state', () => {
  // The emulator's clock runs ahead on demand, so jobs finish when the test says (within every signature window).
  let ahead = 0;
  const emulator = new Emulator({ now: () => Date.now() + ahead, jobDurationMs: 5_000 });
  const relays = new Map<CloudKind, RecordingRelay>();
  const endpoints = new Map<CloudKind, string>();
  const transcript = new Transcript();
  const http = new HttpClient({ logger: transcript.logger, maxAttempts: 2, sleep: () => Promise.resolve() });
  const usedCredentials: Credentials[] = [];

  before(async () => {
    await emulator.start();
    for (const cloud of emulator.clouds) {
      const relay = new RecordingRelay(emulator.endpoints[cloud]!);
      endpoints.set(cloud, await relay.start());
      relays.set(cloud, relay);
    }
  });

  after(async () => {
    await http.close();
    await Promise.all([...relays.values()].map((r) => r.stop()));
    await emulator.stop();
  });

  function provider(cloud: CloudKind, credentials: Credentials): ImageProvider {
    usedCredentials.push(credentials);
    return createProvider(cloud, { http, credentials, endpoint: endpoints.get(cloud) });
  }

  async function session(p: ImageProvider): Promise<void> {
    const region = REGION[p.cloud];
    await transcript.run(p.listRegions());
    const page = await transcript.run(p.listImages({ regionId: region, pageSize: 50, filter: { owner: 'self' } }));
    const image = page?.items.find((i) => /^(available|active)$/i.test(i.status));
    assert.ok(image, `an own available image in ${p.cloud}`);
    const jobs: string[] = [];
    if (p.tags) {
      const tag = { key: 'team', value: p.tags.rules.limits.namesOnly ? '' : 'blue' };
      await transcript.run(p.tags.addTags(region, [image.id], [tag]));
      await transcript.run(p.tags.listTags(region, image.id));
      await transcript.run(p.tags.removeTags(region, [image.id], ['team']));
    }
    if (p.sharing) {
      const started = await transcript.run(p.sharing.addMembers(region, image.id, [MEMBER[p.cloud]!]));
      if (started?.job) {
        jobs.push(started.job.jobId);
      }
      await transcript.run(p.sharing.listMembers(region, image.id));
    }
    if (p.exporting) {
      emulator.faults.failJobs({ cloud: p.cloud, times: 1, message: `OSS write denied for ${JSON.stringify(usedCredentials.at(-1))}` });
      const started = await transcript.run(
        p.exporting.exportImage(region, image.id, { bucket: 'exports-bucket', object: 'export', format: p.exporting.rules.formats[0]! }),
      );
      if (started) {
        jobs.push(started.job.jobId);
      }
    }
    if (p.jobs && jobs.length) {
      ahead += 6_000;
      const statuses = await transcript.run(p.jobs.describeJobs(region, jobs));
      if (p.exporting) {
        assert.ok(statuses?.some((s) => s.state === 'failed' && s.error?.includes('OSS write denied')), 'the failed job is reported');
      }
    }
    // A gateway that quotes the request in an HTML page, then the cloud quoting it in its own error.
    for (const kind of ['echo', 'echo-error'] as const) {
      emulator.faults.add({ kind, cloud: p.cloud, times: 1 });
      await transcript.run(p.listImages({ regionId: region, pageSize: 10 }));
      if (p.tags) {
        emulator.faults.add({ kind, cloud: p.cloud, times: 1 });
        await transcript.run(p.tags.addTags(region, [image.id], [{ key: 'echoed', value: '' }]));
      }
    }
  }

  it('runs every cloud with its sandbox key, its temporary key, and an unknown key', async () => {
    for (const cloud of emulator.clouds) {
      await session(provider(cloud, emulator.credentials(cloud)));
      const sts = emulator.stsCredentials(cloud);
      if (sts) {
        await session(provider(cloud, sts));
      }
      const unknown = provider(cloud, { accessKeyId: `${emulator.credentials(cloud).accessKeyId.slice(0, -4)}ZZZZ`, accessKeySecret: 'NotTheSecretOfAnyKey00000001' });
      await transcript.run(unknown.listImages({ regionId: REGION[cloud], pageSize: 10 }));
    }
    const exchanges = [...relays.values()].flatMap((r) => r.exchanges);
    const wire = secretsOnTheWire(exchanges);
    for (const c of usedCredentials) {
      for (const v of [c.accessKeyId, c.accessKeySecret, c.securityToken]) {
        if (v) {
          wire.add(v);
        }
      }
    }
    // The test has teeth: the faults did put key ids and signatures into what the clouds answered.
    const echoed = exchanges.filter((x) => [...wire].some((s) => x.answer.includes(s)));
    assert.ok(echoed.length >= emulator.clouds.length * 4, `answers that quote credentials: ${echoed.length}`);
    assert.ok(wire.size > 100, `credentials and signatures seen on the wire: ${wire.size}`);

    const leaks = transcript.texts.flatMap((t) => [...wire].filter((s) => t.includes(s)).map((s) => `${s} in: ${t.slice(0, 200)}`));
    assert.deepEqual(leaks, []);
    assert.ok(transcript.texts.some((t) => t.includes(REDACTED)), 'echoed credentials show as ***');
  });
});

describe('redact', () => {
  it('takes out header and parameter credentials, URL user info and Alibaba key ids, leaving the rest', () => {
    registerSecrets('QYREGISTEREDKEY00001', 'short');
    const cases: Array<[string, string]> = [
      ['authorization: ACS3-HMAC-SHA256 Credential=X,SignedHeaders=host,Signature=abc\nhost: a', 'authorization: ***\nhost: a'],
      ['{"Authorization":"SDK-HMAC-SHA256 Access=AK, Signature=ff"}', '{"Authorization":"***"}'],
      ['X-Security-Token: tok123\r\nAccept: */*', 'X-Security-Token: ***\r\nAccept: */*'],
      ['GET /iaas/?access_key_id=ABC&action=DescribeZones&signature=s%2Bg%3D&zone=pek3', 'GET /iaas/?access_key_id=***&action=DescribeZones&signature=***&zone=pek3'],
      ['Signature=abc&SecurityToken=CAIS123&Action=X', 'Signature=***&SecurityToken=***&Action=X'],
      ['denied: acs LTAI5tAbCdEfGh12:c2lnbmF0dXJl', 'denied: acs ***'],
      ['proxy http://alice:pa55@proxy.corp:3128 refused', 'proxy http://***@proxy.corp:3128 refused'],
      ['key LTAI5tExampleKey0001 and STS.NTemporaryKey77 unknown', 'key *** and *** unknown'],
      ['AuthFailure, illegal access key [QYREGISTEREDKEY00001]', 'AuthFailure, illegal access key [***]'],
      ['the short value stays: short', 'the short value stays: short'],
      ['Specified signature is not matched with our calculation.', 'Specified signature is not matched with our calculation.'],
      ['image m-bp1abc in cn-hangzhou is Available', 'image m-bp1abc in cn-hangzhou is Available'],
    ];
    for (const [input, expected] of cases) {
      assert.equal(redact(input), expected, input);
    }
  });

  it('cuts an excerpt only after redacting, on one line', () => {
    const body = `${'x'.repeat(110)}\nAuthorization: SDK-HMAC-SHA256 Access=AK, Signature=0123456789abcdef0123456789abcdef`;
    const e = excerpt(body);
    assert.ok(!e.includes('0123456789'), e);
    assert.ok(!e.includes('\n'));
    assert.ok(e.length <= 121);
  });
});

describe('redact: Authorization values of every scheme, wherever a gateway echoes them', () => {
  // The key IDs are registered (as they are once an account is in use): the case where replacing the key ID
  // first used to leave `acs ***:signature` behind.
  const ALIBABA_KEY = 'LTAI5tEchoKey0000001';
  const HUAWEI_KEY = 'HWECHOAK00000000000001';
  const QINGCLOUD_KEY = 'QYECHOKEYID000000001';
  const SIGNATURE = 'c2lnbmF0dXJlU0VDUkVUc2lnbmF0dXJl';
  const HEX = 'd3adb33fd3adb33fd3adb33fd3adb33fd3adb33fd3adb33fd3adb33fd3adb33f';
  before(() => registerSecrets(ALIBABA_KEY, HUAWEI_KEY, QINGCLOUD_KEY));

  const schemes: Record<string, string> = {
    'Alibaba ACS3-HMAC-SHA256': `ACS3-HMAC-SHA256 Credential=${ALIBABA_KEY},SignedHeaders=host;x-acs-action;x-acs-date,Signature=${HEX}`,
    'Huawei SDK-HMAC-SHA256': `SDK-HMAC-SHA256 Access=${HUAWEI_KEY}, SignedHeaders=content-type;host;x-sdk-date, Signature=${HEX}`,
    'BatchCompute Acs AK:signature': `Acs ${ALIBABA_KEY}:${SIGNATURE}=`,
    'OSS AK:signature': `OSS ${ALIBABA_KEY}:${SIGNATURE}`,
    'OBS AK:signature': `OBS ${HUAWEI_KEY}:${SIGNATURE}`,
    'Bearer token': `Bearer ${SIGNATURE}.eyJzdWIiOiJ4In0.${HEX}`,
    'Basic credentials': `Basic ${Buffer.from(`user:${SIGNATURE}`).toString('base64')}`,
  };
  const secretParts = [ALIBABA_KEY, HUAWEI_KEY, QINGCLOUD_KEY, SIGNATURE, HEX, Buffer.from(`user:${SIGNATURE}`).toString('base64')];

  /** Where a gateway puts what it received. */
  const echoes: Record<string, (value: string) => string> = {
    'a header line': (v) => `HTTP/1.1 401\r\nAuthorization: ${v}\r\nHost: ecs.aliyuncs.com\r\n`,
    'a JSON body': (v) => JSON.stringify({ Code: 'InvalidSignature', RequestHeaders: { authorization: v }, Message: 'denied' }),
    'JSON inside a JSON string': (v) => JSON.stringify({ Message: JSON.stringify({ Authorization: v }) }),
    'an XML body': (v) => `<Error><Code>SignatureDoesNotMatch</Code><Authorization>${v}</Authorization><HostId>x</HostId></Error>`,
    'a URL': (v) => `https://gateway.example/echo?Authorization=${encodeURIComponent(v)}&Action=DescribeImages`,
    'a free-text message': (v) => `the gateway received ${v} and refused it`,
  };

  for (const [scheme, value] of Object.entries(schemes)) {
    it(`takes out the whole ${scheme} value in each echo`, () => {
      for (const [where, echo] of Object.entries(echoes)) {
        const out = redact(echo(value));
        for (const part of secretParts) {
          assert.ok(!out.includes(part), `${scheme} in ${where}: ${out}`);
        }
        assert.ok(out.includes(REDACTED), `${scheme} in ${where}`);
      }
    });
  }

  it('takes out the Alibaba RPC Signature and the QingCloud signature parameters in URLs, forms, JSON and XML', () => {
    const texts = [
      `GET /?AccessKeyId=${ALIBABA_KEY}&Action=DescribeImages&Signature=${encodeURIComponent(`${SIGNATURE}+/=`)}&SignatureMethod=HMAC-SHA1`,
      `Action=DescribeImages&Signature=${SIGNATURE}%3D&SignatureNonce=1`,
      JSON.stringify({ Recommend: 'x', Params: { Signature: SIGNATURE, AccessKeyId: ALIBABA_KEY } }),
      `<Params><Signature>${SIGNATURE}</Signature><AccessKeyId>${ALIBABA_KEY}</AccessKeyId></Params>`,
      `GET /iaas/?access_key_id=${QINGCLOUD_KEY}&action=DescribeImages&signature_method=HmacSHA256&signature=${SIGNATURE}%2B`,
      JSON.stringify({ ret_code: 1200, message: `signature=${SIGNATURE} access_key_id=${QINGCLOUD_KEY}` }),
      `Signature%3D${SIGNATURE}%26Action%3DX`,
    ];
    for (const text of texts) {
      const out = redact(text);
      for (const part of secretParts) {
        assert.ok(!out.includes(part), out);
      }
    }
  });

  it('leaves ordinary text that only looks like a scheme', () => {
    for (const text of ['Basic disk, 40 GiB', 'export to OBS obs://bucket/image.qcow2', 'x-acs-action: DescribeImages', 'SignatureMethod=HMAC-SHA256&Action=X']) {
      assert.equal(redact(text), text);
    }
  });
});

describe('Sandbox keys handed to the extension host', () => {
  it('come from the file CIE_SANDBOX_FILE names, not from an environment value', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-sandbox-test-'));
    try {
      const file = path.join(dir, 'sandbox.json');
      const credentials = { accessKeyId: 'LTAI5tLauncherKey0001', accessKeySecret: 'LauncherSecret000000000001' };
      fs.writeFileSync(file, JSON.stringify({ endpoints: { alibaba: 'http://127.0.0.1:1' }, credentials: { alibaba: credentials } }), { mode: 0o600 });
      const host = new SandboxHost(dir, { CIE_SANDBOX_FILE: file });
      assert.deepEqual(await host.connect('alibaba'), { endpoint: 'http://127.0.0.1:1', credentials });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
