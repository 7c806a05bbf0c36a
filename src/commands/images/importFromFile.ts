// Import Image from File…: a disk image on the user's own disk becomes an image of a region. The file's
// header gives its format and disk size, and everything the cloud would refuse of it is said before any
// upload; then account and region (from the palette or the Explorer), a bucket that fits, the image's
// name and the cloud's choices. The upload runs as a transfer job (Jobs view: progress, Cancel, resume),
// and the import starts by itself once the file is whole in the bucket, followed to the new image. One
// import of a file into a region at a time: a second while the first is asked, uploads or imports is refused.
import * as path from 'path';
import * as vscode from 'vscode';
import type { ImportRequest, ImportOperations } from '../../providers/core/importing';
import type { ImportRules } from '../../providers/core/rules';
import { checkDiskSize, checkImport } from '../../providers/rules/import';
import { readDiskImage, DISK_IMAGE_EXTENSIONS, type DiskImageInfo } from '../../providers/storage/diskImage';
import { checkImageFile, diskGiB } from '../../providers/storage/fileImport';
import { RegionNode } from '../../tree/nodes';
import { inputMessage, messageOf } from '../../util/inputMessages';
import { runWizard, type WizardStep } from '../../util/wizard';
import type { CommandContext } from '../shared/context';
import { oneChangeAtATime, refuseWhileBusyStep, type ChangePlace } from '../shared/inFlight';
import { regionOf, regionSteps, type RegionDraft } from '../shared/regionSteps';
import { nameFromObject } from './importImage';
import { askBucket, askChoice, CHOICES, fileProblemText, formatName, type BucketDraft, type ChoiceDraft } from './importFromFileSteps';
import { assertQuotaRoom } from './quota';

interface FileDraft extends RegionDraft, BucketDraft, ChoiceDraft {
  importing?: ImportOperations;
  rules?: ImportRules;
  name: string;
  size: string;
}

async function fileOf(ctx: CommandContext, arg: unknown): Promise<string> {
  if (arg instanceof vscode.Uri) {
    return arg.fsPath;
  }
  const uri = await ctx.ui.openFile({
    title: vscode.l10n.t('Import Image from File'),
    openLabel: vscode.l10n.t('Import'),
    filters: { [vscode.l10n.t('Disk images')]: DISK_IMAGE_EXTENSIONS.map((e) => e.slice(1)) },
  });
  return uri.fsPath;
}

async function headerOf(file: string): Promise<DiskImageInfo> {
  try {
    const stat = await vscode.workspace.fs.stat(vscode.Uri.file(file));
    if (stat.type & vscode.FileType.Directory) {
      throw new Error(vscode.l10n.t('{0} is a folder, not an image file.', file));
    }
    return await readDiskImage(file);
  } catch (err) {
    if (err instanceof vscode.FileSystemError || (err as NodeJS.ErrnoException).code) {
      throw new Error(vscode.l10n.t('{0} cannot be read: {1}', file, (err as Error).message), { cause: err });
    }
    throw err;
  }
}

export async function importFromFile(ctx: CommandContext, arg?: unknown): Promise<void> {
  const title = vscode.l10n.t('Import Image from File');
  const file = await fileOf(ctx, arg);
  const info = await headerOf(file);
  if (info.fileSize === 0) {
    throw new Error(vscode.l10n.t('{0} is empty: there is no image in it to import.', file));
  }
  const fromTree = arg instanceof RegionNode ? arg : undefined;
  const draft: FileDraft = { fromTree, bucket: '', name: '', size: '' };
  const key = `imports/${path.basename(file)}`;
  // The object the file becomes, as the one-change guard's place (inFlight.ts).
  const placeOf = (s: FileDraft): ChangePlace => {
    const { account, region } = regionOf(s);
    return { accountId: account.id, regionId: region.id, id: `${s.bucket}/${key}`, name: s.name };
  };
  const steps: WizardStep<FileDraft>[] = [
    ...regionSteps<FileDraft>(ctx, (p) => p.transfers !== undefined && p.importing !== undefined),
    {
      silent: true,
      run: async (s) => {
        const region = regionOf(s);
        const provider = await ctx.sessions.provider(region.account);
        if (!provider.transfers || !provider.importing) {
          throw new Error(vscode.l10n.t('This cloud cannot import an image from a file.'));
        }
        s.cloud = region.account.cloud;
        s.regionId = region.region.id;
        s.regionName = region.region.name || region.region.id;
        s.transfers = provider.transfers;
        s.importing = provider.importing;
        s.rules = provider.importing.rules;
        // Everything the cloud would refuse of the file, at once, before anything is sent.
        const problems = checkImageFile(provider.transfers.fileRules, info);
        if (problems.length) {
          throw new Error(vscode.l10n.t('{0} cannot be imported into {1}: {2}', path.basename(file), region.region.name, problems.map(fileProblemText).join(' ')));
        }
        await assertQuotaRoom(provider, region.region.id, region.region.name, 'image');
      },
    },
    { run: (s, input, stepInfo) => askBucket(s, input, stepInfo) },
    // An object being uploaded or imported is refused now, before anything more is asked.
    refuseWhileBusyStep(ctx, (s) => [placeOf(s)], 'import'),
    {
      run: async (s, input, stepInfo) => {
        const value = await input.input({
          ...stepInfo,
          prompt: vscode.l10n.t('Name of the new image'),
          value: s.name || nameFromObject(path.basename(file)),
          validateInput: (v) => messageOf(s.rules!.checkName(v.trim()), s.cloud),
        });
        s.name = value.trim();
      },
    },
    ...CHOICES.map(
      (c): WizardStep<FileDraft> => ({
        applies: (s) => !s.rules || c.values(s.rules).length > 0,
        run: (s, input, stepInfo) => askChoice(s, c.field, c.values(s.rules!), c.placeHolder(), input, stepInfo),
      }),
    ),
    {
      // The header tells the disk size, except for a zvhd2: then it is asked.
      applies: () => diskGiB(info) === undefined,
      run: async (s, input, stepInfo) => {
        const r = s.rules!;
        const value = await input.input({
          ...stepInfo,
          prompt: vscode.l10n.t('System disk size in GiB ({0} to {1}), at least the size of the disk in the file', r.minDiskGiB, r.maxDiskGiB),
          value: s.size || String(Math.max(40, r.minDiskGiB)),
          validateInput: (v) => messageOf(checkDiskSize(r, /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN), s.cloud),
        });
        s.size = value.trim();
      },
    },
  ];
  const s = await runWizard(title, steps, draft, ctx.ui);
  const region = regionOf(s);
  const rules = s.rules!;
  const transfers = s.transfers!;
  const request: ImportRequest = {
    bucket: s.bucket,
    object: key,
    name: s.name,
    // Where the cloud takes a format (Alibaba), the header's; elsewhere the cloud reads it from the file.
    format: rules.formats.length ? transfers.fileRules.formats[info.format] : undefined,
    osType: s.osType,
    platform: s.platform ?? '',
    architecture: s.architecture ?? '',
    diskSizeGiB: Math.max(rules.minDiskGiB, diskGiB(info) ?? Number(s.size)),
  };
  const problem = checkImport(rules, request);
  if (problem) {
    throw new Error(inputMessage(problem, s.cloud));
  }
  // One import of a file into a region at a time (inFlight.ts): while an import of that object is asked or
  // runs, or an upload to it runs or waits for Resume, nothing is sent.
  await oneChangeAtATime(ctx, [placeOf(s)], 'import', async () => {
    // An object of that name is replaced only when the user says so.
    const existing = await transfers.headObject(region.region.id, s.bucket, key);
    if (existing) {
      const replace = vscode.l10n.t('Replace');
      await ctx.ui.confirm(vscode.l10n.t('Replace "{0}" in bucket "{1}"?', key, s.bucket), vscode.l10n.t('An object of that name ({0} bytes) is already there; the upload replaces it.', existing.size), replace);
    }
    const { bucket, object, ...importAfter } = request;
    const job = await ctx.transfers.startUpload({
      accountId: region.account.id,
      cloud: region.account.cloud,
      regionId: region.region.id,
      local: file,
      bucket,
      key: object,
      importAfter,
    });
    ctx.log.info(`Upload ${job.id} of ${file} (${formatName(info.format)}, ${info.fileSize} bytes) to ${bucket}/${object} in ${region.region.id} started; import of "${request.name}" follows.`);
    void ctx.ui.notify('info', vscode.l10n.t('Uploading {0} to bucket "{1}": the import of "{2}" starts when the upload completes. Progress is in the Jobs view.', path.basename(file), bucket, request.name));
  });
}
