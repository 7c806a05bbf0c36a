// Which Huawei images ExportImage takes (IMS "Exporting an Image"): the project's own active private
// images, not full-ECS images, not made from a Windows public image or a KooGallery (market) image, and
// under 1 TB; over 128 GB only the fast export (is_quick_export, no file format) works. No request.
import { num, str } from '../shared/common';
import type { Image } from '../core/model';
import type { ExportChoice } from '../core/exporting';
import { isWholeImage } from './mapping';
import { HUAWEI_EXPORT_MAX_GIB, HUAWEI_QUICK_EXPORT_OVER_GIB } from './rules';

export function huaweiExportChoice(image: Image): ExportChoice {
  const raw = image.raw ?? {};
  const sizeGiB = image.sizeGiB ?? num(raw['min_disk']) ?? 0;
  const refused = (block: ExportChoice['block']): ExportChoice => ({ block, quickAvailable: true, quickRequired: false });
  if (image.owner !== 'self') {
    return refused({ code: 'notOwn' });
  }
  if (image.status !== 'active') {
    return refused({ code: 'notReady' });
  }
  if (image.wholeMachine || isWholeImage(raw)) {
    return refused({ code: 'wholeImage' });
  }
  if (str(raw['__productcode'])) {
    return refused({ code: 'marketplace' });
  }
  if ((image.osType ?? str(raw['__os_type']))?.toLowerCase() === 'windows') {
    return refused({ code: 'windows' });
  }
  if (sizeGiB >= HUAWEI_EXPORT_MAX_GIB) {
    return refused({ code: 'tooLarge', sizeGiB, maxGiB: HUAWEI_EXPORT_MAX_GIB });
  }
  return { quickAvailable: true, quickRequired: sizeGiB > HUAWEI_QUICK_EXPORT_OVER_GIB };
}
