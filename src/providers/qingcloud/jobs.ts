// QingCloud DeleteImages (one job for a batch) and DescribeJobs (status words only, no percentage).
import { batches, str } from '../common';
import { ProviderError } from '../errors';
import type { DeleteOperations, DeleteOptions, JobOperations, JobStart, JobStatus } from '../operations';
import { QINGCLOUD_MAX_LIMIT, describeAll, indexed, type QingcloudClient } from './client';
import { mapJob } from './mapping';

/**
 * Images per DeleteImages call. QingCloud documents no ceiling of its own for images.N; 100 is its
 * usual list limit. One call gives one job for the whole batch, and the caller ties every image to
 * that job, so a larger selection is refused before any request rather than split into jobs that
 * could not all be returned.
 */
export const QINGCLOUD_DELETE_BATCH = 100;

export class QingcloudDeleting implements DeleteOperations {
  /** QingCloud has no force flag; DeleteImages wants images that are available. */
  readonly supportsForce = false;

  constructor(private readonly client: QingcloudClient) {}

  async deleteImages(zone: string, imageIds: readonly string[], _options: DeleteOptions, signal?: AbortSignal): Promise<JobStart | undefined> {
    const ids = [...new Set(imageIds)];
    if (ids.length > QINGCLOUD_DELETE_BATCH) {
      throw new ProviderError({
        cloud: 'local',
        code: 'TooManyImages',
        message: `QingCloud deletes at most ${QINGCLOUD_DELETE_BATCH} images at once; ${ids.length} were selected.`,
      });
    }
    if (!ids.length) {
      return undefined;
    }
    const body = await this.client.call('DeleteImages', indexed('images', ids), signal, zone);
    const jobId = str(body['job_id']);
    if (!jobId) {
      throw new ProviderError({ cloud: 'qingcloud', code: 'BadResponse', message: 'DeleteImages answered without a job_id.' });
    }
    return { jobId };
  }
}

export class QingcloudJobs implements JobOperations {
  constructor(private readonly client: QingcloudClient) {}

  async describeJobs(zone: string, jobIds: readonly string[], signal?: AbortSignal): Promise<JobStatus[]> {
    const statuses: JobStatus[] = [];
    for (const run of batches([...new Set(jobIds)], QINGCLOUD_MAX_LIMIT)) {
      const set = await describeAll(this.client, 'DescribeJobs', indexed('jobs', run), 'job_set', zone, signal);
      statuses.push(...set.map(mapJob));
    }
    return statuses;
  }
}
