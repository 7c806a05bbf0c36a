// Show Supported Instance Types (the link in an image's hover, where the cloud lists them): one request,
// remembered for the hover, and said in a notification; a failure is said with Retry and remembered too,
// so that the hover says it and offers the link again. The argument is the image's place, checked
// before any request.
import * as vscode from 'vscode';
import { rememberInstanceTypes } from '../../tree/instanceTypesHover';
import { ImageNode } from '../../tree/nodes';
import { userMessage } from '../../util/errors';
import { parseIdentity } from '../../webviews/protocol';
import type { CommandContext } from '../shared/context';
import { regionName } from '../shared/regionName';
import { formatList } from '../../util/format';

/** Types named in the notification; the rest are counted (the hover and the panel list them all). */
const NAMED = 12;

export async function showInstanceTypes(ctx: CommandContext, target?: unknown): Promise<void> {
  const place = target instanceof ImageNode ? { accountId: target.account.id, regionId: target.parent.region.id, imageId: target.image.id } : parseIdentity(target);
  if (!place) {
    throw new Error(vscode.l10n.t('Show Supported Instance Types needs an image of the tree.'));
  }
  const node = target instanceof ImageNode ? target : await ctx.tree.resolveImage(place);
  if (!node) {
    throw new Error(vscode.l10n.t('The image {0} is not in {1} of this account.', place.imageId, regionName(ctx, place.accountId, place.regionId)));
  }
  const ask = (await ctx.sessions.provider(node.account)).details?.instanceTypes;
  if (!ask) {
    throw new Error(vscode.l10n.t('This cloud does not list the instance types an image runs on.'));
  }
  try {
    const types = await ask(place.regionId, place.imageId);
    rememberInstanceTypes(place, { types });
    ctx.tree.redraw(node);
    const named = formatList(types.slice(0, NAMED));
    void ctx.ui.notify(
      'info',
      types.length === 0
        ? vscode.l10n.t('The cloud lists no instance type for "{0}".', node.image.name)
        : types.length > NAMED
          ? vscode.l10n.t('"{0}" runs on {1} instance types: {2} and {3} more.', node.image.name, types.length, named, types.length - NAMED)
          : vscode.l10n.t('"{0}" runs on: {1}.', node.image.name, named),
    );
  } catch (err) {
    rememberInstanceTypes(place, { error: userMessage(err) });
    ctx.tree.redraw(node);
    const retry = vscode.l10n.t('Retry');
    const chosen = await ctx.ui.notify('error', vscode.l10n.t('The supported instance types of "{0}" could not be read: {1}', node.image.name, userMessage(err)), retry);
    if (chosen === retry) {
      await showInstanceTypes(ctx, place);
    }
  }
}
