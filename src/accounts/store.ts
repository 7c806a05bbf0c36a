// Accounts: their non-secret settings in global state, their secrets only in SecretStorage.
import * as vscode from 'vscode';
import { randomUUID } from 'crypto';
import type { AccountConfig, CloudKind } from '../providers/model';

const ACCOUNTS_KEY = 'cloudImageExplorer.accounts';
const SANDBOX_HIDDEN_KEY = 'cloudImageExplorer.sandboxHidden';
const SECRET_PREFIX = 'cloudImageExplorer.secret.';

export const SANDBOX_ACCOUNT_ID = 'sandbox-alibaba';

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

  /** The sandbox account first (unless the user removed it), then the user's accounts. */
  list(): AccountConfig[] {
    const own = this.state.get<AccountConfig[]>(ACCOUNTS_KEY, []);
    const sandboxHidden = this.state.get<boolean>(SANDBOX_HIDDEN_KEY, false);
    return sandboxHidden ? own : [this.sandboxAccount(), ...own];
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
    if (id === SANDBOX_ACCOUNT_ID) {
      await this.state.update(SANDBOX_HIDDEN_KEY, true);
    } else {
      await this.state.update(ACCOUNTS_KEY, this.state.get<AccountConfig[]>(ACCOUNTS_KEY, []).filter((a) => a.id !== id));
      await this.secrets.delete(SECRET_PREFIX + id);
    }
    this.changed.fire();
  }

  async showSandbox(): Promise<void> {
    await this.state.update(SANDBOX_HIDDEN_KEY, false);
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

  private sandboxAccount(): AccountConfig {
    return { id: SANDBOX_ACCOUNT_ID, name: vscode.l10n.t('Sandbox'), cloud: 'alibaba', accessKeyId: '', sandbox: true };
  }
}
