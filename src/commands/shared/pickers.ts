// Palette drill-down: Account -> Region -> Image, over the same nodes and loaders as the tree.
// One wizard: Back returns to the previous step that was shown; Escape ends the command.
import * as vscode from 'vscode';
import type { LoadedPicks, PickItem, StepInfo } from '../../util/userInput';
import { runWizard, type WizardStep } from '../../util/wizard';
import { CAPABILITIES, exportable, imageRefusal } from '../../providers/rules/capabilities';
import { type Capability } from '../../providers/core/rules';
import { AccountNode, ImageNode, RegionNode } from '../../tree/nodes';
import type { SharedImageNode } from '../../tree/sharedWithMe';
import { formatNumber } from '../../util/format';
import { imageState, imageStateLabel } from '../../util/vocabulary';
import type { CommandContext } from './context';
import { accountLabel } from '../../util/clouds';
import { offersReceived, receivedPicks } from './receivedPicks';

interface Drill {
  readonly accounts: readonly AccountNode[];
  account?: AccountNode;
  region?: RegionNode;
  /** A shared image only where the command acts on them (pickImageOrShared). */
  image?: ImageNode | SharedImageNode;
}

/** One step of the drill-down: a failure to load reaches the command's error wrapper. */
async function pick<T>(ctx: CommandContext, info: StepInfo, placeHolder: string, load: (more: boolean) => Promise<LoadedPicks<T>>): Promise<T> {
  return (await ctx.ui.pickLoaded({ ...info, placeHolder }, load)).data;
}

function accountStep(ctx: CommandContext): WizardStep<Drill> {
  return {
    // With one account there is nothing to choose (and nothing to go back to).
    applies: (s) => s.accounts.length > 1,
    async run(s, _input, info) {
      s.account = await pick(ctx, info, vscode.l10n.t('Select an account'), async () => ({
        items: s.accounts.map((n) => ({ label: accountLabel(n.account), description: n.treeItem().description?.toString(), data: n })),
      }));
    },
  };
}

function regionStep(ctx: CommandContext): WizardStep<Drill> {
  return {
    async run(s, _input, info) {
      const account = s.account!;
      s.region = await pick(ctx, info, vscode.l10n.t('Select a region'), async () => {
        const children = await ctx.tree.getChildren(account);
        const regions = children.filter((n): n is RegionNode => n instanceof RegionNode);
        if (!regions.length) {
          throw new Error(children[0]?.treeItem().label?.toString() ?? vscode.l10n.t('No regions are available to this account.'));
        }
        return { items: regions.map((n) => ({ label: n.region.name, description: n.region.id, data: n })) };
      });
    },
  };
}

function imageStep(ctx: CommandContext, capability: Capability | undefined, shared = false): WizardStep<Drill> {
  return {
    async run(s, _input, info) {
      const region = s.region!;
      s.image = await pick<ImageNode | SharedImageNode>(ctx, info, vscode.l10n.t('Select an image (type to filter)'), async (more) => {
        if (more) {
          await ctx.tree.loadMore(region);
        } else {
          await region.loader.ensureFirstPage();
        }
        if (region.loader.error !== undefined) {
          throw region.loader.error;
        }
        // After the account's own images: the shared ones the command acts on, each marked so (and not counted as left out).
        const received = shared ? await receivedPicks(ctx, region, capability) : undefined;
        const own = imagePicks(region, capability, new Set(received?.items.map((i) => i.data.received.image.id)));
        if (!received?.items.length && !received?.notes.length) {
          return own;
        }
        // "There are no images in …" is not said above shared images.
        const notes = [...(!region.loader.items.length && received.items.length ? [] : (own.notes ?? [])), ...received.notes];
        return { ...own, items: [...own.items, ...received.items], notes };
      });
    },
  };
}

/** Only the images the command applies to (their cloud's rules for owner and state); the others are counted in a note. */
function imagePicks(region: RegionNode, capability: Capability | undefined, listedElsewhere: ReadonlySet<string> = new Set()): LoadedPicks<ImageNode> {
  const cloud = region.account.cloud;
  const all = region.loader.items;
  const applies = all.filter((image) => !capability || (capability === 'export' ? exportable(cloud, image) : !imageRefusal(cloud, image, capability)));
  const items: PickItem<ImageNode>[] = applies.map((image) => ({
    label: image.name,
    description: image.id,
    detail: [imageStateLabel(imageState(cloud, image)), image.osName].filter(Boolean).join(' · '),
    data: region.imageNode(image),
  }));
  const hidden = all.length - applies.length - all.filter((image) => listedElsewhere.has(image.id) && !applies.includes(image)).length;
  const notes: string[] = [];
  if (!all.length && !region.loader.hasMore) {
    notes.push(vscode.l10n.t('There are no images in {0}.', region.region.name));
  } else if (hidden === 1) {
    notes.push(vscode.l10n.t('1 image not listed: this command does not apply to it (not your own, or in a status that does not allow it)'));
  } else if (hidden) {
    notes.push(vscode.l10n.t('{0} images not listed: this command does not apply to them (not your own, or in a status that does not allow it)', formatNumber(hidden)));
  }
  return {
    items,
    notes,
    more: region.loader.hasMore
      ? {
          label: vscode.l10n.t('Load more…'),
          description: region.loader.total === undefined ? '' : vscode.l10n.t('{0} of {1} loaded', formatNumber(all.length), formatNumber(region.loader.total)),
        }
      : undefined,
  };
}

/** The accounts the drill-down offers (those on a cloud that can do the command), or undefined after saying there are none. */
async function start(ctx: CommandContext, capability: Capability | undefined): Promise<Drill | undefined> {
  const accounts = (await ctx.tree.getChildren()).filter(
    (n): n is AccountNode => n instanceof AccountNode && (!capability || CAPABILITIES[n.account.cloud][capability]),
  );
  if (!accounts.length) {
    void ctx.ui.notify('info', vscode.l10n.t('None of your accounts is on a cloud that can do this.'));
    return undefined;
  }
  return { accounts, account: accounts.length === 1 ? accounts[0] : undefined };
}

async function drill(ctx: CommandContext, title: string, capability: Capability | undefined, steps: readonly WizardStep<Drill>[]): Promise<Drill | undefined> {
  const state = await start(ctx, capability);
  return state && runWizard(title, steps, state, ctx.ui);
}

export async function pickAccount(ctx: CommandContext, title: string, capability?: Capability): Promise<AccountNode | undefined> {
  return (await drill(ctx, title, capability, [accountStep(ctx)]))?.account;
}

export async function pickRegion(ctx: CommandContext, title: string, capability?: Capability): Promise<RegionNode | undefined> {
  return (await drill(ctx, title, capability, [accountStep(ctx), regionStep(ctx)]))?.region;
}

export async function pickImage(ctx: CommandContext, title: string, capability?: Capability): Promise<ImageNode | undefined> {
  const image = (await drill(ctx, title, capability, [accountStep(ctx), regionStep(ctx), imageStep(ctx, capability)]))?.image;
  return image instanceof ImageNode ? image : undefined;
}

/** `pickImage` that also offers the images shared with the account that the command acts on (receivedPicks.ts). */
export async function pickImageOrShared(ctx: CommandContext, title: string, capability: Capability): Promise<ImageNode | SharedImageNode | undefined> {
  return (await drill(ctx, title, capability, [accountStep(ctx), regionStep(ctx), imageStep(ctx, capability, offersReceived(capability))]))?.image;
}
