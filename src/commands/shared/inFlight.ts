// One user action = at most one change of a kind in flight per image. A second Export, Share/Unshare,
// Tag/Untag or Delete of an image whose first is still under way (its request, or the cloud job it
// started) is refused in words before anything is asked or sent; an image being deleted takes no other
// change. Every command that changes images goes through `oneAtATime`.
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

type Family = 'delete' | 'export' | 'members' | 'tags' | 'copy' | 'attributes' | 'import';

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
  // Cancelling acts on a job, not an image: it holds nothing an image change would wait for.
  cancel: 'copy',
};

function keyOf(node: ImageNode, family: Family): string {
  return `${node.account.id}/${node.parent.region.id}/${node.image.id}/${family}`;
}

export class ChangesInFlight {
  private readonly held = new Set<string>();

  constructor(private readonly jobs: JobTracker) {}

  /** The first image that already has a change of this family (or a delete) under way, and which. */
  busy(nodes: readonly ImageNode[], kind: ChangeKind): { node: ImageNode; family: Family } | undefined {
    const families: Family[] = FAMILY[kind] === 'delete' ? ['delete'] : [FAMILY[kind], 'delete'];
    for (const node of nodes) {
      const jobs = this.jobs.forImage(node.account.id, node.parent.region.id, node.image.id).filter(isActive);
      const family = families.find((f) => this.held.has(keyOf(node, f)) || jobs.some((j) => FAMILY[j.kind] === f));
      if (family) {
        return { node, family };
      }
    }
    return undefined;
  }

  /** Holds the images for the change until the returned release is called. */
  hold(nodes: readonly ImageNode[], kind: ChangeKind): () => void {
    const keys = nodes.map((n) => keyOf(n, FAMILY[kind]));
    keys.forEach((k) => this.held.add(k));
    return () => keys.forEach((k) => this.held.delete(k));
  }
}

function alreadyRunning(node: ImageNode, family: Family): string {
  const name = `"${node.image.name}"`;
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
  }
}

/**
 * Runs a command's change of `nodes` (from its first question to its last request) while no other
 * change of the same kind runs on them; otherwise tells the user so and does nothing. A change whose
 * outcome stayed unknown ends in words that name the images.
 */
export async function oneAtATime(ctx: CommandContext, nodes: readonly ImageNode[], kind: ChangeKind, work: () => Promise<void>): Promise<void> {
  const busy = ctx.changes.busy(nodes, kind);
  if (busy) {
    void ctx.ui.notify('info', alreadyRunning(busy.node, busy.family));
    return;
  }
  const release = ctx.changes.hold(nodes, kind);
  try {
    await work();
  } catch (err) {
    if (!ProviderError.isOutcomeUnknown(err)) {
      throw err;
    }
    ctx.log.warn(logLine(err));
    const unsure = nodes.filter((n) => err.outcome?.imageIds.includes(n.image.id));
    throw new Error(failureText(err, imageLabel(unsure.length ? unsure : nodes)), { cause: err });
  } finally {
    release();
  }
}
