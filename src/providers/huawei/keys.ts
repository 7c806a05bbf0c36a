// Huawei DEW/KMS keys for the key picker: `POST /v1.0/{project_id}/kms/list-keys` (ListKeys) with
// {limit, marker, key_state} -> {keys: [key_id], key_details: [{key_id, key_alias, key_state,
// default_key_flag, ...}], next_marker, truncated: "true"|"false", total}. Only enabled keys
// (key_state "2") can encrypt an image; the default key_spec (AES_256) is the symmetric kind IMS uses.
// Where an answer carries only `keys` (ids, no details), the ids are the keys.
import { objectsOf, str, type Json } from '../shared/common';
import type { KeyOperations, KmsKey } from '../core/keys';
import type { HuaweiClient } from './client';

/** Keys a page asks for; the documented limit is "within the number of keys" (the console pages 10 to 100). */
export const HUAWEI_KMS_PAGE_SIZE = 100;
/** key_state "2": enabled. */
export const HUAWEI_KEY_ENABLED = '2';
/** Pages read at most (100 keys each), a bound against a marker that never ends. */
const MAX_PAGES = 50;

/** One page's keys: key_details where given, else the bare `keys` ids. */
export function keysOfPage(body: Json): KmsKey[] {
  const details = objectsOf(body['key_details']);
  if (details.length) {
    return details.flatMap((d) => {
      const id = str(d['key_id']);
      if (!id) {
        return [];
      }
      const alias = str(d['key_alias']);
      const state = str(d['key_state']);
      return [{ id, ...(alias ? { alias } : {}), ...(state ? { state } : {}), ...(str(d['default_key_flag']) === '1' ? { isDefault: true } : {}) }];
    });
  }
  return (Array.isArray(body['keys']) ? body['keys'] : []).flatMap((k) => (typeof k === 'string' && k ? [{ id: k }] : []));
}

export class HuaweiKeys implements KeyOperations {
  constructor(private readonly client: HuaweiClient) {}

  async listKeys(regionId: string, signal?: AbortSignal): Promise<KmsKey[]> {
    const keys: KmsKey[] = [];
    let marker: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      // A POST that changes nothing: a read.
      const body = await this.client.kms('POST', regionId, '/v1.0/{project_id}/kms/list-keys', {
        body: { limit: String(HUAWEI_KMS_PAGE_SIZE), key_state: HUAWEI_KEY_ENABLED, ...(marker ? { marker } : {}) },
        signal,
        kind: 'read',
      });
      keys.push(...keysOfPage(body).filter((k) => k.state === undefined || k.state === HUAWEI_KEY_ENABLED));
      const truncated = String(body['truncated'] ?? 'false').toLowerCase() === 'true';
      marker = str(body['next_marker']);
      if (!truncated || !marker) {
        break;
      }
    }
    return keys;
  }
}
