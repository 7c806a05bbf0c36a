// The steps Add Account and Edit Account share: the kind of key, the key itself (ID, secret, and for
// temporary credentials the security token and expiry), the endpoint, and the check of the
// credentials against the cloud before anything is saved.
import * as vscode from 'vscode';
import { TEMPORARY_CREDENTIALS } from '../../providers/rules/capabilities';
import { errorKindOf } from '../../providers';
import { ProviderError } from '../../providers/core/errors';
import { checkAccessKeyId, checkEndpoint, checkSecret, checkSecurityToken } from '../../providers/rules/accounts';
import type { CloudKind, Credentials } from '../../providers/core/model';
import { accessKeyShape } from '../../providers/rules/index';
import { ClockSkewError } from '../../providers/transport/clock';
import { ProxyError } from '../../providers/transport/proxyError';
import { cloudLabel } from '../../util/clouds';
import { userMessage } from '../../util/errors';
import { messageOf } from '../../util/inputMessages';
import { GoBackError, UserCancelledError } from '../../util/userInput';
import type { WizardStep } from '../../util/wizard';
import type { CommandContext } from '../shared/context';

export interface CredentialDraft {
  cloud: CloudKind;
  temporary: boolean;
  accessKeyId: string;
  secret: string;
  securityToken: string;
  /** ISO 8601, or '' when unknown. */
  expiresAt: string;
  endpoint: string;
}

/**
 * When temporary credentials expire: empty (unknown), a duration from now ("45m", "12h") or a date
 * and time ("2026-11-24 18:00", local; or ISO 8601). Returns the instant, or a message.
 */
export function parseExpiry(value: string, now = Date.now()): { at?: string; problem?: string } {
  const v = value.trim();
  if (!v) {
    return {};
  }
  const rel = /^(\d{1,4})\s*([mh])$/i.exec(v);
  const at = rel ? now + Number(rel[1]) * (rel[2]!.toLowerCase() === 'h' ? 3_600_000 : 60_000) : Date.parse(v.replace(/^(\d{4}-\d\d-\d\d) (\d)/, '$1T$2'));
  if (!Number.isFinite(at)) {
    return { problem: vscode.l10n.t('Enter a time such as 2026-11-24 18:00, a duration such as 45m or 12h, or leave it empty.') };
  }
  if (at <= now) {
    return { problem: vscode.l10n.t('That time has already passed: these credentials would be expired.') };
  }
  return { at: new Date(at).toISOString() };
}

/** Every check of the credential steps (on trimmed values), for what the steps pass on and for typed arguments alike. */
export function credentialProblem(d: CredentialDraft): string | undefined {
  return messageOf(
    checkAccessKeyId(d.accessKeyId.trim(), accessKeyShape(d.cloud, d.temporary)) ??
      checkSecret(d.secret.trim()) ??
      (d.temporary ? checkSecurityToken(d.securityToken.trim()) : undefined) ??
      checkEndpoint(d.endpoint.trim()),
    d.cloud,
  );
}

export function credentialsOf(d: CredentialDraft): Credentials {
  return {
    accessKeyId: d.accessKeyId.trim(),
    accessKeySecret: d.secret.trim(),
    ...(d.temporary ? { securityToken: d.securityToken.trim() } : {}),
  };
}

export function credentialSteps<D extends CredentialDraft>(): WizardStep<D>[] {
  return [
    {
      applies: (d) => TEMPORARY_CREDENTIALS[d.cloud],
      async run(d, ui, info) {
        const picked = await ui.pick(
          [
            { label: vscode.l10n.t('AccessKey'), detail: vscode.l10n.t('A long-term AccessKey ID and secret'), data: false, picked: !d.temporary },
            {
              label: vscode.l10n.t('Temporary credentials'),
              detail: vscode.l10n.t('An ID, a secret and a security token that expire (STS)'),
              data: true,
              picked: d.temporary,
            },
          ],
          { ...info, placeHolder: vscode.l10n.t('What kind of key does {0} give you?', cloudLabel(d.cloud)) },
        );
        d.temporary = picked.data;
      },
    },
    {
      async run(d, ui, info) {
        d.temporary &&= TEMPORARY_CREDENTIALS[d.cloud];
        d.accessKeyId = (await ui.input({
          ...info,
          prompt: d.temporary ? vscode.l10n.t('Temporary AccessKey ID') : vscode.l10n.t('AccessKey ID'),
          value: d.accessKeyId,
          validateInput: (v) => messageOf(checkAccessKeyId(v.trim(), accessKeyShape(d.cloud, d.temporary)), d.cloud),
        })).trim();
      },
    },
    {
      async run(d, ui, info) {
        d.secret = (await ui.input({
          ...info,
          prompt: vscode.l10n.t('AccessKey secret (kept in VS Code Secret Storage, never in settings)'),
          password: true,
          validateInput: (v) => messageOf(checkSecret(v.trim()), d.cloud),
        })).trim();
      },
    },
    {
      applies: (d) => d.temporary,
      async run(d, ui, info) {
        d.securityToken = (await ui.input({
          ...info,
          prompt: vscode.l10n.t('Security token (kept in VS Code Secret Storage)'),
          password: true,
          validateInput: (v) => messageOf(checkSecurityToken(v.trim()), d.cloud),
        })).trim();
      },
    },
    {
      applies: (d) => d.temporary,
      async run(d, ui, info) {
        const text = await ui.input({
          ...info,
          prompt: vscode.l10n.t('When do they expire? A time such as 2026-11-24 18:00 or a duration such as 1h; empty if you do not know'),
          validateInput: (v) => parseExpiry(v).problem,
        });
        d.expiresAt = parseExpiry(text).at ?? '';
      },
    },
  ];
}

export function endpointStep<D extends CredentialDraft>(): WizardStep<D> {
  return {
    async run(d, ui, info) {
      d.endpoint = (await ui.input({
        ...info,
        prompt: vscode.l10n.t('Endpoint override (optional): leave empty to use the public endpoints'),
        value: d.endpoint,
        placeHolder: 'https://…',
        validateInput: (v) => messageOf(checkEndpoint(v.trim()), d.cloud),
      })).trim();
    },
  };
}

/**
 * Checks the credentials with the cloud before they are saved. What the user reads is headlined by the
 * failure's kind (checkVerdict): refused by the cloud ("Edit Credentials" goes back); not allowed the
 * check's read (also "Save Anyway"); not checked at all, the cloud unreachable, failing, throttling,
 * refusing the clock or answering garbled ("Retry", "Edit Credentials", "Save Anyway").
 */
export function checkStep<D extends CredentialDraft>(ctx: CommandContext): WizardStep<D> {
  return {
    silent: true,
    async run(d) {
      for (;;) {
        const failure = await checkCredentials(ctx, d);
        if (failure === undefined) {
          return;
        }
        const retry = vscode.l10n.t('Retry');
        const edit = vscode.l10n.t('Edit Credentials');
        const saveAnyway = vscode.l10n.t('Save Anyway');
        const verdict = checkVerdict(failure);
        const buttons = verdict === 'refused' ? [edit] : verdict === 'forbidden' ? [edit, saveAnyway] : [retry, edit, saveAnyway];
        const choice = await ctx.ui.confirm(checkHeadline(d.cloud, failure), userMessage(failure), ...buttons);
        if (choice === saveAnyway) {
          return;
        }
        if (choice !== retry) {
          // Edit: back to the fields (Escape has already cancelled the whole run).
          throw new GoBackError();
        }
      }
    },
  };
}

/** Not an answer of the cloud: the network, a timeout, or the proxy on the way. */
export function unreachable(failure: unknown): boolean {
  return failure instanceof ProxyError || (failure instanceof ProviderError && (failure.code === 'NetworkError' || failure.code === 'Timeout'));
}

/**
 * What a failed check says of the credentials: 'refused', the cloud said they are wrong (an auth error);
 * 'forbidden', the cloud knows them but denies them the check's read; 'unchecked', anything else (not
 * reached, a server error, throttling, the clock, a garbled answer): they were not checked.
 */
export type CheckVerdict = 'refused' | 'forbidden' | 'unchecked';

export function checkVerdict(failure: unknown): CheckVerdict {
  if (!(failure instanceof ProviderError) || failure.cloud === 'local' || unreachable(failure) || failure instanceof ClockSkewError) {
    return 'unchecked';
  }
  const kind = errorKindOf(failure);
  return kind === 'auth' ? 'refused' : kind === 'forbidden' ? 'forbidden' : 'unchecked';
}

/** What the user reads when the check failed, by the failure's kind (the cloud's own words go beside it). */
export function checkHeadline(cloud: CloudKind, failure: unknown): string {
  const name = cloudLabel(cloud);
  if (unreachable(failure)) {
    return vscode.l10n.t('{0} could not be reached to check these credentials.', name);
  }
  const verdict = checkVerdict(failure);
  if (verdict === 'refused') {
    return vscode.l10n.t('{0} refused these credentials; nothing was saved.', name);
  }
  if (verdict === 'forbidden') {
    return vscode.l10n.t('{0} knows these credentials but does not allow them the read that checks them; nothing was saved.', name);
  }
  switch (failure instanceof ProviderError ? (failure instanceof ClockSkewError ? 'clock' : errorKindOf(failure)) : 'other') {
    case 'clock':
      return vscode.l10n.t("{0} refused the request's time, so these credentials were not checked; nothing was saved.", name);
    case 'throttled':
      return vscode.l10n.t('{0} is limiting requests, so these credentials were not checked; nothing was saved.', name);
    case 'server':
      return vscode.l10n.t('{0} had an internal error, so these credentials were not checked; nothing was saved.', name);
    case 'badResponse':
      return vscode.l10n.t('{0} sent an answer that cannot be read, so these credentials were not checked; nothing was saved.', name);
    default:
      return vscode.l10n.t('These credentials could not be checked with {0}; nothing was saved.', name);
  }
}

/** The cloud's cheapest signed read with these credentials, under a cancellable progress: the failure, or undefined. */
export async function checkCredentials(ctx: CommandContext, d: CredentialDraft): Promise<unknown> {
  let failure: unknown;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the credentials with {0}…', cloudLabel(d.cloud)), cancellable: true },
    async (_progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        await ctx.sessions.check(d.cloud, credentialsOf(d), d.endpoint || undefined, abort.signal);
      } catch (err) {
        failure = err;
      } finally {
        sub.dispose();
      }
    },
  );
  if (ProviderError.isAbort(failure)) {
    throw new UserCancelledError();
  }
  return failure;
}
