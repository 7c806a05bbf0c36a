// Accounts: their non-secret settings in global state, their secrets only in SecretStorage.
import * as vscode from 'vscode';
import { randomUUID } from 'crypto';
import { SUPPORTED_CLOUDS } from '../providers';
import type { AccountConfig, CloudKind } from '../providers/model';

const ACCOUNTS_KEY = 'cloudImageExplorer.accounts';
const SANDBOX_HIDDEN_KEY = 'cloudImageExplorer.sandboxHidden';
const SECRET_PREFIX = 'cloudImageExplorer.secret.';
const TOKEN_PREFIX = 'cloudImageExplorer.securityToken.';

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
  /** Temporary credentials: their security token (kept in SecretStorage) and expiry where known. */
  readonly securityToken?: string;
  readonly expiresAt?: string;
}

/** What Edit Account changes; a field left out stays as it is (endpoint: '' removes the override). */
export interface AccountChange {
  readonly name?: string;
  readonly endpoint?: string;
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly accessKeySecret: string;
    readonly securityToken?: string;
    readonly expiresAt?: string;
  };
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
      ...(account.securityToken ? { temporary: true } : {}),
      ...(account.securityToken && account.expiresAt ? { expiresAt: account.expiresAt } : {}),
    };
    await this.secrets.store(SECRET_PREFIX + config.id, account.accessKeySecret);
    if (account.securityToken) {
      await this.secrets.store(TOKEN_PREFIX + config.id, account.securityToken);
    }
    await this.state.update(ACCOUNTS_KEY, [...this.state.get<AccountConfig[]>(ACCOUNTS_KEY, []), config]);
    this.changed.fire();
    return config;
  }

  /** Renames, re-points or re-keys one of the user's accounts (secrets into SecretStorage only). */
  async update(id: string, change: AccountChange): Promise<AccountConfig> {
    const own = this.state.get<AccountConfig[]>(ACCOUNTS_KEY, []);
    const old = own.find((a) => a.id === id);
    if (!old) {
      throw new Error(vscode.l10n.t('The sandbox accounts cannot be edited.'));
    }
    const endpoint = change.endpoint === undefined ? old.endpoint : change.endpoint || undefined;
    const creds = change.credentials;
    const temporary = creds ? Boolean(creds.securityToken) : old.temporary;
    const expiresAt = creds ? (creds.securityToken ? creds.expiresAt : undefined) : old.expiresAt;
    const next: AccountConfig = {
      id: old.id,
      name: old.name,
      cloud: old.cloud,
      accessKeyId: old.accessKeyId,
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(creds ? { accessKeyId: creds.accessKeyId } : {}),
      ...(endpoint ? { endpoint } : {}),
      ...(temporary ? { temporary: true } : {}),
      ...(expiresAt ? { expiresAt } : {}),
    };
    if (creds) {
      await this.secrets.store(SECRET_PREFIX + id, creds.accessKeySecret);
      if (creds.securityToken) {
        await this.secrets.store(TOKEN_PREFIX + id, creds.securityToken);
      } else {
        await this.secrets.delete(TOKEN_PREFIX + id);
      }
    }
    await this.state.update(ACCOUNTS_KEY, own.map((a) => (a.id === id ? next : a)));
    this.changed.fire();
    return next;
  }

  async remove(id: string): Promise<void> {
    const sandboxCloud = SUPPORTED_CLOUDS.find((c) => sandboxAccountId(c) === id);
    if (sandboxCloud) {
      await this.state.update(SANDBOX_HIDDEN_KEY, [...this.hiddenSandboxes(), sandboxCloud]);
    } else {
      await this.state.update(ACCOUNTS_KEY, this.state.get<AccountConfig[]>(ACCOUNTS_KEY, []).filter((a) => a.id !== id));
      await this.secrets.delete(SECRET_PREFIX + id);
      await this.secrets.delete(TOKEN_PREFIX + id);
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

  securityTokenOf(id: string): Thenable<string | undefined> {
    return this.secrets.get(TOKEN_PREFIX + id);
  }

  /** Whether another account (not `except`) already has this name. */
  nameTaken(name: string, except?: string): boolean {
    const wanted = name.trim().toLowerCase();
    return this.list().some((a) => a.id !== except && a.name.toLowerCase() === wanted);
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
