// The typed messages between the details panel and the extension. Plain data only; every message
// from the webview is validated on arrival (parseFromWebview) before the extension acts on it.

/** One raw field of the image: its name in the display language, the value as a user reads it, and both as the cloud gave them. */
export interface FieldView {
  /** The cloud's own (flattened) field name, e.g. "CreationTime", "DiskDeviceMappings.DiskDeviceMapping[0].Size". */
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly raw: string;
}

export interface FieldGroupView {
  readonly id: string;
  readonly title: string;
  readonly fields: readonly FieldView[];
}

/** What the panel drew, read back from its DOM (tests and diagnostics). */
export interface RenderedView {
  /** The heading and the description under it, as shown. */
  readonly name: string;
  readonly description: string;
  /** Each tag as shown on screen (CSS applied), e.g. "env=staging". */
  readonly tags: readonly string[];
  /** The labels of the header's action buttons, in order. */
  readonly actions: readonly string[];
  readonly jobs: readonly { jobId: string; percent: string; state: string; title: string; elapsed: string; error: string; note: string; download: string }[];
  /** Section and group headings, in order. */
  readonly sections: readonly string[];
  readonly fields: readonly { key: string; label: string; value: string }[];
  /** The supported-instance-types section as shown: its list (or its "none" line), and its failure. */
  readonly instanceTypes: string;
  readonly instanceTypesError: string;
}

export interface JobView {
  readonly jobId: string;
  readonly title: string;
  readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  readonly stateLabel: string;
  /** 0..100 where the cloud reports one. */
  readonly percent?: number;
  readonly startedAt: number;
  readonly finishedAt?: number;
  readonly error?: string;
  /** A cancelled job: who cancelled it, and what the user should check. */
  readonly note?: string;
  readonly detail?: string;
  /** A finished export whose objects can be downloaded: the row offers Download…. */
  readonly canDownload?: boolean;
}

export interface PanelStrings {
  readonly [key: string]: string;
}

export interface DetailsState {
  /** Kept by the webview (setState) so the serializer can restore the panel after a reload. */
  readonly identity: PanelIdentity;
  readonly imageId: string;
  readonly name: string;
  readonly description?: string;
  readonly cloudLabel: string;
  readonly regionId: string;
  readonly gone: boolean;
  readonly fields: readonly FieldGroupView[];
  readonly tags: readonly { key: string; value: string }[];
  readonly canTag: boolean;
  readonly tagNamesOnly: boolean;
  /** Rename and Edit Description are offered (an own image, on a cloud that can). */
  readonly canEdit: boolean;
  /** Deprecate / Make Available are offered (an own Alibaba image); `deprecated` says which. */
  readonly canDeprecate: boolean;
  readonly deprecated: boolean;
  /** Each member with its answer and since when, in words. */
  readonly members?: readonly { id: string; status?: string; since?: string }[];
  readonly membersError?: string;
  readonly instanceTypes?: readonly string[];
  /** Why the supported instance types could not be read (the section then offers Retry). */
  readonly instanceTypesError?: string;
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
  | { readonly type: 'edit'; readonly field: 'name' | 'description' }
  | { readonly type: 'deprecate' }
  | { readonly type: 'undeprecate' }
  /** The supported-instance-types section's Retry: asks for that part only. */
  | { readonly type: 'retryInstanceTypes' }
  /** A finished export's Download… in the panel's jobs. */
  | { readonly type: 'download'; readonly jobId: string }
  /** What the webview drew, read back from its DOM (tests and diagnostics). */
  | ({ readonly type: 'rendered' } & RenderedView);

function isString(v: unknown, max = 2048): v is string {
  return typeof v === 'string' && v.length <= max;
}

function isStringArray(v: unknown, max = 500): v is string[] {
  return Array.isArray(v) && v.length <= max && v.every((x) => isString(x));
}

/** An array of at most `max` objects whose `keys` are all strings. */
function isRecords<K extends string>(v: unknown, keys: readonly K[], max: number): v is Record<K, string>[] {
  return Array.isArray(v) && v.length <= max && v.every((x: unknown) => typeof x === 'object' && x !== null && keys.every((k) => isString((x as Record<string, unknown>)[k])));
}

/** Copies only the named keys: nothing else from the webview gets through. */
function pick<K extends string>(records: readonly Record<K, string>[], keys: readonly K[]): Record<K, string>[] {
  return records.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])) as Record<K, string>);
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
    case 'retryInstanceTypes':
    case 'deprecate':
    case 'undeprecate':
      return { type: m['type'] };
    case 'edit':
      return m['field'] === 'name' || m['field'] === 'description' ? { type: 'edit', field: m['field'] } : undefined;
    case 'addTag':
      return isString(m['key'], 256) && isString(m['value'], 512) ? { type: 'addTag', key: m['key'], value: m['value'] } : undefined;
    case 'removeTag':
      return isString(m['key'], 256) ? { type: 'removeTag', key: m['key'] } : undefined;
    case 'copy':
      return isString(m['text'], 1024) ? { type: 'copy', text: m['text'] } : undefined;
    case 'download':
      return isString(m['jobId'], 256) ? { type: 'download', jobId: m['jobId'] } : undefined;
    case 'rendered': {
      const { name, description, tags, actions, jobs, sections, fields, instanceTypes, instanceTypesError } = m;
      const ok =
        isString(instanceTypes, 20_000) &&
        isString(instanceTypesError) &&
        isString(name) &&
        isString(description) &&
        isStringArray(tags) &&
        isStringArray(actions) &&
        isStringArray(sections) &&
        isRecords(jobs, ['jobId', 'percent', 'state', 'title', 'elapsed', 'error', 'note', 'download'], 500) &&
        isRecords(fields, ['key', 'label', 'value'], 5000);
      return ok ? { type: 'rendered', name, description, tags, actions, sections, jobs: pick(jobs, ['jobId', 'percent', 'state', 'title', 'elapsed', 'error', 'note', 'download']), fields: pick(fields, ['key', 'label', 'value']), instanceTypes, instanceTypesError } : undefined;
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
