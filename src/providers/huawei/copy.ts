// Huawei IMS copies, both async jobs followed by ShowJobProgress in the source region: within the
// region `POST /v1/cloudimages/{image_id}/copy` {name, description}, to another region
// `POST /v1/cloudimages/{image_id}/cross_region_copy` {name, description, region, project_name,
// agency_name} (the destination project is named after its region, as IAM names default projects).
// The job's entities.image_id is the new image. Sent once; like an export, a lost reply cannot be
// read back (IMS lists no jobs, and the copy appears only when it is done), so it stays unknown.
import { checkCopy } from '../rules/copy';
import { assertValid } from '../rules/problems';
import type { CopyOperations, CopyRequest, StartedCopy } from '../core/copying';
import { Changes } from '../shared/reconcile';
import { segment, type HuaweiClient } from './client';
import { jobStartOf } from './jobs';
import { HUAWEI_COPY_RULES } from './rules';
import { HUAWEI_REGIONS } from './regions';

export class HuaweiCopying implements CopyOperations {
  readonly rules = HUAWEI_COPY_RULES;

  constructor(private readonly client: HuaweiClient) {}

  async copyImage(regionId: string, imageId: string, request: CopyRequest, signal?: AbortSignal): Promise<StartedCopy> {
    assertValid(checkCopy(this.rules, regionId, request));
    // IMS's regions are a fixed table: a destination outside it (a typed one) is refused before any request.
    if (!HUAWEI_REGIONS.some((r) => r.id === request.destinationRegionId)) {
      assertValid({ code: 'unknownRegion', regionId: request.destinationRegionId });
    }
    const across = request.destinationRegionId !== regionId;
    const description = request.description ? { description: request.description } : {};
    const changes = new Changes();
    const job = await changes.run({
      kind: 'copy',
      imageIds: [imageId],
      send: async () => {
        const body = across
          ? await this.client.ims('POST', regionId, `/v1/cloudimages/${segment(imageId)}/cross_region_copy`, {
              body: {
                name: request.name,
                ...description,
                region: request.destinationRegionId,
                project_name: request.destinationRegionId,
                agency_name: request.agencyName ?? '',
              },
              signal,
            })
          : await this.client.ims('POST', regionId, `/v1/cloudimages/${segment(imageId)}/copy`, {
              body: { name: request.name, ...description, ...(request.kmsKeyId ? { cmk_id: request.kmsKeyId } : {}) },
              signal,
            });
        return jobStartOf(body, across ? 'CopyImageCrossRegion' : 'CopyImageInRegion');
      },
    });
    return { ...changes.result(job), job, follow: 'job', followRegionId: regionId };
  }
}
