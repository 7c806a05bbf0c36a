// Checks a copy goes through after its questions and before its confirmation: each may add words to
// the confirmation (what the user should know before paying for it) or refuse the copy by throwing an
// Error whose message the user sees. One place for every such check: add a hook to COPY_PREFLIGHTS
// (e.g. a cloud's image quota).
import * as vscode from 'vscode';
import type { ImageProvider } from '../../providers/core/provider';
import type { ImageNode } from '../../tree/nodes';
import type { CommandContext } from '../shared/context';
import { assertQuotaRoom } from './quota';
import { regionName } from '../shared/regionName';

export interface CopyPreflightInput {
  readonly ctx: CommandContext;
  readonly target: ImageNode;
  readonly provider: ImageProvider;
  /** The destination regions asked for. */
  readonly regions: readonly string[];
}

/** Words for the confirmation, or undefined; throws to refuse the copy. */
export type CopyPreflight = (input: CopyPreflightInput) => Promise<string | undefined>;

/**
 * Where the cloud runs only so many copies at once in a region (Alibaba: 5, the rest wait in its
 * queue), says so for each region where this copy would be one too many.
 */
export const concurrentCopies: CopyPreflight = async ({ ctx, target, provider, regions }) => {
  const copying = provider.copying;
  const max = copying?.maxConcurrentPerRegion;
  if (!copying?.activeCopies || max === undefined) {
    return undefined;
  }
  const full: string[] = [];
  for (const region of regions) {
    const running = await copying.activeCopies(region);
    if (running >= max) {
      full.push(vscode.l10n.t('{0} already has {1} copies running or waiting', regionName(ctx, target.account.id, region), running));
    }
  }
  return full.length
    ? vscode.l10n.t('The cloud runs at most {0} copies at once in a region: {1}. This copy will wait in its queue until one finishes.', max, full.join(vscode.l10n.t('; ')))
    : undefined;
};

/** Where the cloud keeps an image quota per region (Huawei IMS), refuses a copy into a region that is full. */
export const imageQuota: CopyPreflight = async ({ ctx, target, provider, regions }) => {
  for (const region of regions) {
    const name = regionName(ctx, target.account.id, region);
    await assertQuotaRoom(provider, region, name, 'image');
  }
  return undefined;
};

export const COPY_PREFLIGHTS: CopyPreflight[] = [imageQuota, concurrentCopies];

/** Runs every check in order; the words they return, for the confirmation. */
export async function runCopyPreflights(input: CopyPreflightInput): Promise<string[]> {
  const notes: string[] = [];
  for (const check of COPY_PREFLIGHTS) {
    const note = await check(input);
    if (note) {
      notes.push(note);
    }
  }
  return notes;
}
