// Copy Image… on an image another project shared with this one (Huawei "Shared with Me"): the cloud copies
// it within its region once this project accepted it (providers/rules/copy.ts receivedCopy, from the
// provider's copy rules). A pending one is refused before any request, in words, with Accept and Copy: the
// product's Accept of that image, then the same Copy wizard. A copy the cloud still refuses as not accepted
// (IMG.0196: the answer changed meanwhile) offers Accept and Copy too (wayOuts.ts).
import * as vscode from 'vscode';
import { receivedCopy } from '../../providers/rules/copy';
import { ImageNode } from '../../tree/nodes';
import type { SharedImageNode } from '../../tree/sharedWithMe';
import type { CommandContext } from '../shared/context';
import { acceptButton, refusalReport } from '../shared/wayOuts';

/** Runs the Copy wizard on the shared image; a refusal of the copy is said by `refused` where it has a way out. */
export type CopyRun = (target: ImageNode, refused: (err: unknown) => (() => void) | undefined) => Promise<void>;

export async function copyReceived(ctx: CommandContext, shared: SharedImageNode, run: CopyRun): Promise<void> {
  const { image, membership } = shared.received;
  const p = await ctx.sessions.provider(shared.region.account);
  const how = receivedCopy(p.copying?.rules, membership);
  if (!how) {
    throw new Error(vscode.l10n.t('"{0}" cannot be copied: the cloud copies a shared image only after this project accepts it.', image.name));
  }
  // The copy reads the image where it is: a node of the region for the wizard and the Jobs view (not a row of the tree).
  const target = new ImageNode(shared.region, image);
  const again = (): Promise<void> => run(target, refused);
  const refused = (err: unknown): (() => void) | undefined => refusalReport(ctx, target, err, [acceptButton(ctx, shared, again)]);
  if (how === 'copy') {
    await again();
    return;
  }
  const accept = acceptButton(ctx, shared, again);
  ctx.log.info(`Copy of ${image.id} not sent: the shared image is not accepted yet.`);
  void ctx.ui
    .notify('warning', vscode.l10n.t('"{0}" is shared with this project but not accepted yet: the cloud copies a shared image only after it is accepted. Accept it first.', image.name), accept.label)
    .then(async (choice) => {
      if (choice === accept.label) {
        await accept.run([target], []);
      }
    });
}
