// Alibaba ImportImage: an image file in an OSS bucket of the region becomes a custom image. The call
// answers the new ImageId and an ImportImage task (DescribeTasks follows it like an export's). Sent once;
// after a lost reply, an image of that name still being made, and its running ImportImage task, settle it.
import { randomUUID } from 'crypto';
import { str, wrappedList } from '../shared/common';
import { ProviderError, outcomeUnknown } from '../core/errors';
import { checkImport } from '../rules/import';
import { assertValid } from '../rules/problems';
import type { ImportOperations, ImportRequest, ImportStarted } from '../core/importing';
import { Changes, type Found } from '../shared/reconcile';
import type { AlibabaRpcClient } from './client';
import { allPages } from './params';
import { ALIBABA_IMPORT_RULES } from './rules';
import { taskState } from './tasks';

/** The data disks as DiskDeviceMapping.2..N (OSSBucket, OSSObject, Format, DiskImageSize each). */
function dataDiskParams(request: ImportRequest): Record<string, string> {
  const params: Record<string, string> = {};
  (request.dataDisks ?? []).forEach((d, i) => {
    const n = `DiskDeviceMapping.${i + 2}`;
    params[`${n}.OSSBucket`] = d.bucket;
    params[`${n}.OSSObject`] = d.object;
    params[`${n}.Format`] = d.format ?? 'RAW';
    params[`${n}.DiskImageSize`] = String(d.sizeGiB);
  });
  return params;
}

interface Imported {
  readonly jobId: string;
  readonly imageId?: string;
}

export class AlibabaImporting implements ImportOperations {
  readonly rules = ALIBABA_IMPORT_RULES;

  constructor(private readonly rpc: AlibabaRpcClient) {}

  /**
   * ImportImage with the system disk's DiskDeviceMapping.1 (OSSBucket, OSSObject, Format, DiskImageSize) and
   * any data disks' DiskDeviceMapping.2..N,
   * ImageName, Description, Platform, OSType and Architecture; a ClientToken, so that the cloud itself
   * would take a repeat as the same request.
   */
  async importImage(regionId: string, request: ImportRequest, signal?: AbortSignal): Promise<ImportStarted> {
    assertValid(checkImport(this.rules, request));
    const changes = new Changes();
    const params: Record<string, string> = {
      RegionId: regionId,
      ImageName: request.name,
      ...(request.description ? { Description: request.description } : {}),
      Platform: request.platform,
      OSType: request.osType ?? 'linux',
      Architecture: request.architecture,
      'DiskDeviceMapping.1.OSSBucket': request.bucket,
      'DiskDeviceMapping.1.OSSObject': request.object,
      'DiskDeviceMapping.1.Format': request.format ?? 'RAW',
      'DiskDeviceMapping.1.DiskImageSize': String(request.diskSizeGiB),
      ...dataDiskParams(request),
      ClientToken: randomUUID(),
    };
    const started = await changes.run<Imported>({
      kind: 'import',
      imageIds: [],
      send: async () => {
        const body = await this.rpc.mutate('ImportImage', params, signal, regionId);
        const jobId = str(body['TaskId']);
        if (!jobId) {
          throw outcomeUnknown(new ProviderError({ cloud: 'alibaba', code: 'BadResponse', message: 'ImportImage answered without a TaskId.' }));
        }
        return { jobId, imageId: str(body['ImageId']) };
      },
      readBack: () => this.importing(regionId, request.name, signal),
    });
    return { ...changes.result({ jobId: started.jobId }), job: { jobId: started.jobId }, imageId: started.imageId };
  }

  /** An own image of that exact name still being made (Waiting or Creating), and its running ImportImage task. */
  private async importing(regionId: string, name: string, signal?: AbortSignal): Promise<Found<Imported> | undefined> {
    const body = await this.rpc.call(
      'DescribeImages',
      { RegionId: regionId, ImageName: name, ImageOwnerAlias: 'self', Status: 'Waiting,Creating', PageSize: '100' },
      signal,
      regionId,
    );
    const image = wrappedList(body['Images'], 'Image').find((i) => i['ImageName'] === name);
    const imageId = str(image?.['ImageId']);
    if (!imageId) {
      return undefined;
    }
    const tasks = await allPages(
      this.rpc,
      'DescribeTasks',
      { RegionId: regionId, TaskAction: 'ImportImage', 'ResourceIds.1': imageId },
      regionId,
      (b) => wrappedList(b['TaskSet'], 'Task'),
      signal,
    );
    const running = tasks.find((t) => ['queued', 'running'].includes(taskState(String(t['TaskStatus'] ?? ''))));
    const jobId = str(running?.['TaskId']);
    return jobId ? { value: { jobId, imageId } } : undefined;
  }
}
