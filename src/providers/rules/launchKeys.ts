// What a file says about where and on what an image is launched, per cloud: the keys beside an image ID
// that name the region and the instance type (Terraform, Packer, ROS/RFS templates, YAML), and the
// Terraform providers whose block names the region for the whole file. The editor's context reader
// (src/editor/launchContext.ts) reads them; keys are compared lower-cased without "_" and "-".
import type { CloudKind } from '../core/model';

export interface LaunchKeys {
  /** Keys whose value is the region the image is launched in. */
  readonly region: readonly string[];
  /** Keys whose value is the instance type (Alibaba) or flavor (Huawei). */
  readonly instanceType: readonly string[];
  /** Terraform / Packer provider names of the cloud: `provider "alicloud" { region = … }`. */
  readonly providers: readonly string[];
}

export const LAUNCH_KEYS: Readonly<Record<CloudKind, LaunchKeys>> = {
  // Terraform alicloud_instance region/instance_type, Packer alicloud-ecs, ROS ALIYUN::ECS::Instance InstanceType.
  alibaba: { region: ['region', 'regionid'], instanceType: ['instancetype'], providers: ['alicloud'] },
  // Terraform huaweicloud_compute_instance flavor_id / flavor_name, Packer huaweicloud-ecs flavor, RFS (Terraform).
  huawei: { region: ['region', 'regionid'], instanceType: ['flavorid', 'flavorname', 'flavor', 'flavorref'], providers: ['huaweicloud'] },
  // The qingcloud provider's zone is the region the product lists; instance_type such as c1m1.
  qingcloud: { region: ['zone'], instanceType: ['instancetype'], providers: ['qingcloud'] },
  batchcompute: { region: ['region', 'regionid'], instanceType: ['instancetype'], providers: [] },
};

/** A key compared the way the tables list them: lower case, no "_", "-" or ".". */
export function launchKey(key: string): string {
  return key.toLowerCase().replace(/[_.-]/g, '');
}

/** A value that may be sent to a cloud as a region or an instance type: letters, digits, ".", "_", "-". */
export function plainValue(value: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(value);
}
