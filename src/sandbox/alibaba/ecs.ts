// Alibaba Cloud ECS (RPC 2014-05-26) in the sandbox: the image operations, signed, paged and stateful.
// State (tags, shares, deletions, export tasks) lives in EcsWorld for the emulator's life; each
// group of operations has its own file.
import type { CloudHandler, EmulatorRequest, EmulatorResponse, KeyStore } from '../types';
import { modifyImageAttribute } from './attributes';
import type { EcsImage } from './data';
import { describeImageSupportInstanceTypes, deleteImage, describeImages, describeRegions } from './images';
import { readsOnly } from '../indexes';
import { alibabaError, type Params } from './params';
import { describeImageSharePermission, modifyImageSharePermission } from './sharing';
import { describeTags, listTagResources, tagResources, untagResources } from './tags';
import { cancelCopyImage, cancelTask, copyImage, settleCopies } from './copy';
import { importImage, settleImports } from './imports';
import { KMS_VERSION, listKeys } from './kms';
import { describeInstances, describeLaunchTemplateVersions, describeLaunchTemplates } from './instances';
import { ESS_VERSION, describeScalingConfigurations } from './ess';
import { describeTaskAttribute, describeTasks, exportImage } from './tasks';
import { isRpcError, rpcActionOf, verifyRpc } from './verify';
import { EcsWorld } from './world';

export { alibabaError } from './params';
export { SANDBOX_ALIBABA_ACCOUNT_ID, imageInUse } from './world';

const VERSION = '2014-05-26';

type Operation = (world: EcsWorld, params: Params) => EmulatorResponse;

const OPERATIONS: Readonly<Record<string, Operation>> = {
  DescribeRegions: (_world, params) => describeRegions(params),
  DescribeImages: describeImages,
  DeleteImage: deleteImage,
  ModifyImageAttribute: modifyImageAttribute,
  DescribeImageSupportInstanceTypes: describeImageSupportInstanceTypes,
  TagResources: tagResources,
  UntagResources: untagResources,
  ListTagResources: listTagResources,
  DescribeTags: describeTags,
  ModifyImageSharePermission: modifyImageSharePermission,
  DescribeImageSharePermission: describeImageSharePermission,
  ExportImage: exportImage,
  ImportImage: importImage,
  DescribeTasks: describeTasks,
  DescribeTaskAttribute: describeTaskAttribute,
  CopyImage: copyImage,
  CancelCopyImage: cancelCopyImage,
  CancelTask: cancelTask,
  DescribeInstances: describeInstances,
  DescribeLaunchTemplates: describeLaunchTemplates,
  DescribeLaunchTemplateVersions: describeLaunchTemplateVersions,
};

/** Auto Scaling (ESS 2014-08-28): another product on the same signing, told apart by its version. */
const ESS_OPERATIONS: Readonly<Record<string, Operation>> = {
  DescribeScalingConfigurations: describeScalingConfigurations,
};

/** KMS (2016-01-20) on the same origin: the key listing the copy wizard's key picker reads. */
const KMS_OPERATIONS: Readonly<Record<string, Operation>> = {
  ListKeys: listKeys,
};

export class AlibabaEcsHandler implements CloudHandler {
  readonly cloud = 'alibaba' as const;
  readonly world: EcsWorld;

  constructor(
    private readonly keys: KeyStore,
    seed: string,
  ) {
    this.world = new EcsWorld(keys, seed);
  }

  operationOf(req: EmulatorRequest): string {
    return rpcActionOf(req);
  }

  throttled(): EmulatorResponse {
    return alibabaError(400, 'Throttling.User', 'Request was denied due to user flow control.');
  }

  serverError(): EmulatorResponse {
    return alibabaError(500, 'InternalError', 'The request processing has failed due to some unknown error, exception or failure.');
  }

  rejected(message: string): EmulatorResponse {
    return alibabaError(400, 'InvalidParameter', message);
  }

  seedImages(regionId: string, count: number): string[] {
    const ids = this.world.seedImages(regionId, count);
    this.world.listings.changed();
    return ids;
  }

  handle(req: EmulatorRequest): EmulatorResponse {
    const call = verifyRpc(req, this.keys, 'alibaba');
    if (isRpcError(call)) {
      return alibabaError(call.status, call.code, call.message);
    }
    const table = call.version === VERSION ? OPERATIONS : call.version === ESS_VERSION ? ESS_OPERATIONS : call.version === KMS_VERSION ? KMS_OPERATIONS : undefined;
    if (!table) {
      return alibabaError(400, 'InvalidVersion', 'Specified parameter Version is not valid.');
    }
    const operation = table[call.action];
    if (!operation) {
      return alibabaError(404, 'InvalidAction.NotFound', `Specified api is not found, please check your url and method. Action: ${call.action}`);
    }
    // Copies and imports move on with the clock: their images' Status and Progress are brought up to date
    // before anything reads them.
    const copied = settleCopies(this.world);
    if (settleImports(this.world) || copied) {
      this.world.listings.changed();
    }
    const answer = operation(this.world, call.params);
    if (!readsOnly(req.method, call.action)) {
      this.world.listings.changed();
    }
    return answer;
  }

  /** The region's images, generated on first use and then kept for the emulator's life. */
  regionImages(regionId: string): EcsImage[] | undefined {
    return this.world.regionImages(regionId);
  }
}
