// Huawei IMS image members in the sandbox: Glance's member list, and BatchAddMembers / BatchDeleteMembers
// as async jobs whose effect lands when the job succeeds. Only the project's own active private images
// can be shared; members are other projects' ids (32 lower-case hex digits) and start 'pending'.
import type { EmulatorResponse } from '../types';
import type { ImsImage } from './data';
import type { HuaweiImsJobs } from './jobs';
import { IMS_CODES, imagesRequest, imsError, invalid, isResponse, isoSecond, ok, stringList } from './replies';
import { findImage, ownImage, type Scope } from './world';

const PROJECT_ID = /^[0-9a-f]{32}$/;

interface MemberRecord {
  status: 'pending' | 'accepted' | 'rejected';
  readonly created_at: string;
  updated_at: string;
}

export class HuaweiImageMembers {
  /** image id -> project id -> member. */
  private readonly members = new Map<string, Map<string, MemberRecord>>();

  constructor(private readonly jobs: HuaweiImsJobs) {}

  forget(imageId: string): void {
    this.members.delete(imageId);
  }

  /** `GET /v2/images/{image_id}/members` -> `{members:[...], schema}`; a public or market image has none to show (403). */
  listMembers(scope: Scope, imageId: string): EmulatorResponse {
    const image = findImage(scope, imageId);
    if (isResponse(image)) {
      return image;
    }
    if (image.__imagetype === 'gold' || image.__imagetype === 'market') {
      return imsError(403, IMS_CODES.notOwner, `The image ${imageId} is a ${image.__imagetype} image: it has no members.`);
    }
    const members = [...(this.members.get(imageId) ?? new Map<string, MemberRecord>()).entries()].map(([id, m]) => ({
      member_id: id,
      image_id: imageId,
      status: m.status,
      created_at: m.created_at,
      updated_at: m.updated_at,
      schema: '/v2/schemas/member',
      member_type: 'project',
    }));
    return ok({ members, schema: '/v2/schemas/members' });
  }

  /** How many members the images have, together (the image_member quota). */
  count(imageIds: readonly string[]): number {
    return imageIds.reduce((n, id) => n + (this.members.get(id)?.size ?? 0), 0);
  }

  /**
   * BatchAddMembers (POST) and BatchDeleteMembers (DELETE) on /v1/cloudimages/members: `{images, projects}` -> `{job_id}`.
   * `room`: how many more members the image_member quota takes (adding only).
   */
  change(scope: Scope, body: string, add: boolean, room = Infinity): EmulatorResponse {
    const parsed = imagesRequest(body);
    if (isResponse(parsed)) {
      return parsed;
    }
    const { request, imageIds } = parsed;
    const projects = stringList(request, 'projects');
    if (isResponse(projects)) {
      return projects;
    }
    const bad = projects.find((p) => !PROJECT_ID.test(p));
    if (bad !== undefined) {
      return invalid(`The project ID ${bad} is invalid: 32 lower-case hexadecimal digits are required.`);
    }
    if (projects.includes(scope.project.id)) {
      return imsError(400, IMS_CODES.shareSelf, 'You cannot share an image with yourself: the project is the image\'s own.');
    }
    const images: ImsImage[] = [];
    for (const id of imageIds) {
      const image = ownImage(scope, id, { active: add });
      if (isResponse(image)) {
        return image;
      }
      images.push(image);
    }
    const adding = add ? images.reduce((n, i) => n + projects.filter((p) => !this.members.get(i.id)?.has(p)).length, 0) : 0;
    if (adding > room) {
      return imsError(400, IMS_CODES.sharedQuota, 'The quota of image members (image_member) is exceeded.');
    }
    const first = images[0];
    return this.jobs.start(scope, {
      operation: add ? 'BatchAddMembers' : 'BatchDeleteMembers',
      jobType: add ? 'imsAddImageMembersJob' : 'imsDelImageMembersJob',
      imageId: first?.id ?? '',
      imageName: first?.name ?? '',
      apply: (finishedAt) => {
        const at = isoSecond(finishedAt);
        for (const image of images) {
          // The image may have been deleted while the job ran.
          if (!scope.images.includes(image)) {
            continue;
          }
          const list = this.members.get(image.id) ?? new Map<string, MemberRecord>();
          for (const project of projects) {
            if (!add) {
              list.delete(project);
            } else if (!list.has(project)) {
              list.set(project, { status: 'pending', created_at: at, updated_at: at });
            }
          }
          this.members.set(image.id, list);
        }
      },
    });
  }
}
