// The scanner on a log just under the size limit (MAX_DOCUMENT_CHARS, 50 MB): half a million lines of a
// service's log, image IDs of three clouds sprinkled among request UUIDs that are not. The document is
// the extension host's own (HostDocument models its ExtHostDocumentData: the lines as the host holds
// them, getText() joining them all, getText(range) joining those of the range, offsetAt/positionAt over
// its prefix sums, the same code as the host's), read as the extension reads it: today's way (one
// getText() of the whole, then the scan) and in pieces (text.ts) at positions of our own index of line
// starts (lineIndex.ts, measured as docLines.ts measures it; the host's offsetAt/positionAt never asked).
// For each, the longest block of this thread and the CPU in it; and the launch checks' read of what the
// file says around every ID, in windows of the handed-on pieces (launchContext.ts), one ID per check-in
// as launch.ts reads them.
import { LaunchContextReader } from '../../src/editor/launchContext';
import { indexedReader, LineIndex, type LineSource } from '../../src/editor/lineIndex';
import { distinctRefs } from '../../src/editor/refs';
import { scanImageIds } from '../../src/editor/scan';
import { Slicer } from '../../src/editor/slices';
import { MAX_DOCUMENT_CHARS, readPieces } from '../../src/editor/text';
import { longestBlock, type Block } from './scannerBlock';

interface Position {
  readonly line: number;
  readonly character: number;
}

/** The extension host's text document, as its code holds and reads it (MirrorTextModel, ExtHostDocumentData, PrefixSumComputer). */
export class HostDocument {
  private cached: string | null = null;
  private lineStarts: { values: Uint32Array; prefixSum: Uint32Array; valid: number } | null = null;

  constructor(
    private readonly lines: readonly string[],
    readonly eol = '\n',
  ) {}

  get lineCount(): number {
    return this.lines.length;
  }

  /** `getText()`: every line joined, kept until the next edit. */
  getText(range?: { start: Position; end: Position }): string {
    if (range) {
      return this.textInRange(this.validate(range.start), this.validate(range.end));
    }
    this.cached ??= this.lines.join(this.eol);
    return this.cached;
  }

  lineEnd(line: number): Position {
    return { line, character: this.lines[line]!.length };
  }

  offsetAt(position: Position): number {
    const p = this.validate(position);
    this.ensureLineStarts();
    return this.prefixSum(p.line - 1) + p.character;
  }

  positionAt(offset: number): Position {
    const at = Math.max(0, Math.floor(offset));
    this.ensureLineStarts();
    const { values, prefixSum } = this.lineStarts!;
    this.prefixSum(values.length - 1);
    let lo = 0;
    let hi = values.length - 1;
    let mid = 0;
    let start = 0;
    while (lo <= hi) {
      mid = lo + ((hi - lo) / 2) | 0;
      const end = prefixSum[mid]!;
      start = end - values[mid]!;
      if (at < start) {
        hi = mid - 1;
      } else if (at >= end) {
        lo = mid + 1;
      } else {
        break;
      }
    }
    return { line: mid, character: Math.min(at - start, this.lines[mid]!.length) };
  }

  private validate({ line, character }: Position): Position {
    if (line < 0) {
      return { line: 0, character: 0 };
    }
    if (line >= this.lines.length) {
      return this.lineEnd(this.lines.length - 1);
    }
    return { line, character: Math.max(0, Math.min(character, this.lines[line]!.length)) };
  }

  private textInRange(start: Position, end: Position): string {
    if (start.line === end.line && start.character === end.character) {
      return '';
    }
    if (start.line === end.line) {
      return this.lines[start.line]!.substring(start.character, end.character);
    }
    const parts = [this.lines[start.line]!.substring(start.character)];
    for (let i = start.line + 1; i < end.line; i++) {
      parts.push(this.lines[i]!);
    }
    parts.push(this.lines[end.line]!.substring(0, end.character));
    return parts.join(this.eol);
  }

  private ensureLineStarts(): void {
    if (!this.lineStarts) {
      const values = new Uint32Array(this.lines.length);
      for (let i = 0; i < this.lines.length; i++) {
        values[i] = this.lines[i]!.length + this.eol.length;
      }
      this.lineStarts = { values, prefixSum: new Uint32Array(values.length), valid: -1 };
    }
  }

  private prefixSum(index: number): number {
    if (index < 0) {
      return 0;
    }
    const s = this.lineStarts!;
    if (index <= s.valid) {
      return s.prefixSum[index]!;
    }
    let from = s.valid + 1;
    if (from === 0) {
      s.prefixSum[0] = s.values[0]!;
      from++;
    }
    for (let i = from; i <= index; i++) {
      s.prefixSum[i] = s.prefixSum[i - 1]! + s.values[i]!;
    }
    s.valid = Math.max(s.valid, index);
    return s.prefixSum[index]!;
  }
}

/** The document's lines as docLines.ts measures them: each line's text to its end (no text line kept by the host), the line break's length. */
function linesOf(doc: HostDocument): LineSource {
  return {
    lineCount: doc.lineCount,
    lineLength: (line) => doc.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } }).length,
    eolLength: doc.eol.length,
  };
}

/** A service's log just under `chars`: one line in 40 launches an image (Alibaba, QingCloud, or Huawei under an image key), every line has a request UUID. */
export function logLines(chars: number): string[] {
  const lines: string[] = [];
  const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0').slice(-width);
  for (let n = 0, size = 0; ; n++) {
    const time = new Date(Date.UTC(2026, 11, 1) + n * 173).toISOString();
    const level = n % 97 === 0 ? 'WARN ' : n % 7 === 0 ? 'DEBUG' : 'INFO ';
    const request = `${hex(n * 2654435761, 8)}-${hex(n, 4)}-4${hex(n >> 4, 3)}-9${hex(n >> 8, 3)}-${hex(n * 40503, 12)}`;
    let message: string;
    switch (n % 40) {
      case 0:
        message = `launch instance i-${hex(n, 12)} from image m-bp1g7004ksh0oe${(n % 997).toString(36).padStart(4, '0')} type ecs.g7.large`;
        break;
      case 13:
        message = `qingcloud run_instances image_id=img-${(n % 3000).toString(36).padStart(8, '0')} zone=pek3a`;
        break;
      case 27:
        message = `ims create server image_id=${hex(n % 500, 8)}-4b5a-4c6d-9e7f-${hex(n % 500, 12)} flavor=s6.large.2`;
        break;
      default:
        message = `GET /v1/instances?page=${n % 50} 200 ${(n * 7) % 900} ms bytes=${(n * 131) % 65536} user=svc-${n % 23}`;
    }
    const line = `${time} ${level} [worker-${n % 16}] request_id=${request} ${message}`;
    if (size + line.length + 1 > chars) {
      return lines;
    }
    lines.push(line);
    size += line.length + 1;
  }
}

export interface LogRow {
  readonly chars: number;
  readonly lines: number;
  readonly ids: number;
  readonly distinct: number;
  /** Today's way: the host's getText() of the whole document, then the scan. */
  readonly whole: Block;
  /** getText() alone: the host joining every line (one block). */
  readonly join: Block;
  /** In pieces: the reads and the scan in slices, then the distinct IDs. */
  readonly pieces: Block;
  /** The launch checks' read around every ID of the handed-on pieces (windows of them, never the whole text joined). */
  readonly launch: Block;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** The log read and scanned both ways, in a fresh document each (the host keeps a getText() until the next edit). */
export async function logRow(chars = MAX_DOCUMENT_CHARS - 256 * 1024): Promise<LogRow> {
  const lines = logLines(chars);
  gc();
  // In pieces: our index of line starts (the size check), pieces at its positions, the scan, the distinct IDs; as scope.ts and diagnostics.ts do.
  let doc = new HostDocument(lines);
  const { value: scanned, ...pieces } = await longestBlock(async () => {
    const slicer = new Slicer();
    const index = (await LineIndex.build(linesOf(doc), slicer, MAX_DOCUMENT_CHARS))!;
    const text = await readPieces(indexedReader(index, (start, end) => doc.getText({ start, end })), slicer);
    const matches = await scanImageIds(text);
    const [visible, rest] = await distinctRefs(matches, [[0, 4000]], new Slicer());
    return { text, matches, distinct: visible.length + rest.length };
  });
  const launch = await longestBlock(async () => {
    const reader = new LaunchContextReader(scanned.text);
    const slicer = new Slicer();
    let typed = 0;
    for (const match of scanned.matches) {
      await slicer.tick();
      typed += reader.at(match.start, match.cloud).instanceType === undefined ? 0 : 1;
    }
    return typed;
  });
  gc();
  // Today's way: one getText() (the host joins every line), then the scan of that string.
  doc = new HostDocument(lines);
  const join = await longestBlock(() => Promise.resolve(doc.getText().length));
  doc = new HostDocument(lines);
  gc();
  const whole = await longestBlock(async () => (await scanImageIds(doc.getText())).length);
  return { chars: doc.offsetAt(doc.lineEnd(doc.lineCount - 1)), lines: lines.length, ids: scanned.matches.length, distinct: scanned.distinct, whole, join, pieces, launch };
}
