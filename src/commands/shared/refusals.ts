// A command on an image it does not apply to (not the account's own, or in a state the cloud refuses):
// refused in words before any request. The rules are each cloud's (providers/rules/capabilities.ts).
import * as vscode from 'vscode';
import { imageRefusal } from '../../providers/rules/capabilities';
import { type Capability } from '../../providers/core/rules';
import type { ImageNode } from '../../tree/nodes';
import { cloudLabel } from '../../util/clouds';
import { imageStateLabel, ownerLabel } from '../../util/vocabulary';

/** Why `title` cannot run on this image, in words; undefined when it can. */
export function refusalText(node: ImageNode, capability: Capability, title: string): string | undefined {
  const { image, account } = node;
  switch (imageRefusal(account.cloud, image, capability)) {
    case undefined:
      return undefined;
    case 'cloud':
      return vscode.l10n.t('{0} is not possible: {1} does not offer it.', title, cloudLabel(account.cloud));
    case 'notOwned':
      return vscode.l10n.t('{0} is not possible: "{1}" is not one of this account\'s own images ({2}).', title, image.name, ownerLabel(image.owner));
    case 'state':
      return vscode.l10n.t('{0} is not possible: the status of "{1}" is "{2}", and the cloud does not allow it in that status.', title, image.name, imageStateLabel(node.state));
  }
}

/** Throws the first refusal among the targets (nothing is sent for any of them). */
export function assertApplies(nodes: readonly ImageNode[], capability: Capability, title: string): void {
  for (const node of nodes) {
    const refusal = refusalText(node, capability, title);
    if (refusal) {
      throw new Error(refusal);
    }
  }
}
