// What the provider tests share: an HTTP client whose back-off sleeps are recorded (not slept),
// the error code a call ends with, and every image of a region paged to the end.
import { ProviderError } from '../../../src/providers/core/errors';
import { HttpClient } from '../../../src/providers/transport/http';
import type { Cursor, Image } from '../../../src/providers/core/model';
import type { ImageProvider } from '../../../src/providers/core/provider';

export function recordingHttp(): { http: HttpClient; sleeps: number[] } {
  const sleeps: number[] = [];
  const http = new HttpClient({
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  });
  return { http, sleeps };
}

/** 'ok', or the ProviderError's code the call failed with. */
export function codeOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'ok',
    (e: unknown) => (e instanceof ProviderError ? e.code : String(e)),
  );
}

/** Every image of a region, page after page, with its raw JSON (for tests that read a raw field). */
export async function allImages(provider: ImageProvider, regionId: string, pageSize: number): Promise<Image[]> {
  const seen: Image[] = [];
  let cursor: Cursor | undefined;
  do {
    const page = await provider.listImages({ regionId, pageSize, cursor, raw: true });
    seen.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return seen;
}
