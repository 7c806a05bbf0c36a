// One user action = at most one change of a kind in flight per image. A second Export, Share/Unshare,
// Tag/Untag, Delete, Accept/Reject of an image whose first is still under way (its request, or the cloud
// job it started), a second Import of the same file into a region, or a second Cancel of a job, is
// refused in words before anything is asked or sent; an image being deleted takes no other change.
// Every command that changes images goes through `oneAtATime` (tree images) or `oneChangeAtATime`.
import * as vscode from 'vscode';
import type { ChangeKind } from '../../providers/core/errors';
import { isActive } from '../../jobs/model';
import type { JobTracker } from '../../jobs/tracker';
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

export class ChangesInFlight {
  private readonly held = new Set<string>();

  constructor(private readonly jobs: JobTracker) {}

  /** The first place that already has a change of this family (or a delete) under way, and which. */
  busy(places: readonly ChangePlace[], kind: ChangeKind): { place: ChangePlace; family: Family } | undefined {
    const families: Family[] = FAMILY[kind] === 'delete' || FAMILY[kind] === 'cancel' ? [FAMILY[kind]] : [FAMILY[kind], 'delete'];
    for (const place of places) {
      const jobs = this.jobs.forImage(place.accountId, place.regionId, place.id).filter(isActive);
      const importing = kind === 'import' && this.jobs.list().some((j) => isActive(j) && j.kind === 'import' && j.accountId === place.accountId && j.regionId === place.regionId && j.detail === place.id);
      const family = families.find((f) => this.held.has(keyOf(place, f)) || jobs.some((j) => FAMILY[j.kind] === f)) ?? (importing ? 'import' : undefined);
      if (family) {
        return { place, family };
      }
    }
    return undefined;
  }

  /** Holds the places for the change until the returned release is called. */
  hold(places: readonly ChangePlace[], kind: ChangeKind): () => void {
    const keys = places.map((n) => keyOf(n, FAMILY[kind]));
    keys.forEach((k) => this.held.add(k));
    return () => keys.forEach((k) => this.held.delete(k));
  }
}

function alreadyRunning(place: ChangePlace, family: Family): string {
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
      return vscode.l10n.t('{0} is still being imported.', name);
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
  const busy = ctx.changes.busy(places, kind);
  if (busy) {
    void ctx.ui.notify('info', alreadyRunning(busy.place, busy.family));
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
