// QingCloud DeleteImages (one job for a batch) and DescribeJobs (status words only, no percentage).
// DeleteImages is sent once; after a lost reply the running job that deletes the images is found with
// DescribeJobs, or the images are seen gone already.
import { batches, str } from '../shared/common';
import { ProviderError, outcomeUnknown } from '../core/errors';
import type { Image } from '../core/model';
import type { ChangeResult } from '../core/changes';
import type { DeleteOperations, DeleteOptions } from '../core/deleting';
import type { JobOperations, JobStart, JobStatus, ListedJob } from '../core/jobs';
import { Changes, imagesGone, type Change, type Found } from '../shared/reconcile';
import { CHANGES_IN_FLIGHT, eachBounded } from '../shared/bounded';
import { QINGCLOUD_MAX_LIMIT, describeAll, indexed, type QingcloudClient } from './client';
import { mapJob } from './mapping';

/**
 * Images per DeleteImages call: QingCloud refuses more than 100 images.N at once. A larger selection is
 * split into calls of at most this many (CHANGES_IN_FLIGHT of them at a time), each with its own job.
 */
export const QINGCLOUD_DELETE_BATCH = 100;

export class QingcloudDeleting implements DeleteOperations {
  /** QingCloud has no force flag; DeleteImages wants images that are available. */
  readonly supportsForce = false;

  constructor(
    private readonly client: QingcloudClient,
    private readonly getImage: (zone: string, imageId: string, signal?: AbortSignal) => Promise<Image | undefined>,
  ) {}

  /**
   * DeleteImages over batches of QINGCLOUD_DELETE_BATCH. One batch answers with its job (`job`); several
   * tie each image to its own batch's job (`jobs`).
   */
  async deleteImages(zone: string, imageIds: readonly string[], _options: DeleteOptions, signal?: AbortSignal): Promise<ChangeResult> {
    const ids = [...new Set(imageIds)];
    const changes = new Changes();
    const runs = batches(ids, QINGCLOUD_DELETE_BATCH);
    let only: JobStart | undefined;
    await eachBounded(runs, CHANGES_IN_FLIGHT, async (run, throttled) => {
      const job = await this.deleteBatch(changes, zone, run, throttled, signal);
      if (job && runs.length === 1) {
        only = job;
      } else if (job) {
        run.forEach((id) => changes.addJob(id, job));
      }
    });
    return changes.result(only);
  }

  private deleteBatch(changes: Changes, zone: string, ids: readonly string[], throttled: () => void, signal?: AbortSignal): Promise<JobStart | undefined> {
    const send = (batch: readonly string[]): Change<JobStart | undefined> => ({
      kind: 'delete',
      imageIds: batch,
      send: async () => {
        const body = await this.client.mutate('DeleteImages', indexed('images', batch), signal, zone, throttled);
        const jobId = str(body['job_id']);
        if (!jobId) {
          throw outcomeUnknown(new ProviderError({ cloud: 'qingcloud', code: 'BadResponse', message: 'DeleteImages answered without a job_id.' }));
        }
        return { jobId };
      },
      readBack: () => this.deletion(zone, batch, signal),
    });
    // The cloud refuses the whole call for one image it cannot delete: then each image goes alone (those
    // not gone already), each with its own job, and only the refused ones fail.
    return changes.attemptBatch<JobStart | undefined>(
      {
        ...send(ids),
        applied: async (id) => (await imagesGone(this.getImage, zone, [id], signal)) !== undefined,
        single: (id) => send([id]),
      },
      (id, single) => {
        if (single) {
          changes.addJob(id, single);
        }
      },
    );
  }

  /**
   * After a lost DeleteImages reply: the pending or working DeleteImages job whose resources include
   * every image (the one it started), or, with no such job, every image already deleted (no job left to follow).
   */
  private async deletion(zone: string, ids: readonly string[], signal?: AbortSignal): Promise<Found<JobStart | undefined> | undefined> {
    const running = await describeAll(this.client, 'DescribeJobs', indexed('status', ['pending', 'working']), 'job_set', zone, signal);
    const job = running.find((j) => {
      const resources = new Set(String(j['resource_ids'] ?? '').split(/[\s,]+/));
      return j['job_action'] === 'DeleteImages' && ids.every((id) => resources.has(id));
    });
    const jobId = str(job?.['job_id']);
    return jobId ? { value: { jobId } } : imagesGone(this.getImage, zone, ids, signal);
  }
}

export class QingcloudJobs implements JobOperations {
  constructor(private readonly client: QingcloudClient) {}

  /**
   * DescribeJobs status.1=pending status.2=working (every page): the zone's running jobs, whoever started
   * them; the CloneImages ones (copies: resource_ids lists the image, then its clone) are kept.
   */
  async listRunning(zone: string, signal?: AbortSignal): Promise<ListedJob[]> {
    const running = await describeAll(this.client, 'DescribeJobs', indexed('status', ['pending', 'working']), 'job_set', zone, signal);
    return running
      .filter((j) => j['job_action'] === 'CloneImages')
      .map((j) => {
        const [imageId, newImageId] = String(j['resource_ids'] ?? '').split(/[\s,]+/).filter(Boolean);
        return { ...mapJob(j), kind: 'copy' as const, cloudAction: 'CloneImages', ...(imageId ? { imageId } : {}), ...(newImageId ? { newImageId } : {}) };
      });
  }

  async describeJobs(zone: string, jobIds: readonly string[], signal?: AbortSignal): Promise<JobStatus[]> {
    const statuses: JobStatus[] = [];
    for (const run of batches([...new Set(jobIds)], QINGCLOUD_MAX_LIMIT)) {
      const set = await describeAll(this.client, 'DescribeJobs', indexed('jobs', run), 'job_set', zone, signal);
      statuses.push(...set.map(mapJob));
    }
    return statuses;
  }
}
