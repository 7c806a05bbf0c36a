// Alibaba DescribeImages conditions beyond owner, status, name and tags: Usage (instance: used by
// instances; none: idle), OSType, Architecture, ImageFamily, InstanceType (images that run on that type)
// and the creation time as Filter.N (CreationStartTime / CreationEndTime, `yyyy-MM-ddTHH:mmZ`, UTC).
import type { AttributeSupport } from '../core/filters';
import type { FilterAttribute, ImageFilter } from '../core/model';
import type { InputProblem, TextRule } from '../core/rules';
import { checkText } from '../rules/text';

/**
 * ImageFamily as DescribeImages takes it: 2 to 128 characters, a letter first, then letters, digits, ".", ":",
 * "_", "-". Alibaba's own families ("acs:…", "aliyun…") are queried like any other: the reserved prefixes are
 * CreateImage's rule for naming a family, not for asking for one.
 */
const IMAGE_FAMILY: TextRule = {
  field: 'imageFamily',
  min: 2,
  max: 128,
  charset: { name: 'alibabaImageName', test: (f) => /^\p{L}[\p{L}\p{N}.:_-]*$/u.test(f) },
};

/** An instance type as ECS names it: "ecs.", its family, a size (ecs.g7.large, ecs.t6-c1m1.large). */
const INSTANCE_TYPE = /^ecs\.[a-z0-9-]+(\.[a-z0-9-]+)+$/u;

function checkInstanceType(type: string): InputProblem | undefined {
  return INSTANCE_TYPE.test(type) ? undefined : { code: 'instanceTypeFormat', text: type };
}

export const ALIBABA_ATTRIBUTES: readonly AttributeSupport[] = [
  { key: 'usage', values: ['instance', 'none'] },
  { key: 'osType', values: ['linux', 'windows'] },
  { key: 'architecture', values: ['x86_64', 'arm64', 'i386'] },
  { key: 'imageFamily', check: (f) => checkText(f, IMAGE_FAMILY) },
  { key: 'instanceType', check: checkInstanceType },
];

const PARAMS: Partial<Record<FilterAttribute, string>> = {
  usage: 'Usage',
  osType: 'OSType',
  architecture: 'Architecture',
  imageFamily: 'ImageFamily',
  instanceType: 'InstanceType',
};

/** The conditions' DescribeImages parameters (the filter is checked by the caller first). */
export function conditionParams(filter: ImageFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter.attributes ?? {}) as Array<[FilterAttribute, string | undefined]>) {
    const param = PARAMS[key];
    if (param && value) {
      out[param] = value;
    }
  }
  const bounds = [
    ['CreationStartTime', filter.createdFrom],
    ['CreationEndTime', filter.createdTo],
  ].filter((b): b is [string, string] => !!b[1]);
  bounds.forEach(([key, value], i) => {
    out[`Filter.${i + 1}.Key`] = key;
    out[`Filter.${i + 1}.Value`] = value;
  });
  return out;
}
