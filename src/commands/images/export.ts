// Export: refused up front, in words, for an image the cloud does not export (exportChoice); otherwise
// bucket, object name or prefix, then (where the cloud has it) fast or standard export, and for a standard
// one a format the cloud supports; starts the async job. One export per image at a time (inFlight.ts).
// A refusal whose way out the cloud names offers it: Use Fast Export (Huawei IMG.0160), Retry When Ready.
import * as vscode from 'vscode';
import { checkExport } from '../../providers/rules/cloud';
import { type ExportRules } from '../../providers/core/rules';
import type { CloudKind } from '../../providers/core/model';
import type { ExportBlock, ExportChoice, ExportOperations, ExportRequest } from '../../providers/core/exporting';
import type { StartedJob } from '../../providers/core/changes';
import { wayOutOf } from '../../providers';
import type { ImageNode } from '../../tree/nodes';
import { formatGiB } from '../../util/format';
import { inputMessage, messageOf } from '../../util/inputMessages';
import { Recents } from '../../util/recents';
import type { PickItem } from '../../util/userInput';
import { imageState, imageStateLabel } from '../../util/vocabulary';
import { runWizard } from '../../util/wizard';
import type { CommandContext } from '../shared/context';
import { oneAtATime } from '../shared/inFlight';
import { startedJob } from '../shared/jobs';
import { imageTargets, provider } from '../shared/targets';
import type { WayOutButton } from '../shared/bulk';
import { refusalReport, showJobButton, waitButton } from '../shared/wayOuts';

export async function exportImage(ctx: CommandContext, node?: unknown): Promise<void> {
  const [target] = await imageTargets(ctx, 'export', vscode.l10n.t('Export Image'), node, undefined, false);
  if (!target) {
    return;
  }
  await exportOnce(ctx, target, (exporting) => askAndExport(ctx, target, exporting));
}

/** One export of the image at a time (inFlight.ts); a refusal's ways out are said once the guard is released. */
async function exportOnce(ctx: CommandContext, target: ImageNode, work: (exporting: ExportOperations) => Promise<(() => void) | undefined>): Promise<void> {
  let report: (() => void) | undefined;
  await oneAtATime(ctx, [target], 'export', async () => {
    const exporting = (await provider(ctx, target)).exporting;
    report = exporting ? await work(exporting) : undefined;
  });
  report?.();
}

/** Why the cloud will not export the image, in plain words. */
export function exportBlockText(block: ExportBlock, target: ImageNode): string {
  const name = target.image.name;
  switch (block.code) {
    case 'notOwn':
      return vscode.l10n.t('"{0}" is not an image of this account: only your own custom images can be exported.', name);
    case 'notReady':
      return vscode.l10n.t('"{0}" is {1}: only an available image can be exported.', name, imageStateLabel(imageState(target.account.cloud, target.image)));
    case 'marketplace':
      return vscode.l10n.t('"{0}" was made from a marketplace image: the cloud does not export such images.', name);
    case 'windows':
      return vscode.l10n.t('"{0}" has a Windows operating system: the cloud does not export Windows images.', name);
    case 'wholeImage':
      return vscode.l10n.t('"{0}" is a full-ECS image (with its data disks): the cloud does not export those.', name);
    case 'tooLarge':
      return vscode.l10n.t('"{0}" is {1}: the cloud exports only images smaller than {2}.', name, formatGiB(block.sizeGiB), formatGiB(block.maxGiB));
    case 'dataDisks':
      return vscode.l10n.t('"{0}" has {1} data disks: the cloud exports images with at most {2}.', name, block.count, block.max);
    case 'dataDiskSize':
      return vscode.l10n.t('"{0}" has a data disk of {1}: the cloud exports data disks of at most {2}.', name, formatGiB(block.sizeGiB), formatGiB(block.maxGiB));
  }
}

interface ExportDraft {
  bucket: string;
  object: string;
  quick: boolean;
  format: string;
}

function ask(ctx: CommandContext, target: ImageNode, choice: ExportChoice, rules: ExportRules, cloud: CloudKind, lastBucket: string | undefined): Promise<ExportDraft> {
  const region = target.parent.region.name;
  return runWizard<ExportDraft>(
    vscode.l10n.t('Export "{0}"', target.image.name),
    [
      {
        run: async (s, input, info) => {
          const prompt = rules.storage === 'oss' ? vscode.l10n.t('OSS bucket in {0} to export to', region) : vscode.l10n.t('OBS bucket in {0} to export to', region);
          s.bucket = (await input.input({ ...info, prompt, value: s.bucket || lastBucket, validateInput: (v) => messageOf(rules.checkBucket(v.trim()), cloud) })).trim();
        },
      },
      {
        run: async (s, input, info) => {
          const prompt = rules.object === 'prefix' ? vscode.l10n.t('Object prefix (letters and digits)') : vscode.l10n.t('Object name');
          const value = s.object || (rules.object === 'prefix' ? 'export' : target.image.name.replace(/[^\w.-]+/g, '-'));
          s.object = (await input.input({ ...info, prompt, value, validateInput: (v) => messageOf(rules.checkObject(v.trim()), cloud) })).trim();
        },
      },
      {
        applies: () => choice.quickAvailable,
        run: async (s, input, info) => {
          const fast: PickItem<boolean> = { label: vscode.l10n.t('Fast export'), description: vscode.l10n.t('the image as it is stored, without converting it'), data: true };
          const standard: PickItem<boolean> = { label: vscode.l10n.t('Standard export'), description: vscode.l10n.t('converted to a file format you choose'), data: false };
          const placeHolder = choice.quickRequired
            ? vscode.l10n.t('Images over 128 GB can only be exported the fast way.')
            : vscode.l10n.t('How to export the image');
          s.quick = (await input.pick(choice.quickRequired ? [fast] : [standard, fast], { ...info, placeHolder })).data;
        },
      },
      {
        applies: (s) => !s.quick,
        run: async (s, input, info) => {
          const items: PickItem<string>[] = rules.formats.map((f) => ({ label: f, data: f }));
          s.format = (await input.pick(items, { ...info, placeHolder: vscode.l10n.t('Image file format') })).data;
        },
      },
    ],
    { bucket: '', object: '', quick: false, format: '' },
    ctx.ui,
  );
}

async function askAndExport(ctx: CommandContext, target: ImageNode, exporting: ExportOperations): Promise<(() => void) | undefined> {
  const cloud = target.account.cloud;
  const p = await provider(ctx, target);
  // Whether and how, from the image's own fields (the tree's copy leaves the cloud's raw fields out).
  const image = (await p.getImage?.(target.parent.region.id, target.image.id)) ?? target.image;
  const choice = exporting.exportChoice(image);
  if (choice.block) {
    throw new Error(exportBlockText(choice.block, target));
  }
  const rules = exporting.rules;
  const buckets = new Recents(ctx.extension.globalState, `cloudImageExplorer.recentBuckets.${cloud}`, 5);
  const request: ExportRequest = await ask(ctx, target, choice, rules, cloud, buckets.list()[0]);
  if (request.quick && !choice.quickAvailable) {
    throw new Error(vscode.l10n.t('This cloud has no fast export.'));
  }
  if (choice.quickRequired && !request.quick) {
    throw new Error(vscode.l10n.t('"{0}" is over 128 GB: it can only be exported the fast way.', target.image.name));
  }
  const problem = checkExport(rules, request);
  if (problem) {
    throw new Error(inputMessage(problem, cloud));
  }
  await buckets.add(request.bucket);
  return sendExport(ctx, target, exporting, request, choice);
}

/**
 * Starts the export (also again on the user's click: unchanged once the image is ready, or as a fast export
 * where the cloud says only that works), or returns how to say a refusal whose way out the cloud names.
 */
async function sendExport(ctx: CommandContext, target: ImageNode, exporting: ExportOperations, request: ExportRequest, choice: ExportChoice): Promise<(() => void) | undefined> {
  let started: StartedJob;
  try {
    started = await exporting.exportImage(target.parent.region.id, target.image.id, request);
  } catch (err) {
    const fast = { ...request, quick: true, format: '' };
    const ways: WayOutButton[] = [
      {
        label: vscode.l10n.t('Use Fast Export'),
        applies: (f) => wayOutOf(f.reason) === 'fastExport' && choice.quickAvailable && !request.quick,
        run: () => exportOnce(ctx, target, (again) => sendExport(ctx, target, again, fast, choice)),
      },
      waitButton(ctx, 'export', () => sendExport(ctx, target, exporting, request, choice)),
      showJobButton(ctx),
    ];
    const report = refusalReport(ctx, target, err, ways);
    if (!report) {
      throw err;
    }
    return report;
  }
  const how = request.quick ? vscode.l10n.t('fast') : request.format;
  ctx.log.info(`Export of ${target.image.id} to ${request.bucket}/${request.object} (${request.quick ? 'fast' : request.format}) started: job ${started.job.jobId}.`);
  await startedJob(ctx, target, 'export', started, `${request.bucket}/${request.object} (${how})`, { kind: 'export', request });
  return undefined;
}
