// "Edit Account…": rename, a new key (rotate the secret, or renew temporary credentials), or
// another endpoint. New credentials and a new endpoint are checked with the cloud before saving;
// the secret and token go only into SecretStorage. Sandbox accounts are not editable.
import * as vscode from 'vscode';
import { checkAccountName } from '../../providers/rules/accounts';
import type { AccountConfig } from '../../providers/core/model';
import { AccountNode } from '../../tree/nodes';
import { accountLabel } from '../../util/clouds';
import { messageOf } from '../../util/inputMessages';
import { isGoBack } from '../../util/userInput';
import { runWizard } from '../../util/wizard';
import { checkStep, credentialSteps, endpointStep, type CredentialDraft } from './accountSteps';
import type { CommandContext } from '../shared/context';

type Change = 'rename' | 'credentials' | 'endpoint';

interface EditDraft extends CredentialDraft {
  change: Change;
  name: string;
}

export async function editAccount(ctx: CommandContext, node?: unknown): Promise<void> {
  const account = node instanceof AccountNode ? node.account : await pickOwnAccount(ctx);
  if (!account) {
    return;
  }
  if (account.sandbox) {
    throw new Error(vscode.l10n.t('The sandbox accounts cannot be edited.'));
  }
  // The current key (ID, secret, token) comes from SecretStorage; only the ID is shown, to be kept or replaced.
  const key = await ctx.accounts.credentialsOf(account.id);
  const draft: EditDraft = {
    change: 'rename',
    name: account.name,
    cloud: account.cloud,
    temporary: account.temporary ?? false,
    accessKeyId: key?.accessKeyId ?? '',
    secret: key?.accessKeySecret ?? '',
    securityToken: key?.securityToken ?? '',
    expiresAt: account.expiresAt ?? '',
    endpoint: account.endpoint ?? '',
  };
  const is = (c: Change) => (d: EditDraft): boolean => d.change === c;
  const done = await runWizard<EditDraft>(vscode.l10n.t('Edit Account: {0}', accountLabel(account)), [
    {
      async run(d, ui, info) {
        const picked = await ui.pick<Change>([
          { label: vscode.l10n.t('Rename'), description: account.name, data: 'rename' },
          {
            label: account.temporary ? vscode.l10n.t('Renew the temporary credentials') : vscode.l10n.t('New AccessKey (rotate the secret)'),
            description: account.expiresAt ? vscode.l10n.t('expires {0}', new Date(account.expiresAt).toLocaleString(vscode.env.language)) : undefined,
            data: 'credentials',
          },
          { label: vscode.l10n.t('Change the endpoint'), description: account.endpoint ?? vscode.l10n.t('public endpoints'), data: 'endpoint' },
        ], { ...info, placeHolder: vscode.l10n.t('What do you want to change?') });
        d.change = picked.data;
      },
    },
    {
      applies: is('rename'),
      async run(d, ui, info) {
        d.name = (await ui.input({
          ...info,
          prompt: vscode.l10n.t('A name for the account, shown in the tree'),
          value: d.name,
          validateInput: (v) =>
            messageOf(checkAccountName(v.trim())) ??
            (ctx.accounts.nameTaken(v, account.id) ? vscode.l10n.t('An account named "{0}" already exists.', v.trim()) : undefined),
        })).trim();
      },
    },
    ...credentialSteps<EditDraft>().map((s) => ({ ...s, applies: (d: EditDraft) => d.change === 'credentials' && (!s.applies || s.applies(d)) })),
    { ...endpointStep<EditDraft>(), applies: is('endpoint') },
    { ...checkStep<EditDraft>(ctx), applies: (d) => d.change !== 'rename' },
  ], draft, ctx.ui).catch((err: unknown) => {
    if (isGoBack(err)) {
      return undefined;
    }
    throw err;
  });
  if (!done) {
    return;
  }
  const saved = await ctx.accounts.update(account.id, changeOf(done));
  ctx.log.info(`Edited account "${saved.name}" (${done.change}).`);
  void ctx.ui.notify('info', vscode.l10n.t('Account "{0}" saved.', saved.name));
}

function changeOf(d: EditDraft): Parameters<CommandContext['accounts']['update']>[1] {
  switch (d.change) {
    case 'rename':
      return { name: d.name };
    case 'endpoint':
      return { endpoint: d.endpoint };
    case 'credentials':
      return {
        credentials: {
          accessKeyId: d.accessKeyId,
          accessKeySecret: d.secret,
          ...(d.temporary ? { securityToken: d.securityToken, ...(d.expiresAt ? { expiresAt: d.expiresAt } : {}) } : {}),
        },
      };
  }
}

async function pickOwnAccount(ctx: CommandContext): Promise<AccountConfig | undefined> {
  const own = ctx.accounts.list().filter((a) => !a.sandbox);
  if (!own.length) {
    void ctx.ui.notify('info', vscode.l10n.t('There is no account to edit: the sandbox accounts cannot be edited. Add an account first.'));
    return undefined;
  }
  const picked = await ctx.ui.pick(own.map((a) => ({ label: accountLabel(a), data: a })), {
    title: vscode.l10n.t('Edit Account'),
    placeHolder: vscode.l10n.t('Which account?'),
  });
  return picked.data;
}
