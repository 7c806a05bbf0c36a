// Which images a command acts on: the clicked node, the tree's multi-selection, the view's selection (its
// keybindings), or a palette pick.
import * as vscode from 'vscode';
import type { Capability } from '../../providers/core/rules';
import type { Image } from '../../providers/core/model';
import type { Member, ShareOperations } from '../../providers/core/sharing';
import type { ImageProvider } from '../../providers/core/provider';
import { ImageNode, type Node } from '../../tree/nodes';
import { fromViewArg } from './args';
import type { CommandContext } from './context';
import { pickImage } from './pickers';
import { assertApplies } from './refusals';

/**
 * The clicked node (with the rest of the multi-selection when the command takes several); from one of the
 * view's keybindings (`{ fromView: true }`), the images selected in the view; else (the palette passes no
 * argument, a script may pass anything) one image picked: a command run from the palette never acts on a
 * selection in a view the user may not be looking at.
 */
export async function imageTargets(
  ctx: CommandContext,
  capability: Capability,
  title: string,
  node: unknown,
  selection: unknown,
  many: boolean,
): Promise<ImageNode[]> {
  if (fromViewArg(node)) {
    const chosen = keyTargets(ctx, title, many);
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

/** The images selected in the Images view while it shows (none while it is hidden). */
export function selectedImages(ctx: CommandContext): ImageNode[] {
  return ctx.treeView.visible ? ctx.treeView.selection.filter((n): n is ImageNode => n instanceof ImageNode) : [];
}

/**
 * What one of the view's keybindings acts on: the images selected in the view; a command of one image
 * refuses several in words. None (the view hidden or nothing selected): the caller asks with the picker.
 */
export function keyTargets(ctx: CommandContext, title: string, many: boolean): ImageNode[] {
  const chosen = selectedImages(ctx);
  if (!many && chosen.length > 1) {
    throw new Error(vscode.l10n.t('{0} acts on one image at a time: select only one.', title));
  }
  return chosen;
}

/**
 * Selects a node in the Images view (showing and focusing it) and resolves once this extension host has
 * been told the view shows and the selection (the workbench tells both after `reveal` resolves): a
 * keybinding or command that follows acts on this node, not on the selection before.
 */
export async function revealSelected(ctx: CommandContext, node: Node): Promise<void> {
  const view = ctx.treeView;
  const only = (): boolean => view.selection.length === 1 && (view.selection[0] as Node | undefined)?.id === node.id;
  let selected = only();
  let done = (): void => undefined;
  const told = new Promise<void>((resolve) => {
    done = resolve;
  });
  const check = (): void => {
    if (selected && view.visible) {
      done();
    }
  };
  const subscriptions = vscode.Disposable.from(
    view.onDidChangeSelection(() => {
      selected = only();
      check();
    }),
    view.onDidChangeVisibility(check),
  );
  try {
    await view.reveal(node, { select: true, focus: true, expand: true });
    check();
    await told;
  } finally {
    subscriptions.dispose();
  }
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
