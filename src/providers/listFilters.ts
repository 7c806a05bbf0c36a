// What each cloud's listing filter (ImageFilter, mapped by each provider) narrows on the server, as a
// search that must not miss an image needs to know it: a filter that matches a superset is sent, and
// the listed pages are then matched exactly; where the cloud cannot narrow, the pages are matched alone.
import type { CloudKind } from './model';

export interface ListFilterSupport {
  /**
   * `name`: 'part' when the cloud matches part of the name (Alibaba ImageName is fuzzy; QingCloud's
   * search_word matches part of the name or the id), 'exact' when only the whole name (Huawei IMS
   * `name`), 'none' when the listing takes no name (BatchCompute).
   */
  readonly name: 'part' | 'exact' | 'none';
  /**
   * `tag`: 'any-value' when key and value are matched and an empty value means any value (Alibaba
   * Tag.N); 'exact' when an empty value means an empty value (Huawei's legacy "key.value"); 'key' when
   * only a key can be asked for (QingCloud tags.N names a tag); 'none' (BatchCompute).
   */
  readonly tag: 'any-value' | 'exact' | 'key' | 'none';
}

export const LIST_FILTERS: Readonly<Record<CloudKind, ListFilterSupport>> = {
  alibaba: { name: 'part', tag: 'any-value' },
  huawei: { name: 'exact', tag: 'exact' },
  qingcloud: { name: 'part', tag: 'key' },
  batchcompute: { name: 'none', tag: 'none' },
};
