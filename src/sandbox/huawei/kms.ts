// Huawei DEW/KMS keys in the sandbox: `POST /v1.0/{project_id}/kms/list-keys` {limit, marker, key_state,
// key_spec} -> {keys, key_details, next_marker, truncated, total}, paged by marker (the offset as a
// string, as the documentation's example shows). Each project (region) has a few keys made from the
// seed: a default key (default_key_flag "1"), two enabled keys of the user's and a disabled one.
// IMS copies and imports take cmk_id only for an enabled key of the project.
import { Random } from '../random';
import type { EmulatorResponse } from '../types';
import { uuidFrom, type HuaweiProject } from './data';
import { gatewayError, isResponse, jsonBody, ok } from './replies';

/** What IMS finds of a cmk_id in the project's KMS. */
export type KmsKeyState = 'enabled' | 'disabled' | 'missing';

export interface SandboxKmsKey {
  readonly key_id: string;
  readonly domain_id: string;
  readonly key_alias: string;
  readonly realm: string;
  readonly key_spec: string;
  readonly key_usage: string;
  readonly key_description: string;
  readonly creation_date: string;
  readonly scheduled_deletion_date: string;
  /** "2" enabled, "3" disabled. */
  readonly key_state: string;
  readonly default_key_flag: string;
  readonly key_type: string;
  readonly expiration_time: string;
  readonly origin: string;
}

const ALIASES: ReadonlyArray<{ alias: string; state: string; isDefault?: boolean }> = [
  { alias: 'ims/default', state: '2', isDefault: true },
  { alias: 'images-prod', state: '2' },
  { alias: 'images-backup', state: '2' },
  { alias: 'retired-key', state: '3' },
];

/** A refused list-keys request: the flat {error_code, error_msg} form; KMS.0204 is this sandbox's pick. */
function kmsInvalid(message: string): EmulatorResponse {
  return gatewayError(400, 'KMS.0204', message);
}

export class HuaweiKmsKeys {
  private readonly byProject = new Map<string, SandboxKmsKey[]>();

  constructor(
    private readonly seed: string,
    private readonly domainId: string,
  ) {}

  keysOf(project: HuaweiProject): readonly SandboxKmsKey[] {
    let keys = this.byProject.get(project.id);
    if (!keys) {
      const rnd = new Random(`${this.seed}/huawei/kms/${project.regionId}`);
      keys = ALIASES.map(({ alias, state, isDefault }, n) => ({
        key_id: uuidFrom(rnd),
        domain_id: this.domainId,
        key_alias: alias,
        realm: project.regionId,
        key_spec: 'AES_256',
        key_usage: 'ENCRYPT_DECRYPT',
        key_description: isDefault ? 'Default master key' : '',
        creation_date: String(Date.UTC(2024, 0, 1 + n * 30)),
        scheduled_deletion_date: '',
        key_state: state,
        default_key_flag: isDefault ? '1' : '0',
        key_type: isDefault ? '0' : '1',
        expiration_time: '',
        origin: 'kms',
      }));
      this.byProject.set(project.id, keys);
    }
    return keys;
  }

  /** Whether cmk_id names an enabled key of the project (what IMS needs to encrypt with it), a disabled one, or none. */
  keyState(project: HuaweiProject, keyId: string): KmsKeyState {
    const key = this.keysOf(project).find((k) => k.key_id === keyId);
    return key === undefined ? 'missing' : key.key_state === '2' ? 'enabled' : 'disabled';
  }

  listKeys(project: HuaweiProject, body: string): EmulatorResponse {
    const request = jsonBody(body);
    if (isResponse(request)) {
      return request;
    }
    const limitText = request['limit'] ?? '100';
    const limit = typeof limitText === 'string' && /^\d+$/.test(limitText) ? Number(limitText) : NaN;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      return kmsInvalid('The parameter limit is invalid.');
    }
    const markerText = request['marker'] ?? '0';
    const from = typeof markerText === 'string' && /^\d+$/.test(markerText) ? Number(markerText) : NaN;
    if (!Number.isInteger(from)) {
      return kmsInvalid('The parameter marker is invalid.');
    }
    const state = request['key_state'];
    if (state !== undefined && (typeof state !== 'string' || !/^[1-5]$/.test(state))) {
      return kmsInvalid('The parameter key_state is invalid.');
    }
    const spec = request['key_spec'] ?? 'AES_256';
    const matching = this.keysOf(project).filter((k) => (state === undefined || k.key_state === state) && (spec === 'ALL' || k.key_spec === spec));
    const page = matching.slice(from, from + limit);
    const truncated = from + page.length < matching.length;
    return ok({
      keys: page.map((k) => k.key_id),
      key_details: page,
      next_marker: truncated ? String(from + page.length) : '',
      truncated: truncated ? 'true' : 'false',
      total: matching.length,
    });
  }
}
