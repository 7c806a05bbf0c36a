// ImportImage in the sandbox: DiskDeviceMapping.1 (OSSBucket, OSSObject, Format, DiskImageSize), ImageName,
// Description, Platform, OSType, Architecture, ClientToken, DryRun. The new image is listed at once
// ("Waiting", then "Creating" with its Progress) and is "Available" when its ImportImage task (on the
// shared job clock, followed by DescribeTasks) finishes, or "CreateFailed" when it fails. A repeated
// ClientToken answers the first request's ImageId and TaskId. Any bucket and object exist except those
// named missing-*.
import { ALIBABA_IMPORT_RULES } from '../../providers/alibaba/rules';
import { checkImportFile } from '../storage/imageFiles';
import type { EmulatorResponse } from '../types';
import type { EcsImage } from './data';
import { alibabaError, dryRun, invalid, isResponse, isoSecond, missing, ok, type Params } from './params';
import type { EcsWorld } from './world';

const RULES = ALIBABA_IMPORT_RULES;
const DISK = 'DiskDeviceMapping.1';

function problem(params: Params): EmulatorResponse | undefined {
  for (const name of [`${DISK}.OSSBucket`, `${DISK}.OSSObject`]) {
    if (!params[name]) {
      return missing(name);
    }
  }
  const bucket = params[`${DISK}.OSSBucket`] ?? '';
  const object = params[`${DISK}.OSSObject`] ?? '';
  if (RULES.checkBucket(bucket)) {
    return invalid('OSSBucket', 'The specified OSSBucket is not a valid bucket name.');
  }
  if (RULES.checkObject(object)) {
    return invalid('OSSObject', 'The specified OSSObject is not valid.');
  }
  const format = (params[`${DISK}.Format`] ?? 'RAW').toUpperCase();
  if (!RULES.formats.includes(format)) {
    return invalid('Format', `The specified Format "${params[`${DISK}.Format`] ?? ''}" is not valid.`);
  }
  const size = Number(params[`${DISK}.DiskImageSize`] ?? '5');
  if (!Number.isInteger(size) || size < RULES.minDiskGiB || size > RULES.maxDiskGiB) {
    return invalid('DiskImageSize', `The specified DiskImageSize must be from ${RULES.minDiskGiB} to ${RULES.maxDiskGiB}.`);
  }
  const name = params['ImageName'];
  if (name !== undefined && RULES.checkName(name)) {
    return alibabaError(400, 'InvalidImageName.Malformed', 'The specified ImageName is not valid.');
  }
  if (RULES.checkDescription(params['Description'] ?? '')) {
    return alibabaError(400, 'InvalidDescription.Malformed', 'The specified Description is not valid.');
  }
  if (params['Platform'] !== undefined && !RULES.platforms.includes(params['Platform'])) {
    return invalid('Platform', `The specified Platform "${params['Platform']}" is not valid.`);
  }
  if (params['OSType'] !== undefined && !RULES.osTypes.includes(params['OSType'])) {
    return invalid('OSType');
  }
  if (params['Architecture'] !== undefined && !RULES.architectures.includes(params['Architecture'])) {
    return invalid('Architecture');
  }
  if (bucket.startsWith('missing-')) {
    return alibabaError(404, 'InvalidOSSBucket.NotFound', 'The specified OSS bucket does not exist.');
  }
  if (object.startsWith('missing')) {
    return alibabaError(404, 'InvalidOSSObject.NotFound', 'The specified OSS object does not exist.');
  }
  return undefined;
}

/** The OSS object of the import, when its bucket is one of the sandbox store's: it must be there, in the image's region. */
function storedFile(world: EcsWorld, regionId: string, params: Params): EmulatorResponse | undefined {
  switch (checkImportFile(world.keys.storage, 'alibaba', regionId, params[`${DISK}.OSSBucket`] ?? '', params[`${DISK}.OSSObject`] ?? '', false)) {
    case 'noObject':
      return alibabaError(404, 'InvalidOSSObject.NotFound', 'The specified OSS object does not exist.');
    case 'otherRegion':
      return alibabaError(404, 'InvalidOSSBucket.NotFound', 'The specified OSS bucket does not exist in this region.');
    default:
      return undefined;
  }
}

export function importImage(world: EcsWorld, params: Params): EmulatorResponse {
  const region = world.region(params);
  if (isResponse(region)) {
    return region;
  }
  const token = params['ClientToken'];
  const earlier = token ? world.importTokens.get(token) : undefined;
  if (earlier) {
    return ok(earlier);
  }
  const refused = problem(params) ?? storedFile(world, region.RegionId, params) ?? dryRun(params);
  if (refused) {
    return refused;
  }
  const imageId = world.newImageId(region.RegionId);
  const job = world.clock.start('alibaba', 'ImportImage', world.newTaskId(region.RegionId));
  const size = Number(params[`${DISK}.DiskImageSize`] ?? '5');
  const osType = params['OSType'] ?? 'linux';
  const platform = params['Platform'] ?? 'Others Linux';
  const image: EcsImage = {
    ImageId: imageId,
    ImageName: params['ImageName'] ?? imageId,
    Description: params['Description'] ?? '',
    Status: 'Waiting',
    Progress: '0%',
    Size: size,
    OSType: osType,
    OSName: platform,
    OSNameEn: platform,
    Platform: platform,
    Architecture: params['Architecture'] ?? 'x86_64',
    ImageOwnerAlias: 'self',
    ImageOwnerId: world.accountId,
    IsPublic: false,
    IsSelfShared: 'False',
    IsCopied: false,
    IsSubscribed: false,
    Usage: 'none',
    CreationTime: isoSecond(job.startedAt),
    ImageFamily: '',
    ImageVersion: '',
    BootMode: params['BootMode'] ?? 'BIOS',
    ResourceGroupId: '',
    LicenseType: params['LicenseType'] ?? 'Auto',
    DiskDeviceMappings: {
      DiskDeviceMapping: [
        {
          Device: '/dev/xvda',
          Size: String(size),
          Type: 'system',
          Format: (params[`${DISK}.Format`] ?? 'RAW').toUpperCase(),
          ImportOSSBucket: params[`${DISK}.OSSBucket`],
          ImportOSSObject: params[`${DISK}.OSSObject`],
          Progress: '0%',
          Encrypted: 'false',
        },
      ],
    },
    Tags: { Tag: [] },
    Features: { NvmeSupport: 'unsupported', ImdsSupport: 'v1' },
  };
  world.regionImages(region.RegionId)?.unshift(image);
  world.tasks.add(job, { regionId: region.RegionId, imageId, bucket: params[`${DISK}.OSSBucket`] ?? '', prefix: '', format: (params[`${DISK}.Format`] ?? 'RAW').toLowerCase(), object: params[`${DISK}.OSSObject`] });
  world.importing.push({ job, image });
  const answer = { ImageId: imageId, TaskId: job.id, RegionId: region.RegionId };
  if (token) {
    world.importTokens.set(token, answer);
  }
  return ok(answer);
}

/** Brings each image being imported up to its task's phase; true when any changed (listings are then stale). */
export function settleImports(world: EcsWorld): boolean {
  let changed = false;
  for (const entry of [...world.importing]) {
    const snap = world.clock.snapshot(entry.job);
    const status = snap.phase === 'succeeded' ? 'Available' : snap.phase === 'failed' ? 'CreateFailed' : snap.phase === 'queued' ? 'Waiting' : 'Creating';
    const progress = `${snap.phase === 'succeeded' ? 100 : snap.percent}%`;
    if (entry.image.Status !== status || entry.image['Progress'] !== progress) {
      entry.image.Status = status;
      entry.image['Progress'] = progress;
      changed = true;
    }
    if (snap.phase === 'succeeded' || snap.phase === 'failed') {
      world.importing.splice(world.importing.indexOf(entry), 1);
    }
  }
  return changed;
}
