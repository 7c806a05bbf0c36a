// The first steps of a command that acts on a region (Import Image, Show Quota) run from the palette:
// pick one of the accounts whose cloud has the operation, then one of its regions; from a region node
// of the tree they do not apply. Both go through the scriptable input, so tests answer them.
import * as vscode from 'vscode';
import type { ImageProvider } from '../../providers/core/provider';
import { AccountNode, RegionNode } from '../../tree/nodes';
import { accountLabel } from '../../util/clouds';
import type { PickItem } from '../../util/userInput';
import type { WizardStep } from '../../util/wizard';
import type { CommandContext } from './context';

export interface RegionDraft {
  /** The region node the command was run on; the palette leaves it out and asks. */
  readonly fromTree?: RegionNode;
  account?: AccountNode;
  region?: RegionNode;
}

/** The region the steps settled on. */
export function regionOf(d: RegionDraft): RegionNode {
  const region = d.fromTree ?? d.region;
  if (!region) {
    throw new Error('No region was chosen.');
  }
  return region;
}

/** The accounts whose provider has what `has` wants, as tree nodes. */
async function accountsWith(ctx: CommandContext, has: (p: ImageProvider) => boolean): Promise<AccountNode[]> {
  const roots = (await ctx.tree.getChildren()).filter((n): n is AccountNode => n instanceof AccountNode);
  const fit = await Promise.all(roots.map((n) => ctx.sessions.provider(n.account).then(has, () => false)));
  return roots.filter((_, i) => fit[i]);
}

export function regionSteps<S extends RegionDraft>(ctx: CommandContext, has: (p: ImageProvider) => boolean): WizardStep<S>[] {
  return [
    {
      applies: (s) => !s.fromTree,
      run: async (s, input, info) => {
        const accounts = await accountsWith(ctx, has);
        if (!accounts.length) {
          throw new Error(vscode.l10n.t('None of your accounts is on a cloud that can do this.'));
        }
        const items: PickItem<AccountNode>[] = accounts.map((n) => ({
          label: accountLabel(n.account),
          description: n.treeItem().description?.toString(),
          data: n,
        }));
        s.account = (await input.pick(items, { ...info, placeHolder: vscode.l10n.t('Select an account') })).data;
      },
    },
    {
      applies: (s) => !s.fromTree,
      run: async (s, input, info) => {
        const children = await ctx.tree.getChildren(s.account);
        const regions = children.filter((n): n is RegionNode => n instanceof RegionNode);
        if (!regions.length) {
          throw new Error(children[0]?.treeItem().label?.toString() ?? vscode.l10n.t('No regions are available to this account.'));
        }
        const items: PickItem<RegionNode>[] = regions.map((n) => ({ label: n.region.name, description: n.region.id, data: n }));
        s.region = (await input.pick(items, { ...info, placeHolder: vscode.l10n.t('Select a region') })).data;
      },
    },
  ];
}
