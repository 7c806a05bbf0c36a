// One mechanism for every provider's changes. A change is sent once: the HTTP layer sends it again only
// when the first attempt provably did not reach the cloud (http.ts, CallKind). When its outcome is
// unknown (a lost or garbled reply, a timeout, a 5xx), the cloud's state is read back: a delete whose
// image is gone succeeded, an export whose running task is found is that task, a share whose members
// are listed is done. What reading back cannot settle stays an OutcomeUnknown error that says what was
// seen, never a failure that may be false. How to read the state back is each cloud's (its provider's).
import { OUTCOME_UNKNOWN, ProviderError, outcomeUnknown, type ChangeKind } from '../core/errors';
import type { Image, Tag } from '../core/model';
import type { ChangeResult, ImageFailure, ImageJob } from '../core/changes';
import type { JobStart } from '../core/jobs';
import type { Member } from '../core/sharing';

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

/**
 * A change over several images sent in one call (a batch), and how to tell each image's part when the
 * batch is refused: `applied` reads one image back (true when it shows the change made), `single` is
 * the same change for that image alone.
 */
export interface BatchChange<T> extends Change<T> {
  readonly applied: (imageId: string) => Promise<boolean>;
  readonly single: (imageId: string) => Change<T>;
}

const FAILURES = new WeakMap<object, readonly ImageFailure[]>();

/** The per-image failures behind an error a change over several images threw because none was made. */
export function imageFailures(err: unknown): readonly ImageFailure[] | undefined {
  return typeof err === 'object' && err !== null ? FAILURES.get(err) : undefined;
}

/**
 * The calls of one user action: each change is settled on its own; the result says how it was known.
 * `run` throws a change's failure; `attempt` and `attemptBatch` record it against its images and go on,
 * so that the result tells which images were changed and which were not (`ChangeResult.failed`). When
 * no image was changed, `result` throws the first failure instead (`imageFailures` gives them all).
 */
export class Changes {
  private readBack = false;
  private readonly failures: ImageFailure[] = [];
  private readonly jobs: ImageJob[] = [];
  private readonly attempted = new Set<string>();

  /** Like `run`, but a failure is recorded for the change's images (undefined is returned); cancelling still throws. */
  async attempt<T>(change: Change<T>): Promise<T | undefined> {
    const outcome = await this.tryRun(change);
    if ('error' in outcome) {
      this.fail(change.imageIds, outcome.error);
      return undefined;
    }
    return outcome.value;
  }

  /**
   * A batch whose refusal is attributed per image: when the cloud refuses the batch outright (a definite
   * error: it says it did nothing), each image is read back; one that shows the change made is done, and
   * only the others are sent alone, once each, so the image at fault keeps its own error. A batch whose
   * outcome is unknown is never sent again: its images stay unknown unless reading back settled them.
   * `onSingle` receives each image's own answer (e.g. the job its call started).
   */
  async attemptBatch<T>(change: BatchChange<T>, onSingle?: (imageId: string, value: T) => void): Promise<T | undefined> {
    const outcome = await this.tryRun(change);
    if (!('error' in outcome)) {
      return outcome.value;
    }
    const err = outcome.error;
    if (ProviderError.isOutcomeUnknown(err) || change.imageIds.length < 2) {
      this.fail(change.imageIds, err);
      return undefined;
    }
    for (const imageId of change.imageIds) {
      let applied: boolean;
      try {
        applied = await change.applied(imageId);
      } catch (readErr) {
        if (ProviderError.isAbort(readErr)) {
          throw readErr;
        }
        // Not known whether this image's part was made: it is not sent again.
        this.fail([imageId], err);
        continue;
      }
      if (!applied) {
        const single = change.single(imageId);
        const value = await this.attempt(single);
        if (value !== undefined && onSingle) {
          onSingle(imageId, value);
        }
      }
    }
    return undefined;
  }

  /** Sends the change (settled as `run` does); a failure is returned, a cancellation thrown. */
  private async tryRun<T>(change: Change<T>): Promise<{ value: T } | { error: unknown }> {
    change.imageIds.forEach((id) => this.attempted.add(id));
    try {
      return { value: await this.run(change) };
    } catch (error) {
      if (ProviderError.isAbort(error)) {
        throw error;
      }
      return { error };
    }
  }

  private fail(imageIds: readonly string[], error: unknown): void {
    this.failures.push(...imageIds.map((imageId) => ({ imageId, error })));
  }

  /** Records the job one image's own call started (a batch split per image). */
  addJob(imageId: string, job: JobStart): void {
    this.jobs.push({ imageId, job });
  }

  /** Whether an image's change failed (so far). */
  failedFor(imageId: string): boolean {
    return this.failures.some((f) => f.imageId === imageId);
  }

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

  /** How the change ended; throws the first failure when every image attempted failed. */
  result(job?: JobStart): ChangeResult {
    const first = this.failures[0];
    if (first && [...this.attempted].every((id) => this.failedFor(id))) {
      if (typeof first.error === 'object' && first.error !== null) {
        FAILURES.set(first.error, [...this.failures]);
      }
      throw first.error;
    }
    return {
      ...(job ? { job } : {}),
      confirmedBy: this.readBack ? 'read-back' : 'reply',
      ...(this.failures.length ? { failed: [...this.failures] } : {}),
      ...(this.jobs.length ? { jobs: [...this.jobs] } : {}),
    };
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
