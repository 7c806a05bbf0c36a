// Quotas the sandbox enforces where a cloud has them (Huawei IMS: image, image_shared, image_member).
// Each has the sandbox's default ceiling; a test or a demo sets another (e.g. the number in use, to fill it).
import type { CloudKind } from '../providers/core/model';

export class QuotaPlan {
  private readonly ceilings = new Map<string, number>();

  /** Sets a quota's ceiling from now on. */
  set(cloud: CloudKind, type: string, quota: number): void {
    this.ceilings.set(`${cloud}/${type}`, quota);
  }

  /** Goes back to the default ceilings. */
  reset(): void {
    this.ceilings.clear();
  }

  ceiling(cloud: CloudKind, type: string, fallback: number): number {
    return this.ceilings.get(`${cloud}/${type}`) ?? fallback;
  }
}
