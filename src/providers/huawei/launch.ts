// Which images a flavor can launch (Huawei ECS): one flavor listing of the region (ListFlavors,
// `GET /v1/{project_id}/cloudservers/flavors`), set against what each image says it needs: its minimum
// memory (`min_ram`, MB, against the flavor's `ram`), its architecture (`architecture` x86 | arm against
// the flavor's `os_extra_specs["ecs:instance_architecture"]`, arm64 for Kunpeng flavors) and the
// `__support_*` flag a flavor family asks for (`ecs:performancetype`); and, where the flavor names a
// system disk size (`disk`, GB; 0 means no limit, and the ECS docs say the field is not used today), the
// image's minimum disk (`min_disk`) against it when the file gives no system disk size of its own (the
// editor sets that one against `min_disk` itself). A flavor the region does not list is unknown there.
import type { Image } from '../core/model';
import type { LaunchOperations } from '../core/instanceTypes';
import { num, objectsOf, str, type Json } from '../shared/common';
import type { HuaweiClient } from './client';

/** The image flag a flavor of this performance type needs (IMS `__support_*`). */
const NEEDED_FLAG: Readonly<Record<string, string>> = {
  diskintensive: '__support_diskintensive',
  highperformance: '__support_highperformance',
};

interface Flavor {
  readonly ramMb: number;
  readonly arm: boolean;
  readonly performanceType: string;
  /** The flavor's system disk size (GB), where it names one (ListFlavors `disk`, 0: no limit). */
  readonly diskGiB?: number;
}

/** A ListFlavors entry; flavors registered early carry `hws:performancetype` instead of `ecs:performancetype` (ECS SDK FlavorExtraSpec). */
export function flavorOf(f: Json): Flavor {
  const specs = typeof f['os_extra_specs'] === 'object' && f['os_extra_specs'] !== null ? (f['os_extra_specs'] as Json) : {};
  return {
    ramMb: num(f['ram']) ?? 0,
    arm: str(specs['ecs:instance_architecture']) === 'arm64',
    performanceType: str(specs['ecs:performancetype']) ?? str(specs['hws:performancetype']) ?? 'normal',
    diskGiB: num(f['disk']) ?? 0,
  };
}

/**
 * Whether the flavor can launch the image, from the image's IMS fields (its raw JSON); `systemDiskGiB`, the
 * system disk the file gives, stands in for the flavor's own disk size.
 */
export function flavorFits(flavor: Flavor, image: Image, systemDiskGiB?: number): boolean {
  const raw = image.raw ?? {};
  const arm = (str(raw['architecture']) ?? image.architecture) === 'arm';
  const minRam = num(raw['min_ram']) ?? 0;
  const minDisk = num(raw['min_disk']) ?? 0;
  const flavorDisk = systemDiskGiB === undefined ? (flavor.diskGiB ?? 0) : 0;
  const flag = NEEDED_FLAG[flavor.performanceType];
  return (
    arm === flavor.arm &&
    (minRam === 0 || flavor.ramMb === 0 || minRam <= flavor.ramMb) &&
    (minDisk === 0 || flavorDisk === 0 || minDisk <= flavorDisk) &&
    (flag === undefined || str(raw[flag]) === 'true')
  );
}

export class HuaweiLaunch implements LaunchOperations {
  constructor(
    private readonly client: HuaweiClient,
    /** The images of the region among the ids, with their raw IMS JSON. */
    private readonly images: (regionId: string, imageIds: readonly string[], signal?: AbortSignal) => Promise<Image[]>,
  ) {}

  async unsupported(regionId: string, instanceType: string, imageIds: readonly string[], signal?: AbortSignal, systemDiskGiB?: number): Promise<ReadonlySet<string> | undefined> {
    const projectId = await this.client.projectId(regionId, signal);
    const body = await this.client.request('GET', `/v1/${encodeURIComponent(projectId)}/cloudservers/flavors`, { service: 'ecs', regionId, projectId, signal });
    const found = objectsOf(body['flavors']).find((f) => str(f['id']) === instanceType || str(f['name']) === instanceType);
    if (!found) {
      return undefined;
    }
    const flavor = flavorOf(found);
    return new Set((await this.images(regionId, imageIds, signal)).filter((image) => !flavorFits(flavor, image, systemDiskGiB)).map((i) => i.id));
  }
}
