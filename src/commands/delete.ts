// Delete: a modal confirmation that names the image (or gives the count), Alibaba's Force explained;
// the node shows "Deleting…" until done, then disappears; on failure it stays, with the cloud's error.
import * as vscode from 'vscode';
import { isCancellation, userMessage } from '../util/errors';
import type { ImageNode } from '../tree/nodes';
import type { CommandContext } from './context';
import { startedJob } from './jobs';
import { byRegion, imageLabel, imageTargets, provider } from './targets';

export async function deleteImages(ctx: CommandContext, node?: unknown, selection?: unknown): Promise<void> {
  const nodes = await imageTargets(ctx, 'delete', vscode.l10n.t('Delete Image'), node, selection, true);
  if (!nodes.length) {
    return;
  }
  const p = await provider(ctx, nodes[0]!);
  const deleting = p.deleting;
  if (!deleting) {
    return;
  }
  const del = vscode.l10n.t('Delete');
  const forceDel = vscode.l10n.t('Force Delete');
  const message =
    nodes.length === 1
      ? vscode.l10n.t('Delete the image "{0}" ({1})?', nodes[0]!.image.name, nodes[0]!.image.id)
      : vscode.l10n.t('Delete {0} images?', nodes.length);
  const lines = [vscode.l10n.t('This cannot be undone.')];
  if (nodes.length > 1) {
    lines.push(nodes.slice(0, 10).map((n) => `• ${n.image.name}`).join('\n') + (nodes.length > 10 ? '\n…' : ''));
  }
  if (deleting.supportsForce) {
    lines.push(vscode.l10n.t('"Force Delete" also deletes an image that instances still use: those instances keep running, but cannot re-initialise their system disks from it.'));
  }
  const choice = await ctx.prompter.confirm(message, lines.join('\n\n'), ...(deleting.supportsForce ? [del, forceDel] : [del]));
  if (choice !== del && choice !== forceDel) {
    return;
  }
  const force = choice === forceDel;
  const failures: string[] = [];
  await Promise.all(
    [...byRegion(nodes)].map(async ([regionId, group]) => {
      group.forEach((n) => ctx.tree.setBusy(n, vscode.l10n.t('Deleting…')));
      try {
        const job = await deleting.deleteImages(regionId, group.map((n) => n.image.id), { force });
        if (job) {
          // The cloud deletes asynchronously: the nodes stay busy until the job ends (see extension wiring).
          await startedJob(ctx, group, 'delete', job.jobId);
          return;
        }
        for (const n of group) {
          ctx.log.info(`Deleted ${n.image.id} in ${regionId}${force ? ' (force)' : ''}.`);
          ctx.tree.removeImage(n.account.id, regionId, n.image.id);
        }
      } catch (err) {
        if (isCancellation(err)) {
          group.forEach((n) => ctx.tree.setBusy(n, undefined));
          return;
        }
        const text = userMessage(err);
        group.forEach((n: ImageNode) => ctx.tree.setBusy(n, undefined, text));
        failures.push(text);
      }
    }),
  );
  if (failures.length) {
    throw new Error(vscode.l10n.t('Could not delete {0}: {1}', imageLabel(nodes), failures.join('; ')));
  }
}
