// Whole-machine (full-ECS) images in the Huawei sandbox: one in WHOLE_IMAGE_REGION, made from a private
// image of the region's data set, marked as IMS marks them (`__whole_image` true, `__backup_id` its CSBS/CBR
// backup), and the backups themselves: GlanceDeleteImage with `{"delete_backup": true}` deletes the
// backup too, without it (or false) the backup stays. Export refuses them (IMS "Exporting an Image").
import { Random } from '../random';
import { isoSecond, uuidFrom, type ImsImage } from './data';

export const WHOLE_IMAGE_REGION = 'cn-east-3';

export function isWholeImage(image: ImsImage): boolean {
  return image['__whole_image'] === true;
}

/** The region's whole-machine image, from one of its private images (old, so it lists last by creation time). */
export function wholeImageFrom(seed: string, template: ImsImage): ImsImage {
  const rnd = new Random(`${seed}/huawei/whole/${WHOLE_IMAGE_REGION}`);
  const created = Date.UTC(2021, 5, 1, 8, 0, 0);
  return {
    ...template,
    id: uuidFrom(rnd),
    name: 'ecs-web-whole-20210601',
    status: 'active',
    tags: [],
    created_at: isoSecond(created),
    updated_at: isoSecond(created + 600_000),
    active_at: isoSecond(created + 600_000),
    __description: 'Whole-machine image of a web server with its data disk',
    __data_origin: `server,${uuidFrom(rnd)}`,
    __whole_image: true,
    __backup_id: uuidFrom(rnd),
  };
}

/**
 * The backups of whole-machine images that exist (created with their images, gone when deleted with them).
 * A held backup is one the backup service is busy with (tests set it): deleting it fails (IMS IMG.0176).
 */
export class SandboxBackups {
  private readonly live = new Set<string>();
  private readonly holds = new Set<string>();

  /** Tests only: the backup service holds (true) or releases (false) this backup. */
  hold(backupId: string, held = true): void {
    if (held) {
      this.holds.add(backupId);
    } else {
      this.holds.delete(backupId);
    }
  }

  held(backupId: string): boolean {
    return this.holds.has(backupId);
  }

  add(backupId: string): void {
    this.live.add(backupId);
  }

  delete(backupId: string): void {
    this.live.delete(backupId);
  }

  has(backupId: string): boolean {
    return this.live.has(backupId);
  }
}
