// Every image of a listing, page after page at the largest page the cloud allows: for the readers that need
// the whole listing at once (Find Unused Images' own images, the newer-image check's family or owner).
import type { Image, ImageFilter } from '../core/model';
import type { ImageProvider } from '../core/provider';

export async function allImages(provider: ImageProvider, regionId: string, filter: ImageFilter, signal?: AbortSignal): Promise<Image[]> {
  const images: Image[] = [];
  let cursor;
  do {
    const page = await provider.listImages({ regionId, pageSize: provider.maxPageSize, filter, signal, ...(cursor === undefined ? {} : { cursor }) });
    images.push(...page.items);
    cursor = page.next;
  } while (cursor !== undefined);
  return images;
}
