// QingCloud image edits: ModifyImageAttributes (`image`, `image_name`, `description`), one image a call,
// whatever its status. Synchronous.
import { editOnce } from '../editing';
import type { Image } from '../model';
import type { ChangeResult, EditOperations, ImageEdit } from '../operations';
import type { QingcloudClient } from './client';
import { QINGCLOUD_EDIT_RULES } from './rules';

type GetImage = (zone: string, imageId: string, signal?: AbortSignal) => Promise<Image | undefined>;

export class QingcloudEditing implements EditOperations {
  readonly rules = QINGCLOUD_EDIT_RULES;

  constructor(
    private readonly client: QingcloudClient,
    private readonly getImage: GetImage,
  ) {}

  editImage(zone: string, imageId: string, edit: ImageEdit, signal?: AbortSignal): Promise<ChangeResult> {
    const params = {
      image: imageId,
      ...(edit.name === undefined ? {} : { image_name: edit.name }),
      ...(edit.description === undefined ? {} : { description: edit.description }),
    };
    return editOnce(this.rules, this.getImage, zone, imageId, edit, () => this.client.mutate('ModifyImageAttributes', params, signal, zone), signal);
  }
}
