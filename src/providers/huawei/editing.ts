// Huawei image edits: UpdateImage `PATCH /v2/cloudimages/{image_id}` with a JSON-patch array
// (`replace` of `/name` and `/__description`), as `application/json;charset=UTF-8`. Only active private
// images; the reply is the updated image. Synchronous.
import { editOnce } from '../editing';
import type { Image } from '../model';
import type { ChangeResult, EditOperations, ImageEdit } from '../operations';
import { segment, type HuaweiClient } from './client';
import { HUAWEI_EDIT_RULES } from './rules';

export const HUAWEI_PATCH_CONTENT_TYPE = 'application/json;charset=UTF-8';

type GetImage = (regionId: string, imageId: string, signal?: AbortSignal) => Promise<Image | undefined>;

export class HuaweiEditing implements EditOperations {
  readonly rules = HUAWEI_EDIT_RULES;

  constructor(
    private readonly client: HuaweiClient,
    private readonly getImage: GetImage,
  ) {}

  editImage(regionId: string, imageId: string, edit: ImageEdit, signal?: AbortSignal): Promise<ChangeResult> {
    const patch = [
      ...(edit.name === undefined ? [] : [{ op: 'replace', path: '/name', value: edit.name }]),
      ...(edit.description === undefined ? [] : [{ op: 'replace', path: '/__description', value: edit.description }]),
    ];
    const send = (): Promise<unknown> =>
      this.client.ims('PATCH', regionId, `/v2/cloudimages/${segment(imageId)}`, { body: patch, contentType: HUAWEI_PATCH_CONTENT_TYPE, signal });
    return editOnce(this.rules, this.getImage, regionId, imageId, edit, send, signal);
  }
}
