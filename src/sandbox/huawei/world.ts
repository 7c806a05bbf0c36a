// What the Huawei IMS modules of the sandbox share: the project a request acts as, its region's images,
// the job clock and id minting; and the image lookups every operation starts with.
import type { JobClock } from '../jobs';
import type { EmulatorRequest, EmulatorResponse } from '../types';
import type { HuaweiProject, ImsImage } from './data';
import { IMS_CODES, imsError, invalid, isResponse } from './replies';

export interface HuaweiWorld {
  readonly projects: readonly HuaweiProject[];
  /** The images of a project's region, kept for the emulator's life. */
  regionImages(project: HuaweiProject): ImsImage[];
  readonly jobClock: JobClock;
  /** A fresh job id: 32 hex digits, never repeated. */
  newJobId(): string;
}

export interface Scope {
  readonly project: HuaweiProject;
  readonly images: ImsImage[];
}

/**
 * The project a request acts as: `{project_id}` of the path where the API has one, else X-Project-Id
 * (which must agree with the path when both are there).
 */
export function scopeOf(world: HuaweiWorld, req: EmulatorRequest, pathProjectId?: string): Scope | EmulatorResponse {
  const header = req.headers['x-project-id'];
  if (pathProjectId !== undefined && header !== undefined && header !== pathProjectId) {
    return invalid(`The project ID ${pathProjectId} in the path differs from X-Project-Id ${header}.`);
  }
  const projectId = pathProjectId ?? header;
  if (!projectId) {
    return invalid('The request header X-Project-Id is missing.');
  }
  const project = world.projects.find((p) => p.id === projectId);
  if (!project) {
    return invalid(`The project ID ${projectId} is invalid.`);
  }
  return { project, images: world.regionImages(project) };
}

/** An image the project's region has, or 404. */
export function findImage(scope: Scope, imageId: string): ImsImage | EmulatorResponse {
  const image = scope.images.find((i) => i.id === imageId);
  return image ?? imsError(404, IMS_CODES.imageNotFound, `The image ${imageId} does not exist.`);
}

/** The project's own private image (403 for public, shared and market ones); `active` also wants status active. */
export function ownImage(scope: Scope, imageId: string, options: { active?: boolean } = {}): ImsImage | EmulatorResponse {
  const image = findImage(scope, imageId);
  if (isResponse(image)) {
    return image;
  }
  if (image.__imagetype !== 'private' || image['owner'] !== scope.project.id) {
    return imsError(403, IMS_CODES.notOwner, `The image ${imageId} is a ${image.__imagetype} image, not a private image of this project.`);
  }
  if (options.active && image.status !== 'active') {
    return imsError(400, IMS_CODES.notActive, `The image ${imageId} is ${image.status}; the operation needs an active image.`);
  }
  return image;
}
