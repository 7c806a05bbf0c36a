// The paged list of one region's images: what is loaded, where the next page starts, and the last
// failure. A failed page keeps everything already loaded (like AWS Toolkit's ChildNodeLoader).
import type { Cursor, Image, Page } from '../providers/model';

export type FetchPage = (cursor: Cursor | undefined, signal?: AbortSignal) => Promise<Page<Image>>;

export class ImageLoader {
  items: Image[] = [];
  total: number | undefined;
  error: unknown;
  private next: Cursor | undefined;
  private started = false;
  private inflight: Promise<void> | undefined;
  private readonly seen = new Set<string>();

  constructor(private readonly fetchPage: FetchPage) {}

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
    if (this.started && !this.next && !this.error) {
      return Promise.resolve();
    }
    const cursor = this.next;
    const run = (async () => {
      try {
        const page = await this.fetchPage(cursor, signal);
        this.started = true;
        this.error = undefined;
        for (const image of page.items) {
          // Page-number and offset paging can repeat an item when the list shifts between pages.
          if (!this.seen.has(image.id)) {
            this.seen.add(image.id);
            this.items.push(image);
          }
        }
        this.next = page.next;
        this.total = page.total;
      } catch (err) {
        this.error = err;
        throw err;
      } finally {
        this.inflight = undefined;
      }
    })();
    this.inflight = run;
    return run;
  }

  /** Loads every remaining page; stops (keeping what it has) when the signal aborts. */
  async loadAll(signal: AbortSignal, onProgress?: (loaded: number, total: number | undefined) => void): Promise<void> {
    await this.loadMore(signal);
    onProgress?.(this.items.length, this.total);
    while (this.next && !signal.aborted) {
      await this.loadMore(signal);
      onProgress?.(this.items.length, this.total);
    }
  }

  /** Puts a fresher copy of a loaded image in place (after a tag or share change). */
  replace(image: Image): void {
    const i = this.items.findIndex((x) => x.id === image.id);
    if (i >= 0) {
      this.items[i] = image;
    }
  }

  /** Forgets a deleted image. */
  remove(imageId: string): void {
    const before = this.items.length;
    this.items = this.items.filter((x) => x.id !== imageId);
    if (this.items.length < before && this.total !== undefined) {
      this.total--;
    }
  }

  reset(): void {
    this.items = [];
    this.total = undefined;
    this.error = undefined;
    this.next = undefined;
    this.started = false;
    this.seen.clear();
  }
}
