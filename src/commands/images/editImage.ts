// Rename… and Edit Description…: one input box each, filled with the current text and checked as you
// type by the cloud's rules (the provider refuses the same before any request). Deprecate… and Make
// Available (Alibaba): the image's status; a deprecation the cloud refuses because the image is shared offers
// Stop Sharing…. Each is one change of the image at a time (inFlight.ts); the
// node and an open panel show the result at once, without reloading the region.
import * as vscode from 'vscode';
import type { Capability } from '../../providers/core/rules';
import type { ChangeResult } from '../../providers/core/changes';
import type { EditOperations, ImageEdit } from '../../providers/core/editing';
import type { ImageNode } from '../../tree/nodes';
import { messageOf } from '../../util/inputMessages';
import { imageState, imageStateLabel } from '../../util/vocabulary';
import type { CommandContext } from '../shared/context';
import { oneAtATime } from '../shared/inFlight';
import { sayIfReadBack } from '../shared/outcome';
import { applyToImages, imageTargets, provider } from '../shared/targets';
import { refusalReport, stopSharingButton } from '../shared/wayOuts';

type Field = 'name' | 'description';

/** The image a command acts on, if it is the account's own (only own images can be changed); else says why. */
async function ownTarget(ctx: CommandContext, capability: Capability, title: string, node: unknown): Promise<ImageNode | undefined> {
  const [image] = await imageTargets(ctx, capability, title, node, undefined, false);
  if (image && image.image.owner !== 'self') {
    throw new Error(vscode.l10n.t('"{0}" is not an image of this account: only your own images can be changed.', image.image.name));
  }
  return image;
}

async function editingOf(ctx: CommandContext, node: ImageNode): Promise<EditOperations | undefined> {
  return (await provider(ctx, node)).editing;
}

export async function renameImage(ctx: CommandContext, node?: unknown): Promise<void> {
  await editField(ctx, 'name', vscode.l10n.t('Rename Image'), node);
}

export async function editDescription(ctx: CommandContext, node?: unknown): Promise<void> {
  await editField(ctx, 'description', vscode.l10n.t('Edit Image Description'), node);
}

async function editField(ctx: CommandContext, field: Field, title: string, node: unknown): Promise<void> {
  const image = await ownTarget(ctx, 'edit', title, node);
  if (image) {
    await oneAtATime(ctx, [image], 'edit', () => askAndEdit(ctx, image, field, title));
  }
}

async function askAndEdit(ctx: CommandContext, node: ImageNode, field: Field, title: string): Promise<void> {
  const editing = await editingOf(ctx, node);
  if (!editing) {
    return;
  }
  const name = node.image.name;
  const current = field === 'name' ? name : (node.image.description ?? '');
  const check = field === 'name' ? editing.rules.checkName : editing.rules.checkDescription;
  const value = await ctx.ui.input({
    title: `${title}: ${name}`,
    prompt: field === 'name' ? vscode.l10n.t('The new name of "{0}" ({1})', name, node.image.id) : vscode.l10n.t('The description of "{0}" ({1})', name, node.image.id),
    value: current,
    validateInput: (v) => messageOf(check(v), node.account.cloud),
  });
  if (value === current) {
    return;
  }
  const edit: ImageEdit = field === 'name' ? { name: value } : { description: value };
  const regionId = node.parent.region.id;
  const result = await vscode.window.withProgress({ location: { viewId: 'cloudImageExplorer.images' } }, () => editing.editImage(regionId, node.image.id, edit));
  ctx.log.info(`Edited ${node.image.id} (${field}).`);
  applyToImages(ctx, [node], (i) => ({ ...i, ...edit }));
  sayIfReadBack(ctx, result, `"${name}"`);
  vscode.window.setStatusBarMessage(
    field === 'name' ? vscode.l10n.t('Renamed "{0}" to "{1}"', name, value) : vscode.l10n.t('Changed the description of "{0}"', name),
    4000,
  );
}

export async function deprecateImage(ctx: CommandContext, node?: unknown): Promise<void> {
  await setDeprecated(ctx, node, true);
}

export async function undeprecateImage(ctx: CommandContext, node?: unknown): Promise<void> {
  await setDeprecated(ctx, node, false);
}

/** Alibaba's status words (ModifyImageAttribute Status). */
const DEPRECATED = 'Deprecated';
const AVAILABLE = 'Available';

async function setDeprecated(ctx: CommandContext, nodeArg: unknown, deprecated: boolean): Promise<void> {
  const title = deprecated ? vscode.l10n.t('Deprecate Image') : vscode.l10n.t('Make Image Available');
  const node = await ownTarget(ctx, 'deprecate', title, nodeArg);
  if (!node) {
    return;
  }
  // A refusal whose way out the cloud names (shared with others: Stop Sharing…) is said once the guard is released.
  let report: (() => void) | undefined;
  await oneAtATime(ctx, [node], 'edit', async () => {
    const editing = await editingOf(ctx, node);
    if (!editing?.setDeprecated) {
      return;
    }
    const { name, id, status } = node.image;
    if (status !== (deprecated ? AVAILABLE : DEPRECATED)) {
      throw new Error(
        deprecated
          ? vscode.l10n.t('Only an available image can be deprecated; "{0}" is {1}.', name, imageStateLabel(imageState(node.account.cloud, node.image)))
          : vscode.l10n.t('"{0}" is not deprecated.', name),
      );
    }
    if (deprecated) {
      const button = vscode.l10n.t('Deprecate');
      // Escape or Cancel ends the command here (UserCancelledError).
      await ctx.ui.confirm(
        vscode.l10n.t('Deprecate "{0}" ({1})?', name, id),
        vscode.l10n.t(
          'A deprecated image can no longer be shared or copied, and its image family no longer offers it for new instances (instances can still be created from it by its ID). You can make it available again later.',
        ),
        button,
      );
    }
    const regionId = node.parent.region.id;
    let result: ChangeResult;
    try {
      result = await vscode.window.withProgress({ location: { viewId: 'cloudImageExplorer.images' } }, () => editing.setDeprecated!(regionId, id, deprecated));
    } catch (err) {
      report = refusalReport(ctx, node, err, [stopSharingButton()]);
      if (!report) {
        throw err;
      }
      return;
    }
    ctx.log.info(`${deprecated ? 'Deprecated' : 'Made available'} ${id}.`);
    applyToImages(ctx, [node], (i) => ({ ...i, status: deprecated ? DEPRECATED : AVAILABLE }));
    sayIfReadBack(ctx, result, `"${name}"`);
    vscode.window.setStatusBarMessage(deprecated ? vscode.l10n.t('Deprecated "{0}"', name) : vscode.l10n.t('"{0}" is available again', name), 4000);
  });
  report?.();
}
