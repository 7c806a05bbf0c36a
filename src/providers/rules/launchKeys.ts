// What a file says about where and on what an image is launched, per cloud: the keys beside an image ID
// that name the region and the instance type (Terraform, Packer, ROS/RFS templates, YAML), and the
// Terraform providers whose block names the region for the whole file. The editor's context reader
// (src/editor/launchContext.ts) reads them; keys are compared lower-cased without "_" and "-". Beside
// them, what the cloud says of an image that the launch checks set against the file: the smallest system
// disk it launches on, and whether another account's image stays unseen until it is shared.
import type { CloudKind, Image } from '../core/model';

export interface LaunchKeys {
  /** Keys whose value is the region the image is launched in. */
  readonly region: readonly string[];
  /** Keys whose value is the instance type (Alibaba) or flavor (Huawei). */
  readonly instanceType: readonly string[];
  /** Terraform / Packer provider names of the cloud: `provider "alicloud" { region = … }`. */
  readonly providers: readonly string[];
  /** Keys whose value is the size of the system disk the image is launched on, in GiB (GB). */
  readonly systemDisk: readonly string[];
  /** The image's size (`Image.sizeGiB`, as the provider maps it) is the smallest system disk it launches on. */
  readonly sizeIsMinSystemDisk: boolean;
  /**
   * Another account's custom image is unseen by this one until its owner shares it, with the call the
   * owner shares it with: an ID no configured account finds may be such an image.
   */
  readonly shareCall?: string;
}

// Terraform alicloud_instance / huaweicloud_compute_instance system_disk_size, ROS SystemDiskSize, the
// RunInstances parameter SystemDisk.Size, YAML systemDiskSize: one key once "_", "-" and "." are set aside.
const SYSTEM_DISK = ['systemdisksize'];

export const LAUNCH_KEYS: Readonly<Record<CloudKind, LaunchKeys>> = {
  // Terraform alicloud_instance region/instance_type, Packer alicloud-ecs, ROS ALIYUN::ECS::Instance InstanceType.
  // DescribeImages `Size` (GiB) is the smallest system disk an instance of the image can have; a custom image
  // of another account is listed only once shared with this one (ModifyImageSharePermission AddAccount.N).
  alibaba: {
    region: ['region', 'regionid'],
    instanceType: ['instancetype'],
    providers: ['alicloud'],
    systemDisk: SYSTEM_DISK,
    sizeIsMinSystemDisk: true,
    shareCall: 'ModifyImageSharePermission',
  },
  // Terraform huaweicloud_compute_instance flavor_id / flavor_name, Packer huaweicloud-ecs flavor, RFS (Terraform).
  // IMS `min_disk` (GB), mapped as the image's size, is the smallest system disk. Shares to a project are
  // found among the project's received images (the sharing check), so no share call is named here.
  huawei: {
    region: ['region', 'regionid'],
    instanceType: ['flavorid', 'flavorname', 'flavor', 'flavorref'],
    providers: ['huaweicloud'],
    systemDisk: SYSTEM_DISK,
    sizeIsMinSystemDisk: true,
  },
  // The qingcloud provider's zone is the region the product lists; instance_type such as c1m1. DescribeImages
  // `size` is not documented as a smallest system disk, so none is judged.
  qingcloud: { region: ['zone'], instanceType: ['instancetype'], providers: ['qingcloud'], systemDisk: [], sizeIsMinSystemDisk: false },
  batchcompute: { region: ['region', 'regionid'], instanceType: ['instancetype'], providers: [], systemDisk: [], sizeIsMinSystemDisk: false },
};

/** The smallest system disk (GiB) an image launches on, where its cloud says so. */
export function minSystemDiskGiB(cloud: CloudKind, image: Image): number | undefined {
  const size = image.sizeGiB;
  return LAUNCH_KEYS[cloud].sizeIsMinSystemDisk && size !== undefined && size > 0 ? size : undefined;
}

/** A system disk size as a file writes it: a whole number of GiB (1 to 99,999), else undefined. */
export function diskSizeValue(value: string): number | undefined {
  return /^[1-9]\d{0,4}$/.test(value) ? Number(value) : undefined;
}

/** A key compared the way the tables list them: lower case, no "_", "-" or ".". */
export function launchKey(key: string): string {
  return key.toLowerCase().replace(/[_.-]/g, '');
}

/** A value that may be sent to a cloud as a region or an instance type: letters, digits, ".", "_", "-". */
export function plainValue(value: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(value);
}
