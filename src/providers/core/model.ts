// The common model every cloud maps into. Plain data: serialisable, no behaviour, no vscode.

export type CloudKind = 'alibaba' | 'huawei' | 'qingcloud' | 'batchcompute';

export const CLOUD_KINDS: readonly CloudKind[] = ['alibaba', 'huawei', 'qingcloud', 'batchcompute'];

/** What an account needs to talk to its cloud, minus its AccessKey (ID and secret: those live in SecretStorage). */
export interface AccountConfig {
  readonly id: string;
  readonly name: string;
  readonly cloud: CloudKind;
  /** Overrides the cloud's public endpoint (a private endpoint, a proxy, or the sandbox). */
  readonly endpoint?: string;
  /** True for the built-in sandbox account, which talks to the bundled emulator. */
  readonly sandbox?: boolean;
  /** Temporary credentials (Alibaba STS, Huawei temporary AK/SK): the security token is a secret too. */
  readonly temporary?: boolean;
  /** When temporary credentials stop working (ISO 8601), where known. */
  readonly expiresAt?: string;
}

export interface Credentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** STS / temporary credentials. */
  readonly securityToken?: string;
}

export interface Region {
  readonly id: string;
  /** Localised display name where the cloud gives one (e.g. "华东1（杭州）"). */
  readonly name: string;
  readonly endpoint?: string;
}

export type ImageOwner = 'system' | 'self' | 'shared' | 'marketplace' | 'community' | 'unknown';

export interface Tag {
  readonly key: string;
  readonly value: string;
}

export interface Image {
  readonly id: string;
  readonly name: string;
  readonly regionId: string;
  readonly description?: string;
  /** The cloud's own status word, e.g. "Available", "active", "available". */
  readonly status: string;
  readonly owner: ImageOwner;
  readonly osName?: string;
  readonly osType?: string;
  readonly architecture?: string;
  readonly sizeGiB?: number;
  readonly createdAt?: string;
  /** How far creation or copying has got (0–100), where the cloud reports it while the image is not ready. */
  readonly progress?: number;
  readonly tags: readonly Tag[];
  /** The OS family as the cloud names it (Alibaba/BatchCompute Platform, Huawei __platform, QingCloud os_family). */
  readonly platform?: string;
  /** The image family, where the cloud has one (Alibaba ImageFamily). */
  readonly family?: string;
  /**
   * Every field as the cloud returned it, for the details view: set by getImage, and by listImages
   * only when asked (`raw: true`); a listing for the tree leaves it out to keep memory low.
   */
  readonly raw?: Readonly<Record<string, unknown>>;
  /**
   * A whole-machine image (Huawei full-ECS image, `__whole_image`): a server with its data disks, kept in a
   * CSBS/CBR backup (`__backup_id`).
   */
  readonly wholeMachine?: { readonly backupId?: string };
}

/**
 * Where the next page starts, in a form that stays right whatever page size the next request asks
 * for: the index of the next item for page-number and offset APIs (Alibaba, QingCloud), the cloud's
 * marker for marker APIs (Huawei, BatchCompute).
 */
export type Cursor = { readonly kind: 'offset'; readonly offset: number } | { readonly kind: 'marker'; readonly marker: string };

export interface Page<T> {
  readonly items: readonly T[];
  /** Absent on the last page. */
  readonly next?: Cursor;
  /** The cloud's total, where it reports one. */
  readonly total?: number;
}

/** A tag key and the values it may have; an empty `values` means any value (the values are alternatives). */
export interface TagCondition {
  readonly key: string;
  readonly values: readonly string[];
}

/** Tag conditions in the four forms clouds know (Huawei's resource_instances lists); each provider says which it takes. */
export interface TagQuery {
  /** Every condition holds. */
  readonly tags?: readonly TagCondition[];
  /** At least one condition holds. */
  readonly tagsAny?: readonly TagCondition[];
  /** Not every condition holds (the negation of `tags`). */
  readonly notTags?: readonly TagCondition[];
  /** No condition holds (the negation of `tagsAny`). */
  readonly notTagsAny?: readonly TagCondition[];
}

/**
 * Image attributes a listing can be narrowed by, where the cloud's listing takes them (the provider's
 * `filters.attributes` names which, with their values): QingCloud processor_type, os_family, visibility;
 * Alibaba Usage, OSType, Architecture, ImageFamily, InstanceType.
 */
export type FilterAttribute = 'processorType' | 'osFamily' | 'visibility' | 'usage' | 'osType' | 'architecture' | 'imageFamily' | 'instanceType';

/** Narrows a listing; a provider maps what its cloud can filter on and ignores the rest. */
export interface ImageFilter {
  readonly owner?: ImageOwner;
  /** The cloud's own status word, e.g. "Available". */
  readonly status?: string;
  /** Several of the cloud's status words (any of them), where the cloud takes a list; wins over `status`. */
  readonly statuses?: readonly string[];
  /** Part of the name (the clouds match it fuzzily or by prefix). */
  readonly name?: string;
  /** Images carrying this tag; an empty value matches any value. */
  readonly tag?: Tag;
  /** Tag conditions, in the forms the provider's `filters.tagLists` names. */
  readonly tagQuery?: TagQuery;
  /** Attribute values, each in the cloud's own word (e.g. osFamily "centos", usage "instance"). */
  readonly attributes?: Readonly<Partial<Record<FilterAttribute, string>>>;
  /** Created at or after this minute, `yyyy-MM-ddTHH:mmZ` (UTC), where the cloud filters by creation time. */
  readonly createdFrom?: string;
  /** Created at or before this minute, `yyyy-MM-ddTHH:mmZ` (UTC). */
  readonly createdTo?: string;
  /** Only images that carry no tag at all, where the cloud can ask for that (`filters.untagged`). */
  readonly untagged?: boolean;
}

export interface ListImagesRequest {
  readonly regionId: string;
  readonly cursor?: Cursor;
  readonly pageSize: number;
  readonly signal?: AbortSignal;
  readonly filter?: ImageFilter;
  /** Keep each image's raw cloud JSON (`Image.raw`). Default false. */
  readonly raw?: boolean;
  /** Called each time the cloud throttles an attempt of this request (the paging helper slows down). */
  readonly onThrottled?: () => void;
}
