// "Add Account": cloud, name, AccessKey ID, secret (into SecretStorage), optional endpoint.
import * as vscode from 'vscode';
import type { CloudKind } from '../providers/model';
import { SUPPORTED_CLOUDS } from '../providers';
import { cloudLabel } from '../util/clouds';
import { validateAccessKeyId, validateAccountName, validateEndpoint, validateSecret } from '../util/validation';
import type { CommandContext } from './context';

interface AccountInput {
  readonly cloud: CloudKind;
  readonly name: string;
  readonly accessKeyId: string;
  readonly secret: string;
  readonly endpoint: string;
}

function presetOf(v: unknown): AccountInput | undefined {
  const r = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  const s = (k: string): string | undefined => (typeof r?.[k] === 'string' ? (r[k] as string) : undefined);
  const cloud = s('cloud');
  if (!r || !cloud || !SUPPORTED_CLOUDS.includes(cloud as CloudKind)) {
    return undefined;
  }
  return { cloud: cloud as CloudKind, name: s('name') ?? '', accessKeyId: s('accessKeyId') ?? '', secret: s('secret') ?? '', endpoint: s('endpoint') ?? '' };
}

/** Every check the input boxes make, again, before anything is stored. */
function problemWith(ctx: CommandContext, input: AccountInput): string | undefined {
  return (
    validateAccountName(input.name, (n) => ctx.accounts.nameTaken(n)) ??
    validateAccessKeyId(input.cloud, input.accessKeyId) ??
    validateSecret(input.secret) ??
    validateEndpoint(input.endpoint)
  );
}

export async function addAccount(ctx: CommandContext, presetArg?: unknown): Promise<void> {
  const input = presetOf(presetArg) ?? (await askAccount(ctx));
  if (!input) {
    return;
  }
  const problem = problemWith(ctx, input);
  if (problem) {
    throw new Error(problem);
  }
  const account = await ctx.accounts.add({
    name: input.name.trim(),
    cloud: input.cloud,
    accessKeyId: input.accessKeyId.trim(),
    accessKeySecret: input.secret.trim(),
    endpoint: input.endpoint.trim() || undefined,
  });
  ctx.log.info(`Added account "${account.name}" (${account.cloud}).`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Account "{0}" added.', account.name));
}

async function askAccount(ctx: CommandContext): Promise<AccountInput | undefined> {
  const picked = await vscode.window.showQuickPick(
    SUPPORTED_CLOUDS.map((cloud) => ({ label: cloudLabel(cloud), cloud })),
    { title: vscode.l10n.t('Add Account (1/5)'), placeHolder: vscode.l10n.t('Which cloud is the account on?'), ignoreFocusOut: true },
  );
  if (!picked) {
    return;
  }
  const cloud: CloudKind = picked.cloud;
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add Account (2/5)'),
    prompt: vscode.l10n.t('A name for the account, shown in the tree'),
    ignoreFocusOut: true,
    validateInput: (v) => validateAccountName(v, (n) => ctx.accounts.nameTaken(n)),
  });
  if (name === undefined) {
    return;
  }
  const accessKeyId = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add Account (3/5)'),
    prompt: vscode.l10n.t('AccessKey ID'),
    ignoreFocusOut: true,
    validateInput: (v) => validateAccessKeyId(cloud, v),
  });
  if (accessKeyId === undefined) {
    return;
  }
  const secret = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add Account (4/5)'),
    prompt: vscode.l10n.t('AccessKey secret (kept in VS Code Secret Storage, never in settings)'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => validateSecret(v),
  });
  if (secret === undefined) {
    return;
  }
  const endpoint = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add Account (5/5)'),
    prompt: vscode.l10n.t('Endpoint override (optional): leave empty to use the public endpoints'),
    placeHolder: 'https://…',
    ignoreFocusOut: true,
    validateInput: (v) => validateEndpoint(v),
  });
  if (endpoint === undefined) {
    return;
  }
  return { cloud, name, accessKeyId, secret, endpoint };
}
