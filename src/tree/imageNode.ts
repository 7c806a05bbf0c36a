// An image in the tree: its one-line facts, its state's icon and colour, the commands that apply to it
// (its cloud's rules for its owner and state) and the hover, built only when asked.
import { appendInstanceTypes } from './instanceTypesHover';
import * as vscode from 'vscode';
import { capabilityFlags } from '../providers/rules/capabilities';
import { consoleUrl } from '../providers/rules/console';
import type { AccountConfig, Image, ImageOwner } from '../providers/core/model';
import type { ImageState } from '../providers/core/vocabulary';
import { formatDuration, formatGiB, formatList, formatNumber, formatTime } from '../util/format';
import { imageState, imageStateLabel, ownerLabel, wholeMachineZones } from '../util/vocabulary';
import { describeImage, type FactWords } from './imageFacts';
import { imageMarks } from './imageMarks';
import type { Node, RegionNode } from './nodes';

const OWNER_ICON: Readonly<Record<ImageOwner, string>> = {
  system: 'package',
  self: 'vm',
  shared: 'live-share',
  community: 'organization',
  marketplace: 'extensions',
  unknown: 'vm',
};

/**
 * Each state but the usual one has its own codicon and colour; an available image shows where it comes
 * from (its owner's icon) in the default colour, so that the ordinary case stays quiet.
 */
export const STATE_ICON: Readonly<Record<Exclude<ImageState, 'available'>, readonly [icon: string, color: string]>> = {
  creating: ['loading~spin', 'charts.blue'],
  queued: ['watch', 'charts.yellow'],
  unavailable: ['circle-slash', 'list.warningForeground'],
  failed: ['error', 'list.errorForeground'],
  deprecated: ['archive', 'descriptionForeground'],
  suspended: ['debug-pause', 'charts.orange'],
  deleting: ['trash', 'charts.red'],
  deleted: ['close', 'disabledForeground'],
  unknown: ['question', 'descriptionForeground'],
};

/** A word per value, formatted once: 50,000 images share a few sizes and ages. Bounded. */
function remembered<A extends unknown[]>(format: (...args: A) => string): (...args: A) => string {
  const known = new Map<string, string>();
  return (...args) => {
    const key = args.join('|');
    let text = known.get(key);
    if (text === undefined) {
      text = format(...args);
      if (known.size < 1000) {
        known.set(key, text);
      }
    }
    return text;
  };
}

/** The description's words in the display language (which does not change while the extension runs). */
const WORDS: FactWords = {
  size: remembered(formatGiB),
  age: remembered(formatDuration),
  state: imageStateLabel,
  progress: (state, percent) => vscode.l10n.t('{0} ({1}%)', imageStateLabel(state), formatNumber(percent, 0)),
  join: (parts) => parts.join(' · '),
};

/** One instance per distinct value (icons, context values): thousands of image items share them. */
const shared = new Map<string, vscode.ThemeIcon | string>();

function sharedIcon(id: string, color?: string): vscode.ThemeIcon {
  const key = `icon:${id}:${color ?? ''}`;
  let icon = shared.get(key) as vscode.ThemeIcon | undefined;
  if (!icon) {
    icon = new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
    shared.set(key, icon);
  }
  return icon;
}

function sharedText(text: string): string {
  const known = shared.get(text) as string | undefined;
  if (known !== undefined) {
    return known;
  }
  shared.set(text, text);
  return text;
}

/** The icon of an image in a state (not counting an operation under way or a failure). */
export function stateIcon(owner: ImageOwner, state: ImageState): vscode.ThemeIcon {
  if (state === 'available') {
    return sharedIcon(OWNER_ICON[owner]);
  }
  const [icon, color] = STATE_ICON[state];
  return sharedIcon(icon, color);
}

/** Descriptions many images share ("Ubuntu 22.04 · 40 GiB · 2 years"), kept once; bounded. */
const descriptions = new Map<string, string>();
const MAX_DESCRIPTIONS = 20_000;

function sharedDescription(text: string): string {
  const known = descriptions.get(text);
  if (known !== undefined) {
    return known;
  }
  if (descriptions.size < MAX_DESCRIPTIONS) {
    descriptions.set(text, text);
  }
  return text;
}

/**
 * The item's click: Open Details of its node. Its fields read from the prototype, so that each of
 * thousands of items holds one small object (the node) instead of a command, a title and an array.
 */
class OpenDetailsCommand implements vscode.Command {
  constructor(private readonly node: ImageNode) {}
  get command(): string {
    return 'cloudImageExplorer.openDetails';
  }
  get title(): string {
    return vscode.l10n.t('Open Details');
  }
  get arguments(): unknown[] {
    return [this.node];
  }
}

export class ImageNode implements Node {
  readonly id: string;
  private current: Image;
  private busyText: string | undefined;
  private errorText: string | undefined;
  /** The tree item, built once and again only after the image, its busy state or its error changed. */
  private item: vscode.TreeItem | undefined;

  constructor(
    readonly parent: RegionNode,
    image: Image,
  ) {
    this.id = `${parent.id}/image:${image.id}`;
    this.current = image;
  }

  get kind(): 'image' {
    return 'image';
  }

  get image(): Image {
    return this.current;
  }

  set image(image: Image) {
    if (image !== this.current) {
      this.current = image;
      this.item = undefined;
    }
  }

  /** Set while an operation on the image runs, e.g. "Deleting…". */
  get busy(): string | undefined {
    return this.busyText;
  }

  set busy(text: string | undefined) {
    this.busyText = text;
    this.item = undefined;
  }

  /** The last operation's failure, shown until the next success. */
  get lastError(): string | undefined {
    return this.errorText;
  }

  set lastError(text: string | undefined) {
    this.errorText = text;
    this.item = undefined;
  }

  get account(): AccountConfig {
    return this.parent.account;
  }

  get state(): ImageState {
    return imageState(this.account.cloud, this.current);
  }

  /** The cloud's console page for the image; none for the sandbox's images, which no console knows. */
  get consoleUrl(): string | undefined {
    return this.account.sandbox ? undefined : consoleUrl(this.account.cloud, this.current);
  }

  /** Builds the item again when next shown: what it reads besides the image changed (its marks, imageMarks.ts). */
  invalidate(): void {
    this.item = undefined;
  }

  /** Built once per change; the tooltip is left to `tooltip()`, which the view asks for on hover. */
  treeItem(): vscode.TreeItem {
    this.item ??= this.buildItem();
    return this.item;
  }

  private buildItem(): vscode.TreeItem {
    const { image, state } = this;
    const { cloud } = this.account;
    const item = new vscode.TreeItem(image.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    // A whole-machine image says so first (Huawei full-ECS images: a server with its data disks).
    const kind = image.wholeMachine ? `${vscode.l10n.t('Whole-machine image')} · ` : '';
    item.description = this.busy ?? sharedDescription(kind + describeImage(image, state, WORDS, Date.now()));
    item.iconPath = this.lastError ? sharedIcon('warning', 'list.warningForeground') : this.busy ? sharedIcon('loading~spin') : stateIcon(image.owner, state);
    // While busy, no command applies; otherwise what this cloud allows on this image (providers/rules/capabilities.ts).
    const console = this.consoleUrl ? ' can-console' : '';
    // Remove Tags only where there is a tag to remove.
    const tags = image.tags.length ? ' has-tags' : '';
    item.contextValue = sharedText(
      this.busy ? `image busy cloud-${cloud}${console}` : `image cloud-${cloud} owner-${image.owner} state-${state}${console}${tags} ${capabilityFlags(cloud, image)}`.trimEnd() + imageMarks(this.account.id, this.parent.region.id, image.id),
    );
    item.command = new OpenDetailsCommand(this);
    return item;
  }

  /** The hover: every fact the listing has about the image. */
  tooltip(): vscode.MarkdownString {
    const { image, state } = this;
    const md = new vscode.MarkdownString(undefined, false);
    md.isTrusted = false;
    md.supportHtml = false;
    md.appendMarkdown('**').appendText(image.name).appendMarkdown('**\n\n');
    const rows: [string, string | undefined][] = [
      [vscode.l10n.t('ID'), image.id],
      [vscode.l10n.t('Status'), imageStateLabel(state)],
      [vscode.l10n.t('Progress'), image.progress === undefined ? undefined : `${formatNumber(image.progress, 0)}%`],
      [vscode.l10n.t('Type'), ownerLabel(image.owner)],
      [
        vscode.l10n.t('Kind'),
        image.wholeMachine
          ? image.wholeMachine.backupId
            ? vscode.l10n.t('Whole-machine image (the server with its data disks, kept in backup {0})', image.wholeMachine.backupId)
            : vscode.l10n.t('Whole-machine image (the server with its data disks, kept in a backup)')
          : undefined,
      ],
      // IMS reports no field for this state (docs/response-variants.md): what Huawei's documentation says of it.
      [vscode.l10n.t('Availability zones'), image.wholeMachine ? wholeMachineZones() : undefined],
      [vscode.l10n.t('OS'), image.osName ?? image.osType],
      [vscode.l10n.t('Architecture'), image.architecture],
      [vscode.l10n.t('Size'), image.sizeGiB === undefined ? undefined : formatGiB(image.sizeGiB)],
      [vscode.l10n.t('Created'), formatTime(image.createdAt) ?? image.createdAt],
      [vscode.l10n.t('Tags'), formatList(image.tags.map((t) => (t.value ? `${t.key}=${t.value}` : t.key))) || undefined],
    ];
    for (const [k, v] of rows) {
      if (v) {
        md.appendText(vscode.l10n.t('{0}: {1}', k, v)).appendMarkdown('  \n');
      }
    }
    if (this.lastError) {
      md.appendMarkdown('\n\n$(warning) ').appendText(this.lastError);
      md.supportThemeIcons = true;
    }
    appendInstanceTypes(md, this.account.cloud, { accountId: this.account.id, regionId: this.parent.region.id, imageId: image.id });
    return md;
  }
}
