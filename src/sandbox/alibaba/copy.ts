// CopyImage, CancelCopyImage and CancelTask in the sandbox. A copy is a new image in the destination
// region at once (IsCopied), Waiting while five copies already run there (the cloud's documented
// ceiling; the rest queue), then Creating with its Progress on the shared job clock, then Available —
// or CreateFailed when the fault plan fails the job (operation "CopyImage"). CancelCopyImage deletes an
// unfinished copy; CancelTask ends a waiting or running export task as Cancelled.
import { ALIBABA_COPY_RULES, ALIBABA_MAX_CONCURRENT_COPIES } from '../../providers/alibaba/rules';
import type { SandboxJob } from '../jobs';
import type { EmulatorResponse } from '../types';
import { ECS_REGIONS, type EcsImage } from './data';
import { alibabaError, dryRun, flag, isResponse, isoSecond, ok, type Params } from './params';
import { regionKeys } from './kms';
import { regionTask } from './tasks';
import type { EcsWorld } from './world';

export interface CopyEntry {
  readonly regionId: string;
  readonly image: EcsImage;
  /** Started once a slot of the destination region is free (FIFO). */
  job?: SandboxJob;
  cancelled: boolean;
}

/** Ids minted per ClientToken: the same token gets the same copy (the cloud's idempotence). */
const byToken = new WeakMap<EcsWorld, Map<string, string>>();

export function copyImage(world: EcsWorld, params: Params): EmulatorResponse {
  const source = world.regionAndOwnImage(params);
  if (isResponse(source)) {
    return source;
  }
  const { region, image } = source;
  const destinationId = params['DestinationRegionId'] || region.RegionId;
  if (!ECS_REGIONS.some((r) => r.RegionId === destinationId)) {
    return alibabaError(404, 'InvalidRegionId.NotFound', 'The specified DestinationRegionId does not exist.');
  }
  const name = params['DestinationImageName'] ?? '';
  if (name && ALIBABA_COPY_RULES.checkName(name)) {
    return alibabaError(400, 'InvalidImageName.Malformed', 'The specified destination Image name is wrongly formed.');
  }
  const description = params['DestinationDescription'] ?? '';
  if (description && ALIBABA_COPY_RULES.checkDescription?.(description)) {
    return alibabaError(400, 'InvalidDescription.Malformed', 'The specified description is wrongly formed.');
  }
  const kmsKeyId = params['KMSKeyId'];
  if (kmsKeyId !== undefined && !flag(params, 'Encrypted')) {
    return alibabaError(400, 'InvalidParameter.KMSKeyId', 'KMSKeyId can be given only with Encrypted=true.');
  }
  if (kmsKeyId !== undefined && !regionKeys(world, destinationId).some((k) => k.KeyId === kmsKeyId)) {
    return alibabaError(404, 'InvalidKMSKeyId.NotFound', 'The specified KMSKeyId is not found in the destination region.');
  }
  if (image.Status !== 'Available') {
    return alibabaError(403, 'IncorrectImageStatus', 'The current status of the image does not support this operation.');
  }
  const dry = dryRun(params);
  if (dry) {
    return dry;
  }
  const tokens = byToken.get(world) ?? new Map<string, string>();
  byToken.set(world, tokens);
  const token = params['ClientToken'];
  const earlier = token ? tokens.get(token) : undefined;
  if (earlier) {
    return ok({ ImageId: earlier });
  }
  const copy: EcsImage = {
    ...image,
    ImageId: world.newImageId(destinationId),
    ImageName: name || image['ImageName'],
    Description: description,
    Status: 'Waiting',
    Progress: '0%',
    IsCopied: true,
    IsSelfShared: 'False',
    CreationTime: isoSecond(world.now()),
    Tags: { Tag: [] },
    DiskDeviceMappings: { DiskDeviceMapping: [{ Device: '/dev/xvda', Size: String(image['Size']), Type: 'system', Format: '', Progress: '0%', Encrypted: String(flag(params, 'Encrypted')) }] },
  };
  world.regionImages(destinationId)?.push(copy);
  world.copies.push({ regionId: destinationId, image: copy, cancelled: false });
  if (token) {
    tokens.set(token, copy.ImageId);
  }
  settleCopies(world);
  return ok({ ImageId: copy.ImageId });
}

/**
 * Brings every copy's image up to date with the clock: starts waiting copies while their region has a
 * free slot, writes Status and Progress. True when a status changed (listings must be recomputed).
 */
export function settleCopies(world: EcsWorld): boolean {
  let changed = false;
  for (let pass = 0; pass < 2; pass++) {
    for (const entry of world.copies) {
      if (entry.cancelled) {
        continue;
      }
      if (!entry.job) {
        const running = world.copies.filter((c) => c.regionId === entry.regionId && c.job && !c.cancelled && !world.clock.snapshot(c.job).finishedAt).length;
        if (running >= ALIBABA_MAX_CONCURRENT_COPIES) {
          continue;
        }
        entry.job = world.clock.start('alibaba', 'CopyImage', entry.image.ImageId);
      }
      const snap = world.clock.snapshot(entry.job);
      const status = snap.phase === 'succeeded' ? 'Available' : snap.phase === 'failed' ? 'CreateFailed' : snap.phase === 'queued' ? 'Waiting' : 'Creating';
      changed ||= entry.image.Status !== status;
      entry.image.Status = status;
      entry.image['Progress'] = `${snap.percent}%`;
    }
  }
  return changed;
}

/** CancelCopyImage RegionId=<destination> ImageId=<copy>: deletes the unfinished copy. */
export function cancelCopyImage(world: EcsWorld, params: Params): EmulatorResponse {
  const target = world.regionAnd(params, 'ImageId');
  if (isResponse(target)) {
    return target;
  }
  const { region, value: id } = target;
  const image = world.ownImage(region.RegionId, id);
  if (isResponse(image)) {
    return image;
  }
  const entry = world.copies.find((c) => c.image.ImageId === id && c.regionId === region.RegionId && !c.cancelled);
  if (!entry) {
    return alibabaError(400, 'ImageCreatedNotFromCopy', 'The specified image is not the target image of a copy action.');
  }
  if (image.Status === 'Available') {
    return alibabaError(400, 'IncorrectImageStatus', 'The image is copied finished.');
  }
  if (image.Status === 'CreateFailed') {
    return alibabaError(400, 'IncorrectImageStatus', 'The Image copy has been failed.');
  }
  entry.cancelled = true;
  world.removeImage(region.RegionId, id);
  return ok();
}

/**
 * CancelTask RegionId TaskId: a waiting or running ImportImage or ExportImage task ends Cancelled; a
 * finished one cannot be (InvalidTaskId.IncorrectTaskStatus, as documented). The documentation does not
 * say what a cancel leaves behind; the sandbox leaves nothing: the image an import was making is gone,
 * and so is the file an export had begun to write.
 */
export function cancelTask(world: EcsWorld, params: Params): EmulatorResponse {
  const found = regionTask(world, params);
  if (isResponse(found)) {
    return found;
  }
  const { entry } = found;
  const id = entry.job.id;
  if (entry.job.operation !== 'ImportImage' && entry.job.operation !== 'ExportImage') {
    return alibabaError(403, 'InvalidTaskId.TaskActionNotSupport', 'The specified task action not support.');
  }
  if (world.cancelledAt(id) !== undefined || world.clock.snapshot(entry.job).finishedAt !== undefined) {
    return alibabaError(403, 'InvalidTaskId.IncorrectTaskStatus', 'The specified task status is invalid.');
  }
  world.cancelTask(id);
  if (entry.job.operation === 'ImportImage') {
    const at = world.importing.findIndex((i) => i.job.id === id);
    if (at >= 0) {
      world.importing.splice(at, 1);
    }
    world.removeImage(entry.data.regionId, entry.data.imageId);
  } else {
    const store = world.keys.storage?.stores.alibaba;
    if (entry.data.written && store?.buckets.get(entry.data.bucket)?.objects.has(entry.data.written)) {
      store.deleteObject(entry.data.bucket, entry.data.written);
    }
  }
  return ok();
}
