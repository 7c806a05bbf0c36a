// Which Alibaba images ExportImage takes ("Export a custom image"): the account's own custom images,
// Available, not derived from an Alibaba Cloud Marketplace image (ProductCode), without a Windows Server
// OS, with at most 4 data disks of at most 500 GiB each. Read from the listing; no request.
import { isTrue, num, str, wrappedList } from '../shared/common';
import type { Image } from '../core/model';
import type { ExportChoice } from '../core/exporting';

const MAX_DATA_DISKS = 4;
const MAX_DATA_DISK_GIB = 500;

export function alibabaExportChoice(image: Image): ExportChoice {
  const none = { quickAvailable: false, quickRequired: false };
  const raw = image.raw ?? {};
  if (image.owner !== 'self') {
    return { ...none, block: { code: 'notOwn' } };
  }
  if (image.status !== 'Available') {
    return { ...none, block: { code: 'notReady' } };
  }
  if (str(raw['ProductCode']) || isTrue(raw['IsSubscribed'])) {
    return { ...none, block: { code: 'marketplace' } };
  }
  if ((image.osType ?? str(raw['OSType']))?.toLowerCase() === 'windows') {
    return { ...none, block: { code: 'windows' } };
  }
  const dataDisks = wrappedList(raw['DiskDeviceMappings'], 'DiskDeviceMapping').filter((d) => d['Type'] === 'data');
  if (dataDisks.length > MAX_DATA_DISKS) {
    return { ...none, block: { code: 'dataDisks', count: dataDisks.length, max: MAX_DATA_DISKS } };
  }
  const largest = Math.max(0, ...dataDisks.map((d) => num(d['Size']) ?? 0));
  if (largest > MAX_DATA_DISK_GIB) {
    return { ...none, block: { code: 'dataDiskSize', sizeGiB: largest, maxGiB: MAX_DATA_DISK_GIB } };
  }
  return none;
}
