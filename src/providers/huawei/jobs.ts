// Huawei IMS async jobs (ShowJobProgress, one job per call), export (a job) and delete (synchronous, per image).
import { str, type Json } from '../common';
import { ProviderError } from '../errors';
import { assertValid, checkExport } from '../input';
import type { DeleteOperations, DeleteOptions, ExportOperations, ExportRequest, JobOperations, JobStart, JobStatus } from '../operations';
import { HUAWEI_CONCURRENCY, mapLimited, segment, type HuaweiClient } from './client';
import { mapJob } from './mapping';
import { HUAWEI_EXPORT_RULES } from './rules';

/** The `{job_id}` an async IMS call answers with. */
export function jobStartOf(body: Json, operation: string): JobStart {
  const jobId = str(body['job_id']);
  if (!jobId) {
    throw new ProviderError({ cloud: 'huawei', code: 'BadResponse', message: `${operation} answered without a job_id.` });
  }
  return { jobId };
}

export class HuaweiJobs implements JobOperations {
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

  constructor(private readonly client: HuaweiClient) {}

  /** `POST /v1/cloudimages/{image_id}/file` `{bucket_url: "bucket:object", file_format, is_quick_export: false}` -> `{job_id}`. */
  async exportImage(regionId: string, imageId: string, request: ExportRequest, signal?: AbortSignal): Promise<JobStart> {
    assertValid(checkExport(this.rules, request));
    const body = await this.client.ims('POST', regionId, `/v1/cloudimages/${segment(imageId)}/file`, {
      body: { bucket_url: `${request.bucket}:${request.object}`, file_format: request.format, is_quick_export: false },
      signal,
    });
    return jobStartOf(body, 'ExportImage');
  }
}

export class HuaweiDeleting implements DeleteOperations {
  /** IMS has no force flag (`delete_backup` is about whole-ECS images' backups, not images in use). */
  readonly supportsForce = false;

  constructor(private readonly client: HuaweiClient) {}

  /** `DELETE /v2/images/{image_id}` (204) per image, a few at a time: IMS has no batch delete. Synchronous. */
  async deleteImages(regionId: string, imageIds: readonly string[], _options: DeleteOptions, signal?: AbortSignal): Promise<undefined> {
    await mapLimited([...new Set(imageIds)], HUAWEI_CONCURRENCY, (imageId) => this.client.ims('DELETE', regionId, `/v2/images/${segment(imageId)}`, { signal }));
    return undefined;
  }
}
