// Export: bucket, object name or prefix, and a format the cloud supports; starts the async job.
// One export per image at a time (inFlight.ts).
import * as vscode from 'vscode';
import { checkExport } from '../providers/input';
import type { ExportRequest } from '../providers/operations';
import type { ImageNode } from '../tree/nodes';
import { inputMessage, messageOf } from '../util/inputMessages';
import { Recents } from '../util/recents';
import { exportArg } from './args';
import type { CommandContext } from './context';
import { oneAtATime } from './inFlight';
import { startedJob } from './jobs';
import { imageTargets, provider } from './targets';

export async function exportImage(ctx: CommandContext, node?: unknown, _selection?: unknown, presetArg?: unknown): Promise<void> {
  const preset = exportArg(presetArg);
  const [target] = await imageTargets(ctx, 'export', vscode.l10n.t('Export Image'), node, undefined, false);
  if (!target) {
    return;
  }
  await oneAtATime(ctx, [target], 'export', () => askAndExport(ctx, target, preset));
}

async function askAndExport(ctx: CommandContext, target: ImageNode, preset: ExportRequest | undefined): Promise<void> {
  const cloud = target.account.cloud;
  const p = await provider(ctx, target);
  const exporting = p.exporting;
  if (!exporting) {
    return;
  }
  const rules = exporting.rules;
  const buckets = new Recents(ctx.extension.globalState, `cloudImageExplorer.recentBuckets.${cloud}`, 5);
  let request = preset;
  if (!request) {
    const title = vscode.l10n.t('Export "{0}"', target.image.name);
    const bucket = await vscode.window.showInputBox({
      title: `${title} (1/3)`,
      prompt: cloud === 'alibaba'
        ? vscode.l10n.t('OSS bucket in {0} to export to', target.parent.region.id)
        : vscode.l10n.t('OBS bucket in {0} to export to', target.parent.region.id),
      value: buckets.list()[0],
      ignoreFocusOut: true,
      validateInput: (v) => messageOf(rules.checkBucket(v.trim()), cloud),
    });
    if (bucket === undefined) {
      return;
    }
    const object = await vscode.window.showInputBox({
      title: `${title} (2/3)`,
      prompt: cloud === 'alibaba' ? vscode.l10n.t('Object prefix (letters and digits)') : vscode.l10n.t('Object name'),
      value: cloud === 'alibaba' ? 'export' : `${target.image.name.replace(/[^\w.-]+/g, '-')}`,
      ignoreFocusOut: true,
      validateInput: (v) => messageOf(rules.checkObject(v.trim()), cloud),
    });
    if (object === undefined) {
      return;
    }
    const format = await vscode.window.showQuickPick([...rules.formats], { title: `${title} (3/3)`, placeHolder: vscode.l10n.t('Image file format') });
    if (!format) {
      return;
    }
    request = { bucket: bucket.trim(), object: object.trim(), format };
  }
  const problem = checkExport(rules, request);
  if (problem) {
    throw new Error(inputMessage(problem, cloud));
  }
  const started = await exporting.exportImage(target.parent.region.id, target.image.id, request);
  await buckets.add(request.bucket);
  ctx.log.info(`Export of ${target.image.id} to ${request.bucket}/${request.object} (${request.format}) started: job ${started.job.jobId}.`);
  await startedJob(ctx, target, 'export', started, `${request.bucket}/${request.object} (${request.format})`, { kind: 'export', request });
}
