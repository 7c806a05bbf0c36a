// "Add Account": one multi-step input (cloud, name, kind of key, AccessKey ID, secret, security
// token and expiry for temporary keys, endpoint) with a step counter and Back; the credentials are
// checked with the cloud's cheapest signed read before anything is saved. The secret and the token
// go only into SecretStorage.
import * as vscode from 'vscode';
import { CLOUD_KINDS } from '../../providers/core/model';
import { checkAccountName } from '../../providers/rules/accounts';
import { cloudLabel } from '../../util/clouds';
import { messageOf } from '../../util/inputMessages';
import type { UserInput } from '../../util/userInput';
import { runWizard } from '../../util/wizard';
import { checkStep, credentialSteps, endpointStep, type CredentialDraft } from './accountSteps';
import type { CommandContext } from '../shared/context';

interface AccountDraft extends CredentialDraft {
  name: string;
  endpoint: string;
}

/** The name's rules, then whether another account has it. */
function nameProblem(ctx: CommandContext, name: string): string | undefined {
  return messageOf(checkAccountName(name)) ?? (ctx.accounts.nameTaken(name) ? vscode.l10n.t('An account named "{0}" already exists.', name) : undefined);
}

export async function addAccount(ctx: CommandContext): Promise<void> {
  const draft = await askAccount(ctx, ctx.ui);
  const account = await ctx.accounts.add({
    name: draft.name.trim(),
    cloud: draft.cloud,
    accessKeyId: draft.accessKeyId.trim(),
    accessKeySecret: draft.secret.trim(),
    endpoint: draft.endpoint.trim() || undefined,
    ...(draft.temporary ? { securityToken: draft.securityToken.trim(), expiresAt: draft.expiresAt || undefined } : {}),
  });
  ctx.log.info(`Added account "${account.name}" (${account.cloud}${account.temporary ? ', temporary credentials' : ''}).`);
  void ctx.ui.notify('info', vscode.l10n.t('Account "{0}" added.', account.name));
}

function askAccount(ctx: CommandContext, input: UserInput): Promise<AccountDraft> {
  const draft: AccountDraft = {
    cloud: 'alibaba', name: '', temporary: false, accessKeyId: '', secret: '', securityToken: '', expiresAt: '', endpoint: '',
  };
  return runWizard<AccountDraft>(vscode.l10n.t('Add Account'), [
    {
      async run(d, ui, info) {
        const picked = await ui.pick(
          CLOUD_KINDS.map((cloud) => ({ label: cloudLabel(cloud), data: cloud, picked: cloud === d.cloud })),
          { ...info, placeHolder: vscode.l10n.t('Which cloud is the account on?') },
        );
        d.cloud = picked.data;
      },
    },
    {
      async run(d, ui, info) {
        d.name = (await ui.input({
          ...info,
          prompt: vscode.l10n.t('A name for the account, shown in the tree'),
          value: d.name,
          validateInput: (v) => nameProblem(ctx, v.trim()),
        })).trim();
      },
    },
    endpointStep<AccountDraft>(),
    ...credentialSteps<AccountDraft>(),
    checkStep<AccountDraft>(ctx),
  ], draft, input);
}
