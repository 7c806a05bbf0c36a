// "Add Account": cloud, name, AccessKey ID, secret (into SecretStorage), optional endpoint.
import * as vscode from 'vscode';
import type { CloudKind } from '../providers/model';
import { SUPPORTED_CLOUDS } from '../providers';
import { checkAccessKeyId, checkAccountName, checkEndpoint, checkSecret, type InputProblem } from '../providers/input';
import { CLOUD_RULES } from '../providers/rules';
import { cloudLabel } from '../util/clouds';
import { inputMessage, messageOf } from '../util/inputMessages';
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

/** The name's rules, then whether another account has it. */
function nameProblem(ctx: CommandContext, name: string): string | undefined {
  return messageOf(checkAccountName(name)) ?? (ctx.accounts.nameTaken(name) ? vscode.l10n.t('An account named "{0}" already exists.', name) : undefined);
}

/** Every check the input boxes make (on what they pass on, trimmed), again, before anything is stored. */
function problemWith(ctx: CommandContext, input: AccountInput): string | undefined {
  const problem: InputProblem | undefined =
    checkAccessKeyId(input.accessKeyId, CLOUD_RULES[input.cloud].accessKeyId) ?? checkSecret(input.secret) ?? checkEndpoint(input.endpoint);
  return nameProblem(ctx, input.name) ?? (problem && inputMessage(problem, input.cloud));
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
    name: input.name,
    cloud: input.cloud,
    accessKeyId: input.accessKeyId,
    accessKeySecret: input.secret,
    endpoint: input.endpoint || undefined,
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
    validateInput: (v) => nameProblem(ctx, v.trim()),
  });
  if (name === undefined) {
    return;
  }
  const accessKeyId = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add Account (3/5)'),
    prompt: vscode.l10n.t('AccessKey ID'),
    ignoreFocusOut: true,
    validateInput: (v) => messageOf(checkAccessKeyId(v.trim(), CLOUD_RULES[cloud].accessKeyId), cloud),
  });
  if (accessKeyId === undefined) {
    return;
  }
  const secret = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add Account (4/5)'),
    prompt: vscode.l10n.t('AccessKey secret (kept in VS Code Secret Storage, never in settings)'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => messageOf(checkSecret(v.trim()), cloud),
  });
  if (secret === undefined) {
    return;
  }
  const endpoint = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add Account (5/5)'),
    prompt: vscode.l10n.t('Endpoint override (optional): leave empty to use the public endpoints'),
    placeHolder: 'https://…',
    ignoreFocusOut: true,
    validateInput: (v) => messageOf(checkEndpoint(v.trim()), cloud),
  });
  if (endpoint === undefined) {
    return;
  }
  return { cloud, name: name.trim(), accessKeyId: accessKeyId.trim(), secret: secret.trim(), endpoint: endpoint.trim() };
}
