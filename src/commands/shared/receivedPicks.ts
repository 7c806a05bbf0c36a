// The palette's image step, for a command that also acts on images other projects shared with this one
// (the tree's "Shared with Me" group): those of the region the cloud lets the command act on, after the
// account's own images, each marked as shared with you; a pending one says it must be accepted first (the
// command then offers Accept, as it does from the tree). Which commands, and which answers, come from the
// provider's rule tables (CLOUD_RULES), never from the cloud's name.
import * as vscode from 'vscode';
import type { Capability, CloudRules } from '../../providers/core/rules';
import type { Membership } from '../../providers/core/sharing';
import { CLOUD_RULES } from '../../providers/rules';
import { receivedCopy } from '../../providers/rules/copy';
import type { RegionNode } from '../../tree/nodes';
import { SharedImageNode, SharedWithMeNode } from '../../tree/sharedWithMe';
import type { PickItem } from '../../util/userInput';
import { imageState, imageStateLabel } from '../../util/vocabulary';
import type { CommandContext } from './context';

/** How a command acts on a shared image of this answer: at once, after this project accepts it, or not at all. */
type ReceivedUse = (rules: CloudRules, membership: Membership) => 'now' | 'acceptFirst' | undefined;

/** The commands (by capability) that act on shared images: Copy, where the cloud copies them (CopyRules.receivedInRegion). */
const RECEIVED: Readonly<Partial<Record<Capability, ReceivedUse>>> = {
  copy: (rules, membership) => {
    const how = receivedCopy(rules.copying, membership);
    return how === 'copy' ? 'now' : how;
  },
};

/** Whether the palette's image step of this command offers the region's shared images at all. */
export function offersReceived(capability: Capability | undefined): boolean {
  return capability !== undefined && RECEIVED[capability] !== undefined;
}

export interface ReceivedPicks {
  readonly items: PickItem<SharedImageNode>[];
  readonly notes: string[];
}

/**
 * The region's shared images the command acts on (read as the tree reads them, and kept with its group),
 * as picker items; a failure to read them is a note, and the account's own images stay listed.
 */
export async function receivedPicks(ctx: CommandContext, region: RegionNode, capability: Capability | undefined): Promise<ReceivedPicks> {
  const use = capability && RECEIVED[capability];
  const cloud = region.account.cloud;
  if (!use) {
    return { items: [], notes: [] };
  }
  const group = (await ctx.tree.getChildren(region)).find((n): n is SharedWithMeNode => n instanceof SharedWithMeNode);
  if (!group) {
    return { items: [], notes: [] };
  }
  const rows = await group.children();
  const failed = rows.find((n) => n.kind === 'error');
  const items = rows
    .filter((n): n is SharedImageNode => n instanceof SharedImageNode)
    .flatMap((node): PickItem<SharedImageNode>[] => {
      const how = use(CLOUD_RULES[cloud], node.received.membership);
      if (!how) {
        return [];
      }
      const { image } = node.received;
      return [
        {
          label: image.name,
          description: vscode.l10n.t('Shared with you · {0}', image.id),
          detail:
            how === 'acceptFirst'
              ? vscode.l10n.t('Not accepted yet: it must be accepted first')
              : [vscode.l10n.t('Accepted'), imageStateLabel(imageState(cloud, image)), image.osName].filter(Boolean).join(' · '),
          data: node,
        },
      ];
    });
  const label = failed?.treeItem().label;
  const notes = failed ? [vscode.l10n.t('Images shared with you could not be read: {0}', typeof label === 'string' ? label : (label?.label ?? ''))] : [];
  return { items, notes };
}
