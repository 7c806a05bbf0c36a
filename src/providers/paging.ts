// One paging abstraction over the three cursor styles the clouds use.
import { ProviderError, abortError } from './errors';
import type { Cursor, Page } from './model';

/** Page-number paging (Alibaba): more pages while pageNumber * pageSize < total. */
export function nextPageNumber(pageNumber: number, pageSize: number, received: number, total: number): Cursor | undefined {
  if (received === 0 || pageNumber * pageSize >= total) {
    return undefined;
  }
  return { kind: 'page', pageNumber: pageNumber + 1 };
}

/** Offset paging (QingCloud): more while offset + received < total. */
export function nextOffset(offset: number, received: number, total: number): Cursor | undefined {
  if (received === 0 || offset + received >= total) {
    return undefined;
  }
  return { kind: 'offset', offset: offset + received };
}

/** Marker paging (Huawei, BatchCompute): a marker the server gives, or the last id while pages come back full. */
export function nextMarker(marker: string | undefined): Cursor | undefined {
  return marker ? { kind: 'marker', marker } : undefined;
}

export function pageNumberOf(cursor: Cursor | undefined): number {
  if (!cursor) {
    return 1;
  }
  if (cursor.kind !== 'page') {
    throw new ProviderError({ cloud: 'local', code: 'BadCursor', message: `A ${cursor.kind} cursor was given to a page-number API.` });
  }
  return cursor.pageNumber;
}

export function offsetOf(cursor: Cursor | undefined): number {
  if (!cursor) {
    return 0;
  }
  if (cursor.kind !== 'offset') {
    throw new ProviderError({ cloud: 'local', code: 'BadCursor', message: `A ${cursor.kind} cursor was given to an offset API.` });
  }
  return cursor.offset;
}

export function markerOf(cursor: Cursor | undefined): string | undefined {
  if (!cursor) {
    return undefined;
  }
  if (cursor.kind !== 'marker') {
    throw new ProviderError({ cloud: 'local', code: 'BadCursor', message: `A ${cursor.kind} cursor was given to a marker API.` });
  }
  return cursor.marker;
}

/**
 * Fetches pages until the last one, or until the signal aborts. `onPage` sees each page as it arrives,
 * so a caller can show progress and keep what it has if a later page fails.
 */
export async function forEachPage<T>(
  fetchPage: (cursor: Cursor | undefined) => Promise<Page<T>>,
  start: Cursor | undefined,
  onPage: (page: Page<T>) => void,
  signal?: AbortSignal,
): Promise<void> {
  let cursor = start;
  for (;;) {
    if (signal?.aborted) {
      throw abortError('local');
    }
    const page = await fetchPage(cursor);
    onPage(page);
    if (!page.next) {
      return;
    }
    cursor = page.next;
  }
}
