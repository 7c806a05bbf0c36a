// "Replace with newest": for an image ID of a file whose image is deprecated, no longer usable or not the
// newest of its line (rules/newest.ts), the newest image of the same line in the same account and region.
// What it compares with is always asked of the cloud, never what the Images view happens to have loaded
// (a finding must not come and go with what the user expanded in the sidebar): where the cloud lists by
// family and the image has one (Alibaba ImageFamily), that family's usable images; otherwise the region's
// usable images of the image's owner, for one's own images and those shared with one (a public catalogue
// without families, thousands of images, is not listed for this; nor is a family the cloud's filter rules
// refuse). One listing per account, region and family or owner,
// kept with the other launch answers: never a request per ID.
import * as vscode from 'vscode';
import { checkFilter } from '../providers/core/filters';
import type { AccountConfig, Image, ImageFilter, ImageOwner } from '../providers/core/model';
import type { ImageProvider } from '../providers/core/provider';
import { allImages } from '../providers/shared/allImages';
import { lineOf, newestOf } from '../providers/rules/newest';
import type { ImageHit } from './lookup';

/** One answer per key at a time, kept a while (LaunchChecks.keep; asked again when `refresh`). */
type Keep = <T>(key: string, refresh: boolean, ask: () => Promise<T>) => Promise<T>;

/** Owners whose images are compared by name where there is no family: the account's own, and those shared with it. */
const LISTED_OWNERS: ReadonlySet<ImageOwner> = new Set(['self', 'shared']);

/** What to list for the candidates of an image's line, and the key the listing is kept under; undefined: nothing to compare with. */
function listingFor(provider: ImageProvider, account: AccountConfig, regionId: string, image: Image): { key: string; filter: ImageFilter } | undefined {
  const usable = provider.filters.usableStatus ? { status: provider.filters.usableStatus } : {};
  if (image.family && provider.filters.attributes?.some((a) => a.key === 'imageFamily')) {
    const filter: ImageFilter = { attributes: { imageFamily: image.family }, ...usable };
    if (!checkFilter(provider.filters, filter)) {
      return { key: `newest|${account.id}|${regionId}|family|${image.family}`, filter };
    }
  }
  if (!LISTED_OWNERS.has(image.owner) || !provider.filters.owners.includes(image.owner)) {
    return undefined;
  }
  return { key: `newest|${account.id}|${regionId}|owner|${image.owner}`, filter: { owner: image.owner, ...usable } };
}

/** A listing's images by line, so that a file of many IDs sorts a listing once, not once per ID. */
function byLine(images: readonly Image[]): ReadonlyMap<string, readonly Image[]> {
  const lines = new Map<string, Image[]>();
  for (const image of images) {
    const line = lineOf(image);
    const same = lines.get(line);
    if (same) {
      same.push(image);
    } else {
      lines.set(line, [image]);
    }
  }
  return lines;
}

export class NewestImages {
  private readonly lines = new WeakMap<readonly Image[], ReadonlyMap<string, readonly Image[]>>();

  constructor(
    private readonly provider: (account: AccountConfig) => Promise<ImageProvider>,
    private readonly keep: Keep,
  ) {}

  /** The newest image of the hit's line in its account and region, when it is not the hit's image. */
  async newest(hit: ImageHit, signal: AbortSignal, refresh: boolean): Promise<Image | undefined> {
    const { account, regionId, image } = hit;
    const provider = await this.provider(account);
    const listing = listingFor(provider, account, regionId, image);
    if (!listing) {
      return undefined;
    }
    const listed = await this.keep(listing.key, refresh, () => allImages(provider, regionId, listing.filter, signal));
    let lines = this.lines.get(listed);
    if (!lines) {
      lines = byLine(listed);
      this.lines.set(listed, lines);
    }
    return newestOf(account.cloud, image, lines.get(lineOf(image)) ?? []);
  }
}

/** The finding's message: what the quick fix would write instead. */
export function newestMessage(hit: ImageHit, newest: Image): string {
  return vscode.l10n.t('A newer image of the same family or name is available in {0}: "{1}" ({2}).', hit.regionName || hit.regionId, newest.name, newest.id);
}
