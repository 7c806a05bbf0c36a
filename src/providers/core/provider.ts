// The one interface every cloud implements, and what a provider is built from.
import type { FilterSupport } from './filters';
import type { HttpClient } from '../transport/http';
import type { CloudKind, Credentials, Image, ImageFilter, ListImagesRequest, Page, Region } from './model';
import type { ImageOperations } from './operations';

export interface ProviderContext {
  readonly http: HttpClient;
  readonly credentials: Credentials;
  /** Overrides the cloud's public endpoints, e.g. http://127.0.0.1:PORT for the sandbox. */
  readonly endpoint?: string;
  /** Injected in tests; default: the clock and random nonces. */
  readonly now?: () => Date;
  readonly nonce?: () => string;
}

export interface ImageProvider extends ImageOperations {
  readonly cloud: CloudKind;
  /** The largest page listImages can ask the cloud for (what Load All uses). */
  readonly maxPageSize: number;
  listRegions(signal?: AbortSignal): Promise<readonly Region[]>;
  /** One cheap signed read that succeeds only when the credentials work (before an account is saved). */
  checkCredentials(signal?: AbortSignal): Promise<void>;
  /** What listImages' `filter` can narrow by on this cloud (the UI offers only that). */
  readonly filters: FilterSupport;
  /** Lists one page; a filter that breaks `filters` is refused (InvalidInputError) before any request. */
  listImages(request: ListImagesRequest): Promise<Page<Image>>;
  /**
   * How many images a filter matches, where the cloud counts without listing (Huawei's tag query);
   * undefined when it cannot for this filter.
   */
  countImages?(regionId: string, filter: ImageFilter, signal?: AbortSignal): Promise<number | undefined>;
  /** One image by ID, or undefined when the cloud does not know it (any more). */
  getImage?(regionId: string, imageId: string, signal?: AbortSignal): Promise<Image | undefined>;
  /**
   * The images among `imageIds` that the region has, in any status, in as few requests as the cloud
   * allows (each provider documents its batch form); ids the region does not know are left out.
   */
  findImages(regionId: string, imageIds: readonly string[], signal?: AbortSignal): Promise<Image[]>;
}
