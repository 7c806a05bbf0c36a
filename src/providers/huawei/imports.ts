// Huawei IMS image from an OBS file: the "create image" action (POST /v2/cloudimages/action) with
// image_url "bucket:object", name, os_version, min_disk (and cmk_id: encrypted with that KMS key) is an async job; its progress names the new
// image (entities.image_id) once IMS has made the record, which is read once right after the start.
// Sent once, without a token: after a lost reply nothing can tell which job it started (IMS lists no
// jobs), so the outcome stays unknown and the user is told what to check.
import { str } from '../shared/common';
import { ProviderError } from '../core/errors';
import { checkDataImage, checkImport } from '../rules/import';
import { assertValid } from '../rules/problems';
import type { DataImageRequest, ImportOperations, ImportRequest, ImportStarted } from '../core/importing';
import { Changes } from '../shared/reconcile';
import { segment, type HuaweiClient } from './client';
import { jobStartOf } from './jobs';
import { HUAWEI_IMPORT_RULES } from './rules';

export class HuaweiImporting implements ImportOperations {
  readonly rules = HUAWEI_IMPORT_RULES;

  constructor(private readonly client: HuaweiClient) {}

  async importImage(regionId: string, request: ImportRequest, signal?: AbortSignal): Promise<ImportStarted> {
    assertValid(checkImport(this.rules, request));
    const changes = new Changes();
    const job = await changes.run({
      kind: 'import',
      imageIds: [],
      send: async () => {
        const body = await this.client.ims('POST', regionId, '/v2/cloudimages/action', {
          body: {
            name: request.name,
            ...(request.description ? { description: request.description } : {}),
            image_url: `${request.bucket}:${request.object}`,
            os_version: request.platform,
            min_disk: request.diskSizeGiB,
            architecture: request.architecture,
            type: 'ECS',
            ...(request.kmsKeyId ? { cmk_id: request.kmsKeyId } : {}),
          },
          signal,
        });
        return jobStartOf(body, 'CreateImage');
      },
    });
    return { ...changes.result(job), job, imageId: await this.newImageId(regionId, job.jobId, signal) };
  }

  /**
   * A data disk image from an OBS file: `POST /v1/cloudimages/dataimages/action` {name, description,
   * image_url, min_disk, os_type, cmk_id} -> {job_id}, followed like an import (sent once).
   */
  async importDataImage(regionId: string, request: DataImageRequest, signal?: AbortSignal): Promise<ImportStarted> {
    assertValid(checkDataImage(this.rules, request));
    const changes = new Changes();
    const job = await changes.run({
      kind: 'import',
      imageIds: [],
      send: async () => {
        const body = await this.client.ims('POST', regionId, '/v1/cloudimages/dataimages/action', {
          body: {
            name: request.name,
            ...(request.description ? { description: request.description } : {}),
            image_url: `${request.bucket}:${request.object}`,
            min_disk: request.diskSizeGiB,
            os_type: request.osType ?? 'Linux',
            ...(request.kmsKeyId ? { cmk_id: request.kmsKeyId } : {}),
          },
          signal,
        });
        return jobStartOf(body, 'CreateDataImage');
      },
    });
    return { ...changes.result(job), job, imageId: await this.newImageId(regionId, job.jobId, signal) };
  }

  /** ShowJobProgress's entities.image_id, where the job has one yet; a failed read only leaves it unknown. */
  private async newImageId(regionId: string, jobId: string, signal?: AbortSignal): Promise<string | undefined> {
    try {
      const body = await this.client.ims('GET', regionId, `/v1/cloudimages/job/${segment(jobId)}`, { signal });
      const entities = typeof body['entities'] === 'object' && body['entities'] !== null ? (body['entities'] as Record<string, unknown>) : {};
      return str(entities['image_id']) || undefined;
    } catch (err) {
      if (err instanceof ProviderError && ProviderError.isAbort(err)) {
        throw err;
      }
      return undefined;
    }
  }
}
