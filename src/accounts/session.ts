// One provider per account, built on demand from the account, its secret and the settings. The
// provider stack (every cloud and the HTTP layer) is its own bundle, loaded here on first use, so that
// activation loads none of it.
import * as vscode from 'vscode';
import type { HttpClient } from '../providers/transport/http';
import { ProviderError } from '../providers/core/errors';
import type { AccountConfig, CloudKind, Credentials } from '../providers/core/model';
import type * as ProviderStack from '../providers/stack';
import type { ImageProvider } from '../providers/core/provider';
import type { Log } from '../util/log';
import type { AccountStore } from './store';
import type { SandboxHost } from './sandboxHost';

let stack: Promise<typeof ProviderStack> | undefined;

/** The provider stack, loaded once on first use (dist/providers.js in the build: see scripts/build.js). */
function providerStack(): Promise<typeof ProviderStack> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  stack ??= Promise.resolve().then(() => require('../providers/stack') as typeof ProviderStack);
  return stack;
}

export class Sessions implements vscode.Disposable {
  private http: HttpClient | undefined;
  private readonly providers = new Map<string, Promise<ImageProvider>>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly accounts: AccountStore,
    private readonly sandbox: SandboxHost,
    private readonly log: Log,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cloudImageExplorer') || e.affectsConfiguration('http')) {
          this.reset();
        }
      }),
      accounts.onDidChange(() => this.providers.clear()),
    );
  }

  provider(account: AccountConfig): Promise<ImageProvider> {
    let p = this.providers.get(account.id);
    if (!p) {
      p = this.build(account);
      p.catch(() => this.providers.delete(account.id));
      this.providers.set(account.id, p);
    }
    return p;
  }

  pageSize(): number {
    return vscode.workspace.getConfiguration('cloudImageExplorer').get<number>('pageSize', 50);
  }

  /** Forget built providers (and their connections), e.g. after a settings change. */
  reset(): void {
    this.providers.clear();
    const old = this.http;
    this.http = undefined;
    void old?.close();
  }

  dispose(): void {
    this.reset();
    this.subscriptions.forEach((d) => d.dispose());
  }

  private httpClient(stack: typeof ProviderStack): HttpClient {
    if (!this.http) {
      const cfg = vscode.workspace.getConfiguration('cloudImageExplorer');
      // VS Code's own network settings; HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read by the transport.
      const net = vscode.workspace.getConfiguration('http');
      if (!net.get<boolean>('proxyStrictSSL', true)) {
        this.log.warn('http.proxyStrictSSL is off: certificates are not verified on connections through a proxy.');
      }
      this.http = new stack.HttpClient({
        timeoutMs: cfg.get<number>('requestTimeoutSeconds', 30) * 1000,
        transport: {
          proxy: net.get<string>('proxy') || undefined,
          noProxy: net.get<string[]>('noProxy', []),
          proxyStrictSSL: net.get<boolean>('proxyStrictSSL', true),
          systemCertificates: net.get<boolean>('systemCertificates', true),
        },
        logger: this.log,
        userAgent: `cloud-image-explorer vscode/${vscode.version}`,
      });
    }
    return this.http;
  }

  private async build(account: AccountConfig): Promise<ImageProvider> {
    let credentials: Credentials;
    let endpoint = account.endpoint;
    if (account.sandbox) {
      const conn = await this.sandbox.connect(account.cloud);
      credentials = conn.credentials;
      endpoint = conn.endpoint;
    } else {
      const stored = await this.accounts.credentialsOf(account.id);
      if (!stored) {
        throw new ProviderError({
          cloud: 'local',
          code: 'MissingSecret',
          message: vscode.l10n.t('The secret of account "{0}" is missing. Remove the account and add it again.', account.name),
        });
      }
      if (account.temporary) {
        expiryCheck(account);
      }
      credentials = stored;
    }
    return this.create(account.cloud, credentials, endpoint);
  }

  /** Checks credentials that are not saved yet with the cloud's cheapest signed read; throws the cloud's error. */
  async check(cloud: CloudKind, credentials: Credentials, endpoint: string | undefined, signal?: AbortSignal): Promise<void> {
    const provider = await this.create(cloud, credentials, endpoint);
    await provider.checkCredentials(signal);
  }

  /** Loads the provider stack on first use (see providerStack). */
  private async create(cloud: CloudKind, credentials: Credentials, endpoint: string | undefined): Promise<ImageProvider> {
    const stack = await providerStack();
    return stack.createProvider(cloud, { http: this.httpClient(stack), credentials, endpoint }, { language: vscode.env.language });
  }
}

/** Temporary credentials past their expiry are refused before any request, in words. */
function expiryCheck(account: AccountConfig, now = Date.now()): void {
  const at = account.expiresAt ? Date.parse(account.expiresAt) : NaN;
  if (Number.isFinite(at) && at <= now) {
    throw new ProviderError({
      cloud: 'local',
      code: 'CredentialsExpired',
      message: vscode.l10n.t(
        'The temporary credentials of account "{0}" expired at {1}. Use Edit Account to enter new ones.',
        account.name,
        new Date(at).toLocaleString(vscode.env.language),
      ),
    });
  }
}
