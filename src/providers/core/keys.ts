// The keys of the account's key service that can encrypt images (the key pickers).

/** A key of the account's key service in a region (Alibaba KMS, Huawei DEW/KMS) that can encrypt images. */
export interface KmsKey {
  readonly id: string;
  /** The key's alias (Huawei key_alias), where the listing gives one. */
  readonly alias?: string;
  /** The cloud's word for the key's state, where the listing gives one (Huawei key_state "2": enabled). */
  readonly state?: string;
  /** The cloud's default key for the service (Huawei default_key_flag "1"). */
  readonly isDefault?: boolean;
}

export interface KeyOperations {
  /** The keys that can encrypt an image in a region, every page (Alibaba KMS ListKeys, Huawei KMS list-keys: enabled keys). */
  listKeys(regionId: string, signal?: AbortSignal): Promise<KmsKey[]>;
}
