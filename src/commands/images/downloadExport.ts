// Download… of a finished export (the Jobs view's item, the details panel, the image's menu once it was
// exported): the objects the export wrote under its prefix (Alibaba OSSPrefix) or its object name
// (Huawei), listed from the bucket and downloaded into a chosen folder as a transfer job (ranged GETs,
// resumed after a reload). A file of the same name in the folder is replaced only when the user says so.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TrackedJob } from '../../jobs/model';
import { downloadableExport, downloadName } from '../../jobs/transferModel';
import { ImageNode } from '../../tree/nodes';
import { formatBytes, formatList } from '../../util/format';
import type { CommandContext } from '../shared/context';

/** A finished export of the job element, or of the image node (its latest succeeded export). */
function exportOf(ctx: CommandContext, arg: unknown): TrackedJob | undefined {
  const exports = ctx.jobs.list().filter(downloadableExport);
  if (arg instanceof ImageNode) {
    return exports.find((j) => j.accountId === arg.account.id && j.regionId === arg.parent.region.id && j.imageId === arg.image.id);
  }
  const e = typeof arg === 'object' && arg !== null ? (arg as Partial<TrackedJob>) : undefined;
  return exports.find((j) => j.accountId === e?.accountId && j.regionId === e?.regionId && j.jobId === e?.jobId && j.imageId === e?.imageId);
}

export async function downloadExport(ctx: CommandContext, arg?: unknown): Promise<void> {
  const job = exportOf(ctx, arg);
  if (!job || job.rerun?.kind !== 'export') {
    throw new Error(vscode.l10n.t('There is no finished export of this image to download. Export it first; Download… is offered when the export job has succeeded.'));
  }
  const { bucket, object } = job.rerun.request;
  const account = ctx.accounts.get(job.accountId);
  if (!account) {
    throw new Error(vscode.l10n.t('The account of this export was removed.'));
  }
  const transfers = (await ctx.sessions.provider(account)).transfers;
  if (!transfers) {
    throw new Error(vscode.l10n.t('This cloud cannot move image files.'));
  }
  const objects = (await transfers.listObjects(job.regionId, bucket, object)).filter((o) => o.size > 0 && !o.key.endsWith('/'));
  if (!objects.length) {
    throw new Error(vscode.l10n.t('Bucket "{0}" holds nothing under "{1}" any more: the exported files were moved or deleted.', bucket, object));
  }
  const folder = (
    await ctx.ui.openFolder({ title: vscode.l10n.t('Download the exported image of {0}', job.imageName), openLabel: vscode.l10n.t('Download Here') })
  ).fsPath;
  const clashes = objects.map((o) => downloadName(object, o.key)).filter((name) => fs.existsSync(path.join(folder, name)));
  if (clashes.length) {
    const replace = vscode.l10n.t('Replace');
    await ctx.ui.confirm(vscode.l10n.t('Replace {0} in {1}?', formatList(clashes), folder), vscode.l10n.t('A file of that name is already in the folder; the download replaces it.'), replace);
  }
  const total = objects.reduce((s, o) => s + o.size, 0);
  await ctx.transfers.startDownload({
    accountId: job.accountId,
    cloud: job.cloud,
    regionId: job.regionId,
    local: folder,
    bucket,
    key: object,
    objects: objects.map((o) => ({ key: o.key, size: o.size })),
  });
  const message = objects.length === 1
    ? vscode.l10n.t('Downloading 1 file ({0}) of the export of "{1}" to {2}. Progress is in the Jobs view.', formatBytes(total), job.imageName, folder)
    : vscode.l10n.t('Downloading {0} files ({1}) of the export of "{2}" to {3}. Progress is in the Jobs view.', objects.length, formatBytes(total), job.imageName, folder);
  void ctx.ui.notify('info', message);
}
