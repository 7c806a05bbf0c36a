// ModifyImageSharePermission and DescribeImageSharePermission in the sandbox.
import { ALIBABA_ACCOUNT_ID } from '../../providers/alibaba/rules';
import type { EmulatorResponse } from '../types';
import { alibabaError, dryRun, flag, isResponse, isoSecond, ok, paging, repeatList, type Params, pageOf } from './params';
import { SANDBOX_ALIBABA_ACCOUNT_ID, type EcsWorld } from './world';

/** AddAccount.N / RemoveAccount.N: N is 1..10; the cloud ignores entries beyond 10 (notes §1.6), and so do we. */
export const MAX_ACCOUNTS_PER_CALL = 10;
/** An image is shared with at most 50 accounts. */
export const MAX_SHARE_ACCOUNTS = 50;

function accounts(params: Params, prefix: string): string[] | EmulatorResponse {
  const list = repeatList(params, prefix).filter((e) => e.n >= 1 && e.n <= MAX_ACCOUNTS_PER_CALL).map((e) => e.value);
  const bad = list.find((a) => !ALIBABA_ACCOUNT_ID.test(a));
  if (bad !== undefined) {
    return alibabaError(400, 'InvalidAccount.Malformed', `The specified account "${bad}" is not valid.`);
  }
  return list;
}

export function modifyImageSharePermission(world: EcsWorld, params: Params): EmulatorResponse {
  const target = world.regionAndOwnImage(params);
  if (isResponse(target)) {
    return target;
  }
  const { region, image } = target;
  const add = accounts(params, 'AddAccount');
  if (isResponse(add)) {
    return add;
  }
  const remove = accounts(params, 'RemoveAccount');
  if (isResponse(remove)) {
    return remove;
  }
  if (add.includes(SANDBOX_ALIBABA_ACCOUNT_ID)) {
    // Our choice of code: an image cannot be shared with its owner.
    return alibabaError(400, 'InvalidAccount.Forbidden', 'An image cannot be shared with the account that owns it.');
  }
  if (image.Status !== 'Available') {
    return alibabaError(403, 'IncorrectImageStatus', 'The current status of the image does not support this operation.');
  }
  const current = world.sharesOf(region.RegionId, image);
  const after = new Set(current.map((s) => s.AliyunId));
  add.forEach((a) => after.add(a));
  remove.forEach((a) => after.delete(a));
  if (after.size > MAX_SHARE_ACCOUNTS) {
    // Plausible code of our choice for the documented 50-account limit.
    return alibabaError(403, 'QuotaExceed.ShareImageUser', `An image can be shared with at most ${MAX_SHARE_ACCOUNTS} accounts.`);
  }
  const dry = dryRun(params);
  if (dry) {
    return dry;
  }
  const now = isoSecond(world.now());
  const kept = current.filter((s) => !remove.includes(s.AliyunId));
  for (const a of add) {
    if (!kept.some((s) => s.AliyunId === a)) {
      kept.push({ AliyunId: a, SharedTime: now });
    }
  }
  current.splice(0, current.length, ...kept);
  if (params['IsPublic'] !== undefined) {
    image['IsPublic'] = flag(params, 'IsPublic');
  }
  image['IsSelfShared'] = current.length ? 'True' : 'False';
  return ok();
}

export function describeImageSharePermission(world: EcsWorld, params: Params): EmulatorResponse {
  const target = world.regionAndOwnImage(params);
  if (isResponse(target)) {
    return target;
  }
  const { region, image } = target;
  const page = paging(params, 10);
  if (isResponse(page)) {
    return page;
  }
  const all = world.sharesOf(region.RegionId, image);
  return ok({
    RegionId: region.RegionId,
    ImageId: image.ImageId,
    ...pageOf(page, all, 'Accounts', 'Account'),
    ShareGroups: { ShareGroup: image['IsPublic'] === true ? [{ Group: 'all' }] : [] },
  });
}
