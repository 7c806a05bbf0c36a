// What the editor says about an image ID: the hover, the diagnostic, and the actions offered on it
// (the tree's own commands, reached through small editor commands that find the image's node first).
import * as vscode from 'vscode';
import { imageRefusal } from '../providers/rules/capabilities';
import { LAUNCH_KEYS } from '../providers/rules/launchKeys';
import { accountLabel, cloudLabel } from '../util/clouds';
import { userMessage } from '../util/errors';
import { formatGiB, formatList } from '../util/format';
import { imageState, imageStateLabel, ownerLabel } from '../util/vocabulary';
import type { LaunchFinding } from './launch';
import type { IdRef, ImageHit, Lookup } from './lookup';

export const EDITOR_COMMANDS = {
  tag: 'cloudImageExplorer.imageIds.tag',
  openDetails: 'cloudImageExplorer.imageIds.openDetails',
  reveal: 'cloudImageExplorer.imageIds.reveal',
  copy: 'cloudImageExplorer.imageIds.copy',
  accept: 'cloudImageExplorer.imageIds.accept',
} as const;

/** Where one image is: what the editor commands take. */
export interface ImageTarget {
  readonly accountId: string;
  readonly regionId: string;
  readonly imageId: string;
  /** Copy to Region… from a file: the region the file launches the image in, chosen in advance. */
  readonly destinationRegionId?: string;
}

export function targetOf(hit: ImageHit): ImageTarget {
  return { accountId: hit.account.id, regionId: hit.regionId, imageId: hit.image.id };
}

/**
 * Tag… and Copy to Region… (where the image's owner and state allow them), Open Details, Reveal in the
 * Images view: as commands for code actions, lenses and links.
 */
export function actionsFor(hit: ImageHit): vscode.Command[] {
  const args = [targetOf(hit)];
  const actions: vscode.Command[] = [];
  if (imageRefusal(hit.account.cloud, hit.image, 'tag') === undefined) {
    actions.push({ title: vscode.l10n.t('Tag…'), command: EDITOR_COMMANDS.tag, arguments: args });
  }
  actions.push(
    { title: vscode.l10n.t('Open Details'), command: EDITOR_COMMANDS.openDetails, arguments: args },
    { title: vscode.l10n.t('Reveal in the Images view'), command: EDITOR_COMMANDS.reveal, arguments: args },
  );
  if (imageRefusal(hit.account.cloud, hit.image, 'copy') === undefined) {
    actions.push({ title: vscode.l10n.t('Copy to Region…'), command: EDITOR_COMMANDS.copy, arguments: args });
  }
  return actions;
}

function commandLink(command: vscode.Command): string {
  const args = encodeURIComponent(JSON.stringify(command.arguments ?? []));
  return `[${command.title.replace(/[[\]]/g, '')}](command:${command.command}?${args})`;
}

function row(md: vscode.MarkdownString, cells: [string, string | undefined][]): void {
  const text = cells
    .filter((c): c is [string, string] => !!c[1])
    .map(([k, v]) => vscode.l10n.t('{0}: {1}', k, v))
    .join(' · ');
  if (text) {
    md.appendText(text).appendMarkdown('  \n');
  }
}

/** Where a hit lives: "Sandbox · Alibaba Cloud ECS, China (Hangzhou) (cn-hangzhou)". */
function place(hit: ImageHit): [string, string][] {
  const region = hit.regionName === hit.regionId ? hit.regionId : `${hit.regionName} (${hit.regionId})`;
  return [
    [vscode.l10n.t('Account'), accountLabel(hit.account)],
    [vscode.l10n.t('Region'), region],
  ];
}

/** The hover of an image ID: the image's facts and where it lives, with its actions as links. */
export function hoverText(ref: IdRef, lookup: Lookup): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.supportHtml = false;
  if (lookup.kind !== 'found') {
    md.appendMarkdown('**').appendText(ref.id).appendMarkdown('**\n\n');
    md.appendText(absentText(ref, lookup));
    if (lookup.kind === 'noAccount') {
      md.appendMarkdown(`\n\n${commandLink({ title: vscode.l10n.t('Add Account'), command: 'cloudImageExplorer.addAccount' })}`);
      md.isTrusted = { enabledCommands: ['cloudImageExplorer.addAccount'] };
    }
    return md;
  }
  const [first, ...others] = lookup.hits;
  const { image } = first!;
  md.appendMarkdown('**').appendText(image.name).appendMarkdown('**  \n');
  row(md, [
    [vscode.l10n.t('ID'), image.id],
    [vscode.l10n.t('Status'), imageStateLabel(imageState(first!.account.cloud, image))],
    [vscode.l10n.t('Type'), ownerLabel(image.owner)],
  ]);
  row(md, [
    [vscode.l10n.t('OS'), image.osName ?? image.osType],
    [vscode.l10n.t('Size'), image.sizeGiB === undefined ? undefined : formatGiB(image.sizeGiB)],
  ]);
  row(md, [[vscode.l10n.t('Tags'), formatList(image.tags.map((t) => (t.value ? `${t.key}=${t.value}` : t.key))) || vscode.l10n.t('none')]]);
  row(md, place(first!));
  for (const other of others) {
    md.appendText(vscode.l10n.t('Also in {0}, {1}', accountLabel(other.account), other.regionName)).appendMarkdown('  \n');
  }
  const actions = actionsFor(first!);
  md.appendMarkdown(`\n${actions.map(commandLink).join(' · ')}`);
  md.isTrusted = { enabledCommands: actions.map((a) => a.command) };
  return md;
}

/** Why there is nothing to show for an ID. */
function absentText(ref: IdRef, lookup: Exclude<Lookup, { kind: 'found' }>): string {
  const cloud = cloudLabel(ref.cloud);
  switch (lookup.kind) {
    case 'missing': {
      const searched = formatList(lookup.searched.map(accountLabel));
      const shareCall = LAUNCH_KEYS[ref.cloud].shareCall;
      return shareCall === undefined
        ? vscode.l10n.t('Not found in any region of {0}.', searched)
        : vscode.l10n.t(
            'Not found in any region of {0}. It may be an image of another account that is not shared with {0}: ask its owner to share it with the account ID of {0} ({1}).',
            searched,
            shareCall,
          );
    }
    case 'failed':
      return vscode.l10n.t('Could not look up this {0} image: {1}', cloud, userMessage(lookup.error));
    case 'noAccount':
      return vscode.l10n.t('This looks like an image ID of {0}, but no {0} account is configured. Add one to see what it is.', cloud);
  }
}

/** Why no account finds an ID; where another account's image is unseen until shared, that it may be one, and what to do. */
function notFoundText(ref: IdRef, lookup: Extract<Lookup, { kind: 'missing' }>): string {
  const shareCall = LAUNCH_KEYS[ref.cloud].shareCall;
  if (shareCall !== undefined) {
    return vscode.l10n.t(
      "No configured {0} account can find the image {1}: it was deleted, or it is an image of another account that is not shared with {2}. Another account's custom image is seen only once its owner shares it: ask the owner to share it with the account ID of {2} ({3}), or add the owner's account.",
      cloudLabel(ref.cloud),
      ref.id,
      formatList(lookup.searched.map(accountLabel)),
      shareCall,
    );
  }
  return vscode.l10n.t(
    'No configured {0} account can find the image {1}: it was deleted, or it lives in an account that is not configured.',
    cloudLabel(ref.cloud),
    ref.id,
  );
}

export const DIAGNOSTIC_CODES = { notFound: 'image-not-found', deprecated: 'image-deprecated', unavailable: 'image-not-available' } as const;

/** Whether a found image gets a diagnostic: none of the places it was found in has it available. */
export function diagnosticNeeded(lookup: Extract<Lookup, { kind: 'found' }>): boolean {
  return !lookup.hits.some((h) => imageState(h.account.cloud, h.image) === 'available');
}

/** A warning for an ID no account can find; information for a deprecated or unusable image; nothing otherwise. */
export function diagnosticFor(ref: IdRef, lookup: Lookup | undefined, range: vscode.Range): vscode.Diagnostic | undefined {
  let diagnostic: vscode.Diagnostic | undefined;
  if (lookup?.kind === 'missing') {
    diagnostic = new vscode.Diagnostic(range, notFoundText(ref, lookup), vscode.DiagnosticSeverity.Warning);
    diagnostic.code = DIAGNOSTIC_CODES.notFound;
  } else if (lookup?.kind === 'found' && diagnosticNeeded(lookup)) {
    const [{ account, image }] = lookup.hits as [ImageHit];
    const state = imageState(account.cloud, image);
    diagnostic = new vscode.Diagnostic(
      range,
      state === 'deprecated'
        ? vscode.l10n.t('The image "{0}" ({1}) is deprecated.', image.name, image.id)
        : vscode.l10n.t('The image "{0}" ({1}) cannot be used now: its status is {2}.', image.name, image.id, imageStateLabel(state)),
      vscode.DiagnosticSeverity.Information,
    );
    diagnostic.code = state === 'deprecated' ? DIAGNOSTIC_CODES.deprecated : DIAGNOSTIC_CODES.unavailable;
  }
  if (diagnostic) {
    diagnostic.source = vscode.l10n.t('Cloud Images');
  }
  return diagnostic;
}

/** A launch check's finding as a diagnostic. */
export function launchDiagnostic(finding: LaunchFinding, range: vscode.Range): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(range, finding.message, finding.warning ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
  diagnostic.code = finding.code;
  diagnostic.source = vscode.l10n.t('Cloud Images');
  return diagnostic;
}

/** The quick fixes of a launch finding: Accept, Copy to Region…, Open Details. */
export function launchFixes(finding: LaunchFinding): vscode.Command[] {
  const fixes: vscode.Command[] = [];
  if (finding.pending) {
    fixes.push({ title: vscode.l10n.t('Accept'), command: EDITOR_COMMANDS.accept, arguments: [finding.pending] });
  }
  if (finding.hit && finding.code === 'image-wrong-region' && imageRefusal(finding.hit.account.cloud, finding.hit.image, 'copy') === undefined) {
    const destination = finding.target === undefined ? {} : { destinationRegionId: finding.target };
    fixes.push({ title: vscode.l10n.t('Copy to Region…'), command: EDITOR_COMMANDS.copy, arguments: [{ ...targetOf(finding.hit), ...destination }] });
  }
  if (finding.hit) {
    fixes.push({ title: vscode.l10n.t('Open Details'), command: EDITOR_COMMANDS.openDetails, arguments: [targetOf(finding.hit)] });
  }
  return fixes;
}
