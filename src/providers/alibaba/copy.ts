// Alibaba CopyImage: no task to follow; the new image (its ImageId is the answer) is followed in the
// destination region by its own DescribeImages Status and Progress (Waiting while the region's five
// copy slots are taken, Creating with a percentage, then Available, or CreateFailed). CancelCopyImage
// deletes an unfinished copy. Each is sent once; an unknown outcome is read back: a copy of that name
// being made in the destination region, or the cancelled copy gone.
import { randomUUID } from 'crypto';
import { num, str, timestamp, wrappedList, type Json } from '../shared/common';
import { checkCopy } from '../rules/copy';
import { ProviderError, outcomeUnknown } from '../core/errors';
import { assertValid } from '../rules/problems';
import type { CopyOperations, CopyRequest, StartedCopy } from '../core/copying';
import type { JobStart, JobState, JobStatus } from '../core/jobs';
import { Changes, type Found } from '../shared/reconcile';
import type { AlibabaRpcClient } from './client';
import { ALIBABA_MAX_PAGE_SIZE, imagesById } from './params';
import { ALIBABA_COPY_RULES, ALIBABA_MAX_CONCURRENT_COPIES } from './rules';

/** A copy's state from its image's Status: Waiting (queued), Creating, Available, CreateFailed / UnAvailable. */
export function copyState(status: string): JobState {
  switch (status) {
    case 'Waiting':
      return 'queued';
    case 'Available':
      return 'succeeded';
    case 'CreateFailed':
    case 'UnAvailable':
      return 'failed';
    default:
      return 'running';
  }
}

const ACTIVE = 'Waiting,Creating';

export class AlibabaCopying implements CopyOperations {
  readonly rules = ALIBABA_COPY_RULES;
  readonly maxConcurrentPerRegion = ALIBABA_MAX_CONCURRENT_COPIES;

  constructor(private readonly rpc: AlibabaRpcClient) {}

  /** CopyImage RegionId=<source> DestinationRegionId … -> the new image's ImageId, followed in the destination region. */
  async copyImage(regionId: string, imageId: string, request: CopyRequest, signal?: AbortSignal): Promise<StartedCopy> {
    assertValid(checkCopy(this.rules, regionId, request));
    const destination = request.destinationRegionId;
    const changes = new Changes();
    const job = await changes.run<JobStart>({
      kind: 'copy',
      imageIds: [imageId],
      send: async () => {
        const body = await this.rpc.mutate(
          'CopyImage',
          {
            RegionId: regionId,
            ImageId: imageId,
            DestinationRegionId: destination,
            DestinationImageName: request.name,
            ...(request.description ? { DestinationDescription: request.description } : {}),
            ...(request.encrypted ? { Encrypted: 'true' } : {}),
            ...(request.encrypted && request.kmsKeyId ? { KMSKeyId: request.kmsKeyId } : {}),
            // The cloud's own guard against a second copy for one action (the request is still sent once).
            ClientToken: randomUUID(),
          },
          signal,
          regionId,
        );
        const newId = str(body['ImageId']);
        if (!newId) {
          throw outcomeUnknown(new ProviderError({ cloud: 'alibaba', code: 'BadResponse', message: 'CopyImage answered without an ImageId.' }));
        }
        return { jobId: newId };
      },
      readBack: () => this.copyUnderWay(destination, request.name, signal),
    });
    return { ...changes.result(job), job, follow: 'image', followRegionId: destination, newImageId: job.jobId };
  }

  /** DescribeImages ImageId=<new ids> in their region: each copy's state and Progress. */
  async describeCopies(regionId: string, imageIds: readonly string[], signal?: AbortSignal): Promise<JobStatus[]> {
    const statuses: JobStatus[] = [];
    for (let i = 0; i < imageIds.length; i += ALIBABA_MAX_PAGE_SIZE) {
      const images = await imagesById(this.rpc, regionId, imageIds.slice(i, i + ALIBABA_MAX_PAGE_SIZE), signal);
      statuses.push(...images.map(copyStatus));
    }
    return statuses;
  }

  /** The copies running or waiting in a region: the account's own images Waiting or Creating that are copies (IsCopied). */
  async activeCopies(regionId: string, signal?: AbortSignal): Promise<number> {
    const body = await this.rpc.call(
      'DescribeImages',
      { RegionId: regionId, ImageOwnerAlias: 'self', Status: ACTIVE, PageSize: String(ALIBABA_MAX_PAGE_SIZE) },
      signal,
      regionId,
    );
    return wrappedList(body['Images'], 'Image').filter((i) => String(i['IsCopied']).toLowerCase() === 'true').length;
  }

  /** CancelCopyImage RegionId=<destination> ImageId=<new image>; after a lost reply, the copy gone is cancelled. */
  async cancelCopy(regionId: string, imageId: string, signal?: AbortSignal): Promise<void> {
    await new Changes().run({
      kind: 'cancel',
      imageIds: [imageId],
      send: async () => {
        await this.rpc.mutate('CancelCopyImage', { RegionId: regionId, ImageId: imageId }, signal, regionId);
        return undefined;
      },
      readBack: async () => ((await imagesById(this.rpc, regionId, [imageId], signal)).length ? undefined : { value: undefined }),
    });
  }

  /** After a lost CopyImage reply: the newest copy of that name waiting or being made in the destination region. */
  private async copyUnderWay(regionId: string, name: string, signal?: AbortSignal): Promise<Found<JobStart> | undefined> {
    const body = await this.rpc.call('DescribeImages', { RegionId: regionId, ImageName: name, ImageOwnerAlias: 'self', Status: ACTIVE }, signal, regionId);
    const copies = wrappedList(body['Images'], 'Image')
      .filter((i) => i['ImageName'] === name && String(i['IsCopied']).toLowerCase() === 'true')
      .sort((a, b) => String(b['CreationTime'] ?? '').localeCompare(String(a['CreationTime'] ?? '')));
    const id = str(copies[0]?.['ImageId']);
    return id ? { value: { jobId: id } } : undefined;
  }
}

function copyStatus(image: Json): JobStatus {
  const cloudState = String(image['Status'] ?? '');
  const state = copyState(cloudState);
  return {
    jobId: String(image['ImageId']),
    imageId: String(image['ImageId']),
    state,
    cloudState,
    percent: state === 'succeeded' ? 100 : state === 'queued' ? 0 : num(str(image['Progress'])?.replace('%', '')),
    startedAt: timestamp(image['CreationTime']),
  };
}
