// How a change ended: made as the reply said or as reading back found, with the job to follow where the
// cloud started one, and the images of a change over several that it was not made to.
import type { JobStart } from './jobs';

/**
 * How a change ended. Each change is sent once (see providers/transport/http.ts and reconcile.ts); when its reply
 * was lost and the cloud's state, read back, showed the change made, `confirmedBy` is 'read-back'.
 * A change whose outcome even reading back cannot settle is an OutcomeUnknown ProviderError instead.
 */
export interface ChangeResult {
  /** The async job to follow, where the cloud started one (or one was found running on reading back). */
  readonly job?: JobStart;
  readonly confirmedBy: 'reply' | 'read-back';
  /**
   * The images of a change over several that it was not made to, each with the cloud's error (an
   * OutcomeUnknown error where even reading back could not tell); the others were changed.
   */
  readonly failed?: readonly ImageFailure[];
  /** Images whose change got a job of its own (a batch split per image), instead of `job`. */
  readonly jobs?: readonly ImageJob[];
}

export interface ImageFailure {
  readonly imageId: string;
  readonly error: unknown;
}

export interface ImageJob {
  readonly imageId: string;
  readonly job: JobStart;
}

export interface StartedJob extends ChangeResult {
  readonly job: JobStart;
}
