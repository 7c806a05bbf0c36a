// The restart launcher runs the emulator in its own process (it outlives the extension host's reload);
// the tests inside the host reach it through this loopback-only handle: its request log, and faults to
// inject. The address is in CIE_RESTART_CONTROL. Test harness only: nothing of the extension uses it.
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { Emulator, RequestLogEntry } from '../../../src/sandbox/emulator';
import type { FaultRule } from '../../../src/sandbox/faults';

export interface Control {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves GET /log (the whole request log as JSON) and POST /fault (a FaultRule as JSON) on 127.0.0.1. */
export async function serveControl(emulator: Emulator): Promise<Control> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/log') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(emulator.requestLog));
      } else if (req.method === 'POST' && req.url === '/fault') {
        emulator.faults.add(JSON.parse(Buffer.concat(chunks).toString('utf8')) as FaultRule);
        res.writeHead(204).end();
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function call(method: 'GET' | 'POST', route: string, body?: unknown): Promise<string> {
  const base = process.env['CIE_RESTART_CONTROL'];
  if (!base) {
    return Promise.reject(new Error('CIE_RESTART_CONTROL is not set: run this through runRestart'));
  }
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${route}`, { method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ((res.statusCode ?? 0) < 300 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`${route}: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** The emulator's request log, from the first request of the run. */
export async function requestLog(): Promise<RequestLogEntry[]> {
  return JSON.parse(await call('GET', '/log')) as RequestLogEntry[];
}

export async function addFault(rule: FaultRule): Promise<void> {
  await call('POST', '/fault', rule);
}
