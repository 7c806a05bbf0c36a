// How requests leave the machine: which go through a proxy (VS Code's http.proxy, else HTTPS_PROXY /
// HTTP_PROXY, never for hosts in http.noProxy or NO_PROXY), which certificates are trusted (Node's own,
// NODE_EXTRA_CA_CERTS and the operating system's, as VS Code trusts them), and what a proxy's own
// failure is reported as. The one place that builds the undici dispatcher the HTTP layer uses.
import * as fs from 'fs';
import * as tls from 'tls';
import { Agent, DecoratorHandler, Pool, ProxyAgent, type Dispatcher } from 'undici';
import { ProviderError } from '../core/errors';
import { ProxyError, type ProxyFailure } from './proxyError';

export interface TransportSettings {
  /** One proxy for every request (VS Code's http.proxy); when absent, the environment's HTTPS_PROXY / HTTP_PROXY. */
  readonly proxy?: string;
  /** Hosts reached directly (VS Code's http.noProxy), besides those in NO_PROXY. */
  readonly noProxy?: readonly string[];
  /** False: certificates are not verified on connections made through a proxy (VS Code's http.proxyStrictSSL). Default true. */
  readonly proxyStrictSSL?: boolean;
  /** Trust the operating system's certificate store as well (VS Code's http.systemCertificates). Default true. */
  readonly systemCertificates?: boolean;
  /** The environment to read proxies from; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** CA bundles to read where Node cannot read the OS store itself; default the Linux distributions' own. */
  readonly caBundles?: readonly string[];
}

/** Where the Linux distributions keep their CA bundle (Debian/Ubuntu, Fedora/RHEL, openSUSE, RHEL 7, Alpine). */
export const LINUX_CA_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
];

/** A NO_PROXY-style entry: a host (or domain suffix) and an optional port. */
interface NoProxyEntry {
  readonly host: string;
  readonly port: number;
}

function parseNoProxy(values: readonly string[]): NoProxyEntry[] | '*' {
  const entries: NoProxyEntry[] = [];
  for (const raw of values.flatMap((v) => v.split(/[,\s]+/))) {
    const entry = raw.trim().toLowerCase();
    if (!entry) {
      continue;
    }
    if (entry === '*') {
      return '*';
    }
    // [v6]:port, a bare IPv6 address (several colons, no port), or host:port.
    const m = /^\[(.+)\](?::(\d+))?$/.exec(entry) ?? (entry.split(':').length > 2 ? [entry, entry] : /^(.+?)(?::(\d+))?$/.exec(entry)!);
    entries.push({ host: m[1]!.replace(/^\*?\./, ''), port: m[2] ? Number(m[2]) : 0 });
  }
  return entries;
}

/** A proxy URL as written in settings or the environment ("host:port" means http://host:port). */
function proxyUrl(value: string): URL {
  const text = value.includes('://') ? value : `http://${value}`;
  try {
    return new URL(text);
  } catch (cause) {
    throw new ProxyError(value, { reason: 'setting' }, cause);
  }
}

/**
 * The proxy a request to `target` goes through, or undefined to go direct: none for a host NO_PROXY or
 * http.noProxy names (exactly, as a parent domain, or "*"; with a port when one is given), else the
 * explicit proxy, else HTTPS_PROXY for https (falling back to HTTP_PROXY) and HTTP_PROXY for http.
 */
export function proxyFor(target: URL, settings: TransportSettings = {}): URL | undefined {
  const env = settings.env ?? process.env;
  const noProxy = parseNoProxy([...(settings.noProxy ?? []), env['no_proxy'] ?? env['NO_PROXY'] ?? '']);
  if (noProxy === '*') {
    return undefined;
  }
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80);
  if (noProxy.some((e) => (!e.port || e.port === port) && (host === e.host || host.endsWith(`.${e.host}`)))) {
    return undefined;
  }
  const httpProxy = env['http_proxy'] ?? env['HTTP_PROXY'];
  const chosen = settings.proxy || (target.protocol === 'https:' ? (env['https_proxy'] ?? env['HTTPS_PROXY'] ?? httpProxy) : httpProxy);
  return chosen ? proxyUrl(chosen) : undefined;
}

function pemCertificates(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

function readCertificates(file: string | undefined): string[] {
  try {
    return file ? pemCertificates(fs.readFileSync(file, 'utf8')) : [];
  } catch {
    return [];
  }
}

type CaType = 'default' | 'system' | 'bundled' | 'extra';

/**
 * The certificates to trust when the OS store is to be trusted too, or undefined for Node's defaults.
 * Node 22.15+ reads the OS store itself (`tls.getCACertificates('system')`: Windows, macOS keychains,
 * Linux bundles); the extension host of VS Code 1.96 runs Node 20.18, which cannot, so there the first
 * Linux CA bundle found is read, with Node's bundled roots and NODE_EXTRA_CA_CERTS kept. (On Windows and
 * macOS under Node 20, only NODE_EXTRA_CA_CERTS adds corporate roots.)
 */
export function trustedCertificates(settings: TransportSettings = {}): string[] | undefined {
  if (settings.systemCertificates === false) {
    return undefined;
  }
  const getCACertificates = (tls as { getCACertificates?: (type: CaType) => string[] }).getCACertificates;
  if (typeof getCACertificates === 'function' && !settings.caBundles) {
    return [...new Set([...getCACertificates('default'), ...getCACertificates('system')])];
  }
  const bundle = (settings.caBundles ?? LINUX_CA_BUNDLES).find((f) => fs.existsSync(f));
  const system = readCertificates(bundle);
  if (!system.length) {
    return undefined;
  }
  const env = settings.env ?? process.env;
  return [...new Set([...tls.rootCertificates, ...readCertificates(env['NODE_EXTRA_CA_CERTS']), ...system])];
}

export { ProxyError, type ProxyFailure };

/** Errors on the way to a proxy that mean the proxy, not the cloud, could not be reached. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** The proxy's failure behind an error of a proxied request, if it is one. */
export function proxyFailureOf(err: unknown, proxy: URL): ProxyError | undefined {
  if (err instanceof ProviderError) {
    return undefined;
  }
  const e = err as { code?: string; message?: string };
  const where = proxy.host;
  const refused = /^Proxy response \((\d+)\)/.exec(e.message ?? '');
  if (refused) {
    return new ProxyError(where, { reason: 'refused', status: Number(refused[1]) }, err);
  }
  return e.code && UNREACHABLE.has(e.code) ? new ProxyError(where, { reason: 'unreachable', code: e.code }, err) : undefined;
}

/** Passes a request's events on, turning an error that is the proxy's into a ProxyError. */
function reportingProxyFailures(handler: Dispatcher.DispatchHandler, proxy: URL): Dispatcher.DispatchHandler {
  const inner: Dispatcher.DispatchHandler = new DecoratorHandler(handler);
  return {
    onRequestStart: (controller, context: unknown) => inner.onRequestStart?.(controller, context),
    onRequestUpgrade: (controller, status, headers, socket) => inner.onRequestUpgrade?.(controller, status, headers, socket),
    onResponseStart: (controller, status, headers, message) => inner.onResponseStart?.(controller, status, headers, message),
    onResponseData: (controller, chunk) => inner.onResponseData?.(controller, chunk),
    onResponseEnd: (controller, trailers) => inner.onResponseEnd?.(controller, trailers),
    onResponseError: (controller, err) => inner.onResponseError?.(controller, proxyFailureOf(err, proxy) ?? err),
  };
}

const KEEP_ALIVE = { keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000 };

/**
 * The dispatcher for every request: per origin, a direct pool or a tunnel through that origin's proxy;
 * certificates always verified (through a proxy too, unless http.proxyStrictSSL is false), with the
 * OS store trusted; `timeoutMs` for connecting, for the headers and for the body.
 */
export function createDispatcher(settings: TransportSettings, timeoutMs: number): Dispatcher {
  const ca = trustedCertificates(settings);
  const strict = settings.proxyStrictSSL !== false;
  const timeouts = { headersTimeout: timeoutMs, bodyTimeout: timeoutMs };
  const agent = new Agent({
    ...KEEP_ALIVE,
    ...timeouts,
    connect: { timeout: timeoutMs, ...(ca ? { ca } : {}) },
    factory: (origin, options) => {
      const proxy = proxyFor(new URL(String(origin)), settings);
      if (!proxy) {
        return new Pool(origin, options);
      }
      const verify = { timeout: timeoutMs, rejectUnauthorized: strict, ...(ca ? { ca } : {}) };
      return new ProxyAgent({ uri: proxy.href, ...KEEP_ALIVE, ...timeouts, proxyTls: verify, requestTls: verify });
    },
  });
  return agent.compose((dispatch) => (opts, handler) => {
    const proxy = opts.origin ? proxyFor(new URL(String(opts.origin)), settings) : undefined;
    return dispatch(opts, proxy ? reportingProxyFailures(handler, proxy) : handler);
  });
}
