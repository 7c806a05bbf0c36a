// The one place that turns any failure into what a user reads: an explanation in the display
// language, with the cloud's own code and message kept beside it.
import * as vscode from 'vscode';
import { errorKindOf, errorReasonOf, type ErrorReason } from '../providers';
import { ClockSkewError } from '../providers/transport/clock';
import { ProviderError } from '../providers/core/errors';
import { InvalidInputError } from '../providers/rules/problems';
import { redact } from '../providers/transport/redact';
import { ProxyError } from '../providers/transport/proxyError';
import type { ErrorKind } from '../providers/core/vocabulary';
import { inputMessage } from './inputMessages';
import { isUserCancelled } from './userInput/types';

export function isCancellation(err: unknown): boolean {
  return ProviderError.isAbort(err) || err instanceof vscode.CancellationError || isUserCancelled(err);
}

function explanation(kind: ErrorKind): string | undefined {
  switch (kind) {
    case 'auth':
      return vscode.l10n.t('The cloud rejected the access key: check the AccessKey ID and secret of this account.');
    case 'clock':
      return vscode.l10n.t("The cloud rejected the request's time: check this computer's clock.");
    case 'forbidden':
      return vscode.l10n.t('This account is not allowed to do this: check its permissions (RAM or IAM policies).');
    case 'notFound':
      return vscode.l10n.t('The cloud cannot find it: it may have been deleted, or be in another region.');
    case 'throttled':
      return vscode.l10n.t('The cloud is busy or limiting requests: wait a moment, then retry.');
    case 'quota':
      return vscode.l10n.t('A quota or the balance of this account is used up.');
    case 'invalid':
      return vscode.l10n.t('The cloud refused the request as invalid.');
    case 'conflict':
      // A refusal the reasons table does not name (Alibaba OperationDenied.*, an HTTP 409): said neutrally,
      // the cloud's own words beside it (userMessage), never a reason the cloud did not give.
      return vscode.l10n.t('The cloud refused this change now.');
    case 'server':
      return vscode.l10n.t('The cloud had an internal error: retry later.');
    case 'timeout':
      return vscode.l10n.t('The cloud did not answer in time.');
    case 'network':
      return vscode.l10n.t('Could not reach the cloud: check the network and the proxy.');
    case 'badResponse':
      return vscode.l10n.t('The cloud sent an answer this extension cannot read.');
    case 'cancelled':
      return vscode.l10n.t('The request was cancelled.');
    case 'other':
      return undefined;
  }
}

/** Why, where the cloud's code says more than its kind (providers/core/reasons.ts). */
function reasonText(reason: ErrorReason): string {
  switch (reason) {
    case 'imageInUse':
      return vscode.l10n.t('The image is used by instances, so the cloud keeps it. "Force Delete" deletes it all the same.');
    case 'imageShared':
      return vscode.l10n.t('The image is shared with other accounts: stop sharing it first.');
    case 'imageCreating':
      return vscode.l10n.t('The image is still being created: wait until it is available.');
    case 'imageImporting':
      return vscode.l10n.t('The image is still being imported: wait until the import ends.');
    case 'imageExporting':
      return vscode.l10n.t('The image is being exported: wait until the export ends, or cancel it in the Jobs view.');
    case 'imageCopying':
      return vscode.l10n.t('The image is being copied: wait until the copy ends.');
    case 'imageStatus':
      return vscode.l10n.t("The image's status does not allow this now (it must be available).");
    case 'shareQuota':
      return vscode.l10n.t('The image is already shared with as many accounts as the cloud allows: stop sharing it with one first.');
    case 'bucketNotFound':
      return vscode.l10n.t('The bucket does not exist in this region.');
    case 'objectNotFound':
      return vscode.l10n.t('The file does not exist in the bucket.');
    case 'taskStatus':
      return vscode.l10n.t('The job has already ended or cannot be cancelled now.');
    case 'notACopy':
      return vscode.l10n.t('This image is not a copy still being made, so there is nothing to cancel.');
    case 'imageNotFound':
      return vscode.l10n.t('The image does not exist in this region: it may have been deleted.');
    case 'imageProtected':
      return vscode.l10n.t('The image is protected: the cloud does not let it be deleted or changed.');
    case 'notOwner':
      return vscode.l10n.t('Only the account that owns the image can do this.');
    case 'publicImage':
      return vscode.l10n.t('This is a public or Marketplace image: the cloud does not allow this on it.');
    case 'imageQuota':
      return vscode.l10n.t('The quota of private images is used up: delete images you no longer need, or ask for a larger quota.');
    case 'sharedQuota':
      return vscode.l10n.t('The quota of shared images is used up: stop a share or reject a shared image first.');
    case 'shareSelf':
      return vscode.l10n.t('An image cannot be shared with the account that owns it.');
    case 'encryptedImage':
      return vscode.l10n.t('The image is encrypted, and the cloud does not allow this for encrypted images.');
    case 'wholeImage':
      return vscode.l10n.t('This is a whole-machine image: the cloud does not allow sharing, exporting or copying it.');
    case 'notExportable':
      return vscode.l10n.t('The cloud does not export this image (for example one made from a paid image, a backup or an image file).');
    case 'exportTooLarge':
      return vscode.l10n.t('The image is too large for a standard export: images of 128 GB or more need a fast export.');
    case 'objectExists':
      return vscode.l10n.t('A file of that name already exists in the bucket: choose another name.');
    case 'importFile':
      return vscode.l10n.t('The image file does not exist, is empty, or is not in a format the cloud reads.');
    case 'fileTooLarge':
      return vscode.l10n.t('The image file is larger than the cloud allows.');
    case 'bucketRegion':
      return vscode.l10n.t("The bucket is in another region: use a bucket in the image's region.");
    case 'bucketAccess':
      return vscode.l10n.t('The cloud cannot access the bucket: check that it exists and that this account may use it.');
    case 'kmsKeyNotFound':
      return vscode.l10n.t('The KMS key does not exist.');
    case 'kmsKeyDisabled':
      return vscode.l10n.t('The KMS key is not enabled: enable it in KMS, or choose another key.');
    case 'kmsKeyAccess':
      return vscode.l10n.t('This account is not allowed to use the KMS key.');
    case 'tagInvalid':
      return vscode.l10n.t("A tag key or value breaks the cloud's tag rules.");
    case 'tagQuota':
      return vscode.l10n.t('The image would have more tags than the cloud allows: remove some first.');
    case 'nameExists':
      return vscode.l10n.t('An image of that name already exists: choose another name.');
    case 'nameInvalid':
      return vscode.l10n.t('The cloud refused the image name: check its length and characters.');
    case 'descriptionInvalid':
      return vscode.l10n.t('The cloud refused the description: check its length and characters.');
    case 'tooManyTasks':
      return vscode.l10n.t('Too many jobs are running at once: wait for some to end, then retry.');
    case 'notAccepted':
      return vscode.l10n.t('A shared image must be accepted before it can be copied.');
    case 'balance':
      return vscode.l10n.t('The balance of this account is insufficient: top it up, then retry.');
    case 'quotaOrRequests':
      return vscode.l10n.t('A quota is used up; this includes the daily quota of API requests, which resets at 00:00.');
    case 'alreadyExists':
      return vscode.l10n.t('It already exists: choose another name.');
    case 'resourcesShort':
      return vscode.l10n.t('The cloud has not enough resources for this now: retry later.');
    case 'serviceUpdating':
      return vscode.l10n.t("The cloud's service is being updated: retry later.");
    case 'marketplaceImage':
      return vscode.l10n.t('This is a Marketplace image, or an image made from one: the cloud does not allow this on it.');
    case 'cloudPublicImage':
      return vscode.l10n.t("This is one of the cloud's public images: only your own private images can be deleted, exported or changed.");
    case 'backupNotDeleted':
      return vscode.l10n.t("The cloud could not delete the whole-machine image's backup: check the backup in Cloud Backup and Recovery, or delete the image only.");
    case 'wholeImageOneZone':
      return vscode.l10n.t("This whole-machine image is usable only in its source server's availability zone until its backup is complete, so it cannot be copied to another region yet: retry later.");
  }
}

/** What went wrong, in one short sentence (error nodes' labels). */
export function explain(err: unknown): string {
  if (err instanceof InvalidInputError) {
    return inputMessage(err.problem);
  }
  if (err instanceof ProxyError) {
    return proxyMessage(err);
  }
  if (err instanceof ClockSkewError) {
    return clockMessage(err);
  }
  if (err instanceof ProviderError) {
    if (err.cloud === 'local') {
      return err.message || err.code;
    }
    const reason = errorReasonOf(err);
    return (reason ? reasonText(reason) : explanation(errorKindOf(err))) ?? vscode.l10n.t('The cloud reported an error.');
  }
  return redact(err instanceof Error ? err.message : String(err));
}

/** A duration in the largest unit that fits: "45 s", "17 min", "3 h". */
function duration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 120) {
    return vscode.l10n.t('{0} s', s);
  }
  return s < 2 * 3600 ? vscode.l10n.t('{0} min', Math.round(s / 60)) : vscode.l10n.t('{0} h', Math.round(s / 3600));
}

function clockMessage(err: ClockSkewError): string {
  const allowed = duration(err.allowedMs);
  if (err.skewMs === undefined) {
    return vscode.l10n.t("The cloud refused the request as expired: this computer's clock is probably wrong (the cloud accepts at most {0} of difference). Correct the system time and try again.", allowed);
  }
  return err.skewMs > 0
    ? vscode.l10n.t("The cloud refused the request because this computer's clock is {0} behind the cloud's (at most {1} is accepted). Correct the system time and try again.", duration(err.skewMs), allowed)
    : vscode.l10n.t("The cloud refused the request because this computer's clock is {0} ahead of the cloud's (at most {1} is accepted). Correct the system time and try again.", duration(err.skewMs), allowed);
}

function proxyMessage(err: ProxyError): string {
  const f = err.failure;
  switch (f.reason) {
    case 'setting':
      return vscode.l10n.t('The proxy setting "{0}" is not a URL such as http://proxy.example.com:3128 (http.proxy, HTTPS_PROXY or HTTP_PROXY).', err.proxy);
    case 'unreachable':
      return vscode.l10n.t('The proxy {0} cannot be reached ({1}). Check http.proxy, HTTPS_PROXY and NO_PROXY.', err.proxy, f.code);
    case 'refused':
      return f.status === 407
        ? vscode.l10n.t('The proxy {0} asks for credentials (HTTP 407): give them in the proxy URL, http://user:password@host:port.', err.proxy)
        : vscode.l10n.t('The proxy {0} refused the connection to the cloud (HTTP {1}).', err.proxy, f.status);
  }
}

/** The explanation and the cloud's own words, for a notification or a tooltip. */
export function userMessage(err: unknown): string {
  if (!(err instanceof ProviderError)) {
    return explain(err);
  }
  if (err.cloud === 'local') {
    // The provider's own checks before any request, or the proxy's failure: the explanation says it all.
    return explain(err);
  }
  const kind = errorKindOf(err);
  const said = err.message ? `${err.code}: ${err.message}` : err.code;
  if (kind === 'timeout' || kind === 'network' || kind === 'badResponse' || kind === 'cancelled') {
    return vscode.l10n.t('{0} Details: {1}', explain(err), said);
  }
  if (kind === 'conflict' && !errorReasonOf(err)) {
    // Our words say only that it was refused: the cloud's, quoted, say why.
    return vscode.l10n.t('{0} The cloud says: "{1}"', explain(err), said);
  }
  return vscode.l10n.t('{0} The cloud says: {1}', explain(err), said);
}

/** The full line for the log: code, message, request id, HTTP status, attempts. */
export function logLine(err: unknown): string {
  if (err instanceof ProviderError) {
    const status = err.httpStatus ? ` HTTP ${err.httpStatus}` : '';
    return `[${err.cloud}] ${err.describe()}${status}, ${err.attempts} ${err.attempts === 1 ? 'attempt' : 'attempts'}`;
  }
  return redact(err instanceof Error ? (err.stack ?? err.message) : String(err));
}
