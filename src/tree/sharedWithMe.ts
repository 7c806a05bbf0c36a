// Under each region of a cloud where other projects share images with this one (Huawei IMS): a
// "Shared with Me" group, read when first expanded, with each shared image and this project's answer
// (pending, accepted, rejected), and the pending count on the group. Accept and Reject act on its images.
import * as vscode from 'vscode';
import type { Membership, ReceivedImage } from '../providers/core/sharing';
import { CLOUD_RULES } from '../providers/rules';
import { receivedCopy } from '../providers/rules/copy';
import { explain, logLine, userMessage } from '../util/errors';
import { formatNumber } from '../util/format';
import { memberStateLabel } from '../util/vocabulary';
import { EmptyNode, ErrorNode } from './leafNodes';
import type { Node, RegionNode } from './nodes';

const ICONS: Readonly<Record<Membership, string>> = { pending: 'bell-dot', accepted: 'pass', rejected: 'circle-slash' };

export class SharedImageNode implements Node {
  readonly kind = 'sharedImage' as const;
  readonly id: string;

  constructor(
    readonly parent: SharedWithMeNode,
    readonly received: ReceivedImage,
  ) {
    this.id = `${parent.id}/${received.image.id}`;
  }

  get region(): RegionNode {
    return this.parent.parent;
  }

  treeItem(): vscode.TreeItem {
    const { image, membership } = this.received;
    const item = new vscode.TreeItem(image.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = `${memberStateLabel(membership)} · ${image.id}`;
    item.iconPath = new vscode.ThemeIcon(ICONS[membership]);
    // can-copy: the cloud copies this shared image (accepted; a pending one is offered and asks to accept first).
    const copy = receivedCopy(CLOUD_RULES[this.region.account.cloud].copying, membership) ? ' can-copy' : '';
    item.contextValue = `sharedImage membership-${membership}${copy}`;
    item.tooltip = vscode.l10n.t('Shared with this project by {0}. Your answer: {1}.', String(image.raw?.['owner'] ?? vscode.l10n.t('another project')), memberStateLabel(membership));
    return item;
  }
}

export class SharedWithMeNode implements Node {
  readonly kind = 'sharedWithMe' as const;
  readonly id: string;
  /** What the last read found (undefined until the group is first expanded or after a refresh). */
  private received: ReceivedImage[] | undefined;

  constructor(
    readonly parent: RegionNode,
    private readonly read: () => Promise<ReceivedImage[]>,
  ) {
    this.id = `${parent.id}/shared-with-me`;
  }

  get pending(): number | undefined {
    return this.received?.filter((r) => r.membership === 'pending').length;
  }

  /** The images read so far with a membership, for the bulk commands. */
  withMembership(membership: Membership): SharedImageNode[] {
    return (this.received ?? []).filter((r) => r.membership === membership).map((r) => new SharedImageNode(this, r));
  }

  /** Reads again at the next expansion. */
  forget(): void {
    this.received = undefined;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Shared with Me'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const pending = this.pending;
    item.description = pending === undefined ? '' : pending ? vscode.l10n.t('{0} pending', formatNumber(pending)) : vscode.l10n.t('none pending');
    item.iconPath = new vscode.ThemeIcon(pending ? 'bell-dot' : 'inbox');
    item.contextValue = `sharedWithMe${pending ? ' has-pending' : ''}`;
    item.tooltip = vscode.l10n.t('Images other projects shared with this project in {0}: accept one to use it, or reject it.', this.parent.region.name);
    return item;
  }

  async children(): Promise<Node[]> {
    try {
      this.received ??= await this.read();
    } catch (err) {
      return [new ErrorNode(this, explain(err), `${userMessage(err)}\n\n${logLine(err)}`, () => this.forget())];
    }
    if (!this.received.length) {
      return [new EmptyNode(this, vscode.l10n.t('No images are shared with this project here.'))];
    }
    const order: Record<Membership, number> = { pending: 0, accepted: 1, rejected: 2 };
    return [...this.received].sort((a, b) => order[a.membership] - order[b.membership] || a.image.name.localeCompare(b.image.name)).map((r) => new SharedImageNode(this, r));
  }
}

/** One group per region node (kept with it), for regions whose cloud has shared-with-me images. */
const groups = new WeakMap<RegionNode, SharedWithMeNode>();

export function sharedGroupOf(region: RegionNode, read: () => Promise<ReceivedImage[]>): SharedWithMeNode {
  let group = groups.get(region);
  if (!group) {
    group = new SharedWithMeNode(region, read);
    groups.set(region, group);
  }
  return group;
}

/** The group of a region node, if the tree made one. */
export function existingSharedGroup(region: RegionNode): SharedWithMeNode | undefined {
  return groups.get(region);
}
