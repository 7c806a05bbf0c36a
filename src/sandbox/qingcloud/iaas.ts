// QingCloud IaaS in the sandbox: DescribeZones and DescribeImages, signed and paged like the cloud.
// Errors are `{ ret_code, message }` with HTTP 200, as the cloud (and its SDK tests) answer; only an
// internal error comes with HTTP 500.
import { json, type CloudHandler, type EmulatorRequest, type EmulatorResponse, type KeyStore } from '../types';
import { QINGCLOUD_ZONES, generateQingcloudImages, type QingcloudImage, type QingcloudZone } from './data';
import { isQingcloudFailure, paramsOf, verifyQingcloud } from './verify';

export const SANDBOX_QINGCLOUD_USER_ID = 'usr-sbx00001';

type Params = Readonly<Record<string, string>>;

const IMAGE_PROVIDERS = ['system', 'self', 'shared'];
const IMAGE_STATUSES = ['pending', 'available', 'deprecated', 'suspended', 'deleted', 'ceased'];
const ZONE_STATUSES = ['active', 'faulty', 'defunct'];

export function qingcloudError(retCode: number, message: string, status = 200): EmulatorResponse {
  return json(status, { ret_code: retCode, message });
}

function parameterError(message: string): EmulatorResponse {
  return qingcloudError(1100, `ParameterError, ${message}`);
}

/** The values of `name.1`, `name.2`, ... in index order. */
export function listParam(params: Params, name: string): string[] {
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)$`);
  return Object.keys(params)
    .map((k) => ({ k, m: pattern.exec(k) }))
    .filter((e): e is { k: string; m: RegExpExecArray } => e.m !== null)
    .sort((a, b) => Number(a.m[1]) - Number(b.m[1]))
    .map((e) => params[e.k] ?? '');
}

/** A whole number in [min, max] from a param, its default when absent, or undefined when invalid. */
function intParam(params: Params, name: string, fallback: number, min: number, max: number): number | undefined {
  const text = params[name];
  if (text === undefined || text === '') {
    return fallback;
  }
  const n = Number(text);
  return /^\d+$/.test(text) && n >= min && n <= max ? n : undefined;
}

export class QingcloudHandler implements CloudHandler {
  readonly cloud = 'qingcloud' as const;
  private readonly images = new Map<string, QingcloudImage[]>();

  constructor(
    private readonly keys: KeyStore,
    private readonly seed: string,
  ) {}

  operationOf(req: EmulatorRequest): string {
    return paramsOf(req)['action'] || 'Unknown';
  }

  throttled(): EmulatorResponse {
    return qingcloudError(5100, 'ServerBusy, please retry later');
  }

  serverError(): EmulatorResponse {
    return qingcloudError(5000, 'InternalError, the server encountered an internal error, please retry later', 500);
  }

  handle(req: EmulatorRequest): EmulatorResponse {
    if (req.method !== 'GET' && req.method !== 'POST') {
      return qingcloudError(1101, `ParameterError, unsupported method [${req.method}]`);
    }
    const call = verifyQingcloud(req, this.keys);
    if (isQingcloudFailure(call)) {
      return qingcloudError(call.retCode, call.message);
    }
    switch (call.action) {
      case 'DescribeZones':
        return this.describeZones(call.params);
      case 'DescribeImages':
        return this.describeImages(call.params);
      case '':
        return parameterError('the parameter [action] is required');
      default:
        return parameterError(`unsupported action [${call.action}]`);
    }
  }

  /** The zone's images, generated on first use and then kept for the emulator's life. */
  zoneImages(zoneId: string): QingcloudImage[] | undefined {
    const zone = QINGCLOUD_ZONES.find((z) => z.zone_id === zoneId);
    if (!zone) {
      return undefined;
    }
    let list = this.images.get(zoneId);
    if (!list) {
      list = generateQingcloudImages(this.seed, zone, SANDBOX_QINGCLOUD_USER_ID);
      this.images.set(zoneId, list);
    }
    return list;
  }

  private describeZones(params: Params): EmulatorResponse {
    const ids = listParam(params, 'zones');
    const statuses = listParam(params, 'status');
    const badStatus = statuses.find((s) => !ZONE_STATUSES.includes(s));
    if (badStatus !== undefined) {
      return parameterError(`invalid zone status [${badStatus}]`);
    }
    const zones = QINGCLOUD_ZONES.filter(
      (z) => (!ids.length || ids.includes(z.zone_id)) && (!statuses.length || statuses.includes(z.status)),
    ).map((z) => ({ zone_id: z.zone_id, status: z.status }));
    return json(200, { action: 'DescribeZonesResponse', zone_set: zones, total_count: zones.length, ret_code: 0 });
  }

  private describeImages(params: Params): EmulatorResponse {
    const zoneId = params['zone'];
    if (!zoneId) {
      return parameterError('the parameter [zone] is required');
    }
    const zone: QingcloudZone | undefined = QINGCLOUD_ZONES.find((z) => z.zone_id === zoneId);
    if (!zone) {
      return qingcloudError(2100, `ResourceNotFound, zone [${zoneId}] not found`);
    }
    const offset = intParam(params, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    if (offset === undefined) {
      return parameterError(`invalid offset [${params['offset']}]`);
    }
    const limit = intParam(params, 'limit', 20, 1, 100);
    if (limit === undefined) {
      return parameterError(`invalid limit [${params['limit']}], should be between 1 and 100`);
    }
    const provider = params['provider'];
    if (provider !== undefined && !IMAGE_PROVIDERS.includes(provider)) {
      return parameterError(`invalid provider [${provider}]`);
    }
    const statuses = listParam(params, 'status');
    const badStatus = statuses.find((s) => !IMAGE_STATUSES.includes(s));
    if (badStatus !== undefined) {
      return parameterError(`invalid image status [${badStatus}]`);
    }
    const ids = listParam(params, 'images');
    const word = params['search_word']?.toLowerCase();
    const matched = (this.zoneImages(zone.zone_id) ?? []).filter(
      (i) =>
        (!provider || i.provider === provider) &&
        (statuses.length ? statuses.includes(i.status) : i.status !== 'deleted' && i.status !== 'ceased') &&
        (!ids.length || ids.includes(i.image_id)) &&
        (!word || i.image_id.toLowerCase().includes(word) || i.image_name.toLowerCase().includes(word)),
    );
    return json(200, {
      action: 'DescribeImagesResponse',
      image_set: matched.slice(offset, offset + limit),
      total_count: matched.length,
      ret_code: 0,
    });
  }
}
