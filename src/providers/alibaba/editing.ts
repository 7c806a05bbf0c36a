// Alibaba image edits: ModifyImageAttribute with ImageName / Description, and with Status=Deprecated or
// Available (deprecate / make available again; own custom images only, unshared first). Synchronous.
import { editOnce } from '../editing';
import type { Image } from '../model';
import type { ChangeResult, EditOperations, ImageEdit } from '../operations';
import { Changes, imageShows } from '../reconcile';
import type { AlibabaRpcClient } from './client';
import { ALIBABA_EDIT_RULES } from './rules';

type GetImage = (regionId: string, imageId: string, signal?: AbortSignal) => Promise<Image | undefined>;

export class AlibabaEditing implements EditOperations {
  readonly rules = ALIBABA_EDIT_RULES;

  constructor(
    private readonly rpc: AlibabaRpcClient,
    private readonly getImage: GetImage,
  ) {}

  editImage(regionId: string, imageId: string, edit: ImageEdit, signal?: AbortSignal): Promise<ChangeResult> {
    const params = {
      RegionId: regionId,
      ImageId: imageId,
      ...(edit.name === undefined ? {} : { ImageName: edit.name }),
      ...(edit.description === undefined ? {} : { Description: edit.description }),
    };
    return editOnce(this.rules, this.getImage, regionId, imageId, edit, () => this.rpc.mutate('ModifyImageAttribute', params, signal, regionId), signal);
  }

  /** Status=Deprecated or Available; after a lost reply, the image's status read back settles it. */
  async setDeprecated(regionId: string, imageId: string, deprecated: boolean, signal?: AbortSignal): Promise<ChangeResult> {
    const status = deprecated ? 'Deprecated' : 'Available';
    const changes = new Changes();
    await changes.run({
      kind: 'edit',
      imageIds: [imageId],
      send: async () => {
        await this.rpc.mutate('ModifyImageAttribute', { RegionId: regionId, ImageId: imageId, Status: status }, signal, regionId);
        return undefined;
      },
      readBack: () => imageShows(this.getImage, regionId, imageId, (i) => i.status === status, signal),
    });
    return changes.result();
  }
}
