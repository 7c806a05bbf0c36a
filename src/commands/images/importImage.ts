// Import Image…: an image file in the region's object storage (Alibaba OSS, Huawei OBS) becomes an image
// of the region. A multi-step input (with Back): account and region when run from the palette, the quota
// check (where the cloud has one), bucket, object, name, description, format, OS, architecture and disk
// size, each checked as typed and all again before the one request. The import is a job in the Jobs view;
// the new image shows in its region at once and is ready when the job ends.
import * as vscode from 'vscode';
import { checkDiskSize, checkImport } from '../../providers/rules/import';
import { type ImportRules } from '../../providers/core/rules';
import type { ImportOperations, ImportRequest } from '../../providers/core/operations';
import type { CloudKind } from '../../providers/core/model';
import { inputMessage, messageOf } from '../../util/inputMessages';
import { Recents } from '../../util/recents';
import type { PickItem, StepInfo, UserInput } from '../../util/userInput';
import { runWizard, type WizardStep } from '../../util/wizard';
import { RegionNode } from '../../tree/nodes';
import type { CommandContext } from '../shared/context';
import { oneChangeAtATime } from '../shared/inFlight';
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
}

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
    applies: (s) => !s.importing || values(s.importing.rules).length > 0,
    run: async (s, input, info) => {
      const items: PickItem<string>[] = values(rulesOf(s)).map((v) => ({ label: v, data: v, picked: v === s[field] }));
      s[field] = (await input.pick(items, { ...info, placeHolder: placeHolder() })).data;
    },
  };
}

export async function importImage(ctx: CommandContext, node?: unknown): Promise<void> {
  const title = vscode.l10n.t('Import Image');
  const fromTree = node instanceof RegionNode ? node : undefined;
  const draft: ImportDraft = { fromTree, bucket: '', object: '', name: '', description: '', platform: '', architecture: '', size: '' };
  const steps: WizardStep<ImportDraft>[] = [
    ...regionSteps<ImportDraft>(ctx, (p) => p.importing !== undefined),
    {
      silent: true,
      run: async (s) => {
        const region = regionOf(s);
        const provider = await ctx.sessions.provider(region.account);
        s.importing = provider.importing;
        s.cloud = region.account.cloud;
        if (!s.importing) {
          throw new Error(vscode.l10n.t('This cloud cannot import images.'));
        }
        s.bucket ||= new Recents(ctx.extension.globalState, `cloudImageExplorer.recentBuckets.${s.cloud}`, 5).list()[0] ?? '';
        await assertQuotaRoom(provider, region.region.id, region.region.name, 'image');
      },
    },
    text('bucket', (s) => (rulesOf(s).storage === 'oss' ? vscode.l10n.t('OSS bucket in {0} that holds the image file', regionOf(s).region.id) : vscode.l10n.t('OBS bucket in {0} that holds the image file', regionOf(s).region.id)), (s, v) => messageOf(rulesOf(s).checkBucket(v), s.cloud)),
    text('object', () => vscode.l10n.t('Image file (object name in the bucket)'), (s, v) => messageOf(rulesOf(s).checkObject(v), s.cloud)),
    text('name', () => vscode.l10n.t('Name of the new image'), (s, v) => messageOf(rulesOf(s).checkName(v), s.cloud), (s) => s.name || nameFromObject(s.object)),
    text('description', () => vscode.l10n.t('Description (optional)'), (s, v) => messageOf(rulesOf(s).checkDescription(v), s.cloud)),
    choice('format', (r) => r.formats, () => vscode.l10n.t('Format of the image file')),
    choice('osType', (r) => r.osTypes, () => vscode.l10n.t('Operating system type')),
    choice('platform', (r) => r.platforms, () => vscode.l10n.t('Operating system of the image')),
    choice('architecture', (r) => r.architectures, () => vscode.l10n.t('Architecture')),
    text(
      'size',
      (s) => vscode.l10n.t('System disk size in GiB ({0} to {1}), at least the size of the disk in the file', rulesOf(s).minDiskGiB, rulesOf(s).maxDiskGiB),
      (s, v) => messageOf(checkDiskSize(rulesOf(s), /^\d+$/.test(v) ? Number(v) : NaN), s.cloud),
      (s) => s.size || String(rulesOf(s).minDiskGiB > 40 ? rulesOf(s).minDiskGiB : 40),
    ),
  ];
  const s = await runWizard(title, steps, draft, ctx.ui);
  const region = regionOf(s);
  const importing = s.importing!;
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
  };
  const problem = checkImport(importing.rules, request);
  if (problem) {
    throw new Error(inputMessage(problem, s.cloud));
  }
  // One import of a file into a region at a time: a second while the first's request or job runs sends nothing.
  const place = { accountId: region.account.id, regionId: region.region.id, id: `${request.bucket}/${request.object}`, name: request.name };
  await oneChangeAtATime(ctx, [place], 'import', async () => {
    const started = await importing.importImage(region.region.id, request);
    await new Recents(ctx.extension.globalState, `cloudImageExplorer.recentBuckets.${region.account.cloud}`, 5).add(request.bucket);
    ctx.log.info(`Import of ${request.bucket}/${request.object} into ${region.region.id} started: job ${started.job.jobId}${started.imageId ? `, image ${started.imageId}` : ''}.`);
    await ctx.jobs.track({
      accountId: region.account.id,
      cloud: region.account.cloud,
      regionId: region.region.id,
      jobId: started.job.jobId,
      kind: 'import',
      imageId: started.imageId ?? '',
      imageName: request.name,
      detail: `${request.bucket}/${request.object}`,
    });
    // The new image is listed (being made) from now on.
    ctx.tree.refresh(region);
    const details = vscode.l10n.t('Show Details');
    const target = started.imageId ? { accountId: region.account.id, regionId: region.region.id, imageId: started.imageId } : undefined;
    void ctx.ui
      .notify('info', vscode.l10n.t('Started: import of "{0}" into {1} (job {2}).', request.name, region.region.name, started.job.jobId), ...(target ? [details] : []))
      .then((c) => {
        if (c === details && target) {
          void vscode.commands.executeCommand('cloudImageExplorer.openDetails', target);
        }
      });
  });
}
