// The words and steps of Import Image from File…: what the cloud would refuse of the file and of a
// bucket, said before any upload; the bucket picked from the account's buckets that fit (or typed and
// checked); the choices the import asks for (OS type, platform, architecture) from the cloud's rules.
import * as vscode from 'vscode';
import type { ImportRules } from '../../providers/core/rules';
import type { CloudKind } from '../../providers/core/model';
import type { BucketProblem, FileImportRules, FileProblem } from '../../providers/storage/fileImport';
import { checkImportBucket } from '../../providers/storage/fileImport';
import type { Bucket } from '../../providers/storage/types';
import type { TransferOperations } from '../../providers/storage/transfers';
import { formatBytes, formatList } from '../../util/format';
import { messageOf } from '../../util/inputMessages';
import type { PickItem, UserInput, StepInfo } from '../../util/userInput';
import { GoBackError } from '../../util/userInput';

const FORMAT_NAMES: Readonly<Record<string, string>> = { qcow2: 'QCOW2', vhd: 'VHD', vhdx: 'VHDX', vmdk: 'VMDK', iso: 'ISO', raw: 'RAW', zvhd2: 'ZVHD2' };

export function formatName(format: string): string {
  return FORMAT_NAMES[format] ?? format.toUpperCase();
}

export function fileProblemText(p: FileProblem): string {
  switch (p.code) {
    case 'fileEmpty':
      return vscode.l10n.t('The file is empty: there is no image in it.');
    case 'headerContradicts':
      return vscode.l10n.t('The file is named as {0} but its header says {1}: rename it or convert it, so that the cloud reads it as what it is.', formatName(p.extension), formatName(p.header));
    case 'formatRefused':
      return vscode.l10n.t('The cloud does not import {0} files; it takes {1}.', formatName(p.format), formatList(p.accepted.map(formatName)));
    case 'fileTooLarge':
      return vscode.l10n.t('The file is {0}; the cloud imports {1} files of at most {2}.', formatBytes(p.size), formatName(p.format), formatBytes(p.max));
    case 'diskSizeOutOfRange':
      return vscode.l10n.t('The disk in the file is {0} GiB; the cloud imports disks of {1} to {2} GiB.', p.sizeGiB, p.min, p.max);
  }
}

/** `wantedName`: the import's region as the tree names it (the bucket's own region may be one the tree has not listed: its ID). */
export function bucketProblemText(p: BucketProblem, cloud: CloudKind, wantedName = p.code === 'bucketOtherRegion' ? p.wanted : ''): string {
  switch (p.code) {
    case 'bucketOtherRegion':
      return vscode.l10n.t('Bucket "{0}" is in {1}; the cloud imports only from a bucket in {2}.', p.bucket, p.region, wantedName);
    case 'bucketNotStandard':
      return vscode.l10n.t('Bucket "{0}" is of the {1} storage class; the cloud imports only from a Standard bucket.', p.bucket, p.storageClass);
    case 'bucketName':
      return messageOf(p.problem, cloud) ?? '';
  }
}

export interface BucketDraft {
  cloud?: CloudKind;
  regionId?: string;
  /** The region as the tree names it, for sentences (its ID where the tree has no name). */
  regionName?: string;
  transfers?: TransferOperations;
  rules?: ImportRules;
  bucket: string;
  /** Every bucket of the account, once listed (a typed name is checked against them). */
  buckets?: readonly Bucket[];
}

/** Picks one of the buckets an import may read (or "Enter a bucket name…", then types one, checked). */
export async function askBucket(s: BucketDraft, input: UserInput, info: StepInfo): Promise<void> {
  const transfers = s.transfers!;
  const fileRules: FileImportRules = transfers.fileRules;
  const regionId = s.regionId!;
  const where = s.regionName ?? regionId;
  const typed = '\u0000typed';
  const picked = await input.pickLoaded<string>({ ...info, placeHolder: vscode.l10n.t('Bucket to upload the image file to (in {0})', where) }, async () => {
    s.buckets = await transfers.listBuckets(regionId);
    const fit = s.buckets.filter((b) => !checkImportBucket(fileRules, b, regionId));
    const left = s.buckets.length - fit.length;
    const items: PickItem<string>[] = [
      ...fit.map((b) => ({ label: b.name, description: b.region, data: b.name, picked: b.name === s.bucket })),
      { label: vscode.l10n.t('Enter a bucket name…'), data: typed },
    ];
    const notes = [
      ...(fit.length ? [] : [fileRules.bucketStandardOnly ? vscode.l10n.t('None of your Standard buckets is in {0}.', where) : vscode.l10n.t('None of your buckets is in {0}.', where)]),
      ...(left === 1 ? [vscode.l10n.t('1 bucket in another region or of another storage class is not shown: the cloud would refuse it.')] : []),
      ...(left > 1 ? [vscode.l10n.t('{0} buckets in other regions or of another storage class are not shown: the cloud would refuse them.', left)] : []),
    ];
    return { items, notes };
  });
  if (picked.data !== typed) {
    s.bucket = picked.data;
    return;
  }
  const value = await input.input({
    ...info,
    prompt: vscode.l10n.t('Name of a bucket in {0}', where),
    value: s.bucket,
    validateInput: (v) => typedBucketProblem(s, fileRules, v.trim()),
  });
  if (!value.trim()) {
    throw new GoBackError();
  }
  s.bucket = value.trim();
}

function typedBucketProblem(s: BucketDraft, fileRules: FileImportRules, name: string): string | undefined {
  const cloud = s.cloud;
  const named = messageOf(fileRules.base.checkBucket(name), cloud);
  if (named) {
    return named;
  }
  // A bucket of the account is checked for its region and class; another account's (shared with this one) is left to the cloud.
  const known = s.buckets?.find((b) => b.name === name);
  const problem = known ? checkImportBucket(fileRules, known, s.regionId!) : undefined;
  return problem && cloud ? bucketProblemText(problem, cloud, s.regionName ?? s.regionId) : undefined;
}

export type ChoiceField = 'osType' | 'platform' | 'architecture';

export interface ChoiceDraft {
  rules?: ImportRules;
  osType?: string;
  platform?: string;
  architecture?: string;
}

export const CHOICES: ReadonlyArray<{ readonly field: ChoiceField; readonly values: (r: ImportRules) => readonly string[]; readonly placeHolder: () => string }> = [
  { field: 'osType', values: (r) => r.osTypes, placeHolder: () => vscode.l10n.t('Operating system type') },
  { field: 'platform', values: (r) => r.platforms, placeHolder: () => vscode.l10n.t('Operating system of the image') },
  { field: 'architecture', values: (r) => r.architectures, placeHolder: () => vscode.l10n.t('Architecture') },
];

export async function askChoice(s: ChoiceDraft, field: ChoiceField, values: readonly string[], placeHolder: string, input: UserInput, info: StepInfo): Promise<void> {
  const items: PickItem<string>[] = values.map((v) => ({ label: v, data: v, picked: v === s[field] }));
  s[field] = (await input.pick(items, { ...info, placeHolder })).data;
}
