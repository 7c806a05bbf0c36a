// Import Image…: an image file in the region's object storage (Alibaba OSS, Huawei OBS) becomes an image
// of the region: a system disk image, one with data disks' files too (Alibaba), or a data disk image (Huawei). A multi-step input (with Back): account and region when run from the palette, the quota
// check (where the cloud has one), bucket, object, name, description, format, OS, architecture and disk
// size, encryption with a KMS key where the cloud takes one, each checked as typed and all again before the one request. The import is a job in the Jobs view;
// the new image shows in its region at once and is ready when the job ends.
import * as vscode from 'vscode';
import { checkDataImage, checkImport, checkRange } from '../../providers/rules/import';
import { type DiskRange, type ImportRules, type InputProblem } from '../../providers/core/rules';
import type { DataDiskFile, DataImageRequest, ImportOperations, ImportRequest, ImportStarted } from '../../providers/core/importing';
import type { KeyOperations } from '../../providers/core/keys';
import { askKmsKey } from './keyPicker';
import type { CloudKind } from '../../providers/core/model';
import { inputMessage, messageOf } from '../../util/inputMessages';
import { Recents } from '../../util/recents';
import type { PickItem, StepInfo, UserInput } from '../../util/userInput';
import { runWizard, type WizardStep } from '../../util/wizard';
import { RegionNode } from '../../tree/nodes';
import type { CommandContext } from '../shared/context';
import { oneChangeAtATime, refuseWhileBusyStep, type ChangePlace } from '../shared/inFlight';
import { assertQuotaRoom } from './quota';
import { regionOf, regionSteps, type RegionDraft } from '../shared/regionSteps';

interface ImportDraft extends RegionDraft {
  importing?: ImportOperations;
  cloud?: CloudKind;
  bucket: string;
  object: string;
  name: string;
  description: string;
  format?: string;
  osType?: string;
  platform: string;
  architecture: string;
  size: string;
  /** Encrypt the new image with a KMS key (where the import takes one). */
  encrypt: boolean;
  kmsKeyId: string;
  keys?: KeyOperations;
  /** A system disk image, one with data disks' files too (Alibaba), or a data disk image (Huawei). */
  kind: ImageKind;
  dataDisks: DataDiskFile[];
}

type ImageKind = 'system' | 'systemWithData' | 'data';

/** The kinds of image the region's cloud imports. */
function kindsOf(s: ImportDraft): ImageKind[] {
  const importing = s.importing;
  return ['system', ...(importing?.rules.dataDisks ? ['systemWithData' as const] : []), ...(importing?.importDataImage ? ['data' as const] : [])];
}

function kindLabel(kind: ImageKind): string {
  switch (kind) {
    case 'system':
      return vscode.l10n.t('System disk image');
    case 'systemWithData':
      return vscode.l10n.t('System disk image with data disks');
    case 'data':
      return vscode.l10n.t('Data disk image');
  }
}

/** The size range of the disk the file makes: the system disk's, or a data disk image's. */
function rangeOf(s: ImportDraft): DiskRange {
  const rules = rulesOf(s);
  return s.kind === 'data' && rules.dataImage ? rules.dataImage : { minGiB: rules.minDiskGiB, maxGiB: rules.maxDiskGiB };
}

/**
 * The data disks' files (Alibaba DiskDeviceMapping.2..N), one after another in the system disk's bucket:
 * the object (empty: no more), its format and its size, each checked as typed.
 */
const DATA_DISKS_STEP: WizardStep<ImportDraft> = {
  applies: (s) => s.kind === 'systemWithData',
  run: async (s, input, info) => {
    const rules = rulesOf(s);
    const range = rules.dataDisks!;
    const disks: DataDiskFile[] = [];
    while (disks.length < range.max) {
      const n = disks.length + 1;
      const object = (
        await input.input({
          ...info,
          prompt: vscode.l10n.t('Data disk {0}: image file in the bucket {1} (leave empty when there are no more data disks)', n, s.bucket),
          value: s.dataDisks[disks.length]?.object ?? '',
          validateInput: (v) => (v.trim() || disks.length === 0 ? messageOf(rules.checkObject(v.trim()), s.cloud) : undefined),
        })
      ).trim();
      if (!object) {
        break;
      }
      const format = rules.formats.length
        ? (await input.pick(rules.formats.map((f) => ({ label: f, data: f, picked: f === s.format })), { ...info, placeHolder: vscode.l10n.t('Format of the file of data disk {0}', n) })).data
        : undefined;
      const size = await input.input({
        ...info,
        prompt: vscode.l10n.t('Size of data disk {0} in GiB ({1} to {2})', n, range.minGiB, range.maxGiB),
        value: String(s.dataDisks[disks.length]?.sizeGiB ?? Math.max(range.minGiB, 40)),
        validateInput: (v) => messageOf(checkRange(range, /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN), s.cloud),
      });
      disks.push({ bucket: s.bucket, object, ...(format ? { format } : {}), sizeGiB: Number(size.trim()) });
    }
    s.dataDisks = disks;
  },
};

const KIND_STEP: WizardStep<ImportDraft> = {
  // Counted before the region is known: then it is assumed to apply.
  applies: (s) => !s.importing || kindsOf(s).length > 1,
  run: async (s, input, info) => {
    const items: PickItem<ImageKind>[] = kindsOf(s).map((k) => ({ label: kindLabel(k), data: k, picked: k === s.kind }));
    s.kind = (await input.pick(items, { ...info, placeHolder: vscode.l10n.t('What kind of image the file makes') })).data;
  },
};

function rulesOf(s: ImportDraft): ImportRules {
  if (!s.importing) {
    throw new Error('The import steps ran before the region was known.');
  }
  return s.importing.rules;
}

/** A name the cloud takes, from the file's name: "builds/web v3.qcow2" -> "web-v3". */
export function nameFromObject(object: string): string {
  const file = object.split('/').pop() ?? object;
  const stem = file.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[^\p{L}]+/u, '');
  return stem.slice(0, 128) || 'imported-image';
}

function text(field: 'bucket' | 'object' | 'name' | 'description' | 'size', prompt: (s: ImportDraft) => string, check: (s: ImportDraft, v: string) => string | undefined, initial?: (s: ImportDraft) => string): WizardStep<ImportDraft> {
  return {
    run: async (s, input: UserInput, info: StepInfo) => {
      const value = await input.input({ ...info, prompt: prompt(s), value: initial?.(s) ?? s[field], validateInput: (v) => check(s, v.trim()) });
      s[field] = value.trim();
    },
  };
}

function choice(field: 'format' | 'osType' | 'platform' | 'architecture', values: (r: ImportRules) => readonly string[], placeHolder: () => string): WizardStep<ImportDraft> {
  return {
    // Counted before the region is known (the step counter asks): then it is assumed to apply.
    applies: (s) => s.kind !== 'data' && (!s.importing || values(s.importing.rules).length > 0),
    run: async (s, input, info) => {
      const items: PickItem<string>[] = values(rulesOf(s)).map((v) => ({ label: v, data: v, picked: v === s[field] }));
      s[field] = (await input.pick(items, { ...info, placeHolder: placeHolder() })).data;
    },
  };
}

/** Encryption, where the import takes a key (Huawei cmk_id): a yes/no, then the key picked or typed. */
function encryptionSteps(): WizardStep<ImportDraft>[] {
  const encryptable = (s: ImportDraft): boolean => !!s.importing?.rules.checkKmsKeyId;
  return [
    {
      applies: encryptable,
      run: async (s, input, info) => {
        const items: PickItem<boolean>[] = [
          { label: vscode.l10n.t('Not encrypted'), data: false, picked: !s.encrypt },
          { label: vscode.l10n.t('Encrypted with a KMS key…'), data: true, picked: s.encrypt },
        ];
        s.encrypt = (await input.pick(items, { ...info, placeHolder: vscode.l10n.t('Encryption of the new image') })).data;
      },
    },
    {
      applies: (s) => encryptable(s) && s.encrypt,
      run: async (s, input, info) => {
        const check = (v: string): InputProblem | undefined => rulesOf(s).checkKmsKeyId?.(v);
        s.kmsKeyId = await askKmsKey({ cloud: s.cloud ?? regionOf(s).account.cloud, regionId: regionOf(s).region.id, regionName: regionOf(s).region.name, keys: s.keys, check, current: s.kmsKeyId || undefined }, input, info);
      },
    },
  ];
}

/**
 * The objects the import reads (the system disk's file, and the data disks' files where asked), as the
 * one-change guard's places: an object being uploaded or imported is refused (inFlight.ts).
 */
function placesOf(s: ImportDraft): ChangePlace[] {
  const { account, region } = regionOf(s);
  const objects = [s.object, ...(s.kind === 'systemWithData' ? s.dataDisks.map((d) => d.object) : [])];
  return objects.map((object) => ({ accountId: account.id, regionId: region.id, id: `${s.bucket}/${object}`, name: s.name }));
}

export async function importImage(ctx: CommandContext, node?: unknown): Promise<void> {
  const title = vscode.l10n.t('Import Image');
  const fromTree = node instanceof RegionNode ? node : undefined;
  const draft: ImportDraft = {
    fromTree,
    bucket: '',
    object: '',
    name: '',
    description: '',
    platform: '',
    architecture: '',
    size: '',
    encrypt: false,
    kmsKeyId: '',
    kind: 'system',
    dataDisks: [],
  };
  const steps: WizardStep<ImportDraft>[] = [
    ...regionSteps<ImportDraft>(ctx, (p) => p.importing !== undefined),
    {
      silent: true,
      run: async (s) => {
        const region = regionOf(s);
        const provider = await ctx.sessions.provider(region.account);
        s.importing = provider.importing;
        s.keys = provider.keys;
        s.cloud = region.account.cloud;
        if (!s.importing) {
          throw new Error(vscode.l10n.t('This cloud cannot import images.'));
        }
        s.bucket ||= new Recents(ctx.extension.globalState, `cloudImageExplorer.recentBuckets.${s.cloud}`, 5).list()[0] ?? '';
        await assertQuotaRoom(provider, region.region.id, region.region.name, 'image');
      },
    },
    KIND_STEP,
    text('bucket', (s) => (rulesOf(s).storage === 'oss' ? vscode.l10n.t('OSS bucket in {0} that holds the image file', regionOf(s).region.name) : vscode.l10n.t('OBS bucket in {0} that holds the image file', regionOf(s).region.name)), (s, v) => messageOf(rulesOf(s).checkBucket(v), s.cloud)),
    text('object', () => vscode.l10n.t('Image file (object name in the bucket)'), (s, v) => messageOf(rulesOf(s).checkObject(v), s.cloud)),
    // An object still being uploaded (or imported) is refused now, before anything more is asked.
    refuseWhileBusyStep(ctx, placesOf, 'import'),
    text('name', () => vscode.l10n.t('Name of the new image'), (s, v) => messageOf(rulesOf(s).checkName(v), s.cloud), (s) => s.name || nameFromObject(s.object)),
    text('description', () => vscode.l10n.t('Description (optional)'), (s, v) => messageOf(rulesOf(s).checkDescription(v), s.cloud)),
    choice('format', (r) => r.formats, () => vscode.l10n.t('Format of the image file')),
    choice('osType', (r) => r.osTypes, () => vscode.l10n.t('Operating system type')),
    choice('platform', (r) => r.platforms, () => vscode.l10n.t('Operating system of the image')),
    choice('architecture', (r) => r.architectures, () => vscode.l10n.t('Architecture')),
    text(
      'size',
      (s) =>
        s.kind === 'data'
          ? vscode.l10n.t('Data disk size in GiB ({0} to {1}), at least the size of the disk in the file', rangeOf(s).minGiB, rangeOf(s).maxGiB)
          : vscode.l10n.t('System disk size in GiB ({0} to {1}), at least the size of the disk in the file', rangeOf(s).minGiB, rangeOf(s).maxGiB),
      (s, v) => messageOf(checkRange(rangeOf(s), /^\d+$/.test(v) ? Number(v) : NaN), s.cloud),
      (s) => s.size || String(Math.max(rangeOf(s).minGiB, 40)),
    ),
    DATA_DISKS_STEP,
    refuseWhileBusyStep(ctx, placesOf, 'import', (s) => s.kind === 'systemWithData'),
    ...encryptionSteps(),
  ];
  const s = await runWizard(title, steps, draft, ctx.ui);
  const region = regionOf(s);
  const importing = s.importing!;
  // Every field checked again (typed values included) before the one request.
  const start = s.kind === 'data' ? dataImageStart(s, importing) : systemImageStart(s, importing);
  // One import of a file into a region at a time: while another import's request or job, or an upload to
  // one of its files, runs, nothing is sent.
  await oneChangeAtATime(ctx, placesOf(s), 'import', async () => {
    const started = await start(region.region.id);
    await new Recents(ctx.extension.globalState, `cloudImageExplorer.recentBuckets.${region.account.cloud}`, 5).add(s.bucket);
    ctx.log.info(`Import of ${s.bucket}/${s.object} into ${region.region.id} started: job ${started.job.jobId}${started.imageId ? `, image ${started.imageId}` : ''}.`);
    await ctx.jobs.track({
      accountId: region.account.id,
      cloud: region.account.cloud,
      regionId: region.region.id,
      jobId: started.job.jobId,
      kind: 'import',
      imageId: started.imageId ?? '',
      imageName: s.name,
      detail: `${s.bucket}/${s.object}${s.kind === 'systemWithData' ? ` + ${s.dataDisks.length}` : ''}`,
    });
    // The new image is listed (being made) from now on.
    ctx.tree.refresh(region);
    const details = vscode.l10n.t('Show Details');
    const target = started.imageId ? { accountId: region.account.id, regionId: region.region.id, imageId: started.imageId } : undefined;
    void ctx.ui
      .notify('info', vscode.l10n.t('Started: import of "{0}" into {1} (job {2}).', s.name, region.region.name, started.job.jobId), ...(target ? [details] : []))
      .then((c) => {
        if (c === details && target) {
          void vscode.commands.executeCommand('cloudImageExplorer.openDetails', target);
        }
      });
  });
}

type Start = (regionId: string) => Promise<ImportStarted>;

function assertNoProblem(problem: InputProblem | undefined, cloud: CloudKind | undefined): void {
  if (problem) {
    throw new Error(inputMessage(problem, cloud));
  }
}

/** A system disk image (with its data disks' files, where asked), checked before any request. */
function systemImageStart(s: ImportDraft, importing: ImportOperations): Start {
  const request: ImportRequest = {
    bucket: s.bucket,
    object: s.object,
    name: s.name,
    description: s.description || undefined,
    format: s.format,
    osType: s.osType,
    platform: s.platform,
    architecture: s.architecture,
    diskSizeGiB: Number(s.size),
    ...(s.encrypt ? { kmsKeyId: s.kmsKeyId } : {}),
    ...(s.kind === 'systemWithData' ? { dataDisks: s.dataDisks } : {}),
  };
  assertNoProblem(checkImport(importing.rules, request), s.cloud);
  return (regionId) => importing.importImage(regionId, request);
}

/** A data disk image (Huawei), checked before any request. */
function dataImageStart(s: ImportDraft, importing: ImportOperations): Start {
  const importData = importing.importDataImage;
  if (!importData) {
    throw new Error(vscode.l10n.t('This cloud makes no data disk images from files.'));
  }
  const request: DataImageRequest = {
    bucket: s.bucket,
    object: s.object,
    name: s.name,
    description: s.description || undefined,
    diskSizeGiB: Number(s.size),
    ...(s.encrypt ? { kmsKeyId: s.kmsKeyId } : {}),
  };
  assertNoProblem(checkDataImage(importing.rules, request), s.cloud);
  return (regionId) => importData.call(importing, regionId, request);
}
