// "Replace with newest": for an image ID of a file whose image is deprecated, no longer usable or not the
// newest of its line (rules/newest.ts), the newest image of the same line in the same account and region.
// Where the cloud lists by family and the image has one (Alibaba ImageFamily), one listing per account,
// region and family (kept by the caller); elsewhere only what the tree has loaded for the region: never
// a request per ID.
import * as vscode from 'vscode';
import type { AccountConfig, Image } from '../providers/core/model';
import type { ImageProvider } from '../providers/core/provider';
import { lineOf, newestOf } from '../providers/rules/newest';
import type { ImageHit } from './lookup';

/** The images of a region the tree has loaded for an account (none where it has not). */
export type LoadedImages = (accountId: string, regionId: string) => readonly Image[];
/** One answer per key at a time, kept a while (LaunchChecks.keep). */
type Keep = <T>(key: string, ask: () => Promise<T>) => Promise<T>;

/** A region's loaded images by line, built again when the list the tree holds changes (a new list, or more loaded). */
interface Lines {
  readonly source: readonly Image[];
  readonly length: number;
  readonly byLine: ReadonlyMap<string, readonly Image[]>;
}

export class NewestImages {
  private readonly lines = new Map<string, Lines>();

  constructor(
    private readonly provider: (account: AccountConfig) => Promise<ImageProvider>,
    private readonly loaded: LoadedImages,
    private readonly keep: Keep,
  ) {}

  /** The newest image of the hit's line in its account and region, when it is not the hit's image. */
  async newest(hit: ImageHit, signal: AbortSignal): Promise<Image | undefined> {
    const { account, regionId, image } = hit;
    const candidates = [...this.loadedOfLine(account.id, regionId, image)];
    const provider = await this.provider(account);
    if (image.family && provider.filters.attributes?.some((a) => a.key === 'imageFamily')) {
      const family = image.family;
      const listed = await this.keep(`family|${account.id}|${regionId}|${family}`, async () => {
        const filter = {
          attributes: { imageFamily: family },
          ...(provider.filters.usableStatus ? { status: provider.filters.usableStatus } : {}),
        };
        return (await provider.listImages({ regionId, pageSize: provider.maxPageSize, filter, signal })).items;
      });
      candidates.push(...listed);
    }
    return newestOf(account.cloud, image, candidates);
  }

  /** The images of the tree's region of the image's line: a file of many IDs sorts the region's images once, not once per ID. */
  private loadedOfLine(accountId: string, regionId: string, image: Image): readonly Image[] {
    const source = this.loaded(accountId, regionId);
    const key = `${accountId}|${regionId}`;
    let lines = this.lines.get(key);
    if (lines?.source !== source || lines.length !== source.length) {
      const byLine = new Map<string, Image[]>();
      for (const candidate of source) {
        const line = lineOf(candidate);
        const same = byLine.get(line);
        if (same) {
          same.push(candidate);
        } else {
          byLine.set(line, [candidate]);
        }
      }
      lines = { source, length: source.length, byLine };
      this.lines.set(key, lines);
    }
    return lines.byLine.get(lineOf(image)) ?? [];
  }

  /** Forgets the sorted lists (the accounts changed). */
  reset(): void {
    this.lines.clear();
  }
}

/** The finding's message: what the quick fix would write instead. */
export function newestMessage(hit: ImageHit, newest: Image): string {
  return vscode.l10n.t('A newer image of the same family or name is available in {0}: "{1}" ({2}).', hit.regionName || hit.regionId, newest.name, newest.id);
}
