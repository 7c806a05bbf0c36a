// Request-building helpers the Alibaba operation groups share: repeat lists (Key.N), batches, and
// page-number paging to the end.
import { num } from '../common';
import type { Tag } from '../model';

type Params = Record<string, string>;

/** `Prefix.1=a&Prefix.2=b...` (1-based, as the RPC APIs number repeat lists). */
export function repeatParams(prefix: string, values: readonly string[]): Params {
  const out: Params = {};
  values.forEach((v, i) => {
    out[`${prefix}.${i + 1}`] = v;
  });
  return out;
}

/** `Tag.N.Key` / `Tag.N.Value`; an empty value is left out (key only). */
export function tagParams(tags: readonly Tag[], prefix = 'Tag'): Params {
  const out: Params = {};
  tags.forEach((t, i) => {
    out[`${prefix}.${i + 1}.Key`] = t.key;
    if (t.value !== '') {
      out[`${prefix}.${i + 1}.Value`] = t.value;
    }
  });
  return out;
}

/**
 * Page-number paging to the last page: pages while pageNumber * pageSize < TotalCount and the page
 * was not empty. `fetch` answers one page's items and the TotalCount it reported.
 */
export async function allPages<T>(fetch: (pageNumber: number) => Promise<{ items: T[]; total: unknown }>, pageSize: number): Promise<T[]> {
  const all: T[] = [];
  for (let pageNumber = 1; ; pageNumber++) {
    const { items, total } = await fetch(pageNumber);
    all.push(...items);
    const count = num(total) ?? all.length;
    if (!items.length || pageNumber * pageSize >= count) {
      return all;
    }
  }
}
