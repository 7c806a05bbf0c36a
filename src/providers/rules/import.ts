// What an import request may hold, per cloud (src/providers/*/rules.ts build these), checked before any
// request: the file's bucket and object, the new image's name and description, the disk size in range,
// and the OS, architecture and format among the values the cloud takes.
import { firstProblem } from './problems';
import { type InputProblem } from '../core/rules';
import { type TextRule } from '../core/rules';
import type { DataDiskFile, DataImageRequest, ImportRequest } from '../core/importing';
import type { DiskRange, ImportRules } from '../core/rules';

/**
 * An object (file) key in a bucket, as a file name to read or write: at most `max` bytes of UTF-8, not
 * starting with "/", and none of \ : * ? " < > | (":" would also split Huawei's "bucket:object").
 */
export function objectNameRule(max: number): TextRule {
  return { field: 'object', min: 1, max, unit: 'bytes', charset: { name: 'objectName', test: (o) => !o.startsWith('/') && !/[\\:*?"<>|]/.test(o) } };
}

/** A disk size: a whole number of GiB within the cloud's range. */
export function checkDiskSize(rules: ImportRules, size: number): InputProblem | undefined {
  return Number.isInteger(size) && size >= rules.minDiskGiB && size <= rules.maxDiskGiB
    ? undefined
    : { code: 'outOfRange', field: 'diskSize', min: rules.minDiskGiB, max: rules.maxDiskGiB };
}

/** One value among the cloud's list (an empty list takes no value: the field is not sent). */
function oneOf(value: string | undefined, values: readonly string[]): InputProblem | undefined {
  if (!values.length) {
    return undefined;
  }
  return value !== undefined && values.includes(value) ? undefined : { code: 'notOneOf', value: value ?? '', values };
}

/** The whole request, field by field, in the order the wizard asks. */
export function checkImport(rules: ImportRules, r: ImportRequest): InputProblem | undefined {
  return firstProblem(
    () => rules.checkBucket(r.bucket),
    () => rules.checkObject(r.object),
    () => rules.checkName(r.name),
    () => rules.checkDescription(r.description ?? ''),
    () => oneOf(r.format, rules.formats),
    () => oneOf(r.osType, rules.osTypes),
    () => oneOf(r.platform, rules.platforms),
    () => oneOf(r.architecture, rules.architectures),
    () => checkDiskSize(rules, r.diskSizeGiB),
    () => checkImportKey(rules, r.kmsKeyId),
    () => checkDataDisks(rules, r.dataDisks ?? []),
  );
}

function checkImportKey(rules: ImportRules, keyId: string | undefined): InputProblem | undefined {
  return keyId === undefined ? undefined : rules.checkKmsKeyId ? rules.checkKmsKeyId(keyId) : { code: 'notEncryptable' };
}

/** A size within a disk's range (whole GiB). */
export function checkRange(range: DiskRange, size: number): InputProblem | undefined {
  return Number.isInteger(size) && size >= range.minGiB && size <= range.maxGiB ? undefined : { code: 'outOfRange', field: 'diskSize', min: range.minGiB, max: range.maxGiB };
}

/** One data disk's file, as the system disk's is checked (bucket, object, format), and its size. */
export function checkDataDisk(rules: ImportRules, d: DataDiskFile): InputProblem | undefined {
  const range = rules.dataDisks;
  if (!range) {
    return { code: 'noDataDisks' };
  }
  return firstProblem(
    () => rules.checkBucket(d.bucket),
    () => rules.checkObject(d.object),
    () => oneOf(d.format, rules.formats),
    () => checkRange(range, d.sizeGiB),
  );
}

function checkDataDisks(rules: ImportRules, disks: readonly DataDiskFile[]): InputProblem | undefined {
  if (!disks.length) {
    return undefined;
  }
  if (!rules.dataDisks) {
    return { code: 'noDataDisks' };
  }
  if (disks.length > rules.dataDisks.max) {
    return { code: 'tooManyDataDisks', count: disks.length, max: rules.dataDisks.max };
  }
  for (const d of disks) {
    const problem = checkDataDisk(rules, d);
    if (problem) {
      return problem;
    }
  }
  return undefined;
}

/** A data disk image request (Huawei dataimages/action), field by field. */
export function checkDataImage(rules: ImportRules, r: DataImageRequest): InputProblem | undefined {
  const kind = rules.dataImage;
  if (!kind) {
    return { code: 'noDataDisks' };
  }
  return firstProblem(
    () => rules.checkBucket(r.bucket),
    () => rules.checkObject(r.object),
    () => rules.checkName(r.name),
    () => rules.checkDescription(r.description ?? ''),
    () => checkRange(kind, r.diskSizeGiB),
    () => (r.osType === undefined ? undefined : oneOf(r.osType, kind.osTypes)),
    () => checkImportKey(rules, r.kmsKeyId),
  );
}
