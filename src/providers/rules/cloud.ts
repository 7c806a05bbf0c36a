// What each cloud exposes (src/providers/*/rules.ts build these; the registry is src/providers/rules/index.ts):
// its tag, member, export, copy and edit rules, and the checks the providers make with them before a request.
import type { Tag } from '../core/model';
import type { ExportRequest } from '../core/exporting';
import type { ExportRules, InputProblem, TagRules } from '../core/rules';
import { assertValid, InvalidInputError } from './problems';

export function checkFormat(format: string, formats: readonly string[]): InputProblem | undefined {
  return formats.includes(format) ? undefined : { code: 'format', format, formats };
}

export function checkExport(rules: ExportRules, request: ExportRequest): InputProblem | undefined {
  return rules.checkBucket(request.bucket) ?? rules.checkObject(request.object) ?? (request.quick ? undefined : checkFormat(request.format, rules.formats));
}

/** Refuses tags to add that break the rules, or more distinct keys than an image can carry. */
export function assertTags(rules: TagRules, tags: readonly Tag[]): void {
  for (const tag of tags) {
    assertValid(rules.checkTag(tag));
  }
  const count = new Set(tags.map((t) => t.key)).size;
  const max = rules.limits.maxTagsPerImage;
  if (max !== undefined && count > max) {
    throw new InvalidInputError({ code: 'tooManyTags', count, max });
  }
}

/** Refuses keys (names) to remove that the remove call would refuse. */
export function assertUntagKeys(rules: TagRules, keys: readonly string[]): void {
  for (const key of keys) {
    assertValid(rules.checkUntagKey(key));
  }
}
