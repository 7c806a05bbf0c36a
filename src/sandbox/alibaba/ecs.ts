// Alibaba Cloud ECS (RPC 2014-05-26) in the sandbox: the image operations, signed, paged and stateful.
import { randomUUID } from 'crypto';
import { json, type CloudHandler, type EmulatorRequest, type EmulatorResponse, type KeyStore } from '../types';
import { ECS_REGIONS, generateEcsImages, type EcsImage, type EcsRegion } from './data';
import { isRpcError, rpcActionOf, verifyRpc, type RpcCall } from './verify';

export const SANDBOX_ALIBABA_ACCOUNT_ID = '1234567890123456';
const VERSION = '2014-05-26';

type Params = Readonly<Record<string, string>>;

export function alibabaError(status: number, code: string, message: string, host = 'ecs.aliyuncs.com'): EmulatorResponse {
  return json(status, {
    RequestId: randomUUID().toUpperCase(),
    HostId: host,
    Code: code,
    Message: message,
    Recommend: `https://next.api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=Ecs`,
  });
}

function invalid(name: string): EmulatorResponse {
  return alibabaError(400, `InvalidParameter`, `The specified parameter "${name}" is not valid.`);
}

export class AlibabaEcsHandler implements CloudHandler {
  readonly cloud = 'alibaba' as const;
  private readonly images = new Map<string, EcsImage[]>();

  constructor(
    private readonly keys: KeyStore,
    private readonly seed: string,
  ) {}

  operationOf(req: EmulatorRequest): string {
    return rpcActionOf(req);
  }

  throttled(): EmulatorResponse {
    return alibabaError(400, 'Throttling.User', 'Request was denied due to user flow control.');
  }

  serverError(): EmulatorResponse {
    return alibabaError(500, 'InternalError', 'The request processing has failed due to some unknown error, exception or failure.');
  }

  handle(req: EmulatorRequest): EmulatorResponse {
    const call = verifyRpc(req, this.keys, 'alibaba');
    if (isRpcError(call)) {
      return alibabaError(call.status, call.code, call.message);
    }
    if (call.version !== VERSION) {
      return alibabaError(400, 'InvalidVersion', 'Specified parameter Version is not valid.');
    }
    switch (call.action) {
      case 'DescribeRegions':
        return this.describeRegions(call.params);
      case 'DescribeImages':
        return this.withRegion(call, (region) => this.describeImages(region, call.params));
      default:
        return alibabaError(404, 'InvalidAction.NotFound', `Specified api is not found, please check your url and method. Action: ${call.action}`);
    }
  }

  /** The region's images, generated on first use and then kept for the emulator's life. */
  regionImages(regionId: string): EcsImage[] | undefined {
    const region = ECS_REGIONS.find((r) => r.RegionId === regionId);
    if (!region) {
      return undefined;
    }
    let list = this.images.get(regionId);
    if (!list) {
      list = generateEcsImages(this.seed, region, SANDBOX_ALIBABA_ACCOUNT_ID);
      this.images.set(regionId, list);
    }
    return list;
  }

  private withRegion(call: RpcCall, fn: (region: EcsRegion) => EmulatorResponse): EmulatorResponse {
    const regionId = call.params['RegionId'];
    if (!regionId) {
      return alibabaError(400, 'MissingParameter', 'The input parameter "RegionId" that is mandatory for processing this request is not supplied.');
    }
    const region = ECS_REGIONS.find((r) => r.RegionId === regionId);
    if (!region) {
      return alibabaError(400, 'InvalidRegionId.NotFound', 'The specified RegionId does not exist.');
    }
    return fn(region);
  }

  private describeRegions(params: Params): EmulatorResponse {
    const english = (params['AcceptLanguage'] ?? 'zh-CN').toLowerCase().startsWith('en');
    return json(200, {
      RequestId: randomUUID().toUpperCase(),
      Regions: {
        Region: ECS_REGIONS.map((r) => ({
          RegionId: r.RegionId,
          LocalName: english ? r.en : r.zh,
          RegionEndpoint: r.RegionId === 'cn-hangzhou' ? 'ecs-cn-hangzhou.aliyuncs.com' : `ecs.${r.RegionId}.aliyuncs.com`,
          Status: 'available',
        })),
      },
    });
  }

  private describeImages(region: EcsRegion, params: Params): EmulatorResponse {
    const pageNumber = Number(params['PageNumber'] ?? '1');
    const pageSize = Number(params['PageSize'] ?? '10');
    if (!Number.isInteger(pageNumber) || pageNumber < 1) {
      return invalid('PageNumber');
    }
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
      return invalid('PageSize');
    }
    const statuses = (params['Status'] ?? 'Available').split(',').map((s) => s.trim());
    const owner = params['ImageOwnerAlias'];
    if (owner && !['system', 'self', 'others', 'marketplace'].includes(owner)) {
      return invalid('ImageOwnerAlias');
    }
    const nameFilter = params['ImageName']?.toLowerCase();
    const matched = (this.regionImages(region.RegionId) ?? []).filter(
      (i) =>
        (statuses.includes('ALL') || statuses.includes(i.Status)) &&
        (!owner || i.ImageOwnerAlias === owner) &&
        (!params['ImageId'] || params['ImageId'].split(',').includes(i.ImageId)) &&
        (!nameFilter || String(i['ImageName']).toLowerCase().includes(nameFilter)),
    );
    const page = matched.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
    return json(200, {
      RequestId: randomUUID().toUpperCase(),
      RegionId: region.RegionId,
      TotalCount: matched.length,
      PageNumber: pageNumber,
      PageSize: pageSize,
      Images: { Image: page },
    });
  }
}
