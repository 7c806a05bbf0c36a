// Accounts: their names, clouds and endpoints in global state; their AccessKey (ID and secret) only in
// SecretStorage, as one JSON entry per account.
import * as vscode from 'vscode';
import { randomUUID } from 'crypto';
import { SUPPORTED_CLOUDS } from '../providers';
import type { AccountConfig, CloudKind, Credentials } from '../providers/model';

const ACCOUNTS_KEY = 'cloudImageExplorer.accounts';
const SANDBOX_HIDDEN_KEY = 'cloudImageExplorer.sandboxHidden';
const SECRET_PREFIX = 'cloudImageExplorer.secret.';

const SANDBOX_PREFIX = 'sandbox-';

/** An account as versions before 0.2 stored it: the AccessKey ID in global state, the secret alone in SecretStorage. */
type StoredAccount = AccountConfig & { readonly accessKeyId?: string };

/** The SecretStorage entry: the key pair as JSON, or (before 0.2) the secret alone. */
function parseKey(raw: string): Credentials | undefined {
  try {
    const v = JSON.parse(raw) as Partial<Credentials>;
    return typeof v.accessKeyId === 'string' && typeof v.accessKeySecret === 'string' ? { accessKeyId: v.accessKeyId, accessKeySecret: v.accessKeySecret } : undefined;
  } catch {
    return undefined;
  }
}

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
    const own = this.stored().map(({ id, name, cloud, endpoint }): AccountConfig => ({ id, name, cloud, ...(endpoint ? { endpoint } : {}) }));
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
      ...(account.endpoint ? { endpoint: account.endpoint } : {}),
    };
    const key: Credentials = { accessKeyId: account.accessKeyId, accessKeySecret: account.accessKeySecret };
    await this.secrets.store(SECRET_PREFIX + config.id, JSON.stringify(key));
    await this.state.update(ACCOUNTS_KEY, [...this.stored(), config]);
    this.changed.fire();
    return config;
  }

  async remove(id: string): Promise<void> {
    const sandboxCloud = SUPPORTED_CLOUDS.find((c) => sandboxAccountId(c) === id);
    if (sandboxCloud) {
      await this.state.update(SANDBOX_HIDDEN_KEY, [...this.hiddenSandboxes(), sandboxCloud]);
    } else {
      await this.state.update(ACCOUNTS_KEY, this.stored().filter((a) => a.id !== id));
      await this.secrets.delete(SECRET_PREFIX + id);
    }
    this.changed.fire();
  }

  async showSandbox(): Promise<void> {
    await this.state.update(SANDBOX_HIDDEN_KEY, []);
    this.changed.fire();
  }

  /** The account's AccessKey from SecretStorage (for an account stored before 0.2, its ID from global state). */
  async credentialsOf(id: string): Promise<Credentials | undefined> {
    const raw = await this.secrets.get(SECRET_PREFIX + id);
    if (!raw) {
      return undefined;
    }
    const legacyId = this.stored().find((a) => a.id === id)?.accessKeyId;
    return parseKey(raw) ?? (legacyId ? { accessKeyId: legacyId, accessKeySecret: raw } : undefined);
  }

  /** Moves the AccessKey IDs that versions before 0.2 kept in global state into SecretStorage. */
  async migrate(): Promise<number> {
    const legacy = this.stored().filter((a) => a.accessKeyId);
    for (const a of legacy) {
      const credentials = await this.credentialsOf(a.id);
      if (credentials) {
        await this.secrets.store(SECRET_PREFIX + a.id, JSON.stringify(credentials));
      }
    }
    if (legacy.length) {
      await this.state.update(ACCOUNTS_KEY, this.stored().map(({ accessKeyId: _, ...rest }) => rest));
    }
    return legacy.length;
  }

  nameTaken(name: string): boolean {
    const wanted = name.trim().toLowerCase();
    return this.list().some((a) => a.name.toLowerCase() === wanted);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private stored(): StoredAccount[] {
    return this.state.get<StoredAccount[]>(ACCOUNTS_KEY, []);
  }

  private hiddenSandboxes(): CloudKind[] {
    const v = this.state.get<unknown>(SANDBOX_HIDDEN_KEY, []);
    return Array.isArray(v) ? (v as CloudKind[]) : [];
  }

  private sandboxAccount(cloud: CloudKind): AccountConfig {
    return { id: sandboxAccountId(cloud), name: vscode.l10n.t('Sandbox'), cloud, sandbox: true };
  }
}
