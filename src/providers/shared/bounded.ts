// Changes over many images, a bounded number in flight per region, easing off when the cloud throttles:
// the limit halves at a throttling answer (once per event: the calls already running when it was cut are
// the same event) and grows back by one per call answered unthrottled, never above the bound. The HTTP
// layer waits and sends again what the cloud refused unprocessed (throttling), so nothing is lost.

/**
 * Per-image changes (DeleteImage, DELETE /images/{id}) in flight per region at most. The clouds document
 * per-account rate limits far above this (Alibaba ECS: hundreds of calls per second per API), and a
 * throttling answer lowers it at once.
 */
export const CHANGES_IN_FLIGHT = 8;

/**
 * `fn` for every item, at most `bound` at a time (less after throttling, see above); `fn` calls
 * `throttled` each time the cloud throttles one of its requests. Resolves when every call has ended; the
 * first failure is thrown once the calls already running have ended (none starts after it).
 */
export function eachBounded<T>(items: readonly T[], bound: number, fn: (item: T, throttled: () => void) => Promise<unknown>): Promise<void> {
  const max = Math.max(1, Math.floor(bound));
  let limit = max;
  let running = 0;
  let next = 0;
  let started = 0;
  let cutAt = 0;
  let failure: { readonly error: unknown } | undefined;
  return new Promise<void>((resolve, reject) => {
    const pump = (): void => {
      while (!failure && running < limit && next < items.length) {
        const item = items[next++] as T;
        const seq = ++started;
        let wasThrottled = false;
        running++;
        const throttled = (): void => {
          wasThrottled = true;
          if (seq > cutAt) {
            limit = Math.max(1, Math.floor(limit / 2));
            cutAt = started;
          }
        };
        fn(item, throttled).then(
          () => {
            running--;
            if (!wasThrottled && seq > cutAt) {
              limit = Math.min(max, limit + 1);
            }
            pump();
          },
          (error: unknown) => {
            running--;
            failure ??= { error };
            pump();
          },
        );
      }
      if (running === 0) {
        if (failure) {
          reject(failure.error);
        } else if (next >= items.length) {
          resolve();
        }
      }
    };
    pump();
  });
}
