// Huawei image edits: UpdateImage `PATCH /v2/cloudimages/{image_id}` with a JSON-patch array
// (`replace` of `/name` and `/__description`), as `application/json;charset=UTF-8`. Only active private
// images; the reply is the updated image. Synchronous.
import { ImageEditing, type GetImage } from '../shared/editing';
import { segment, type HuaweiClient } from './client';
import { HUAWEI_EDIT_RULES } from './rules';

export const HUAWEI_PATCH_CONTENT_TYPE = 'application/json;charset=UTF-8';

export function huaweiEditing(client: HuaweiClient, getImage: GetImage): ImageEditing {
  return new ImageEditing(HUAWEI_EDIT_RULES, getImage, (regionId, imageId, edit, signal) => {
    const patch = [
      ...(edit.name === undefined ? [] : [{ op: 'replace', path: '/name', value: edit.name }]),
      ...(edit.description === undefined ? [] : [{ op: 'replace', path: '/__description', value: edit.description }]),
    ];
    return client.ims('PATCH', regionId, `/v2/cloudimages/${segment(imageId)}`, { body: patch, contentType: HUAWEI_PATCH_CONTENT_TYPE, signal });
  });
}
