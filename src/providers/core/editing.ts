// Editing an image's name and description, and deprecating it where the cloud has the state.
import type { EditRules } from './rules';
import type { ChangeResult } from './changes';

/** A new name and/or description; a field left out keeps its value. */
export interface ImageEdit {
  readonly name?: string;
  readonly description?: string;
}

export interface EditOperations {
  /** Name and description rules, checked before any request. */
  readonly rules: EditRules;
  /** Changes the name and/or description in one call (Alibaba ModifyImageAttribute, Huawei PATCH, QingCloud ModifyImageAttributes). */
  editImage(regionId: string, imageId: string, edit: ImageEdit, signal?: AbortSignal): Promise<ChangeResult>;
  /**
   * Deprecates an own image, or makes a deprecated one available again, where the cloud has the state
   * (Alibaba ModifyImageAttribute Status=Deprecated / Available).
   */
  setDeprecated?(regionId: string, imageId: string, deprecated: boolean, signal?: AbortSignal): Promise<ChangeResult>;
}
