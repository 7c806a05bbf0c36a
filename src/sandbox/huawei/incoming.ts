// Images other projects shared with the sandbox's project, and its answers. Each region with images also
// has a few images shared *to* the project: pending (waiting for an answer) and one rejected. Glance's
// rule decides what ListImages shows: a shared image only with the member status asked for
// (`member_status`, default accepted). BatchUpdateMembers (`PUT /v1/cloudimages/members`
// `{images, project_id, status}`) answers for the receiving project as an async job.
import { Random } from '../random';
import type { EmulatorResponse } from '../types';
import { uuidFrom, type ImsImage } from './data';
import type { HuaweiImsJobs } from './jobs';
import { IMS_CODES, imagesRequest, imsError, invalid, isResponse } from './replies';
import type { Scope } from './world';

export type MemberStatus = 'pending' | 'accepted' | 'rejected';

const HEX = '0123456789abcdef';
const SOURCES = ['golden-base (from the platform team)', '共享-安全加固基础镜像', 'ci-runner image of project ops', 'data-pipeline worker'];

export class HuaweiIncoming {
  /** image id -> this project's member status; a shared image not listed here is accepted. */
  private readonly status = new Map<string, MemberStatus>();

  constructor(private readonly jobs: HuaweiImsJobs) {}

  /** Five pending images and one rejected, shared to the region's project by other projects (seeded apart from the region's own data). */
  generate(seed: string, regionId: string, template: ImsImage | undefined): ImsImage[] {
    if (!template) {
      return [];
    }
    const rnd = new Random(`${seed}/huawei/${regionId}/incoming`);
    const out: ImsImage[] = [];
    (['pending', 'pending', 'pending', 'pending', 'pending', 'rejected'] as const).forEach((status, n) => {
      const id = uuidFrom(rnd);
      out.push({
        ...template,
        id,
        name: `${SOURCES[n % SOURCES.length] ?? 'shared'}-${n + 1}`,
        status: 'active',
        visibility: 'shared',
        owner: rnd.chars(HEX, 32),
        __imagetype: 'shared',
        protected: false,
        tags: [],
        self: `/v2/images/${id}`,
        file: `/v2/images/${id}/file`,
        __productcode: '',
      });
      this.status.set(id, status);
    });
    return out;
  }

  statusOf(image: ImsImage): MemberStatus | undefined {
    return image.__imagetype === 'shared' ? (this.status.get(image.id) ?? 'accepted') : undefined;
  }

  /** Whether ListImages shows the image for this `member_status` (null: the default, accepted only for shared images). */
  visible(image: ImsImage, memberStatus: string | null): boolean {
    const status = this.statusOf(image);
    if (memberStatus === null) {
      return status === undefined || status === 'accepted';
    }
    return status === memberStatus;
  }

  accepted(scope: Scope): number {
    return scope.images.filter((i) => this.statusOf(i) === 'accepted').length;
  }

  /** BatchUpdateMembers; `room` says how many more shared images the image_shared quota takes. */
  update(scope: Scope, body: string, room: number): EmulatorResponse {
    const parsed = imagesRequest(body);
    if (isResponse(parsed)) {
      return parsed;
    }
    const { request, imageIds } = parsed;
    const status = request['status'];
    if (status !== 'accepted' && status !== 'rejected') {
      return invalid('The parameter status is invalid: accepted or rejected.');
    }
    if (request['project_id'] !== scope.project.id) {
      return invalid('The parameter project_id is invalid: it must be the project of the request.');
    }
    const images: ImsImage[] = [];
    for (const id of imageIds) {
      const image = scope.images.find((i) => i.id === id && i.__imagetype === 'shared');
      if (!image) {
        return imsError(404, IMS_CODES.imageNotFound, `The image ${id} is not shared with the project.`);
      }
      images.push(image);
    }
    const newlyAccepted = images.filter((i) => this.statusOf(i) !== 'accepted').length;
    if (status === 'accepted' && newlyAccepted > room) {
      return imsError(400, IMS_CODES.sharedQuota, 'The quota of shared images (image_shared) is exceeded.');
    }
    const first = images[0];
    return this.jobs.start(scope, {
      operation: 'BatchUpdateMembers',
      jobType: 'imsUpdateImageMembersJob',
      imageId: first?.id ?? '',
      imageName: first?.name ?? '',
      apply: () => images.forEach((i) => this.status.set(i.id, status)),
    });
  }
}
