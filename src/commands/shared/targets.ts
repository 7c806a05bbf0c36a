// Which images a command acts on: the clicked node, the tree's multi-selection, or a palette pick.
import * as vscode from 'vscode';
import type { Capability } from '../../providers/core/rules';
import type { Image } from '../../providers/core/model';
import type { Member, ShareOperations } from '../../providers/core/operations';
import type { ImageProvider } from '../../providers/core/provider';
import { ImageNode } from '../../tree/nodes';
import type { CommandContext } from './context';
import { pickImage } from './pickers';
import { assertApplies } from './refusals';

/**
 * The clicked node (with the rest of the multi-selection when the command takes several), else the view's
 * selection (a keybinding passes nothing), else one image picked in the palette.
 */
export async function imageTargets(
  ctx: CommandContext,
  capability: Capability,
  title: string,
  node: unknown,
  selection: unknown,
  many: boolean,
): Promise<ImageNode[]> {
  if (node === undefined && selection === undefined) {
    // A keybinding passes no argument: the images selected in the view (the palette's picker when there are none).
    const chosen = selectedImages(ctx);
    if (!many && chosen.length > 1) {
      throw new Error(vscode.l10n.t('{0} acts on one image at a time: select only one.', title));
    }
    [node, selection] = [chosen[0], chosen];
  }
  const selected = Array.isArray(selection) ? selection.filter((n): n is ImageNode => n instanceof ImageNode) : [];
  let targets: ImageNode[];
  if (node instanceof ImageNode) {
    targets = many && selected.some((n) => n.id === node.id) ? selected : [node];
  } else {
    const picked = await pickImage(ctx, title, capability);
    targets = picked ? [picked] : [];
  }
  // An image with a change already under way is refused in words by oneAtATime (inFlight.ts), not skipped here;
  // one the command does not apply to (its cloud, owner or state) is refused in words here, before any request.
  assertApplies(targets, capability, title);
  const accounts = new Set(targets.map((n) => n.account.id));
  if (accounts.size > 1) {
    throw new Error(vscode.l10n.t('Select images of one account at a time.'));
  }
  return targets;
}

/** The images selected in the Images view while it shows: what a command invoked without an argument (a keybinding) acts on. */
export function selectedImages(ctx: CommandContext): ImageNode[] {
  return ctx.treeView.visible ? ctx.treeView.selection.filter((n): n is ImageNode => n instanceof ImageNode) : [];
}

/** Images grouped by region: one batch of requests per region. */
export function byRegion(nodes: readonly ImageNode[]): Map<string, ImageNode[]> {
  const groups = new Map<string, ImageNode[]>();
  for (const n of nodes) {
    const list = groups.get(n.parent.region.id) ?? [];
    list.push(n);
    groups.set(n.parent.region.id, list);
  }
  return groups;
}

export function provider(ctx: CommandContext, node: ImageNode): Promise<ImageProvider> {
  return ctx.sessions.provider(node.account);
}

/**
 * After a change the cloud accepted, puts the changed copy of each image in its node: only those
 * nodes redraw (and their open panels reload), with no extra request per image.
 */
export function applyToImages(ctx: CommandContext, nodes: readonly ImageNode[], change: (image: Image) => Image): void {
  for (const n of nodes) {
    ctx.tree.updateImage(n.account.id, n.parent.region.id, change(n.image));
  }
}

export function imageLabel(nodes: readonly ImageNode[]): string {
  return nodes.length === 1 ? vscode.l10n.t('"{0}"', nodes[0]!.image.name) : vscode.l10n.t('{0} images', nodes.length);
}

export interface ShareTarget {
  readonly node: ImageNode;
  readonly sharing: ShareOperations;
  readonly regionId: string;
  readonly members: Member[];
}

/** Share and Unshare both go on from here: the image, its cloud's sharing API and its current members. */
export async function shareTarget(ctx: CommandContext, target: ImageNode): Promise<ShareTarget | undefined> {
  const sharing = (await provider(ctx, target)).sharing;
  if (!sharing) {
    return undefined;
  }
  const regionId = target.parent.region.id;
  const members = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading members…') }, () =>
    sharing.listMembers(regionId, target.image.id),
  );
  return { node: target, sharing, regionId, members };
}
