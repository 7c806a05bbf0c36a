// Gathers what the details panel shows: every field of the image, its tags, members, supported
// instance types and jobs. Each part that fails says so in place; the rest still shows.
import * as vscode from 'vscode';
import type { Sessions } from '../accounts/session';
import type { AccountStore } from '../accounts/store';
import { CAPABILITIES, imageRefusal } from '../providers/rules/capabilities';
import { type Capability } from '../providers/core/rules';
import type { Image } from '../providers/core/model';
import type { ImageProvider } from '../providers/core/provider';
import type { JobTracker } from '../jobs/tracker';
import { downloadableExport } from '../jobs/transferModel';
import { cancelText, durationWords, originText, failureText, jobTitle, stateLabel } from '../jobs/labels';
import { cloudLabel } from '../util/clouds';
import { userMessage } from '../util/errors';
import { formatTime } from '../util/format';
import { imageState, memberStatus } from '../util/vocabulary';
import { fieldGroups } from './detailsFields';
import type { DetailsState, JobView, PanelIdentity } from './protocol';

export function panelStrings(): Record<string, string> {
  return {
    details: vscode.l10n.t('Details'),
    tags: vscode.l10n.t('Tags'),
    noTags: vscode.l10n.t('No tags.'),
    addTag: vscode.l10n.t('Add'),
    edit: vscode.l10n.t('Click to edit'),
    key: vscode.l10n.t('Key'),
    value: vscode.l10n.t('Value'),
    name: vscode.l10n.t('Name'),
    remove: vscode.l10n.t('Remove'),
    members: vscode.l10n.t('Shared with'),
    noMembers: vscode.l10n.t('Not shared.'),
    instanceTypes: vscode.l10n.t('Supported instance types'),
    noInstanceTypes: vscode.l10n.t('The cloud lists no instance type for this image.'),
    retry: vscode.l10n.t('Retry'),
    jobs: vscode.l10n.t('Jobs'),
    noJobs: vscode.l10n.t('No jobs for this image.'),
    refresh: vscode.l10n.t('Refresh'),
    copyId: vscode.l10n.t('Copy ID'),
    rename: vscode.l10n.t('Rename…'),
    editDescription: vscode.l10n.t('Edit Description…'),
    deprecate: vscode.l10n.t('Deprecate…'),
    undeprecate: vscode.l10n.t('Make Available'),
    gone: vscode.l10n.t('This image no longer exists.'),
    elapsed: vscode.l10n.t('{0} elapsed'),
    rawField: vscode.l10n.t('Field name at the cloud: {0}'),
    rawValue: vscode.l10n.t('As the cloud gave it: {0}'),
    download: vscode.l10n.t('Download…'),
    ...durationWords(),
  };
}

/** A panel that offers no edits (the image is gone, or could not be read). */
const NO_EDIT = { canEdit: false, canDeprecate: false, deprecated: false } as const;

export function jobViews(jobs: JobTracker, id: PanelIdentity): JobView[] {
  return jobs.forImage(id.accountId, id.regionId, id.imageId).map((j) => ({
    jobId: j.jobId,
    title: jobTitle(j),
    state: j.state,
    stateLabel: stateLabel(j),
    percent: j.percent,
    startedAt: j.startedAt,
    finishedAt: j.finishedAt,
    error: failureText(j),
    note: [cancelText(j), originText(j)].filter((t): t is string => t !== undefined).join(' ') || undefined,
    detail: j.detail,
    canDownload: downloadableExport(j) || undefined,
  }));
}

/**
 * The supported instance types, where the cloud lists them (Alibaba DescribeImageSupportInstanceTypes):
 * the list, or why it could not be read (the panel's section then offers Retry); nothing elsewhere.
 */
export async function instanceTypesPart(
  provider: ImageProvider,
  id: PanelIdentity,
): Promise<Pick<DetailsState, 'instanceTypes' | 'instanceTypesError'>> {
  const ask = provider.details?.instanceTypes;
  if (!ask) {
    return {};
  }
  try {
    return { instanceTypes: await ask.call(provider.details, id.regionId, id.imageId) };
  } catch (err) {
    return { instanceTypesError: userMessage(err) };
  }
}

export async function loadDetails(
  id: PanelIdentity,
  known: Image | undefined,
  accounts: AccountStore,
  sessions: Sessions,
  jobs: JobTracker,
): Promise<DetailsState> {
  const strings = panelStrings();
  const account = accounts.get(id.accountId);
  const base = { identity: id, imageId: id.imageId, regionId: id.regionId, jobs: jobViews(jobs, id), strings };
  if (!account) {
    return { ...base, name: id.imageId, cloudLabel: '', gone: true, fields: [], tags: [], ...NO_EDIT, canTag: false, tagNamesOnly: false, error: vscode.l10n.t('The account was removed.') };
  }
  const caps = CAPABILITIES[account.cloud];
  const common = { ...base, cloudLabel: `${account.name} · ${cloudLabel(account.cloud)}${caps.retired ? ` · ${vscode.l10n.t('retired service')}` : ''}` };
  let image = known;
  try {
    const provider = await sessions.provider(account);
    if (provider.getImage) {
      image = await provider.getImage(id.regionId, id.imageId);
    }
    if (!image) {
      return { ...common, name: known?.name ?? id.imageId, gone: true, fields: [], tags: [], ...NO_EDIT, canTag: false, tagNamesOnly: false };
    }
    const fields = fieldGroups(account.cloud, image);
    const [members, instanceTypes] = await Promise.all([
      provider.sharing?.listMembers(id.regionId, id.imageId).then(
        (m) => ({ members: m.map((x) => ({ id: x.id, status: memberStatus(account.cloud, x), since: formatTime(x.sharedAt) })) }),
        (err: unknown) => ({ membersError: userMessage(err) }),
      ),
      instanceTypesPart(provider, id),
    ]);
    // What the panel offers follows the image's owner and state, like the tree's menus.
    const shown: Image = image;
    const allows = (c: Capability): boolean => imageRefusal(account.cloud, shown, c) === undefined;
    return {
      ...common,
      name: image.name,
      ...(image.description ? { description: image.description } : {}),
      canEdit: allows('edit') && !!provider.editing,
      canDeprecate: allows('deprecate') && !!provider.editing?.setDeprecated,
      deprecated: imageState(account.cloud, image) === 'deprecated',
      gone: false,
      fields,
      tags: image.tags.map((t) => ({ key: t.key, value: t.value })),
      canTag: allows('tag') && !!provider.tags,
      tagNamesOnly: provider.tags?.rules.limits.namesOnly ?? false,
      ...(members ?? {}),
      ...instanceTypes,
    };
  } catch (err) {
    return { ...common, name: image?.name ?? id.imageId, gone: false, fields: [], tags: image?.tags.map((t) => ({ ...t })) ?? [], ...NO_EDIT, canTag: false, tagNamesOnly: false, error: userMessage(err) };
  }
}
