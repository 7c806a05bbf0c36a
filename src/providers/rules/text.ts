// One text against one rule (length in characters or bytes, white space, control characters, prefixes,
// forbidden text, characters): the piece every cloud's name, tag, bucket and description rules are built from.
import type { InputProblem, TextRule } from '../core/rules';

/** Characters as the clouds count them: code points (an emoji is one), not UTF-16 units. */
export function charCount(text: string): number {
  return Array.from(text).length;
}

export function byteCount(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/** One text against one rule: required, white space, control characters, length, prefixes, forbidden text, characters. */
export function checkText(text: string, rule: TextRule): InputProblem | undefined {
  const { field } = rule;
  if (!text.length) {
    return rule.min > 0 ? { code: 'required', field } : undefined;
  }
  if ((rule.noOuterSpace ?? true) && text.trim() !== text) {
    return { code: 'whitespace', field };
  }
  if ((rule.noControl ?? true) && CONTROL.test(text)) {
    return { code: 'control', field };
  }
  const unit = rule.unit ?? 'characters';
  const length = unit === 'bytes' ? byteCount(text) : charCount(text);
  if (length > rule.max) {
    return { code: 'tooLong', field, length, max: rule.max, unit };
  }
  if (length < rule.min) {
    return { code: 'tooShort', field, length, min: rule.min };
  }
  const lower = text.toLowerCase();
  if (rule.reservedPrefixes?.some((p) => lower.startsWith(p))) {
    return { code: 'reservedPrefix', field, prefixes: rule.reservedPrefixes };
  }
  if (rule.forbidden?.some((f) => lower.includes(f))) {
    return { code: 'forbiddenText', field, texts: rule.forbidden };
  }
  if (rule.charset && !rule.charset.test(text)) {
    return { code: 'charset', field, charset: rule.charset.name };
  }
  return undefined;
}
