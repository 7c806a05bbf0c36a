// Accept and Reject images other projects shared with this one (Huawei IMS "Shared with Me"): one image,
// the tree's multi-selection, every pending image of a group, or (palette) a pick of a region's pending
// images. Each image is answered by its own request and followed as its own job, so that one refusal
// leaves the others answered and says which image it was and why.
import * as vscode from 'vscode';
import type { Membership, ReceivedOperations } from '../../providers/core/sharing';
import { SharedImageNode, SharedWithMeNode } from '../../tree/sharedWithMe';
import type { RegionNode } from '../../tree/nodes';
import { userMessage } from '../../util/errors';
import type { PickItem } from '../../util/userInput';
import { runWizard } from '../../util/wizard';
import type { CommandContext } from '../shared/context';
import { oneChangeAtATime } from '../shared/inFlight';
import { failureText } from '../shared/outcome';
import { assertQuotaRoom } from './quota';
import { regionOf, regionSteps, type RegionDraft } from '../shared/regionSteps';

type Answer = Exclude<Membership, 'pending'>;

/** The images a click, a selection or a group means; the palette asks. */
async function targets(ctx: CommandContext, answer: Answer, node: unknown, selection: unknown): Promise<SharedImageNode[]> {
  if (node instanceof SharedWithMeNode) {
    return node.withMembership('pending');
  }
  if (node instanceof SharedImageNode) {
    const selected = Array.isArray(selection) ? selection.filter((n): n is SharedImageNode => n instanceof SharedImageNode) : [];
    return selected.some((n) => n.id === node.id) ? selected.filter((n) => n.parent === node.parent) : [node];
  }
  const title = answer === 'accepted' ? vscode.l10n.t('Accept Shared Images') : vscode.l10n.t('Reject Shared Images');
  const draft = await runWizard<RegionDraft & { picked?: SharedImageNode[] }>(
    title,
    [
      ...regionSteps<RegionDraft & { picked?: SharedImageNode[] }>(ctx, (p) => p.received !== undefined),
      {
        run: async (s, input, info) => {
          const group = (await ctx.tree.getChildren(regionOf(s))).find((n): n is SharedWithMeNode => n instanceof SharedWithMeNode);
          await group?.children();
          const pending = group?.withMembership('pending') ?? [];
          if (!pending.length) {
            throw new Error(vscode.l10n.t('No shared image is waiting for an answer in {0}.', regionOf(s).region.name));
          }
          const items: PickItem<SharedImageNode>[] = pending.map((n) => ({ label: n.received.image.name, description: n.received.image.id, data: n }));
          s.picked = (await input.pickMany(items, { ...info, placeHolder: vscode.l10n.t('Select the images') })).map((i) => i.data);
        },
      },
    ],
    {},
    ctx.ui,
  );
  return draft.picked ?? [];
}

export function acceptShared(ctx: CommandContext, node?: unknown, selection?: unknown): Promise<void> {
  return answerShared(ctx, 'accepted', node, selection);
}

export function rejectShared(ctx: CommandContext, node?: unknown, selection?: unknown): Promise<void> {
  return answerShared(ctx, 'rejected', node, selection);
}

async function answerShared(ctx: CommandContext, answer: Answer, node: unknown, selection: unknown): Promise<void> {
  const nodes = (await targets(ctx, answer, node, selection)).filter((n) => n.received.membership !== answer);
  const first = nodes[0];
  if (!first) {
    void ctx.ui.notify('info', answer === 'accepted' ? vscode.l10n.t('There is nothing to accept here.') : vscode.l10n.t('There is nothing to reject here.'));
    return;
  }
  const region: RegionNode = first.region;
  const places = nodes.map((n) => ({ accountId: region.account.id, regionId: region.region.id, id: n.received.image.id, name: n.received.image.name }));
  await oneChangeAtATime(ctx, places, answer === 'accepted' ? 'accept' : 'reject', () => send(ctx, answer, region, nodes));
}

/** One request per image, each followed as its own job. */
async function send(ctx: CommandContext, answer: Answer, region: RegionNode, nodes: readonly SharedImageNode[]): Promise<void> {
  const provider = await ctx.sessions.provider(region.account);
  const received: ReceivedOperations | undefined = provider.received;
  if (!received) {
    return;
  }
  if (answer === 'accepted') {
    await assertQuotaRoom(provider, region.region.id, region.region.name, 'accept', nodes.length);
  }
  const failed: string[] = [];
  let started = 0;
  for (const n of nodes) {
    const { image } = n.received;
    try {
      const result = await received.answer(region.region.id, [image.id], answer);
      started++;
      ctx.log.info(`${answer === 'accepted' ? 'Accepting' : 'Rejecting'} ${image.id} in ${region.region.id}${result.job ? `: job ${result.job.jobId}` : ' (already done)'}.`);
      if (result.job) {
        await ctx.jobs.track({
          accountId: region.account.id,
          cloud: region.account.cloud,
          regionId: region.region.id,
          jobId: result.job.jobId,
          kind: answer === 'accepted' ? 'accept' : 'reject',
          imageId: image.id,
          imageName: image.name,
        });
      }
    } catch (err) {
      ctx.log.warn(`${answer} ${image.id}: ${userMessage(err)}`);
      failed.push(vscode.l10n.t('"{0}": {1}', image.name, failureText(err)));
    }
  }
  const accepting = answer === 'accepted';
  if (!failed.length) {
    // Whole sentences per answer and number (no "image(s)", no verb put in front of a sentence).
    const one = started === 1;
    const said = accepting
      ? one ? vscode.l10n.t('Accepting 1 shared image: the Jobs view follows it.') : vscode.l10n.t('Accepting {0} shared images: the Jobs view follows each.', started)
      : one ? vscode.l10n.t('Rejecting 1 shared image: the Jobs view follows it.') : vscode.l10n.t('Rejecting {0} shared images: the Jobs view follows each.', started);
    void ctx.ui.notify('info', said);
    return;
  }
  const notAnswered = failed.join(' ');
  const text = accepting
    ? vscode.l10n.t('Started accepting {0} of the {1} shared images. Not answered: {2}', started, nodes.length, notAnswered)
    : vscode.l10n.t('Started rejecting {0} of the {1} shared images. Not answered: {2}', started, nodes.length, notAnswered);
  if (!started) {
    throw new Error(text);
  }
  void ctx.ui.notify('error', text);
}
