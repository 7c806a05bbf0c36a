// QingCloud image edits: ModifyImageAttributes (`image`, `image_name`, `description`), one image a call,
// whatever its status. Synchronous.
import { ImageEditing, type GetImage } from '../shared/editing';
import type { QingcloudClient } from './client';
import { QINGCLOUD_EDIT_RULES } from './rules';

export function qingcloudEditing(client: QingcloudClient, getImage: GetImage): ImageEditing {
  return new ImageEditing(QINGCLOUD_EDIT_RULES, getImage, (zone, imageId, edit, signal) =>
    client.mutate(
      'ModifyImageAttributes',
      {
        image: imageId,
        ...(edit.name === undefined ? {} : { image_name: edit.name }),
        ...(edit.description === undefined ? {} : { description: edit.description }),
      },
      signal,
      zone,
    ),
  );
}
