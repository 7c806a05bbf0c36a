// Delete: a modal confirmation that names the image (or gives the count), Alibaba's Force explained;
// the node shows "Deleting…" until done, then disappears; on failure it stays, with the cloud's error.
// Over several images each is reported on its own (bulk.ts): those deleted leave the tree, only the
// failures stay marked.
// One delete per image at a time; a delete whose reply was lost is settled by reading the image back,
// or reported as unknown (the node stays, saying so), never as a failure that may be false.
import * as vscode from 'vscode';
import type { ImageNode } from '../../tree/nodes';
import { wayOutOf } from '../../providers';
import type { DeleteOperations } from '../../providers/core/deleting';
import { eachRegion, reportOutcome, type WayOutButton } from '../shared/bulk';
import type { CommandContext } from '../shared/context';
import { oneAtATime } from '../shared/inFlight';
import { startedJob } from '../shared/jobs';
import { sayIfReadBack } from '../shared/outcome';
import { imageLabel, imageTargets, provider } from '../shared/targets';
import { showJobButton, stopSharingButton, waitButton } from '../shared/wayOuts';

/** What the confirmation chose: Force, and the whole-machine images whose backups go too. */
interface DeleteChoice {
  readonly force: boolean;
  readonly deleteBackupOf: readonly string[];
}

export async function deleteImages(ctx: CommandContext, node?: unknown, selection?: unknown): Promise<void> {
  const nodes = await imageTargets(ctx, 'delete', vscode.l10n.t('Delete Image'), node, selection, true);
  if (!nodes.length) {
    return;
  }
  await deleteOnce(ctx, nodes, false);
}

/**
 * The delete inside the one-change-at-a-time guard; its outcome is said once the guard is released, so
 * that a button on it (Retry Failed, Force Delete) starts a delete of its own.
 */
async function deleteOnce(ctx: CommandContext, nodes: ImageNode[], forced: boolean): Promise<void> {
  let report: (() => void) | undefined;
  await oneAtATime(ctx, nodes, 'delete', async () => {
    report = await confirmAndDelete(ctx, nodes, forced);
  });
  report?.();
}

/**
 * The way out of "the image is used by instances" (Alibaba ImageUsingByInstance): a confirmation that says
 * what Force means, then DeleteImage with Force=true, once per image.
 */
function forceDelete(ctx: CommandContext, nodes: ImageNode[]): Promise<void> {
  return deleteOnce(ctx, nodes, true);
}

/** Asks, deletes, and returns how to say the outcome. */
async function confirmAndDelete(ctx: CommandContext, nodes: readonly ImageNode[], forced: boolean): Promise<(() => void) | undefined> {
  const p = await provider(ctx, nodes[0]!);
  const deleting = p.deleting;
  if (!deleting) {
    return undefined;
  }
  const del = vscode.l10n.t('Delete');
  const forceDel = vscode.l10n.t('Force Delete');
  const one = nodes.length === 1;
  const message = forced
    ? one
      ? vscode.l10n.t('Force delete the image "{0}" ({1})?', nodes[0]!.image.name, nodes[0]!.image.id)
      : vscode.l10n.t('Force delete {0} images?', nodes.length)
    : one
      ? vscode.l10n.t('Delete the image "{0}" ({1})?', nodes[0]!.image.name, nodes[0]!.image.id)
      : vscode.l10n.t('Delete {0} images?', nodes.length);
  const lines = [vscode.l10n.t('This cannot be undone.')];
  if (!one) {
    lines.push(nodes.slice(0, 10).map((n) => `• ${n.image.name}`).join('\n') + (nodes.length > 10 ? '\n…' : ''));
  }
  if (forced) {
    lines.unshift(vscode.l10n.t('Instances use this image, so the cloud refused to delete it. "Force Delete" deletes it all the same (DeleteImage with Force=true): those instances keep running, but can no longer re-initialise their system disks from it.'));
  } else if (deleting.supportsForce) {
    lines.push(vscode.l10n.t('"Force Delete" also deletes an image that instances still use: those instances keep running, but cannot re-initialise their system disks from it.'));
  }
  // Whole-machine images (Huawei): their backup stays unless the user says it goes too (delete_backup).
  const whole = deleting.deletesBackups ? nodes.filter((n) => n.image.wholeMachine) : [];
  const imageOnly = vscode.l10n.t('Delete Image Only');
  const withBackup = vscode.l10n.t('Delete with Backup');
  if (whole.length) {
    lines.push(wholeMachineLine(whole));
  }
  const buttons = forced ? [forceDel] : whole.length ? [imageOnly, withBackup] : deleting.supportsForce ? [del, forceDel] : [del];
  const choice = await ctx.ui.confirm(message, lines.join('\n\n'), ...buttons);
  const force = forced || choice === forceDel;
  const deleteBackupOf = choice === withBackup ? whole.map((n) => n.image.id) : [];
  return sendDelete(ctx, deleting, nodes, { force, deleteBackupOf });
}

/**
 * Sends the delete the user confirmed (also again, unchanged, when "Retry When Ready" finds the images
 * ready) and returns how to say the outcome: Force Delete, Stop Sharing…, Retry When Ready and Show Job
 * where the cloud's refusal names them.
 */
async function sendDelete(ctx: CommandContext, deleting: DeleteOperations, nodes: readonly ImageNode[], choice: DeleteChoice): Promise<() => void> {
  const { force, deleteBackupOf } = choice;
  nodes.forEach((n) => ctx.tree.setBusy(n, vscode.l10n.t('Deleting…')));
  // Deleted as the cloud's reply said (not through a job, not settled by reading back): confirmed below.
  const deleted: ImageNode[] = [];
  const outcome = await eachRegion(
    ctx,
    nodes,
    (regionId, group) => deleting.deleteImages(regionId, group.map((n) => n.image.id), { force, ...(deleteBackupOf.length ? { deleteBackupOf: [...deleteBackupOf] } : {}) }),
    async (regionId, done, result) => {
      const own = new Map((result.jobs ?? []).map((j) => [j.imageId, j.job]));
      // The cloud deletes asynchronously: the nodes stay busy until the job ends (see extension wiring).
      // Images that share a job (a batch of QingCloud's) are announced together, once.
      const byJob = new Map<string, ImageNode[]>();
      for (const n of done.filter((d) => own.has(d.image.id))) {
        const jobId = own.get(n.image.id)!.jobId;
        byJob.set(jobId, [...(byJob.get(jobId) ?? []), n]);
      }
      for (const group of byJob.values()) {
        await startedJob(ctx, group, 'delete', { ...result, job: own.get(group[0]!.image.id)! });
      }
      const rest = done.filter((d) => !own.has(d.image.id));
      if (!rest.length) {
        return;
      }
      if (result.job) {
        await startedJob(ctx, rest, 'delete', { ...result, job: result.job });
        return;
      }
      sayIfReadBack(ctx, result, imageLabel(rest));
      if (result.confirmedBy === 'reply') {
        deleted.push(...rest);
      }
      for (const n of rest) {
        ctx.log.info(`Deleted ${n.image.id} in ${regionId}${force ? ' (force)' : ''}${deleteBackupOf.includes(n.image.id) ? ' with its backup' : ''}.`);
        ctx.tree.removeImage(n.account.id, regionId, n.image.id);
      }
    },
  );
  // Images instances use: where the cloud can delete them all the same (Force), the outcome offers it.
  const wayOut: WayOutButton | undefined =
    deleting.supportsForce && !force ? { label: vscode.l10n.t('Force Delete'), applies: (f) => wayOutOf(f.reason) === 'force', run: (failed) => forceDelete(ctx, failed) } : undefined;
  // An image shared with others (stop sharing it first), or busy being made or exported (wait, then the same delete once).
  const wayOuts = [stopSharingButton(), waitButton(ctx, 'delete', (ready) => sendDelete(ctx, deleting, ready, choice)), showJobButton(ctx)];
  return () => {
    if (!outcome.failed.length && deleted.length) {
      // As a change over several images reports its count, a delete says it was done (one or many).
      void ctx.ui.notify('info', deleted.length === 1 ? vscode.l10n.t('Deleted "{0}".', deleted[0]!.image.name) : vscode.l10n.t('{0} images deleted.', deleted.length));
    }
    reportOutcome(ctx, 'delete', outcome, (failed) => vscode.commands.executeCommand('cloudImageExplorer.delete', failed[0], failed), { ...(wayOut ? { wayOut } : {}), wayOuts });
  };
}

/** What the choice between the two deletes of a whole-machine image means. */
function wholeMachineLine(whole: readonly ImageNode[]): string {
  const backups = whole.map((n) => n.image.wholeMachine?.backupId).filter((b): b is string => Boolean(b));
  return whole.length === 1
    ? vscode.l10n.t(
        '"{0}" is a whole-machine image: the server and its data disks are kept in a backup ({1}). "Delete with Backup" deletes that backup too; "Delete Image Only" keeps it.',
        whole[0]!.image.name,
        backups[0] ?? '?',
      )
    : vscode.l10n.t('{0} of these are whole-machine images, each kept in a backup. "Delete with Backup" deletes their backups too; "Delete Image Only" keeps them.', whole.length);
}
