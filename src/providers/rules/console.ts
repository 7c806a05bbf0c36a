// Each cloud's web console page for an image (plain data: a URL, or undefined where the console has no
// page for it). Forms as the vendors' own documents link them:
// - Alibaba ECS: https://ecs.console.aliyun.com/image/region/<region>/imageList (custom images) and
//   …/systemImageList (public images), one list per region; the console shows the image there.
// - Huawei IMS: https://console.huaweicloud.com/ecm/?region=<region>#/ims/manager/imageList/selfImage
//   (private images) and …/publicImage (public images).
// - QingCloud: https://console.qingcloud.com/<zone>/images/<image id>/ — the image's own page.
// - BatchCompute: retired; its console pages are gone.
import type { CloudKind, Image } from '../core/model';

type ConsoleUrl = (image: Pick<Image, 'id' | 'regionId' | 'owner'>) => string | undefined;

const ALIBABA_LISTS: Partial<Record<Image['owner'], string>> = { self: 'imageList', system: 'systemImageList' };
const HUAWEI_LISTS: Partial<Record<Image['owner'], string>> = { self: 'selfImage', system: 'publicImage' };

const CONSOLE_URLS: Readonly<Record<CloudKind, ConsoleUrl>> = {
  alibaba: (image) => {
    const list = ALIBABA_LISTS[image.owner];
    return list && `https://ecs.console.aliyun.com/image/region/${encodeURIComponent(image.regionId)}/${list}`;
  },
  huawei: (image) => {
    const list = HUAWEI_LISTS[image.owner];
    return list && `https://console.huaweicloud.com/ecm/?region=${encodeURIComponent(image.regionId)}#/ims/manager/imageList/${list}`;
  },
  qingcloud: (image) => `https://console.qingcloud.com/${encodeURIComponent(image.regionId)}/images/${encodeURIComponent(image.id)}/`,
  batchcompute: () => undefined,
};

/** The console page that shows this image, or undefined when the cloud's console has none. */
export function consoleUrl(cloud: CloudKind, image: Pick<Image, 'id' | 'regionId' | 'owner'>): string | undefined {
  return CONSOLE_URLS[cloud](image);
}
