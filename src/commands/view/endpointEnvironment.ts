// What "Copy Environment" puts on the clipboard for the Local Cloud Endpoint: shell variables with each
// cloud's endpoint override and the sandbox's public fake keys, and how the vendors' CLIs and SDKs take
// them. Plain text from plain values (no vscode), so it is unit-tested on its own.
import type { CloudKind } from '../../providers/core/model';

export interface EndpointKeys {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

export interface LocalEndpointInfo {
  /** Origins per cloud, e.g. http://127.0.0.1:47311. */
  readonly endpoints: Readonly<Partial<Record<CloudKind, string>>>;
  readonly keys: Readonly<Partial<Record<CloudKind, EndpointKeys>>>;
  /** The sandbox's Huawei project of the example region (an SDK with an endpoint override needs one). */
  readonly huaweiProjectId?: string;
}

/** The region each example uses. */
export const EXAMPLE_REGIONS: Readonly<Record<CloudKind, string>> = {
  alibaba: 'cn-hangzhou',
  huawei: 'cn-north-4',
  qingcloud: 'pek3',
  batchcompute: 'cn-qingdao',
};

/** host:port of an origin. */
function hostOf(origin: string): string {
  return new URL(origin).host;
}

function alibaba(origin: string, keys: EndpointKeys): string[] {
  const host = hostOf(origin);
  const region = EXAMPLE_REGIONS.alibaba;
  return [
    '# Alibaba Cloud ECS (image APIs: DescribeImages, CopyImage, ModifyImageSharePermission, TagResources…)',
    `export ALIBABA_CLOUD_ACCESS_KEY_ID=${keys.accessKeyId}`,
    `export ALIBABA_CLOUD_ACCESS_KEY_SECRET=${keys.accessKeySecret}`,
    `export ALIBABA_CLOUD_ECS_ENDPOINT=${host}`,
    '# aliyun CLI (over HTTP: --insecure):',
    `#   aliyun ecs DescribeImages --RegionId ${region} --endpoint "$ALIBABA_CLOUD_ECS_ENDPOINT" --insecure`,
    '# Node.js SDK (@alicloud/ecs20140526 with $OpenApiUtil from @alicloud/openapi-core):',
    '#   new Ecs(new $OpenApiUtil.Config({ accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID, accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,',
    `#     endpoint: process.env.ALIBABA_CLOUD_ECS_ENDPOINT, protocol: 'http', regionId: '${region}' }))`,
    '# Python SDK (alibabacloud_ecs20140526): open_api_models.Config(access_key_id=…, access_key_secret=…, endpoint=…, protocol="http")',
  ];
}

function huawei(origin: string, keys: EndpointKeys, projectId: string | undefined): string[] {
  const region = EXAMPLE_REGIONS.huawei;
  return [
    '# Huawei Cloud IMS (ListImages, image tags, members, cross-region copy, quota; IAM project lookup on the same origin)',
    `export HUAWEICLOUD_SDK_AK=${keys.accessKeyId}`,
    `export HUAWEICLOUD_SDK_SK=${keys.accessKeySecret}`,
    `export HUAWEICLOUD_IMS_ENDPOINT=${origin}`,
    `export HUAWEICLOUD_SDK_IAM_ENDPOINT=${origin}`,
    ...(projectId ? [`export HUAWEICLOUD_SDK_PROJECT_ID=${projectId}  # the sandbox's project of ${region}`] : []),
    '# KooCLI:',
    `#   hcloud IMS ListImages --cli-region=${region} --cli-endpoint="$HUAWEICLOUD_IMS_ENDPOINT" --cli-access-key="$HUAWEICLOUD_SDK_AK" --cli-secret-key="$HUAWEICLOUD_SDK_SK"${projectId ? ' --cli-project-id="$HUAWEICLOUD_SDK_PROJECT_ID"' : ''}`,
    '# Node.js SDK (@huaweicloud/huaweicloud-sdk-core and its service clients, e.g. EcsClient; ImsClient alike): with no credential given,',
    '# the builder reads HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_PROJECT_ID and HUAWEICLOUD_SDK_IAM_ENDPOINT:',
    '#   EcsClient.newBuilder().withEndpoint(process.env.HUAWEICLOUD_IMS_ENDPOINT).build()',
    `#   without a project ID: .withRegion(new Region('${region}', process.env.HUAWEICLOUD_IMS_ENDPOINT)) finds it through IAM (KeystoneListProjects)`,
    '# Python SDK (huaweicloudsdkims): ImsClient.new_builder().with_credentials(BasicCredentials(ak, sk, project_id)).with_endpoints([HUAWEICLOUD_IMS_ENDPOINT])',
  ];
}

function qingcloud(origin: string, keys: EndpointKeys): string[] {
  const url = new URL(origin);
  const zone = EXAMPLE_REGIONS.qingcloud;
  return [
    '# QingCloud IaaS (DescribeImages, DescribeZones, tags, image users, DeleteImages and their jobs)',
    `export QY_ACCESS_KEY_ID=${keys.accessKeyId}`,
    `export QY_SECRET_ACCESS_KEY=${keys.accessKeySecret}`,
    `export QINGCLOUD_HOST=${url.hostname}`,
    `export QINGCLOUD_PORT=${url.port}`,
    'export QINGCLOUD_PROTOCOL=http',
    `# qingcloud-cli config (~/.qingcloud/config.yaml): qy_access_key_id, qy_secret_access_key, zone: ${zone}, host: ${url.hostname}, port: ${url.port}, protocol: http`,
    `# Python SDK (qingcloud-sdk): qingcloud.iaas.connect_to_zone("${zone}", ak, sk, host="${url.hostname}", port=${url.port}, protocol="http")`,
    '# Node.js: QingCloud publishes no IaaS SDK for Node.js on npm; sign as its API docs say (signature_version 1): every parameter but signature,',
    '# sorted by name and percent-encoded, in "GET\\n/iaas/\\n<query>"; signature = Base64(HmacSHA256(QY_SECRET_ACCESS_KEY, that)), URL-encoded.',
    `#   GET http://${url.host}/iaas/?action=DescribeImages&zone=${zone}&access_key_id=…&signature_method=HmacSHA256&signature_version=1&time_stamp=…&version=1&signature=…`,
  ];
}

function batchcompute(origin: string, keys: EndpointKeys): string[] {
  return [
    '# Alibaba BatchCompute (retired; ROA 2015-11-11 images: ListImages, GetImage, CreateImage, DeleteImage)',
    `export BATCHCOMPUTE_ACCESS_KEY_ID=${keys.accessKeyId}`,
    `export BATCHCOMPUTE_ACCESS_KEY_SECRET=${keys.accessKeySecret}`,
    `export BATCHCOMPUTE_ENDPOINT=${origin}`,
    `# One origin for every region: send the region in the signed header x-acs-region-id (e.g. ${EXAMPLE_REGIONS.batchcompute}).`,
  ];
}

/** The text "Copy Environment" gives: POSIX shell, one section per cloud that is running. */
export function environmentText(info: LocalEndpointInfo): string {
  const lines = [
    '# Cloud Image Explorer: Local Cloud Endpoint, the sandbox emulator on this machine (127.0.0.1 only).',
    '# The keys are the sandbox\'s public, well-known fake keys: they open nothing but this endpoint.',
  ];
  const sections: [CloudKind, (origin: string, keys: EndpointKeys) => string[]][] = [
    ['alibaba', alibaba],
    ['huawei', (o, k) => huawei(o, k, info.huaweiProjectId)],
    ['qingcloud', qingcloud],
    ['batchcompute', batchcompute],
  ];
  for (const [cloud, section] of sections) {
    const origin = info.endpoints[cloud];
    const keys = info.keys[cloud];
    if (origin && keys) {
      lines.push('', ...section(origin, keys));
    }
  }
  return lines.join('\n') + '\n';
}
