// Clean Up…: deletes the images of the latest plan, and nothing else. One modal names the count, the size,
// the accounts and the regions; where the cloud has a Force flag, the user may choose images to force
// delete (from the modal, one pick over those images), never all by default. The run (cleanRun.ts) shows a
// cancellable progress: Cancel stops between images, and the result says what was deleted before it.
import * as vscode from 'vscode';
import type { HygienePlan, PlanEntry } from '../../hygiene/plan';
import type { ImageProvider } from '../../providers/core/provider';
import type { ImageNode } from '../../tree/nodes';
import { accountLabel } from '../../util/clouds';
import { formatGiB, formatList, formatNumber } from '../../util/format';
import { imagesText, totalText } from '../../webviews/hygienePlan';
import { reportOutcome } from '../shared/bulk';
import type { CommandContext } from '../shared/context';
import { runCleanUp, type CleanTarget } from './cleanRun';
import { forgetPlan, latestPlan, regionNamer } from './state';

interface Candidate {
  readonly entry: PlanEntry;
  readonly node: ImageNode;
  readonly provider: ImageProvider;
}

async function candidates(ctx: CommandContext, plan: HygienePlan): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const providers = new Map<string, ImageProvider>();
  for (const entry of plan.remove) {
    const region = ctx.tree.findRegion(entry.account.id, entry.image.regionId);
    const node = region ? region.imageNode(entry.image) : await ctx.tree.resolveImage({ accountId: entry.account.id, regionId: entry.image.regionId, imageId: entry.image.id });
    if (!node) {
      continue;
    }
    let provider = providers.get(entry.account.id);
    if (!provider) {
      provider = await ctx.sessions.provider(node.account);
      providers.set(entry.account.id, provider);
    }
    out.push({ entry, node, provider });
  }
  return out;
}

/** The images the user chooses to force delete, among those on clouds with the flag. */
async function chooseForce(ctx: CommandContext, forceable: readonly Candidate[], title: string): Promise<Set<string>> {
  const picked = await ctx.ui.pickMany(
    forceable.map((c) => ({ label: c.entry.image.name, description: c.entry.image.id, detail: accountLabel(c.entry.account), data: c.entry.image.id })),
    { title, placeHolder: vscode.l10n.t('Choose the images to force delete (the cloud deletes them even if instances were made from them)') },
  );
  return new Set(picked.map((p) => p.data));
}

/** The modal; undefined when cancelled. A Force choice asks again with the choice named. */
async function confirmPlan(ctx: CommandContext, plan: HygienePlan, all: readonly Candidate[]): Promise<Set<string> | undefined> {
  const title = vscode.l10n.t('Clean Up');
  const names = regionNamer(ctx);
  const accounts = [...new Map(plan.remove.map((e) => [e.account.id, accountLabel(e.account)])).values()];
  const forceable = all.filter((c) => c.provider.deleting?.supportsForce);
  const del = vscode.l10n.t('Delete');
  const chooseButton = vscode.l10n.t('Choose Images to Force Delete…');
  let force = new Set<string>();
  for (;;) {
    const detail = [
      vscode.l10n.t('This cannot be undone.'),
      plan.totals.map((t) => `• ${totalText(t, names)}`).join('\n'),
      force.size ? vscode.l10n.t('Force delete: {0}.', imagesText(force.size)) : '',
      vscode.l10n.t('Each image is checked again just before it is deleted: one that something uses by then is skipped.'),
    ].filter((p) => p).join('\n\n');
    const message = vscode.l10n.t('Delete {0}, {1}, from {2}?', imagesText(plan.remove.length), formatGiB(plan.sizeGiB), formatList(accounts));
    const buttons = forceable.length && !force.size ? [del, chooseButton] : [del];
    const answer = await ctx.ui.confirm(message, detail, ...buttons);
    if (answer === del) {
      return force;
    }
    if (answer !== chooseButton) {
      return undefined;
    }
    force = await chooseForce(ctx, forceable, title);
  }
}

/** While a Clean Up runs: the palette's Cancel Clean Up shows, and acts on this. */
const RUNNING_CONTEXT = 'cloudImageExplorer.hygiene.cleaningUp';
let running: AbortController | undefined;

/** Cancel Clean Up: the same as the progress notification's Cancel (stops between images). */
export function cancelCleanUp(): void {
  running?.abort();
}

export async function cleanUp(ctx: CommandContext): Promise<void> {
  const plan = latestPlan();
  if (!plan) {
    throw new Error(vscode.l10n.t('Run "Find Unused Images…" first: Clean Up deletes only what its plan proposes.'));
  }
  if (!plan.remove.length) {
    void ctx.ui.notify('info', vscode.l10n.t('The plan proposes no image for deletion.'));
    return;
  }
  const all = await candidates(ctx, plan);
  const force = await confirmPlan(ctx, plan, all);
  if (!force) {
    return;
  }
  forgetPlan();
  const targets: CleanTarget[] = all.map((c) => ({ provider: c.provider, node: c.node, force: force.has(c.entry.image.id) }));
  targets.forEach((t) => ctx.tree.setBusy(t.node, vscode.l10n.t('Deleting…')));
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Cleaning up…'), cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      running = abort;
      await vscode.commands.executeCommand('setContext', RUNNING_CONTEXT, true);
      const sub = token.onCancellationRequested(() => abort.abort());
      let deleted = 0;
      try {
        return await runCleanUp(ctx, targets, abort.signal, () =>
          progress.report({ message: vscode.l10n.t('{0} of {1} deleted', formatNumber(++deleted), formatNumber(targets.length)), increment: 100 / targets.length }),
        );
      } finally {
        sub.dispose();
        running = undefined;
        await vscode.commands.executeCommand('setContext', RUNNING_CONTEXT, false);
      }
    },
  );
  const said = outcome.untouched.length
    ? vscode.l10n.t('Clean Up cancelled: {0} deleted, {1} skipped or failed, {2} not touched.', formatNumber(outcome.done.length), formatNumber(outcome.failed.length), formatNumber(outcome.untouched.length))
    : vscode.l10n.t('Clean Up: {0} deleted, {1} skipped or failed.', formatNumber(outcome.done.length), formatNumber(outcome.failed.length));
  ctx.log.info(said);
  if (outcome.untouched.length || !outcome.failed.length || outcome.done.length) {
    void ctx.ui.notify('info', said);
  }
  reportOutcome(ctx, 'delete', outcome, (failed) => vscode.commands.executeCommand('cloudImageExplorer.delete', failed[0], failed));
}
