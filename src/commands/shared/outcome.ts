// The words for a change whose reply was lost: settled by reading the cloud's state back (said as
// information), or still unknown (said as such, with what to check; never as a failure that may be false).
import * as vscode from 'vscode';
import { ProviderError, type ChangeKind, type UnknownOutcome } from '../../providers/core/errors';
import type { ChangeResult } from '../../providers/core/changes';
import { userMessage } from '../../util/errors';
import type { CommandContext } from './context';
import { formatList } from '../../util/format';

/** What is not known; `many` when `images` names more than one ("Whether a, b were deleted…"). */
function unknownLead(kind: ChangeKind, images: string, many: boolean): string {
  switch (kind) {
    case 'delete':
      return many ? vscode.l10n.t('Whether {0} were deleted is not known.', images) : vscode.l10n.t('Whether {0} was deleted is not known.', images);
    case 'export':
      return vscode.l10n.t('Whether the export of {0} started is not known.', images);
    case 'share':
      return many ? vscode.l10n.t('Whether {0} were shared is not known.', images) : vscode.l10n.t('Whether {0} was shared is not known.', images);
    case 'unshare':
      return vscode.l10n.t('Whether sharing {0} was stopped is not known.', images);
    case 'tag':
      return many ? vscode.l10n.t('Whether {0} were tagged is not known.', images) : vscode.l10n.t('Whether {0} was tagged is not known.', images);
    case 'untag':
      return vscode.l10n.t('Whether the tags were removed from {0} is not known.', images);
    case 'copy':
      return vscode.l10n.t('Whether the copy of {0} started is not known.', images);
    case 'cancel':
      return vscode.l10n.t('Whether the job was cancelled is not known.');
    case 'edit':
      return many ? vscode.l10n.t('Whether {0} were changed is not known.', images) : vscode.l10n.t('Whether {0} was changed is not known.', images);
    case 'import':
      return vscode.l10n.t('Whether the import of {0} started is not known.', images);
    case 'accept':
      return many ? vscode.l10n.t('Whether {0} were accepted is not known.', images) : vscode.l10n.t('Whether {0} was accepted is not known.', images);
    case 'reject':
      return many ? vscode.l10n.t('Whether {0} were rejected is not known.', images) : vscode.l10n.t('Whether {0} was rejected is not known.', images);
  }
}

function whatToCheck(kind: ChangeKind): string {
  switch (kind) {
    case 'delete':
      return vscode.l10n.t('Refresh the region in a minute: if the image is gone, it was deleted.');
    case 'export':
      return vscode.l10n.t('Before exporting again, look for the file in the bucket, or for a running export task in the cloud console.');
    case 'share':
    case 'unshare':
      return vscode.l10n.t("Look at the image's members in its details in a minute before trying again.");
    case 'tag':
    case 'untag':
      return vscode.l10n.t("Refresh the image to see its tags before trying again.");
    case 'copy':
      return vscode.l10n.t('Before copying again, refresh the destination region in a minute and look for the copy there.');
    case 'cancel':
      return vscode.l10n.t('The Jobs view shows how the job goes on.');
    case 'edit':
      return vscode.l10n.t('Refresh the image to see its name, description and status before trying again.');
    case 'import':
      return vscode.l10n.t('Before importing again, refresh the region in a minute and look for the new image or a running import task in the cloud console.');
    case 'accept':
    case 'reject':
      return vscode.l10n.t('Refresh "Shared with Me" in a minute before answering again.');
  }
}

function readBackWords(outcome: UnknownOutcome): string {
  return outcome.readBack === 'no-change'
    ? vscode.l10n.t('Reading it back from the cloud shows no change so far.')
    : vscode.l10n.t('Reading it back from the cloud cannot tell.');
}

/** Words for an OutcomeUnknown error: what is not known, why, what reading back showed, what to check. */
export function unknownOutcomeText(err: ProviderError, images: string): string {
  const outcome = err.outcome;
  const cause = err.cause instanceof ProviderError ? userMessage(err.cause) : err.message;
  const why = vscode.l10n.t("The cloud's reply was lost or unclear ({0}), so the request was not sent again.", cause);
  if (!outcome) {
    return `${why}`;
  }
  // Sentences: a space between them in English, none in Chinese.
  const gap = vscode.env.language.toLowerCase().startsWith('zh') ? '' : ' ';
  return [unknownLead(outcome.change, images, outcome.imageIds.length > 1), why, readBackWords(outcome), whatToCheck(outcome.change)].join(gap);
}

/** What a failed command shows: an unknown outcome in its own words, anything else as usual. */
export function failureText(err: unknown, images?: string): string {
  if (ProviderError.isOutcomeUnknown(err)) {
    const ids = err.outcome?.imageIds ?? [];
    return unknownOutcomeText(err, images ?? formatList(ids));
  }
  return userMessage(err);
}

/** After a change the cloud's state confirmed (its reply was lost): says so, once. */
export function sayIfReadBack(ctx: CommandContext, result: ChangeResult, images: string): void {
  if (result.confirmedBy !== 'read-back') {
    return;
  }
  const message = result.job
    ? vscode.l10n.t("The cloud's reply about {0} was lost; reading back found the job it started, which is now followed (job {1}).", images, result.job.jobId)
    : vscode.l10n.t("The cloud's reply about {0} was lost; reading back shows the change was made.", images);
  ctx.log.info(message);
  void ctx.ui.notify('info', message);
}
