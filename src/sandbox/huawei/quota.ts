// ShowImageQuota in the sandbox (`GET /v1/cloudimages/quota`): image (the project's private images in
// the region), image_shared (images shared with it that it accepted) and image_member (the members of
// its images), each with what is used and the ceiling of the emulator's QuotaPlan (sandbox defaults below).
import type { QuotaPlan } from '../quotas';
import { ok } from './replies';
import type { EmulatorResponse } from '../types';
import type { Scope } from './world';

export type ImsQuotaType = 'image' | 'image_shared' | 'image_member';

/** The sandbox's default ceilings (IMS's documented range is 1 to 1000). */
const DEFAULTS: Readonly<Record<ImsQuotaType, number>> = { image: 1000, image_shared: 1000, image_member: 1000 };

export interface QuotaUse {
  readonly used: (type: ImsQuotaType, scope: Scope) => number;
}

export class HuaweiQuotas {
  constructor(
    private readonly plan: QuotaPlan | undefined,
    private readonly use: QuotaUse,
  ) {}

  ceiling(type: ImsQuotaType): number {
    return this.plan?.ceiling('huawei', type, DEFAULTS[type]) ?? DEFAULTS[type];
  }

  /** How many more the quota takes (0 when full). */
  room(type: ImsQuotaType, scope: Scope): number {
    return Math.max(0, this.ceiling(type) - this.use.used(type, scope));
  }

  show(scope: Scope): EmulatorResponse {
    const resources = (Object.keys(DEFAULTS) as ImsQuotaType[]).map((type) => ({ type, used: this.use.used(type, scope), quota: this.ceiling(type), min: 1, max: 1000 }));
    return ok({ quotas: { resources } });
  }
}
