// One user action = at most one change of a kind in flight per image. A second Export, Share/Unshare,
// Tag/Untag, Delete, Accept/Reject of an image whose first is still under way (its request, or the cloud
// job it started), a second Import of the same file into a region, or a second Cancel of a job, is
// refused in words before anything is asked or sent; an image being deleted takes no other change.
// A bucket object is one place for every command that reads or writes it: an import of an object that
// Import Image from File is still uploading (or whose upload was interrupted) is refused, and so is an
// upload to an object whose import is starting or running, each naming the other and offering Show Job.
// Every command that changes images goes through `oneAtATime` (tree images) or `oneChangeAtATime`.
import * as vscode from 'vscode';
import type { ChangeKind } from '../../providers/core/errors';
import { isActive, type TrackedJob } from '../../jobs/model';
import type { JobTracker } from '../../jobs/tracker';
import { transferCancellable, type TransferJob } from '../../jobs/transferModel';
import { UserCancelledError } from '../../util/userInput';
import type { WizardStep } from '../../util/wizard';
import { showJobLabel, showJobs } from './showJob';
import { ProviderError } from '../../providers/core/errors';
import type { ImageNode } from '../../tree/nodes';
import { logLine } from '../../util/errors';
import type { CommandContext } from './context';
import { failureText } from './outcome';
import { imageLabel } from './targets';
import { formatList } from '../../util/format';

type Family = 'delete' | 'export' | 'members' | 'tags' | 'copy' | 'attributes' | 'import' | 'cancel';

/** Sharing and unsharing change one member list, tagging and untagging one tag set: each pair is one family. */
const FAMILY: Readonly<Record<ChangeKind, Family>> = {
  delete: 'delete',
  export: 'export',
  share: 'members',
  unshare: 'members',
  tag: 'tags',
  untag: 'tags',
  copy: 'copy',
  edit: 'attributes',
  import: 'import',
  accept: 'members',
  reject: 'members',
  // Cancelling acts on a job (its place's `id` is the job's): nothing an image change waits for.
  cancel: 'cancel',
};

/**
 * What a change acts on: an image (its ID), a shared image, the file an import reads (bucket/object),
 * or a job (its ID, for Cancel); `name` is how messages call it.
 */
export interface ChangePlace {
  readonly accountId: string;
  readonly regionId: string;
  readonly id: string;
  readonly name: string;
}

export function placeOf(node: ImageNode): ChangePlace {
  return { accountId: node.account.id, regionId: node.parent.region.id, id: node.image.id, name: node.image.name };
}

function keyOf(place: ChangePlace, family: Family): string {
  return `${place.accountId}/${place.regionId}/${place.id}/${family}`;
}

/** Where the uploads of Import Image from File are (the Jobs view's transfers). */
export interface Uploads {
  list(): readonly TransferJob[];
}

/**
 * What keeps a place busy: a change of a family (asked or sent by a command, or a job the Jobs view
 * follows), or, for an import's object, its upload. `place` names the change under way (an import's
 * place: the image it makes).
 */
export type Busy =
  // `job`, `upload`: what the Jobs view shows of it, where it does (Show Job).
  | { readonly place: ChangePlace; readonly family: Family; readonly job?: TrackedJob; readonly upload?: TransferJob }
  | { readonly place: ChangePlace; readonly family: 'upload'; readonly upload: TransferJob };

export class ChangesInFlight {
  /** The places held by commands, by key: the first holder's place (so a refusal names it). */
  private readonly held = new Map<string, ChangePlace>();

  constructor(
    private readonly jobs: JobTracker,
    private readonly uploads: Uploads = { list: () => [] },
  ) {}

  /** The first place that already has a change of this family (or a delete) under way, and which. */
  busy(places: readonly ChangePlace[], kind: ChangeKind): Busy | undefined {
    const families: Family[] = FAMILY[kind] === 'delete' || FAMILY[kind] === 'cancel' ? [FAMILY[kind]] : [FAMILY[kind], 'delete'];
    for (const place of places) {
      const jobs = this.jobs.forImage(place.accountId, place.regionId, place.id).filter(isActive);
      for (const family of families) {
        const holder = this.held.get(keyOf(place, family));
        const job = jobs.find((j) => FAMILY[j.kind] === family);
        if (holder || job) {
          return { place: holder ?? place, family, ...(job ? { job } : {}) };
        }
      }
      if (FAMILY[kind] === 'import') {
        const other = this.objectBusy(place);
        if (other) {
          return other;
        }
      }
    }
    return undefined;
  }

  /** An import's object (bucket/object): its upload (running, or interrupted and resumable), or another import of it the Jobs view follows. */
  private objectBusy(place: ChangePlace): Busy | undefined {
    const here = (j: { accountId: string; regionId: string }): boolean => j.accountId === place.accountId && j.regionId === place.regionId;
    const upload = this.uploads.list().find((j) => j.transfer === 'upload' && transferCancellable(j) && here(j) && `${j.bucket}/${j.key}` === place.id);
    if (upload) {
      // Whole in the bucket, its import being sent: an import under way, of the image the upload's import makes.
      return upload.importSent ? { place: { ...place, name: upload.importAfter?.name ?? place.name }, family: 'import', upload } : { place, family: 'upload', upload };
    }
    // An upload whose file is whole goes on to its import: that import, and Import Image's, are tracked with the object as detail.
    const job = this.jobs.list().find((j) => isActive(j) && j.kind === 'import' && here(j) && (j.detail === place.id || j.detail?.startsWith(`${place.id} + `)));
    return job ? { place: { ...place, name: job.imageName }, family: 'import', job } : undefined;
  }

  /** Holds the places for the change until the returned release is called. */
  hold(places: readonly ChangePlace[], kind: ChangeKind): () => void {
    const keys = places.map((p) => [keyOf(p, FAMILY[kind]), p] as const).filter(([k]) => !this.held.has(k));
    keys.forEach(([k, p]) => this.held.set(k, p));
    return () => keys.forEach(([k]) => this.held.delete(k));
  }
}

/** The refusal of an import or an upload while the object's upload runs (or was interrupted). */
function uploadRunning(upload: TransferJob): string {
  return upload.status === 'running'
    ? vscode.l10n.t('"{0}" is still being uploaded to bucket "{1}" for an import: wait until it has been imported, or stop it in the Jobs view.', upload.key, upload.bucket)
    : vscode.l10n.t('The upload of "{0}" to bucket "{1}" was interrupted: resume or stop it in the Jobs view before importing the file again.', upload.key, upload.bucket);
}

function alreadyRunning(busy: Busy): string {
  if (busy.family === 'upload') {
    return uploadRunning(busy.upload);
  }
  const { place, family } = busy;
  const name = `"${place.name}"`;
  switch (family) {
    case 'delete':
      return vscode.l10n.t('{0} is already being deleted.', name);
    case 'export':
      return vscode.l10n.t('{0} is already being exported: its export is still running.', name);
    case 'members':
      return vscode.l10n.t('The members of {0} are already being changed: wait until that has finished.', name);
    case 'tags':
      return vscode.l10n.t('The tags of {0} are already being changed: wait until that has finished.', name);
    case 'copy':
      return vscode.l10n.t('{0} is already being copied: wait until that copy has finished.', name);
    case 'attributes':
      return vscode.l10n.t('{0} is already being renamed or changed: wait until that has finished.', name);
    case 'import':
      return place.id.includes('/') ? vscode.l10n.t('{0} is still being imported from "{1}": wait until that import has finished.', name, place.id) : vscode.l10n.t('{0} is still being imported.', name);
    case 'cancel':
      return vscode.l10n.t('{0} is already being cancelled.', name);
  }
}

/**
 * Runs a command's change of `nodes` (from its first question to its last request) while no other
 * change of the same kind runs on them; otherwise tells the user so and does nothing. A change whose
 * outcome stayed unknown ends in words that name the images.
 */
export async function oneAtATime(ctx: CommandContext, nodes: readonly ImageNode[], kind: ChangeKind, work: () => Promise<void>): Promise<void> {
  await oneChangeAtATime(ctx, nodes.map(placeOf), kind, work, nodes);
}

/** `oneAtATime` for places that are not tree images: shared images, an import's file, a job. */
export async function oneChangeAtATime(
  ctx: CommandContext,
  places: readonly ChangePlace[],
  kind: ChangeKind,
  work: () => Promise<void>,
  nodes: readonly ImageNode[] = [],
): Promise<void> {
  if (refusedWhileBusy(ctx, places, kind)) {
    return;
  }
  const release = ctx.changes.hold(places, kind);
  try {
    await work();
  } catch (err) {
    if (!ProviderError.isOutcomeUnknown(err)) {
      throw err;
    }
    ctx.log.warn(logLine(err));
    const unsure = nodes.filter((n) => err.outcome?.imageIds.includes(n.image.id));
    const named = nodes.length ? imageLabel(unsure.length ? unsure : nodes) : formatList(places.map((p) => `"${p.name}"`));
    throw new Error(failureText(err, named), { cause: err });
  } finally {
    release();
  }
}

/**
 * Says, before anything is sent, that a change of `kind` on one of `places` is already under way (with
 * Show Job where the Jobs view shows what it waits for); true when it did (the caller stops).
 */
export function refusedWhileBusy(ctx: CommandContext, places: readonly ChangePlace[], kind: ChangeKind): boolean {
  const busy = ctx.changes.busy(places, kind);
  if (!busy) {
    return false;
  }
  const message = alreadyRunning(busy);
  ctx.log.info(`Refused (${kind}): ${message}`);
  const showJob = showJobLabel();
  const inJobsView = busy.family === 'upload' || busy.upload !== undefined || busy.job !== undefined;
  void ctx.ui.notify('info', message, ...(inJobsView ? [showJob] : [])).then((choice) => {
    if (choice === showJob) {
      void showJobs();
    }
  });
  return true;
}

/**
 * A silent wizard step that ends the command with the refusal as soon as the places are known (an
 * import's bucket and object), so that no more is asked; the command's guard checks again before sending.
 */
export function refuseWhileBusyStep<S>(ctx: CommandContext, places: (s: S) => readonly ChangePlace[], kind: ChangeKind, applies?: (s: S) => boolean): WizardStep<S> {
  return {
    silent: true,
    ...(applies ? { applies } : {}),
    run: (s) => (refusedWhileBusy(ctx, places(s), kind) ? Promise.reject(new UserCancelledError()) : Promise.resolve()),
  };
}
