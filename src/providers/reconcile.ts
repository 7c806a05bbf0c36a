// One mechanism for every provider's changes. A change is sent once: the HTTP layer sends it again only
// when the first attempt provably did not reach the cloud (http.ts, CallKind). When its outcome is
// unknown (a lost or garbled reply, a timeout, a 5xx), the cloud's state is read back: a delete whose
// image is gone succeeded, an export whose running task is found is that task, a share whose members
// are listed is done. What reading back cannot settle stays an OutcomeUnknown error that says what was
// seen, never a failure that may be false. How to read the state back is each cloud's (its provider's).
import { OUTCOME_UNKNOWN, ProviderError, outcomeUnknown, type ChangeKind } from './errors';
import type { Image, Tag } from './model';
import type { ChangeResult, JobStart, Member } from './operations';

/** What reading back found: the change was made, and what its reply would have said. */
export interface Found<T> {
  readonly value: T;
}

export interface Change<T> {
  readonly kind: ChangeKind;
  /** The images the change is about, for the words an unknown outcome gets. */
  readonly imageIds: readonly string[];
  /** Sends the change (once). */
  readonly send: () => Promise<T>;
  /**
   * Reads the state back after an unknown outcome: Found when it shows the change made, undefined when
   * it does not (yet). Absent where the cloud offers no way to tell.
   */
  readonly readBack?: () => Promise<Found<T> | undefined>;
}

/** The calls of one user action: each change is settled on its own; the result says how it was known. */
export class Changes {
  private readBack = false;

  async run<T>(change: Change<T>): Promise<T> {
    try {
      return await change.send();
    } catch (err) {
      if (!ProviderError.isOutcomeUnknown(err)) {
        throw err;
      }
      const found = await this.settle(change, err);
      this.readBack = true;
      return found.value;
    }
  }

  result(job?: JobStart): ChangeResult {
    return { ...(job ? { job } : {}), confirmedBy: this.readBack ? 'read-back' : 'reply' };
  }

  private async settle<T>(change: Change<T>, unknown: ProviderError): Promise<Found<T>> {
    const cause = unknown.cause instanceof ProviderError && unknown.code === OUTCOME_UNKNOWN ? unknown.cause : unknown;
    const stays = (readBack: 'no-change' | 'undecidable'): ProviderError =>
      outcomeUnknown(cause, { change: change.kind, imageIds: change.imageIds, readBack });
    if (!change.readBack) {
      throw stays('undecidable');
    }
    let found: Found<T> | undefined;
    try {
      found = await change.readBack();
    } catch {
      // Reading back failed too (or was cancelled): nothing more is known.
      throw stays('undecidable');
    }
    if (!found) {
      throw stays('no-change');
    }
    return found;
  }
}

/** Delete: every image is gone (`getImage` answers undefined for one the cloud no longer has). */
export async function imagesGone(
  getImage: (regionId: string, imageId: string, signal?: AbortSignal) => Promise<Image | undefined>,
  regionId: string,
  imageIds: readonly string[],
  signal?: AbortSignal,
): Promise<Found<undefined> | undefined> {
  for (const id of imageIds) {
    if (await getImage(regionId, id, signal)) {
      return undefined;
    }
  }
  return { value: undefined };
}

/** Share (`present`) or unshare: the members list shows every id given, or none of them. */
export async function membersShow(
  listMembers: (regionId: string, imageId: string, signal?: AbortSignal) => Promise<Member[]>,
  regionId: string,
  imageId: string,
  memberIds: readonly string[],
  present: boolean,
  signal?: AbortSignal,
): Promise<Found<undefined> | undefined> {
  const listed = new Set((await listMembers(regionId, imageId, signal)).map((m) => m.id));
  return memberIds.every((id) => listed.has(id) === present) ? { value: undefined } : undefined;
}

/** Tag: every image has every tag with its value. Untag (`tags` empty, `removedKeys` given): none has any of the keys. */
export async function tagsShow(
  listTags: (regionId: string, imageId: string, signal?: AbortSignal) => Promise<Tag[]>,
  regionId: string,
  imageIds: readonly string[],
  expected: { readonly tags?: readonly Tag[]; readonly removedKeys?: readonly string[] },
  signal?: AbortSignal,
): Promise<Found<undefined> | undefined> {
  for (const id of imageIds) {
    const has = new Map((await listTags(regionId, id, signal)).map((t) => [t.key, t.value]));
    const added = (expected.tags ?? []).every((t) => has.get(t.key) === t.value);
    const removed = (expected.removedKeys ?? []).every((k) => !has.has(k));
    if (!added || !removed) {
      return undefined;
    }
  }
  return { value: undefined };
}

/** Edit (rename, description, status): the image is there and shows the change. */
export async function imageShows(
  getImage: (regionId: string, imageId: string, signal?: AbortSignal) => Promise<Image | undefined>,
  regionId: string,
  imageId: string,
  shows: (image: Image) => boolean,
  signal?: AbortSignal,
): Promise<Found<undefined> | undefined> {
  const image = await getImage(regionId, imageId, signal);
  return image && shows(image) ? { value: undefined } : undefined;
}
