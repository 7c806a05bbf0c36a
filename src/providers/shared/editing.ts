// Renaming an image and changing its description: one mechanism for every cloud that can. The rules
// are each cloud's (its rules.ts); the call is sent once and, when its reply is lost, settled by
// reading the image back (reconcile.ts): the change was made when the image shows it.
import { assertValid, firstProblem } from '../rules/problems';
import { type InputProblem } from '../core/rules';
import type { Image } from '../core/model';
import type { ChangeResult } from '../core/changes';
import type { EditOperations, ImageEdit } from '../core/editing';
import { Changes, imageShows } from './reconcile';
import type { EditRules } from '../core/rules';

/** The problem of an edit, if any: each field given is checked, in order. */
export function checkEdit(rules: EditRules, edit: ImageEdit): InputProblem | undefined {
  return firstProblem(
    () => (edit.name === undefined ? undefined : rules.checkName(edit.name)),
    () => (edit.description === undefined ? undefined : rules.checkDescription(edit.description)),
  );
}

/** True when the image carries every field of the edit. */
export function showsEdit(image: Image, edit: ImageEdit): boolean {
  return (edit.name === undefined || image.name === edit.name) && (edit.description === undefined || (image.description ?? '') === edit.description);
}

export type GetImage = (regionId: string, imageId: string, signal?: AbortSignal) => Promise<Image | undefined>;

/** A cloud's one modify request for an edit (only the fields given). */
export type SendEdit = (regionId: string, imageId: string, edit: ImageEdit, signal?: AbortSignal) => Promise<unknown>;

/**
 * Renaming and describing on any cloud: the edit is checked (InvalidInputError before any request), sent
 * once by the cloud's `send`, and after a lost reply settled by reading the image back. An edit that
 * names no field sends nothing.
 */
export class ImageEditing implements EditOperations {
  constructor(
    readonly rules: EditRules,
    protected readonly getImage: GetImage,
    private readonly send: SendEdit,
  ) {}

  async editImage(regionId: string, imageId: string, edit: ImageEdit, signal?: AbortSignal): Promise<ChangeResult> {
    assertValid(checkEdit(this.rules, edit));
    const changes = new Changes();
    if (edit.name === undefined && edit.description === undefined) {
      return changes.result();
    }
    await changes.run({
      kind: 'edit',
      imageIds: [imageId],
      send: async () => {
        await this.send(regionId, imageId, edit, signal);
        return undefined;
      },
      readBack: () => imageShows(this.getImage, regionId, imageId, (i) => showsEdit(i, edit), signal),
    });
    return changes.result();
  }
}
