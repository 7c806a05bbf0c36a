// Huawei IMS async jobs (ShowJobProgress, one job per call), export (a job) and delete (synchronous, per image).
// Neither change is idempotent or takes a token: each is sent once. After a lost reply a delete is
// settled by the image being gone; an export cannot be (IMS lists no jobs, and an image being exported
// looks no different), so its outcome stays unknown and the user is told what to check.
import { str, type Json } from '../shared/common';
import { ProviderError, outcomeUnknown } from '../core/errors';
import { assertValid } from '../rules/problems';
import { checkExport } from '../rules/cloud';
import type { Image } from '../core/model';
import type { ChangeResult, StartedJob } from '../core/changes';
import type { DeleteOperations, DeleteOptions } from '../core/deleting';
import type { ExportOperations, ExportRequest } from '../core/exporting';
import type { JobOperations, JobStart, JobStatus } from '../core/jobs';
import { Changes, imagesGone } from '../shared/reconcile';
import { CHANGES_IN_FLIGHT, eachBounded } from '../shared/bounded';
import { HUAWEI_CONCURRENCY, mapLimited, segment, type HuaweiClient } from './client';
import { mapJob } from './mapping';
import { huaweiExportChoice } from './exportChoice';
import { HUAWEI_EXPORT_RULES } from './rules';

/** The `{job_id}` an async IMS call answers with; without one the call was accepted but cannot be followed. */
export function jobStartOf(body: Json, operation: string): JobStart {
  const jobId = str(body['job_id']);
  if (!jobId) {
    throw outcomeUnknown(new ProviderError({ cloud: 'huawei', code: 'BadResponse', message: `${operation} answered without a job_id.` }));
  }
  return { jobId };
}

export class HuaweiJobs implements JobOperations {
  /** ShowJobProgress takes one job: the tracker polls the jobs nobody looks at less often. */
  readonly statusPerJob = true;

  constructor(private readonly client: HuaweiClient) {}

  /**
   * ShowJobProgress `GET /v1/cloudimages/job/{job_id}` for each job (IMS has no batch form), a few at a
   * time. A job IMS does not know (404) is left out; any other error fails the whole call.
   */
  async describeJobs(regionId: string, jobIds: readonly string[], signal?: AbortSignal): Promise<JobStatus[]> {
    const found = await mapLimited([...new Set(jobIds)], HUAWEI_CONCURRENCY, async (jobId) => {
      try {
        return mapJob(await this.client.ims('GET', regionId, `/v1/cloudimages/job/${segment(jobId)}`, { signal }));
      } catch (err) {
        if (err instanceof ProviderError && err.httpStatus === 404 && err.cloud === 'huawei') {
          return undefined;
        }
        throw err;
      }
    });
    return found.filter((s): s is JobStatus => s !== undefined);
  }
}

export class HuaweiExporting implements ExportOperations {
  readonly rules = HUAWEI_EXPORT_RULES;
  readonly exportChoice = huaweiExportChoice;

  constructor(private readonly client: HuaweiClient) {}

  /**
   * `POST /v1/cloudimages/{image_id}/file` `{bucket_url: "bucket:object", file_format, is_quick_export: false}` -> `{job_id}`;
   * a fast export is `{bucket_url, is_quick_export: true}` (file_format must then be left out).
   */
  async exportImage(regionId: string, imageId: string, request: ExportRequest, signal?: AbortSignal): Promise<StartedJob> {
    assertValid(checkExport(this.rules, request));
    const changes = new Changes();
    const job = await changes.run({
      kind: 'export',
      imageIds: [imageId],
      send: async () => {
        const body = await this.client.ims('POST', regionId, `/v1/cloudimages/${segment(imageId)}/file`, {
          body: request.quick
            ? { bucket_url: `${request.bucket}:${request.object}`, is_quick_export: true }
            : { bucket_url: `${request.bucket}:${request.object}`, file_format: request.format, is_quick_export: false },
          signal,
        });
        return jobStartOf(body, 'ExportImage');
      },
      // No readBack: IMS has no job listing to find the job by, and the image's state does not show an export.
    });
    return { ...changes.result(job), job };
  }
}

export class HuaweiDeleting implements DeleteOperations {
  /** IMS has no force flag (`delete_backup` is about whole-ECS images' backups, not images in use). */
  readonly supportsForce = false;
  readonly deletesBackups = true;

  constructor(
    private readonly client: HuaweiClient,
    private readonly getImage: (regionId: string, imageId: string, signal?: AbortSignal) => Promise<Image | undefined>,
  ) {}

  /**
   * `DELETE /v2/images/{image_id}` (204) per image, CHANGES_IN_FLIGHT at a time and fewer while the cloud
   * throttles: IMS has no batch delete. Synchronous. After a lost reply an image gone is deleted (a second
   * DELETE would have answered 404). An image the cloud refuses is reported in `failed`; the others go on.
   */
  async deleteImages(regionId: string, imageIds: readonly string[], options: DeleteOptions, signal?: AbortSignal): Promise<ChangeResult> {
    const changes = new Changes();
    const withBackup = new Set(options.deleteBackupOf ?? []);
    await eachBounded([...new Set(imageIds)], CHANGES_IN_FLIGHT, (imageId, throttled) =>
      changes.attempt({
        kind: 'delete',
        imageIds: [imageId],
        send: async () => {
          // A whole-machine image's backup goes too only when asked (`delete_backup`, default false).
          const body = withBackup.has(imageId) ? { body: { delete_backup: true } } : {};
          await this.client.ims('DELETE', regionId, `/v2/images/${segment(imageId)}`, { signal, onThrottled: throttled, ...body });
          return undefined;
        },
        readBack: () => imagesGone(this.getImage, regionId, [imageId], signal),
      }),
    );
    return changes.result();
  }
}
