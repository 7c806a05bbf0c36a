// Accounts: their names, clouds, endpoints and (for temporary credentials) expiry in global state; their
// AccessKey (ID and secret, as one JSON entry) and a temporary key's security token only in SecretStorage.
import * as vscode from 'vscode';
import { randomUUID } from 'crypto';
import { CLOUD_KINDS } from '../providers/core/model';
import type { AccountConfig, CloudKind, Credentials } from '../providers/core/model';

const ACCOUNTS_KEY = 'cloudImageExplorer.accounts';
const SANDBOX_HIDDEN_KEY = 'cloudImageExplorer.sandboxHidden';
const SECRET_PREFIX = 'cloudImageExplorer.secret.';
const TOKEN_PREFIX = 'cloudImageExplorer.securityToken.';

const SANDBOX_PREFIX = 'sandbox-';

/** An account as versions before 0.2 stored it: the AccessKey ID in global state, the secret alone in SecretStorage. */
type StoredAccount = AccountConfig & { readonly accessKeyId?: string };

/** What the rest of the extension sees of a stored account: never an AccessKey ID. */
function configOf({ accessKeyId: _, ...config }: StoredAccount): AccountConfig {
  return config;
}

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
  /** Temporary credentials: their security token (kept in SecretStorage) and expiry where known. */
  readonly securityToken?: string;
  readonly expiresAt?: string;
}

/** What Edit Account changes; a field left out stays as it is (endpoint: '' removes the override). */
export interface AccountChange {
  readonly name?: string;
  readonly endpoint?: string;
  readonly credentials?: Credentials & { readonly expiresAt?: string };
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
    const own = this.stored().map(configOf);
    const hidden = this.hiddenSandboxes();
    const sandboxes = CLOUD_KINDS.filter((c) => !hidden.includes(c)).map((c) => this.sandboxAccount(c));
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
      ...(account.securityToken ? { temporary: true } : {}),
      ...(account.securityToken && account.expiresAt ? { expiresAt: account.expiresAt } : {}),
    };
    await this.storeKey(config.id, account);
    await this.state.update(ACCOUNTS_KEY, [...this.stored(), config]);
    this.changed.fire();
    return config;
  }

  /** Renames, re-points or re-keys one of the user's accounts (the new key, ID included, into SecretStorage only). */
  async update(id: string, change: AccountChange): Promise<AccountConfig> {
    const own = this.stored();
    const old = own.find((a) => a.id === id);
    if (!old) {
      throw new Error(vscode.l10n.t('The sandbox accounts cannot be edited.'));
    }
    const endpoint = change.endpoint === undefined ? old.endpoint : change.endpoint || undefined;
    const creds = change.credentials;
    const temporary = creds ? Boolean(creds.securityToken) : old.temporary;
    const expiresAt = creds ? (creds.securityToken ? creds.expiresAt : undefined) : old.expiresAt;
    const next: StoredAccount = {
      id: old.id,
      name: change.name ?? old.name,
      cloud: old.cloud,
      // An account not moved yet keeps its ID where it is until it gets a new key.
      ...(old.accessKeyId && !creds ? { accessKeyId: old.accessKeyId } : {}),
      ...(endpoint ? { endpoint } : {}),
      ...(temporary ? { temporary: true } : {}),
      ...(expiresAt ? { expiresAt } : {}),
    };
    if (creds) {
      await this.storeKey(id, creds);
    }
    await this.state.update(ACCOUNTS_KEY, own.map((a) => (a.id === id ? next : a)));
    this.changed.fire();
    return configOf(next);
  }

  async remove(id: string): Promise<void> {
    const sandboxCloud = CLOUD_KINDS.find((c) => sandboxAccountId(c) === id);
    if (sandboxCloud) {
      await this.state.update(SANDBOX_HIDDEN_KEY, [...this.hiddenSandboxes(), sandboxCloud]);
    } else {
      await this.state.update(ACCOUNTS_KEY, this.stored().filter((a) => a.id !== id));
      await this.secrets.delete(SECRET_PREFIX + id);
      await this.secrets.delete(TOKEN_PREFIX + id);
    }
    this.changed.fire();
  }

  async showSandbox(): Promise<void> {
    await this.state.update(SANDBOX_HIDDEN_KEY, []);
    this.changed.fire();
  }

  /**
   * The account's AccessKey from SecretStorage (for an account stored before 0.2, its ID from global
   * state), with the security token of temporary credentials.
   */
  async credentialsOf(id: string): Promise<Credentials | undefined> {
    const raw = await this.secrets.get(SECRET_PREFIX + id);
    if (!raw) {
      return undefined;
    }
    const account = this.stored().find((a) => a.id === id);
    const key = parseKey(raw) ?? (account?.accessKeyId ? { accessKeyId: account.accessKeyId, accessKeySecret: raw } : undefined);
    const securityToken = key && account?.temporary ? await this.securityTokenOf(id) : undefined;
    return key && securityToken ? { ...key, securityToken } : key;
  }

  securityTokenOf(id: string): Thenable<string | undefined> {
    return this.secrets.get(TOKEN_PREFIX + id);
  }

  /** Moves the AccessKey IDs that versions before 0.2 kept in global state into SecretStorage. */
  async migrate(): Promise<number> {
    const legacy = this.stored().filter((a) => a.accessKeyId);
    for (const a of legacy) {
      const raw = await this.secrets.get(SECRET_PREFIX + a.id);
      const key = raw ? (parseKey(raw) ?? { accessKeyId: a.accessKeyId ?? '', accessKeySecret: raw }) : undefined;
      if (key) {
        await this.secrets.store(SECRET_PREFIX + a.id, JSON.stringify(key));
      }
    }
    if (legacy.length) {
      await this.state.update(ACCOUNTS_KEY, this.stored().map(configOf));
    }
    return legacy.length;
  }

  /** Whether another account (not `except`) already has this name. */
  nameTaken(name: string, except?: string): boolean {
    const wanted = name.trim().toLowerCase();
    return this.list().some((a) => a.id !== except && a.name.toLowerCase() === wanted);
  }

  dispose(): void {
    this.changed.dispose();
  }

  /** The key pair as one entry; the token of temporary credentials in its own entry, or none. */
  private async storeKey(id: string, key: Credentials): Promise<void> {
    await this.secrets.store(SECRET_PREFIX + id, JSON.stringify({ accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret }));
    if (key.securityToken) {
      await this.secrets.store(TOKEN_PREFIX + id, key.securityToken);
    } else {
      await this.secrets.delete(TOKEN_PREFIX + id);
    }
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
