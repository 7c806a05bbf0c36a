// Puts the view's filters on region nodes before they are drawn: the instant filter's predicate, the
// region's cloud filter (a changed one restarts the region's listing) and, where the cloud counts a filter's
// matches without listing (Huawei's tag query, "images without tags" too), that count, asked for once per
// region and filter.
import type { Sessions } from '../accounts/session';
import { mapLimited } from '../providers/shared/common';
import { hasTagQuery, type FilterSupport } from '../providers/core/filters';
import type { ImageFilter } from '../providers/core/model';
import { isCancellation, logLine } from '../util/errors';
import type { Log } from '../util/log';
import { fullFilterText, shortFilterText } from './filterText';
import type { RegionNode } from './nodes';
import type { ViewState } from './viewState';

/** Count requests in flight at once for one account's regions. */
export const COUNT_CONCURRENCY = 4;

interface Applied {
  readonly key: string;
  readonly filter: ImageFilter | undefined;
  count?: number;
  /** The count was asked for (once per filter: a failure is logged, not retried until a refresh). */
  asked?: boolean;
}

/** A filter the cloud counts without listing: tag conditions, or images without tags. */
function countable(filter: ImageFilter | undefined): boolean {
  return hasTagQuery(filter?.tagQuery) || !!filter?.untagged;
}

export class RegionFilters {
  private readonly applied = new WeakMap<RegionNode, Applied>();

  constructor(
    private readonly state: ViewState,
    private readonly sessions: Sessions,
    private readonly log: Log,
    private readonly redraw: (node: RegionNode) => void,
  ) {}

  /** The cloud filter the region's listing uses now. */
  filterOf(region: RegionNode): ImageFilter | undefined {
    return this.applied.get(region)?.filter;
  }

  /**
   * Sets each region's view from the current state; a region whose cloud filter changed forgets what it
   * loaded. Then counts, where the cloud can, the regions that have no count for their filter yet.
   */
  dress(regions: readonly RegionNode[], support: FilterSupport): void {
    const toCount: RegionNode[] = [];
    for (const region of regions) {
      const effective = this.state.effectiveFilter(region.account.id, region.region.id, support);
      const key = JSON.stringify(effective?.filter ?? null);
      let applied = this.applied.get(region);
      if (!applied || applied.key !== key) {
        if (applied) {
          region.loader.reset();
        }
        applied = { key, filter: effective?.filter };
        this.applied.set(region, applied);
      }
      if (support.countsTags && countable(applied.filter) && !applied.asked) {
        toCount.push(region);
      }
      const cloud = region.account.cloud;
      region.view = {
        predicate: this.state.predicate,
        cloudFilter: effective ? { short: shortFilterText(cloud, effective.filter), full: fullFilterText(cloud, effective.filter, effective.from) } : undefined,
        serverCount: applied.count,
      };
    }
    if (toCount.length) {
      void this.count(toCount);
    }
  }

  /** Forgets a region's count (after a refresh), so the next redraw asks again. */
  forgetCount(region: RegionNode): void {
    const applied = this.applied.get(region);
    if (applied) {
      applied.count = undefined;
      applied.asked = false;
    }
  }

  private async count(regions: readonly RegionNode[]): Promise<void> {
    for (const region of regions) {
      this.applied.get(region)!.asked = true;
    }
    await mapLimited(regions, COUNT_CONCURRENCY, async (region) => {
      const applied = this.applied.get(region)!;
      try {
        const provider = await this.sessions.provider(region.account);
        applied.count = applied.filter ? await provider.countImages?.(region.region.id, applied.filter) : undefined;
      } catch (err) {
        if (!isCancellation(err)) {
          this.log.error(logLine(err));
        }
      }
      if (this.applied.get(region) === applied) {
        region.view = { ...region.view, serverCount: applied.count };
        this.redraw(region);
      }
    });
  }
}
