// A loopback relay in front of the emulator that records every request and answer as they travel on
// the wire (URL, headers, body), so a test knows the signatures and tokens the providers really sent.
// It forwards the Host header unchanged: the signatures stay valid.
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface RelayedExchange {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly status: number;
  readonly answer: string;
}

export class RecordingRelay {
  readonly exchanges: RelayedExchange[] = [];
  private server: http.Server | undefined;

  constructor(private readonly target: string) {}

  /** Starts on 127.0.0.1 and answers its own origin. */
  async start(): Promise<string> {
    const target = new URL(this.target);
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) {
          if (v !== undefined) {
            headers[k] = Array.isArray(v) ? v.join(', ') : v;
          }
        }
        const upstream = http.request(
          { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
          (answer) => {
            const parts: Buffer[] = [];
            answer.on('data', (c: Buffer) => parts.push(c));
            answer.on('end', () => {
              const text = Buffer.concat(parts);
              this.exchanges.push({
                method: req.method ?? 'GET',
                url: req.url ?? '/',
                headers,
                body: body.toString('utf8'),
                status: answer.statusCode ?? 0,
                answer: text.toString('utf8'),
              });
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(text);
            });
          },
        );
        upstream.on('error', () => res.destroy());
        upstream.end(body);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  }
}
