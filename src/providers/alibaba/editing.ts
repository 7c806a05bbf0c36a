// Alibaba image edits: ModifyImageAttribute with ImageName / Description, and with Status=Deprecated or
// Available (deprecate / make available again; own custom images only, unshared first). Synchronous.
import { ImageEditing, type GetImage } from '../shared/editing';
import type { ChangeResult } from '../core/changes';
import type { ImageEdit } from '../core/editing';
import { Changes, imageShows } from '../shared/reconcile';
import type { AlibabaRpcClient } from './client';
import { ALIBABA_EDIT_RULES } from './rules';

export class AlibabaEditing extends ImageEditing {
  constructor(
    private readonly rpc: AlibabaRpcClient,
    getImage: GetImage,
  ) {
    super(ALIBABA_EDIT_RULES, getImage, (regionId, imageId, edit, signal) => rpc.mutate('ModifyImageAttribute', modifyParams(regionId, imageId, edit), signal, regionId));
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

/** RegionId, ImageId and only the fields the edit names. */
function modifyParams(regionId: string, imageId: string, edit: ImageEdit): Record<string, string> {
  return {
    RegionId: regionId,
    ImageId: imageId,
    ...(edit.name === undefined ? {} : { ImageName: edit.name }),
    ...(edit.description === undefined ? {} : { Description: edit.description }),
  };
}
