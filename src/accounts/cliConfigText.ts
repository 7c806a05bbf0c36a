// The two text formats of the vendors' CLI configuration files, parsed without a dependency and without ever
// quoting the text back: a JSON parser (Alibaba Cloud CLI, Huawei KooCLI) and the flat YAML subset that
// QingCloud's config.yaml uses. Errors carry a stable code and a line/column or a field name, never the
// file's content, because these files hold secrets.

/** Why a configuration file could not be read. Stable codes the UI localises. */
export type CliConfigErrorCode =
  /** The file could not be read (permissions, ...). */
  | 'unreadable'
  /** Not a regular file once links are followed (a directory, a FIFO, a device, a socket): never opened for reading. */
  | 'not-a-file'
  /** Larger than a CLI's configuration ever is (MAX_CLI_CONFIG_BYTES): refused before or while reading. */
  | 'too-large'
  /** Reading took longer than the time allowed (a file system that does not answer). */
  | 'timeout'
  /** The file holds nothing but whitespace (and, in YAML, comments). */
  | 'empty'
  /** Not JSON: `line`/`column` point at the first offending character. */
  | 'invalid-json'
  /** Not YAML: `line`/`column` point at the first offending character. */
  | 'invalid-yaml'
  /** Valid YAML, but more than the flat `key: value` mapping the CLI writes (nesting, lists, anchors, ...). */
  | 'unsupported-yaml'
  /** A key given twice in the YAML mapping (`field` names it). */
  | 'duplicate-key'
  /** A value of the wrong type or out of range; `field` is its path, e.g. `profiles[2].access_key_id` or `port`. */
  | 'invalid-field';

export interface CliConfigErrorDetails {
  readonly line?: number;
  readonly column?: number;
  readonly field?: string;
}

/** A configuration file that cannot be used. Its message names a position or a field, never a value. */
export class CliConfigError extends Error {
  readonly line?: number;
  readonly column?: number;
  readonly field?: string;

  constructor(
    readonly code: CliConfigErrorCode,
    details: CliConfigErrorDetails = {},
  ) {
    super(describe(code, details));
    this.name = 'CliConfigError';
    this.line = details.line;
    this.column = details.column;
    this.field = details.field;
  }
}

function describe(code: CliConfigErrorCode, d: CliConfigErrorDetails): string {
  const where = d.line !== undefined ? ` at line ${d.line}, column ${d.column ?? 1}` : '';
  const field = d.field !== undefined ? ` (${d.field})` : '';
  return `CLI configuration: ${code}${where}${field}`;
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Drops a UTF-8 byte-order mark, which Windows editors like to add. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// --- JSON ---------------------------------------------------------------------------------------------

const MAX_DEPTH = 64;
const JSON_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

class JsonFailure {
  constructor(readonly offset: number) {}
}

/**
 * Parses JSON (RFC 8259) into plain values; objects have no prototype, so a `__proto__` key is just a key.
 * Later duplicate keys win, as in JSON.parse and Go's encoding/json. Throws CliConfigError.
 */
export function parseJsonText(raw: string): unknown {
  const text = withoutBom(raw);
  if (text.trim() === '') {
    throw new CliConfigError('empty');
  }
  let i = 0;
  const fail = (at = i): never => {
    throw new JsonFailure(at);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) {
      i++;
    }
  };
  const literal = (word: string, value: unknown): unknown => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return value;
    }
    return fail();
  };
  const string = (): string => {
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) {
        fail();
      }
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch.charCodeAt(0) < 0x20) {
        fail();
      }
      if (ch !== '\\') {
        out += ch;
        i++;
        continue;
      }
      const esc = text[i + 1] ?? '';
      if (Object.hasOwn(JSON_ESCAPES, esc)) {
        out += JSON_ESCAPES[esc];
        i += 2;
      } else if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        fail(i + 1);
      }
    }
  };
  const number = (): number => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) {
      return fail();
    }
    i += m[0].length;
    return Number(m[0]);
  };
  /** The members of an object or array, from its opening bracket to `close`, each read by `item`. */
  const items = (close: string, item: () => void): void => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      ws();
      if (text[i] === ',') {
        i++;
      } else if (text[i] === close) {
        i++;
        return;
      } else {
        fail();
      }
    }
  };
  const value = (depth: number): unknown => {
    ws();
    if (depth > MAX_DEPTH) {
      fail();
    }
    const ch = text[i];
    if (ch === '{') {
      const obj = Object.create(null) as Record<string, unknown>;
      items('}', () => {
        ws();
        if (text[i] !== '"') {
          fail();
        }
        const key = string();
        ws();
        if (text[i] !== ':') {
          fail();
        }
        i++;
        obj[key] = value(depth + 1);
      });
      return obj;
    }
    if (ch === '[') {
      const arr: unknown[] = [];
      items(']', () => arr.push(value(depth + 1)));
      return arr;
    }
    if (ch === '"') {
      return string();
    }
    if (ch === 't') {
      return literal('true', true);
    }
    if (ch === 'f') {
      return literal('false', false);
    }
    if (ch === 'n') {
      return literal('null', null);
    }
    return number();
  };
  try {
    const result = value(0);
    ws();
    if (i < text.length) {
      fail();
    }
    return result;
  } catch (e) {
    if (e instanceof JsonFailure) {
      throw new CliConfigError('invalid-json', positionOf(text, e.offset));
    }
    throw e;
  }
}

// --- flat YAML ----------------------------------------------------------------------------------------

/**
 * Parses the YAML subset QingCloud's CLI and SDKs write: one block mapping of `key: scalar` lines at column 1,
 * with comments, blank lines, `---`/`...` markers, plain, 'single-' and "double-quoted" scalars. Anything
 * richer is refused with `unsupported-yaml` rather than misread. Throws CliConfigError.
 */
export function parseFlatYaml(raw: string): Map<string, string | null> {
  const text = withoutBom(raw);
  const out = new Map<string, string | null>();
  const lines = text.split(/\r?\n/);
  let content = false;
  lines.forEach((rawLine, index) => {
    const line = index + 1;
    const trimmed = rawLine.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed === '---' || trimmed === '...') {
      return;
    }
    content = true;
    if (/^\s/.test(rawLine)) {
      throw new CliConfigError('unsupported-yaml', { line, column: 1 });
    }
    if (/^[-?[{&*!|>%@`'"]/.test(rawLine) && !/^-[^\s]/.test(rawLine)) {
      throw new CliConfigError('unsupported-yaml', { line, column: 1 });
    }
    const m = /^([^\s:#'"][^:#]*?)[ \t]*:(?:[ \t]+|$)/.exec(rawLine);
    if (!m) {
      throw new CliConfigError('invalid-yaml', { line, column: 1 });
    }
    const key = m[1]!;
    if (out.has(key)) {
      throw new CliConfigError('duplicate-key', { line, column: 1, field: key });
    }
    out.set(key, scalarOf(rawLine, m[0].length, line));
  });
  if (!content) {
    throw new CliConfigError('empty');
  }
  return out;
}

/** YAML 1.2's single-character escapes in double-quoted scalars (§5.7). */
const YAML_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ',
  '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
/** YAML's escapes followed by a fixed number of hex digits. */
const YAML_HEX_ESCAPES: Record<string, number | undefined> = { x: 2, u: 4, U: 8 };

/** The scalar after `key: `: its text (unquoted, unescaped), or null for an empty or null value. */
function scalarOf(rawLine: string, start: number, line: number): string | null {
  const rest = rawLine.slice(start);
  const at = (offset: number): { line: number; column: number } => ({ line, column: start + offset + 1 });
  const afterQuoted = (end: number): void => {
    const tail = rest.slice(end).trim();
    if (tail !== '' && !tail.startsWith('#')) {
      throw new CliConfigError('invalid-yaml', at(end));
    }
  };
  if (rest.startsWith("'")) {
    let out = '';
    for (let i = 1; i < rest.length; i++) {
      if (rest[i] === "'") {
        if (rest[i + 1] === "'") {
          out += "'";
          i++;
          continue;
        }
        afterQuoted(i + 1);
        return out;
      }
      out += rest[i];
    }
    throw new CliConfigError('invalid-yaml', at(rest.length));
  }
  if (rest.startsWith('"')) {
    let out = '';
    for (let i = 1; i < rest.length; i++) {
      const ch = rest[i]!;
      if (ch === '"') {
        afterQuoted(i + 1);
        return out;
      }
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const esc = rest[i + 1] ?? '';
      const hexLength = YAML_HEX_ESCAPES[esc];
      if (Object.hasOwn(YAML_ESCAPES, esc)) {
        out += YAML_ESCAPES[esc];
        i++;
      } else if (hexLength !== undefined && new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(rest.slice(i + 2, i + 2 + hexLength))) {
        const code = parseInt(rest.slice(i + 2, i + 2 + hexLength), 16);
        if (code > 0x10ffff) {
          throw new CliConfigError('invalid-yaml', at(i + 1));
        }
        out += String.fromCodePoint(code);
        i += 1 + hexLength;
      } else {
        throw new CliConfigError('invalid-yaml', at(i + 1));
      }
    }
    throw new CliConfigError('invalid-yaml', at(rest.length));
  }
  if (/^[[{&*!|>@`%]/.test(rest)) {
    throw new CliConfigError('unsupported-yaml', at(0));
  }
  const plain = rest.replace(/(^|[ \t])#.*$/, '').trim();
  const nested = /:([ \t]|$)/.exec(plain);
  if (nested) {
    throw new CliConfigError('invalid-yaml', at(rest.indexOf(plain) + nested.index));
  }
  return ['', '~', 'null', 'Null', 'NULL'].includes(plain) ? null : plain;
}
