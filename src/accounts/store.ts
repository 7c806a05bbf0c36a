// Accounts: their non-secret settings in global state, their secrets only in SecretStorage.
import * as vscode from 'vscode';
import { randomUUID } from 'crypto';
import { SUPPORTED_CLOUDS } from '../providers';
import type { AccountConfig, CloudKind } from '../providers/model';

const ACCOUNTS_KEY = 'cloudImageExplorer.accounts';
const SANDBOX_HIDDEN_KEY = 'cloudImageExplorer.sandboxHidden';
const SECRET_PREFIX = 'cloudImageExplorer.secret.';

const SANDBOX_PREFIX = 'sandbox-';

export function sandboxAccountId(cloud: CloudKind): string {
  return SANDBOX_PREFIX + cloud;
}

export interface NewAccount {
  readonly name: string;
  readonly cloud: CloudKind;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly endpoint?: string;
}

export class AccountStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
  ) {}

  /** The sandbox accounts (one per cloud, unless the user removed them), then the user's accounts. */
  list(): AccountConfig[] {
    const own = this.state.get<AccountConfig[]>(ACCOUNTS_KEY, []);
    const hidden = this.hiddenSandboxes();
    const sandboxes = SUPPORTED_CLOUDS.filter((c) => !hidden.includes(c)).map((c) => this.sandboxAccount(c));
    return [...sandboxes, ...own];
  }

  get(id: string): AccountConfig | undefined {
    return this.list().find((a) => a.id === id);
  }

  async add(account: NewAccount): Promise<AccountConfig> {
    const config: AccountConfig = {
      id: randomUUID(),
      name: account.name,
      cloud: account.cloud,
      accessKeyId: account.accessKeyId,
      ...(account.endpoint ? { endpoint: account.endpoint } : {}),
    };
    await this.secrets.store(SECRET_PREFIX + config.id, account.accessKeySecret);
    await this.state.update(ACCOUNTS_KEY, [...this.state.get<AccountConfig[]>(ACCOUNTS_KEY, []), config]);
    this.changed.fire();
    return config;
  }

  async remove(id: string): Promise<void> {
    const sandboxCloud = SUPPORTED_CLOUDS.find((c) => sandboxAccountId(c) === id);
    if (sandboxCloud) {
      await this.state.update(SANDBOX_HIDDEN_KEY, [...this.hiddenSandboxes(), sandboxCloud]);
    } else {
      await this.state.update(ACCOUNTS_KEY, this.state.get<AccountConfig[]>(ACCOUNTS_KEY, []).filter((a) => a.id !== id));
      await this.secrets.delete(SECRET_PREFIX + id);
    }
    this.changed.fire();
  }

  async showSandbox(): Promise<void> {
    await this.state.update(SANDBOX_HIDDEN_KEY, []);
    this.changed.fire();
  }

  secretOf(id: string): Thenable<string | undefined> {
    return this.secrets.get(SECRET_PREFIX + id);
  }

  nameTaken(name: string): boolean {
    const wanted = name.trim().toLowerCase();
    return this.list().some((a) => a.name.toLowerCase() === wanted);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private hiddenSandboxes(): CloudKind[] {
    const v = this.state.get<unknown>(SANDBOX_HIDDEN_KEY, []);
    return Array.isArray(v) ? (v as CloudKind[]) : [];
  }

  private sandboxAccount(cloud: CloudKind): AccountConfig {
    return { id: sandboxAccountId(cloud), name: vscode.l10n.t('Sandbox'), cloud, accessKeyId: '', sandbox: true };
  }
}
