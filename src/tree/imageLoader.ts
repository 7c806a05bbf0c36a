// The paged list of one region's images: what is loaded, where the next page starts, and the last
// failure. A failed page keeps everything already loaded (like AWS Toolkit's ChildNodeLoader); a
// refresh starts a new generation, so a page of the old one that arrives late is dropped.
import { ProviderError } from '../providers/core/errors';
import type { Cursor, Image, ImageFilter, Page } from '../providers/core/model';
import { loadAllPages, type PageStash } from '../providers/shared/paging';
import type { ImageProvider } from '../providers/core/provider';
import { Compactor, foldOwnText, keepSearchRecords, type SharedWords } from './compact';

export interface LoadAllRequest {
  readonly from: Cursor | undefined;
  /** The total an earlier page reported, if any. */
  readonly total: number | undefined;
  readonly signal: AbortSignal;
  readonly stash: PageStash<Image>;
  readonly onPage: (page: Page<Image>) => void;
}

export interface ImageSource {
  /** One page from `cursor` (undefined: the first) at the tree's page size. */
  page(cursor: Cursor | undefined, signal: AbortSignal): Promise<Page<Image>>;
  /** Every page from `request.from` to the end, in order, at the cloud's largest page size. */
  all(request: LoadAllRequest): Promise<void>;
}

/**
 * A region's images through its account's provider: "Load more" at the tree's page size, Load All through
 * the paging helper; every page with the cloud filter of the moment (`filter`), so that pages keep it.
 */
export function providerSource(
  provider: () => Promise<ImageProvider>,
  regionId: string,
  pageSize: () => number,
  filter: () => ImageFilter | undefined = () => undefined,
): ImageSource {
  const filtered = (): { filter?: ImageFilter } => {
    const f = filter();
    return f ? { filter: f } : {};
  };
  return {
    page: async (cursor, signal) => (await provider()).listImages({ regionId, cursor, pageSize: pageSize(), signal, ...filtered() }),
    all: async ({ from, total, signal, stash, onPage }) => {
      const p = await provider();
      const f = filtered();
      await loadAllPages((req) => p.listImages({ regionId, ...req, ...f }), { pageSize: p.maxPageSize, from, total, signal, stash, onPage });
    },
  };
}

export class ImageLoader {
  items: Image[] = [];
  total: number | undefined;
  error: unknown;
  private next: Cursor | undefined;
  private started = false;
  private inflight: Promise<void> | undefined;
  private readonly seen = new Set<string>();
  /** The words the loaded images repeat, kept once (50,000 images in a region: see compact.ts). */
  private compactor = new Compactor();
  /** What the instant filter reads of each image, side by side with `items` (compact.ts searchRecordsOf). */
  private own: (string | true)[] = [];
  private shared: (SharedWords | undefined)[] = [];
  /** Pages Load All read past a failed one: the next load takes them from here instead of asking again. */
  private stash: PageStash<Image> = new Map();
  /** Bumped by reset(); work of an older generation changes nothing when it completes. */
  private generation = 0;
  /** Aborted by reset(), so that the old generation's requests stop. */
  private controller = new AbortController();

  constructor(private readonly source: ImageSource) {
    this.keep(this.items);
  }

  /** The first page was asked for and nothing is on its way (what is loaded is all there will be until "Load more"). */
  get loaded(): boolean {
    return this.started && this.inflight === undefined;
  }

  get loading(): boolean {
    return this.inflight !== undefined;
  }

  get hasMore(): boolean {
    return !this.started || this.next !== undefined;
  }

  /** Loads the first page if nothing was loaded or tried yet; a failure stays until retried. */
  ensureFirstPage(): Promise<void> {
    if (this.inflight) {
      return this.inflight;
    }
    return this.started || this.error !== undefined ? Promise.resolve() : this.loadMore();
  }

  /** Loads the next page (or retries the one that failed). Concurrent calls share one request. */
  loadMore(signal?: AbortSignal): Promise<void> {
    if (this.inflight) {
      return this.inflight;
    }
    if (this.finished()) {
      return Promise.resolve();
    }
    return this.run(signal, async (accept, combined) => {
      accept(this.takeStashed() ?? (await this.source.page(this.next, combined)));
    });
  }

  /**
   * Loads every remaining page at the cloud's largest page size (after any load already running).
   * Cancelling keeps what arrived; a failure keeps it too, and the pages read past the failed one wait in the stash.
   */
  async loadAll(signal: AbortSignal, onProgress?: (loaded: number, total: number | undefined) => void): Promise<void> {
    while (this.inflight) {
      await this.inflight.catch(() => undefined);
    }
    if (this.finished()) {
      return;
    }
    await this.run(signal, (accept, combined) =>
      this.source.all({
        from: this.next,
        total: this.started ? this.total : undefined,
        signal: combined,
        stash: this.stash,
        onPage: (page) => {
          if (accept(page)) {
            onProgress?.(this.items.length, this.total);
          }
        },
      }),
    );
  }

  /**
   * Puts a fresher copy of a loaded image in its place (after a tag or share change). In a new array:
   * `items` only ever grows in place, so what the view keeps about it (ordering.ts) knows when it changed.
   */
  replace(image: Image): void {
    const i = this.items.findIndex((x) => x.id === image.id);
    if (i >= 0) {
      const items = this.items.slice();
      items[i] = image;
      this.own = this.own.slice();
      this.own[i] = foldOwnText(image);
      this.shared = this.shared.slice();
      this.shared[i] = undefined;
      this.keep(items);
    }
  }

  /** Forgets a deleted image. */
  remove(imageId: string): void {
    const before = this.items.length;
    const kept = this.items.map((x) => x.id !== imageId);
    this.own = this.own.filter((_, i) => kept[i]);
    this.shared = this.shared.filter((_, i) => kept[i]);
    this.keep(this.items.filter((_, i) => kept[i]));
    if (this.items.length < before && this.total !== undefined) {
      this.total--;
    }
  }

  /** Forgets everything and starts a new generation: requests still on their way are cancelled and their pages dropped. */
  reset(): void {
    this.generation++;
    this.controller.abort();
    this.controller = new AbortController();
    this.inflight = undefined;
    this.own = [];
    this.shared = [];
    this.keep([]);
    this.total = undefined;
    this.error = undefined;
    this.next = undefined;
    this.started = false;
    this.seen.clear();
    this.stash = new Map();
    this.compactor = new Compactor();
  }

  /** A new list of images, and the filter's folded texts beside it. */
  private keep(items: Image[]): void {
    this.items = items;
    keepSearchRecords(items, { own: this.own, shared: this.shared });
  }

  /** The page Load All already read from where the list continues, if any. */
  private takeStashed(): Page<Image> | undefined {
    const offset = this.next?.kind === 'offset' ? this.next.offset : undefined;
    const page = offset === undefined ? undefined : this.stash.get(offset);
    if (offset !== undefined) {
      this.stash.delete(offset);
    }
    return page;
  }

  private finished(): boolean {
    return this.started && !this.next && this.error === undefined;
  }

  /**
   * Runs one load as the current generation. `accept` applies a page only while that generation is
   * current (and says whether it did); an error is kept only then too, and a cancellation is no error.
   */
  private run(signal: AbortSignal | undefined, work: (accept: (page: Page<Image>) => boolean, signal: AbortSignal) => Promise<void>): Promise<void> {
    const generation = this.generation;
    const combined = signal ? AbortSignal.any([signal, this.controller.signal]) : this.controller.signal;
    const current = (): boolean => generation === this.generation;
    const accept = (page: Page<Image>): boolean => {
      if (current()) {
        this.apply(page);
      }
      return current();
    };
    const run: Promise<void> = work(accept, combined)
      .catch((err: unknown) => {
        if (current() && !ProviderError.isAbort(err)) {
          this.error = err;
        }
        throw err;
      })
      .finally(() => {
        if (this.inflight === run) {
          this.inflight = undefined;
        }
      });
    this.inflight = run;
    return run;
  }

  private apply(page: Page<Image>): void {
    this.started = true;
    this.error = undefined;
    for (const image of page.items) {
      // Offset paging can repeat an item when the list shifts between pages.
      if (!this.seen.has(image.id)) {
        this.seen.add(image.id);
        const { image: compacted, shared } = this.compactor.compact(image);
        this.items.push(compacted);
        this.own.push(foldOwnText(compacted));
        this.shared.push(shared);
      }
    }
    this.next = page.next;
    this.total = page.total;
  }
}
