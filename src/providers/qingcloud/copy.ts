// QingCloud CloneImages: a clone within the image's zone (count 1, image_name), answered with the new
// image id (images[]) and the job that makes it (DescribeJobs). Sent once; after a lost reply the
// CloneImages job still pending or working on the image is found with DescribeJobs.
import { str } from '../shared/common';
import { checkCopy } from '../rules/copy';
import { ProviderError, outcomeUnknown } from '../core/errors';
import { assertValid } from '../rules/problems';
import type { CopyOperations, CopyRequest, StartedCopy } from '../core/copying';
import { Changes, type Found } from '../shared/reconcile';
import { describeAll, indexed, type QingcloudClient } from './client';
import { QINGCLOUD_COPY_RULES } from './rules';

interface Clone {
  readonly jobId: string;
  readonly newImageId?: string;
}

/** The ids of a space- or comma-separated resource_ids. */
function resources(j: Readonly<Record<string, unknown>>): string[] {
  return String(j['resource_ids'] ?? '').split(/[\s,]+/).filter(Boolean);
}

export class QingcloudCopying implements CopyOperations {
  readonly rules = QINGCLOUD_COPY_RULES;

  constructor(private readonly client: QingcloudClient) {}

  async copyImage(zone: string, imageId: string, request: CopyRequest, signal?: AbortSignal): Promise<StartedCopy> {
    assertValid(checkCopy(this.rules, zone, request));
    const changes = new Changes();
    const clone = await changes.run<Clone>({
      kind: 'copy',
      imageIds: [imageId],
      send: async () => {
        const body = await this.client.mutate('CloneImages', { image: imageId, count: '1', image_name: request.name }, signal, zone);
        const jobId = str(body['job_id']);
        if (!jobId) {
          throw outcomeUnknown(new ProviderError({ cloud: 'qingcloud', code: 'BadResponse', message: 'CloneImages answered without a job_id.' }));
        }
        const images = Array.isArray(body['images']) ? body['images'].map(String) : [];
        return { jobId, newImageId: images[0] };
      },
      readBack: () => this.cloneUnderWay(zone, imageId, signal),
    });
    const { jobId, newImageId } = clone;
    return { ...changes.result({ jobId }), job: { jobId }, follow: 'job', followRegionId: zone, ...(newImageId ? { newImageId } : {}) };
  }

  /** The newest pending or working CloneImages job whose resources include the image (and, after it, the clone's id). */
  private async cloneUnderWay(zone: string, imageId: string, signal?: AbortSignal): Promise<Found<Clone> | undefined> {
    const running = await describeAll(this.client, 'DescribeJobs', indexed('status', ['pending', 'working']), 'job_set', zone, signal);
    const job = running.find((j) => j['job_action'] === 'CloneImages' && resources(j).includes(imageId));
    const jobId = str(job?.['job_id']);
    if (!job || !jobId) {
      return undefined;
    }
    const newImageId = resources(job).find((id) => id !== imageId);
    return { value: { jobId, ...(newImageId ? { newImageId } : {}) } };
  }
}
