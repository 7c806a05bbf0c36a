// What uses the sandbox's images: instances (and launch templates) generated from a region's images,
// deterministic per seed, region and image id, kept for the emulator's life. Every cloud's handler serves
// them in its own API's shape (alibaba/instances.ts, huawei/servers.ts, qingcloud/instances.ts).
import { Random, hashString } from './random';

/**
 * Whether instances run from an image: about one own image in four, fixed by its id (so a test can
 * know the data set without asking the API). Alibaba's DeleteImage refuses these without Force.
 */
export function usedByInstances(imageId: string): boolean {
  return hashString(`in-use/${imageId}`) % 4 === 0;
}

/** Whether a launch template (not an instance) names the image: about one other own image in eight. */
export function usedByTemplate(imageId: string): boolean {
  return !usedByInstances(imageId) && hashString(`template/${imageId}`) % 8 === 0;
}

/**
 * Whether an auto-scaling configuration (Alibaba ESS, Huawei AS) names the image, and nothing else uses
 * it: about one other own image in ten.
 */
export function usedByScalingConfig(imageId: string): boolean {
  return !usedByInstances(imageId) && !usedByTemplate(imageId) && hashString(`scaling/${imageId}`) % 10 === 0;
}

export interface SandboxInstance {
  readonly id: string;
  readonly name: string;
  readonly imageId: string;
  readonly imageName: string;
  readonly status: 'running' | 'stopped';
  readonly createdMs: number;
}

export interface SandboxTemplateVersion {
  readonly number: number;
  readonly imageId: string;
  readonly isDefault: boolean;
  readonly createdMs: number;
}

export interface SandboxTemplate {
  readonly id: string;
  readonly name: string;
  readonly versions: readonly SandboxTemplateVersion[];
}

/** The part of an image the generator reads. */
export interface UsableImage {
  readonly id: string;
  readonly name: string;
  /** An own image (the account's); others are used by a few instances each, but never by templates. */
  readonly own: boolean;
}

/** An auto-scaling configuration: the image its instances are made from. */
export interface SandboxScalingConfig {
  readonly id: string;
  readonly name: string;
  readonly groupId: string;
  readonly imageId: string;
  readonly createdMs: number;
}

export interface UsageIds {
  instance(rnd: Random): string;
  template(rnd: Random): string;
  scalingConfig?(rnd: Random): string;
  scalingGroup?(rnd: Random): string;
}

const NAMES = ['web', 'api', 'worker', 'db-proxy', 'ci-runner', 'batch', '订单服务', '支付网关', 'bastion', 'cache'];
const START = Date.UTC(2024, 0, 1);

export class SandboxUsage {
  private readonly instances = new Map<string, SandboxInstance[]>();
  private readonly templates = new Map<string, SandboxTemplate[]>();
  private readonly scalingConfigs = new Map<string, SandboxScalingConfig[]>();

  constructor(
    private readonly seed: string,
    private readonly cloud: string,
    private readonly ids: UsageIds,
  ) {}

  /**
   * The region's instances, made on first use from its images: one to three for each own image that
   * `usedByInstances`, and one for about one other (public) image in ten. Sorted by id.
   */
  regionInstances(regionId: string, images: () => readonly UsableImage[]): SandboxInstance[] {
    let list = this.instances.get(regionId);
    if (!list) {
      const rnd = new Random(`${this.seed}/${this.cloud}/instances/${regionId}`);
      list = [];
      for (const image of images()) {
        const count = image.own ? (usedByInstances(image.id) ? rnd.int(1, 3) : 0) : hashString(`public-use/${image.id}`) % 10 === 0 ? 1 : 0;
        for (let n = 0; n < count; n++) {
          list.push({
            id: this.ids.instance(rnd),
            name: `${rnd.pick(NAMES)}-${rnd.int(1, 99)}`,
            imageId: image.id,
            imageName: image.name,
            status: rnd.chance(0.8) ? 'running' : 'stopped',
            createdMs: START + rnd.int(0, 600) * 86_400_000,
          });
        }
      }
      list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      this.instances.set(regionId, list);
    }
    return list;
  }

  /**
   * The region's launch templates, made on first use: one per own image that `usedByTemplate`, whose
   * newest version names it and whose older version names a public image (so a template may name images
   * in any of its versions, not only the default one).
   */
  regionTemplates(regionId: string, images: () => readonly UsableImage[]): SandboxTemplate[] {
    let list = this.templates.get(regionId);
    if (!list) {
      const rnd = new Random(`${this.seed}/${this.cloud}/templates/${regionId}`);
      const all = images();
      const publicImage = all.find((i) => !i.own);
      list = all
        .filter((i) => i.own && usedByTemplate(i.id))
        .map((image) => {
          const createdMs = START + rnd.int(0, 600) * 86_400_000;
          const versions: SandboxTemplateVersion[] = [];
          if (publicImage) {
            versions.push({ number: 1, imageId: publicImage.id, isDefault: false, createdMs });
          }
          versions.push({ number: versions.length + 1, imageId: image.id, isDefault: true, createdMs: createdMs + 86_400_000 });
          return { id: this.ids.template(rnd), name: `lt-${rnd.pick(NAMES)}-${rnd.int(1, 99)}`, versions };
        });
      this.templates.set(regionId, list);
    }
    return list;
  }

  /**
   * The region's scaling configurations, made on first use: one per own image that
   * `usedByScalingConfig`, and one naming the region's first public image (a configuration may name any
   * image). In the order made.
   */
  regionScalingConfigs(regionId: string, images: () => readonly UsableImage[]): SandboxScalingConfig[] {
    let list = this.scalingConfigs.get(regionId);
    if (!list) {
      const rnd = new Random(`${this.seed}/${this.cloud}/scaling/${regionId}`);
      const all = images();
      const named = [...all.filter((i) => i.own && usedByScalingConfig(i.id)), ...all.filter((i) => !i.own).slice(0, 1)];
      const newId = (kind: 'scalingConfig' | 'scalingGroup'): string => this.ids[kind]?.(rnd) ?? this.ids.template(rnd);
      list = named.map((image) => ({
        id: newId('scalingConfig'),
        name: `asc-${rnd.pick(NAMES)}-${rnd.int(1, 99)}`,
        groupId: newId('scalingGroup'),
        imageId: image.id,
        createdMs: START + rnd.int(0, 600) * 86_400_000,
      }));
      this.scalingConfigs.set(regionId, list);
    }
    return list;
  }
}
