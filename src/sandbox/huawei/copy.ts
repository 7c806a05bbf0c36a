// Huawei IMS copies in the sandbox: `POST /v1/cloudimages/{id}/copy` {name, description?} within the
// region and `POST /v1/cloudimages/{id}/cross_region_copy` {name, description?, region, project_name,
// agency_name} to another, both jobs on the shared clock (job types imsCopyImageInRegionJob and
// imsCrossRegionCopyImageJob) whose entities.image_id is the new image; the copy appears, active, in
// its region's project when the job succeeds. The same name and description rules as the provider's. A
// whole-machine image is not copied within its region (IMG.0130). An image another project shared with
// this one is copied within its region once this project accepted it; a pending or rejected one is
// IMG.0196; across regions only the project's own private images are copied (IMG.0106 otherwise).
import { randomUUID } from 'crypto';
import { HUAWEI_COPY_RULES, checkHuaweiKeyId } from '../../providers/huawei/rules';
import type { EmulatorResponse } from '../types';
import type { ImsImage } from './data';
import type { HuaweiImsJobs } from './jobs';
import type { KmsKeyState } from './kms';
import { IMS_CODES, imsError, invalid, isResponse, isoSecond, jsonBody } from './replies';
import type { MemberStatus } from './incoming';
import { isWholeImage } from './wholeImages';
import { findImage, ownImage, type HuaweiWorld, type Scope } from './world';

/** The fields both copies take; the 400 IMS answers for a bad one. */
function nameAndDescription(request: Record<string, unknown>): { name: string; description: string } | EmulatorResponse {
  const name = request['name'];
  if (typeof name !== 'string' || !name) {
    return invalid('The parameter name is missing.');
  }
  if (HUAWEI_COPY_RULES.checkName(name)) {
    return imsError(400, 'IMG.0003', 'The image name format is invalid.');
  }
  const description = request['description'] ?? '';
  if (typeof description !== 'string' || HUAWEI_COPY_RULES.checkDescription?.(description)) {
    return imsError(400, 'IMG.0004', 'The description is invalid (at most 1024 characters, no < or >).');
  }
  return { name, description };
}

/**
 * cmk_id, where given: a KMS key id (36 characters) of an enabled key of the project -> the new image's
 * `__system__encrypted` "1" and `__system__cmkid`. A malformed id is IMS's 400; a key the project does not
 * have is IMG.0095, a disabled one IMG.0097 (both documented).
 */
export function encryptionOf(request: Record<string, unknown>, stateOf: (keyId: string) => KmsKeyState): Record<string, string> | undefined | EmulatorResponse {
  const keyId = request['cmk_id'];
  if (keyId === undefined || keyId === '') {
    return undefined;
  }
  if (typeof keyId !== 'string' || checkHuaweiKeyId(keyId)) {
    return invalid('The parameter cmk_id is invalid: a KMS key ID of 36 characters is required.');
  }
  const state = stateOf(keyId);
  if (state !== 'enabled') {
    return state === 'missing'
      ? imsError(400, IMS_CODES.kmsKeyMissing, `The KMS key ${keyId} does not exist.`)
      : imsError(400, IMS_CODES.kmsKeyDisabled, `The KMS key ${keyId} is not enabled.`);
  }
  return { __system__encrypted: '1', __system__cmkid: keyId };
}

export class HuaweiImageCopies {
  constructor(
    private readonly world: HuaweiWorld,
    private readonly jobs: HuaweiImsJobs,
    /** Called when a copy lands in a region (its listings change). */
    private readonly landed: () => void,
    /** How many more private images the project may have (the `image` quota). */
    private readonly room: (scope: Scope) => number,
    /** Whether cmk_id names an enabled KMS key of the project (kms.ts). */
    private readonly keyUsable: (scope: Scope, keyId: string) => KmsKeyState,
    /** This project's answer to an image shared with it (incoming.ts); undefined for any other image. */
    private readonly memberStatus: (image: ImsImage) => MemberStatus | undefined,
  ) {}

  /** The image a copy reads: the project's own active private image, or (within the region) an accepted shared one. */
  private source(scope: Scope, imageId: string, across: boolean): ImsImage | EmulatorResponse {
    const found = findImage(scope, imageId);
    const status = isResponse(found) ? undefined : this.memberStatus(found);
    if (across || isResponse(found) || status === undefined) {
      return ownImage(scope, imageId, { active: true });
    }
    if (status !== 'accepted') {
      return imsError(400, IMS_CODES.notAccepted, 'The image is shared and must be accepted before it is copied.');
    }
    return found.status === 'active' ? found : imsError(400, IMS_CODES.notActive, `The image ${imageId} is ${found.status}; the operation needs an active image.`);
  }

  copyInRegion(scope: Scope, imageId: string, body: string): EmulatorResponse {
    return this.copy(scope, imageId, body, false);
  }

  crossRegionCopy(scope: Scope, imageId: string, body: string): EmulatorResponse {
    return this.copy(scope, imageId, body, true);
  }

  private copy(scope: Scope, imageId: string, body: string, across: boolean): EmulatorResponse {
    const request = jsonBody(body);
    if (isResponse(request)) {
      return request;
    }
    const fields = nameAndDescription(request);
    if (isResponse(fields)) {
      return fields;
    }
    let destination = scope;
    if (across) {
      const region = request['region'];
      const project = this.world.projects.find((p) => p.regionId === region);
      if (typeof region !== 'string' || !project) {
        return invalid('The parameter region is invalid.');
      }
      if (project.id === scope.project.id) {
        return imsError(400, IMS_CODES.sameRegion, 'Replication must be performed across regions: the destination region must differ from the source region.');
      }
      if (request['project_name'] !== project.name) {
        return invalid(`The parameter project_name is invalid: the project of ${region} is ${project.name}.`);
      }
      if (typeof request['agency_name'] !== 'string' || !request['agency_name']) {
        return invalid('The parameter agency_name is missing.');
      }
      destination = { project, images: this.world.regionImages(project) };
    }
    const key = across ? undefined : encryptionOf(request, (keyId) => this.keyUsable(scope, keyId));
    if (isResponse(key)) {
      return key;
    }
    const image = this.source(scope, imageId, across);
    if (isResponse(image)) {
      return image;
    }
    // "A full-ECS image cannot be replicated within a region" (IMS user guide, full-ECS image constraints).
    if (!across && isWholeImage(image)) {
      return imsError(400, IMS_CODES.wholeImageCopy, 'The full-ECS image cannot be exported or replicated.');
    }
    if (this.room(destination) < 1) {
      return imsError(400, IMS_CODES.imageQuota, 'The quota of private images (image) is exceeded.');
    }
    const newId = randomUUID();
    const into = destination;
    return this.jobs.start(scope, {
      operation: across ? 'CopyImageCrossRegion' : 'CopyImageInRegion',
      jobType: across ? 'imsCrossRegionCopyImageJob' : 'imsCopyImageInRegionJob',
      imageId: newId,
      imageName: fields.name,
      apply: (finishedAt) => {
        const at = isoSecond(finishedAt);
        const copy: ImsImage = {
          ...image,
          id: newId,
          name: fields.name,
          __description: fields.description,
          owner: into.project.id,
          // A copy is always the project's own private image (also of a shared one).
          __imagetype: 'private',
          visibility: 'private',
          status: 'active',
          tags: [],
          created_at: at,
          updated_at: at,
          active_at: at,
          self: `/v2/images/${newId}`,
          file: `/v2/images/${newId}/file`,
          __originalimagename: image.id,
          ...(key ?? {}),
        };
        into.images.push(copy);
        this.landed();
      },
    });
  }
}


