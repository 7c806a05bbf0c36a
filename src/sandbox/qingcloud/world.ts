// What the QingCloud action modules share: the zones' images, the clocks and id minting.
import type { JobClock } from '../jobs';
import { isEmulatorResponse, type EmulatorResponse } from '../types';
import { QINGCLOUD_ZONES, type QingcloudImage } from './data';
import { notFound, parameterError, permissionDenied, type Params } from './params';

export interface QingcloudWorld {
  /** The emulator's clock (ms). */
  now(): number;
  /** The emulator's shared job clock (sandbox/jobs.ts). */
  readonly jobClock: JobClock;
  /** The zone's images, kept for the emulator's life; undefined for a zone QingCloud does not have. */
  zoneImages(zoneId: string): QingcloudImage[] | undefined;
  /** A fresh id such as "tag-k3x9a0qz" or "j-0c7f2m1d": deterministic per seed, never repeated. */
  newId(prefix: string): string;
  /** The sandbox account's user id (the owner of 'self' images). */
  readonly userId: string;
}

export interface ZoneScope {
  readonly zone: string;
  readonly images: QingcloudImage[];
}

export function isResponse(v: unknown): v is EmulatorResponse {
  return isEmulatorResponse(v);
}

/** The `zone` param: required (1100) and known (2100). */
export function zoneScope(world: QingcloudWorld, params: Params): ZoneScope | EmulatorResponse {
  const zone = params['zone'];
  if (!zone) {
    return parameterError('the parameter [zone] is required');
  }
  const images = QINGCLOUD_ZONES.some((z) => z.zone_id === zone) ? world.zoneImages(zone) : undefined;
  return images ? { zone, images } : notFound(`zone [${zone}] not found`);
}

/** An image that still exists (not deleted or ceased) in the zone, or 2100. */
export function liveImage(scope: ZoneScope, imageId: string): QingcloudImage | EmulatorResponse {
  const image = scope.images.find((i) => i.image_id === imageId && i.status !== 'deleted' && i.status !== 'ceased');
  return image ?? notFound(`resource [${imageId}] not found in zone [${scope.zone}]`);
}

/** An image of the account's own (provider 'self'): 2100 when absent, 1400 for a system or shared one. */
export function ownImage(scope: ZoneScope, imageId: string): QingcloudImage | EmulatorResponse {
  const image = liveImage(scope, imageId);
  if (isResponse(image)) {
    return image;
  }
  return image.provider === 'self' ? image : permissionDenied(`resource [${imageId}] does not belong to you`);
}
