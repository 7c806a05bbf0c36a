// Members (share / unshare): IDs in the cloud's format, how many at a time, and the image's ceiling.
import type { InputProblem, MemberRules } from '../core/rules';
import { assertValid } from './problems';

/** The IDs to add: at least one, each well formed, not too many, none already a member, the image's ceiling kept. */
export function checkNewMembers(rules: MemberRules, ids: readonly string[], current: readonly string[]): InputProblem | undefined {
  const listed = checkMemberList(rules, ids);
  if (listed) {
    return listed;
  }
  const already = ids.filter((id) => current.includes(id));
  if (already.length) {
    return { code: 'alreadyMembers', ids: already };
  }
  if (rules.maxPerImage !== undefined && current.length + ids.length > rules.maxPerImage) {
    return { code: 'memberLimit', current: current.length, adding: ids.length, max: rules.maxPerImage };
  }
  return undefined;
}

/** The IDs to remove: at least one, each well formed, not too many, all current members. */
export function checkRemovedMembers(rules: MemberRules, ids: readonly string[], current: readonly string[]): InputProblem | undefined {
  const listed = checkMemberList(rules, ids);
  if (listed) {
    return listed;
  }
  const unknown = ids.filter((id) => !current.includes(id));
  return unknown.length ? { code: 'notMembers', ids: unknown } : undefined;
}

/** Every ID well formed and at most maxPerAction of them (duplicates count once). */
export function checkMemberList(rules: MemberRules, ids: readonly string[]): InputProblem | undefined {
  if (!ids.length) {
    return { code: 'noMembers' };
  }
  const bad = ids.find((id) => !rules.pattern.test(id));
  if (bad !== undefined) {
    return { code: 'memberFormat', id: bad, format: rules.format };
  }
  const count = new Set(ids).size;
  return count > rules.maxPerAction ? { code: 'tooManyMembers', count, max: rules.maxPerAction } : undefined;
}

/** Refuses member IDs a Share or Unshare call may not send (an empty list is no call at all). */
export function assertMembers(rules: MemberRules, ids: readonly string[]): void {
  if (ids.length) {
    assertValid(checkMemberList(rules, ids));
  }
}
