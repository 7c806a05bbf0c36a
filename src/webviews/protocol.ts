// The typed messages between the details panel and the extension. Plain data only; every message
// from the webview is validated on arrival (parseFromWebview) before the extension acts on it.

export interface FieldView {
  readonly label: string;
  readonly value: string;
}

export interface JobView {
  readonly jobId: string;
  readonly title: string;
  readonly state: 'queued' | 'running' | 'succeeded' | 'failed';
  readonly stateLabel: string;
  /** 0..100 where the cloud reports one. */
  readonly percent?: number;
  readonly startedAt: number;
  readonly finishedAt?: number;
  readonly error?: string;
  readonly detail?: string;
}

export interface PanelStrings {
  readonly [key: string]: string;
}

export interface DetailsState {
  /** Kept by the webview (setState) so the serializer can restore the panel after a reload. */
  readonly identity: PanelIdentity;
  readonly imageId: string;
  readonly name: string;
  readonly cloudLabel: string;
  readonly regionId: string;
  readonly gone: boolean;
  readonly fields: readonly FieldView[];
  readonly tags: readonly { key: string; value: string }[];
  readonly canTag: boolean;
  readonly tagNamesOnly: boolean;
  readonly members?: readonly { id: string; status?: string }[];
  readonly membersError?: string;
  readonly instanceTypes?: readonly string[];
  readonly jobs: readonly JobView[];
  readonly strings: PanelStrings;
  readonly error?: string;
}

export type ToWebview = { readonly type: 'state'; readonly state: DetailsState } | { readonly type: 'busy'; readonly busy: boolean };

export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  | { readonly type: 'addTag'; readonly key: string; readonly value: string }
  | { readonly type: 'removeTag'; readonly key: string }
  | { readonly type: 'copy'; readonly text: string }
  /** What the webview drew, read back from its DOM (tests and diagnostics). */
  | { readonly type: 'rendered'; readonly tags: readonly string[]; readonly jobs: readonly { jobId: string; percent: string; state: string }[] };

function isString(v: unknown, max = 2048): v is string {
  return typeof v === 'string' && v.length <= max;
}

function isStringArray(v: unknown, max = 500): v is string[] {
  return Array.isArray(v) && v.length <= max && v.every((x) => isString(x));
}

/** Returns the message if it has exactly the expected shape, else undefined. */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  if (typeof raw !== 'object' || raw === null) {
    return undefined;
  }
  const m = raw as Record<string, unknown>;
  switch (m['type']) {
    case 'ready':
    case 'refresh':
      return { type: m['type'] };
    case 'addTag':
      return isString(m['key'], 256) && isString(m['value'], 512) ? { type: 'addTag', key: m['key'], value: m['value'] } : undefined;
    case 'removeTag':
      return isString(m['key'], 256) ? { type: 'removeTag', key: m['key'] } : undefined;
    case 'copy':
      return isString(m['text'], 1024) ? { type: 'copy', text: m['text'] } : undefined;
    case 'rendered': {
      const jobs = m['jobs'];
      if (!isStringArray(m['tags']) || !Array.isArray(jobs) || jobs.length > 500) {
        return undefined;
      }
      const ok = jobs.every((j: unknown) => {
        const r = j as Record<string, unknown> | null;
        return !!r && isString(r['jobId']) && isString(r['percent']) && isString(r['state']);
      });
      return ok ? { type: 'rendered', tags: m['tags'] as string[], jobs: jobs as { jobId: string; percent: string; state: string }[] } : undefined;
    }
    default:
      return undefined;
  }
}

/** What a restored panel remembers (WebviewPanelSerializer state): ids only, never secrets. */
export interface PanelIdentity {
  readonly accountId: string;
  readonly regionId: string;
  readonly imageId: string;
}

export function parseIdentity(raw: unknown): PanelIdentity | undefined {
  if (typeof raw !== 'object' || raw === null) {
    return undefined;
  }
  const m = raw as Record<string, unknown>;
  return isString(m['accountId'], 200) && isString(m['regionId'], 200) && isString(m['imageId'], 300)
    ? { accountId: m['accountId'], regionId: m['regionId'], imageId: m['imageId'] }
    : undefined;
}
