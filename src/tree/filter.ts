// The instant filter over loaded images (plain text, no request): every word of the query must be
// found, ignoring case, in the image's name, ID, OS, status or tags. A word "key=value" asks for a tag
// whose key and value contain those parts ("env=" is any value of a key with "env").
//
// Matching is linear and builds no regular expression from what the user typed: the words go into one
// Aho–Corasick automaton (automaton.ts), built once per query, and each of an image's texts is read once,
// whatever the number of words, one table read per character. The words images share (status, OS, tags)
// are read once per query for each set of them the loader's images have (compact.ts gives each set one tag
// list): an image reads what its set gives, and its own name and ID only when that is not already all. The
// query itself is bounded (QUERY_LIMITS) before it gets here: see queryProblem.
import type { Image, Tag } from '../providers/core/model';
import { Automaton, foldText, type MatchMeter } from './automaton';
import { foldOwnText, type SharedWords } from './compact';

export type { MatchMeter } from './automaton';

export interface ImagePredicate {
  (image: Image): boolean;
  /** The same, given what the image's loader keeps for the filter (compact.ts searchRecordsOf). */
  readonly given?: (image: Image, own: string | true, shared: SharedWords | undefined) => boolean;
}

/** The longest query (in characters) and the most words the filter takes. */
export const QUERY_LIMITS = { length: 256, words: 16 } as const;

export type QueryProblem = 'length' | 'words';

function words(query: string): string[] {
  return query.trim().split(/\s+/u).filter(Boolean);
}

/** Why the filter refuses a query (too long, too many words); undefined when it takes it. */
export function queryProblem(query: string): QueryProblem | undefined {
  if (query.trim().length > QUERY_LIMITS.length) {
    return 'length';
  }
  return words(query).length > QUERY_LIMITS.words ? 'words' : undefined;
}

/**
 * A query saved in the workspace state, as a reload finds it: kept when the filter takes it, else dropped
 * with the reason (too long, too many words, or not text at all).
 */
export function restoredQuery(saved: unknown): { query?: string; dropped?: QueryProblem | 'notText' } {
  if (saved === undefined) {
    return {};
  }
  if (typeof saved !== 'string') {
    return { dropped: 'notText' };
  }
  const problem = queryProblem(saved);
  return problem ? { dropped: problem } : { query: saved };
}

const NONE: readonly number[] = Object.freeze([]);
/** The most plain words a query may have for its words to be looked for one by one (see `direct`). */
const DIRECT_WORDS = 4;

/** Whether an image's name or ID holds each of the folded words (one search of its text per word). */
function ownHolds(image: Image, own: string | true, words: readonly string[], meter: MatchMeter): boolean {
  const { name, id } = image;
  for (const word of words) {
    if (own === true) {
      meter.steps += name.length + (id === name ? 0 : id.length);
      if (!name.includes(word) && (id === name || !id.includes(word))) {
        return false;
      }
    } else {
      meter.steps += own.length;
      if (!own.includes(word)) {
        return false;
      }
    }
  }
  return true;
}
/** How many shared words one query remembers the patterns of (a bound: past it they are read each time). */
const MEMO_LIMIT = 4096;

interface TagWord {
  readonly key: number;
  /** -1 for any value ("env="). */
  readonly value: number;
}

/** The predicate for a query; undefined when the query has no word (nothing is filtered out). */
export function imageFilter(query: string, meter: MatchMeter = { steps: 0 }): ImagePredicate | undefined {
  const list = words(query);
  if (!list.length) {
    return undefined;
  }
  const automaton = new Automaton();
  const plain = new Set<number>();
  const tagWords: TagWord[] = [];
  for (const word of list) {
    const eq = word.indexOf('=');
    if (eq > 0) {
      const value = word.slice(eq + 1);
      tagWords.push({ key: automaton.add(word.slice(0, eq)), value: value ? automaton.add(value) : -1 });
    } else {
      plain.add(automaton.add(word));
    }
  }
  automaton.seal();
  const count = automaton.patterns.length;
  const isPlain = new Uint8Array(count);
  for (const p of plain) {
    isPlain[p] = 1;
  }
  // Tag words by their key's pattern, each kept once (two equal words are one condition).
  const byKey = new Map<number, TagWord[]>();
  for (const w of tagWords) {
    const list = byKey.get(w.key) ?? [];
    if (!list.some((x) => x.value === w.value)) {
      list.push(w);
    }
    byKey.set(w.key, list);
  }
  const tagWordCount = [...byKey.values()].reduce((n, l) => n + l.length, 0);
  // Stamps instead of clearing arrays per image: an entry counts only when it holds the current stamp.
  const inImage = new Int32Array(count);
  const inValue = new Int32Array(count);
  const tagWordDone = new Map<TagWord, number>();
  let stamp = 0;
  /** Counts the images whose shared words were read: a tag word counts once per image, whichever tags hold it. */
  let reading = 0;
  let tagWordsFound = 0;

  const onKey = (p: number): void => {
    for (const w of byKey.get(p) ?? []) {
      if ((w.value < 0 || inValue[w.value] === stamp) && tagWordDone.get(w) !== reading) {
        tagWordDone.set(w, reading);
        tagWordsFound++;
      }
    }
  };
  // The words thousands of images share (status, OS, tag keys and values: one string each, compact.ts)
  // are read once per query: the patterns each contains are kept, and an image reads the list.
  const memo = new Map<string, readonly number[]>();
  const collected: number[] = [];
  const collect = (p: number): void => void collected.push(p);
  const inWord = new Int32Array(count);
  let wordStamp = 0;
  const patternsIn = (text: string): readonly number[] => {
    let known = memo.get(text);
    if (known === undefined) {
      collected.length = 0;
      automaton.scan(text, inWord, ++wordStamp, meter, collect);
      known = collected.length ? collected.slice() : NONE;
      if (memo.size < MEMO_LIMIT) {
        memo.set(text, known);
      }
    }
    return known;
  };

  /** What an image's shared words give: the plain words they hold, and whether its tags hold every tag word. */
  interface SharedFound {
    readonly status: string;
    readonly osName: string | undefined;
    readonly osType: string | undefined;
    readonly plain: readonly number[];
    /** The plain words they do not hold, folded: what the image's name and ID must hold. */
    readonly missing: readonly string[];
    readonly tagsHold: boolean;
  }
  const plainList = [...plain];
  const foldedWord = plainList.map((p) => foldText(automaton.patterns[p]!));
  const inShared = new Int32Array(count);
  const readShared = (image: Image): SharedFound => {
    reading++;
    const found: number[] = [];
    const add = (text: string | undefined): void => {
      if (text !== undefined) {
        for (const p of patternsIn(text)) {
          if (isPlain[p] && inShared[p] !== reading) {
            inShared[p] = reading;
            found.push(p);
          }
        }
      }
    };
    add(image.status);
    add(image.osName);
    add(image.osType);
    tagWordsFound = 0;
    for (const tag of image.tags) {
      add(tag.key);
      add(tag.value);
      if (tagWordsFound < tagWordCount) {
        // This tag's value, then its key: a tag word holds when both parts are in the same tag.
        stamp++;
        for (const p of patternsIn(tag.value)) {
          inValue[p] = stamp;
        }
        for (const p of patternsIn(tag.key)) {
          onKey(p);
        }
      }
    }
    const missing: string[] = [];
    plainList.forEach((p, i) => {
      if (inShared[p] !== reading) {
        missing.push(foldedWord[i]!);
      }
    });
    return { status: image.status, osName: image.osName, osType: image.osType, plain: found, missing, tagsHold: tagWordsFound === tagWordCount };
  };
  // Images with the same shared words share one frozen tag list (compact.ts): what the words give is
  // kept by that list, and checked against the image's other shared words (any image is still read right).
  const byTags = new Map<readonly Tag[], SharedFound>();
  const sharedOf = (image: Image): SharedFound => {
    const { tags } = image;
    const known = byTags.get(tags);
    if (known !== undefined && known.status === image.status && known.osName === image.osName && known.osType === image.osType) {
      return known;
    }
    const found = readShared(image);
    if (byTags.size < MEMO_LIMIT && Object.isFrozen(tags)) {
      byTags.set(tags, found);
    }
    return found;
  };
  const wanted = plain.size;
  // A query within the limits, of a few words: each word missing from the shared words is looked for in
  // the name and ID folded once as the image arrived (compact.ts), by the engine's own search (linear in
  // the text for each word; the words are few). Any other query reads them through the automaton.
  const direct = queryProblem(query) === undefined && plain.size <= DIRECT_WORDS;

  const token = {};
  const test = (image: Image, own: string | true | undefined, words?: SharedWords): boolean => {
    let shared: SharedFound;
    if (words === undefined) {
      shared = sharedOf(image);
    } else if (words.foundBy === token) {
      shared = words.found as SharedFound;
    } else {
      shared = readShared(image);
      words.foundBy = token;
      words.found = shared;
    }
    if (!shared.tagsHold) {
      return false;
    }
    if (direct) {
      return !shared.missing.length || ownHolds(image, own ?? foldOwnText(image), shared.missing, meter);
    }
    const imageStamp = ++stamp;
    let found = 0;
    for (const p of shared.plain) {
      inImage[p] = imageStamp;
      found++;
    }
    if (found < wanted) {
      found += automaton.scanCounting(image.name, inImage, imageStamp, meter, isPlain);
      if (found < wanted && image.id !== image.name) {
        found += automaton.scanCounting(image.id, inImage, imageStamp, meter, isPlain);
      }
    }
    return found === wanted;
  };
  return Object.assign((image: Image) => test(image, undefined), { given: test });
}
