// ImportImage in the sandbox: DiskDeviceMapping.1 (OSSBucket, OSSObject, Format, DiskImageSize) and the
// data disks' DiskDeviceMapping.2..17 (the same fields; 5 to 2,000 GiB each), ImageName,
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

/** The data disks' DiskDeviceMapping.N (N from 2), in order of N. */
function dataDiskNumbers(params: Params): number[] {
  const ns = new Set<number>();
  for (const key of Object.keys(params)) {
    const m = /^DiskDeviceMapping\.(\d+)\./.exec(key);
    if (m && Number(m[1]) >= 2) {
      ns.add(Number(m[1]));
    }
  }
  return [...ns].sort((a, b) => a - b);
}

/** Each data disk's file and size (5 to 2,000 GiB), N at most 17; the cloud's error for the first that is wrong. */
function dataDiskProblem(params: Params): EmulatorResponse | undefined {
  const ns = dataDiskNumbers(params);
  const range = RULES.dataDisks!;
  if (ns.some((n) => n > range.max + 1)) {
    return invalid('DiskDeviceMapping', `DiskDeviceMapping.N takes N from 1 to ${range.max + 1}.`);
  }
  for (const n of ns) {
    const d = `DiskDeviceMapping.${n}`;
    for (const name of [`${d}.OSSBucket`, `${d}.OSSObject`]) {
      if (!params[name]) {
        return missing(name);
      }
    }
    if (RULES.checkBucket(params[`${d}.OSSBucket`] ?? '') || RULES.checkObject(params[`${d}.OSSObject`] ?? '')) {
      return invalid(`${d}.OSSObject`, `The specified ${d}.OSSBucket or OSSObject is not valid.`);
    }
    if (!RULES.formats.includes((params[`${d}.Format`] ?? 'RAW').toUpperCase())) {
      return invalid(`${d}.Format`);
    }
    const size = Number(params[`${d}.DiskImageSize`] ?? '5');
    if (!Number.isInteger(size) || size < range.minGiB || size > range.maxGiB) {
      return invalid(`${d}.DiskImageSize`, `The DiskImageSize of a data disk must be from ${range.minGiB} to ${range.maxGiB}.`);
    }
    if ((params[`${d}.OSSObject`] ?? '').startsWith('missing')) {
      return alibabaError(404, 'InvalidOSSObject.NotFound', 'The specified OSS object does not exist.');
    }
  }
  return undefined;
}

/** The data disks' entries of DiskDeviceMappings: /dev/xvdb, /dev/xvdc… */
function dataDiskMappings(params: Params): Array<Record<string, unknown>> {
  return dataDiskNumbers(params).map((n, i) => {
    const d = `DiskDeviceMapping.${n}`;
    return {
      Device: `/dev/xvd${String.fromCharCode(98 + i)}`,
      Size: params[`${d}.DiskImageSize`] ?? '5',
      Type: 'data',
      Format: (params[`${d}.Format`] ?? 'RAW').toUpperCase(),
      ImportOSSBucket: params[`${d}.OSSBucket`],
      ImportOSSObject: params[`${d}.OSSObject`],
      Progress: '0%',
      Encrypted: 'false',
    };
  });
}

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
  return dataDiskProblem(params);
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
        ...dataDiskMappings(params),
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
