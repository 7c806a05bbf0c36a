// Launch-ready checks of the image IDs in a file, against what the file says around each one (see
// launchContext.ts): the image is in the region the file launches in (else Copy to Region…, with the
// destination's quota where the cloud has one), the instance type written beside it can launch it, and
// an image shared with this project was accepted (Huawei). Requests are batched and kept: one per
// account, region and 100 IDs (per instance type for the type check), one shared-images listing and
// one quota read per account and region, all kept for a while and asked again on save.
import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/store';
import type { Sessions } from '../accounts/session';
import type { AccountConfig, CloudKind, Image, Region } from '../providers/core/model';
import type { ImageProvider } from '../providers/core/provider';
import type { Membership } from '../providers/core/operations';
import { cloudLabel } from '../util/clouds';
import { isCancellation, logLine } from '../util/errors';
import type { Log } from '../util/log';
import type { ImageTarget } from './describe';
import { LaunchContextReader, type LaunchContext } from './launchContext';
import type { IdRef, ImageHit, Lookup } from './lookup';
import { NewestImages, newestMessage, type LoadedImages } from './newest';
import type { IdMatch } from './scan';
import { Slicer } from './slices';

/** The checks a setting each turns off (`cloudImageExplorer.imageIds.checks.<name>`). */
export type LaunchCheck = 'availability' | 'region' | 'instanceType' | 'sharing' | 'quota';
export const LAUNCH_CHECKS: readonly LaunchCheck[] = ['availability', 'region', 'instanceType', 'sharing', 'quota'];

export const LAUNCH_CODES = {
  wrongRegion: 'image-wrong-region',
  unknownRegion: 'unknown-region',
  instanceType: 'image-instance-type',
  unknownInstanceType: 'unknown-instance-type',
  notAccepted: 'image-not-accepted',
  rejected: 'image-share-rejected',
  quota: 'region-image-quota',
  newer: 'image-newer-available',
} as const;

export interface LaunchFinding {
  readonly code: (typeof LAUNCH_CODES)[keyof typeof LAUNCH_CODES];
  readonly message: string;
  readonly warning: boolean;
  /** Where the image is (Copy to Region…, Open Details). */
  readonly hit?: ImageHit;
  /** A share waiting for this project's answer (Accept). */
  readonly pending?: ImageTarget;
  /** The newest image of the same family or name prefix, to write in place of the ID (Replace with newest). */
  readonly replacement?: Image;
}

/** At most this many IDs of a document are read for their context and checked (those first in the file). */
const MAX_CHECKED = 500;
/** How long an answer is kept before the clouds are asked again (a save asks at once). */
const KEEP_MS = 5 * 60 * 1000;

type Peek = (ref: IdRef) => Lookup | undefined;

interface Item {
  readonly match: IdMatch;
  readonly context: LaunchContext;
  readonly answer: Lookup;
}

export class LaunchChecks {
  private readonly byDoc = new Map<string, { readonly version: number; readonly findings: ReadonlyMap<number, readonly LaunchFinding[]> }>();
  private readonly kept = new Map<string, { readonly at: number; readonly value: Promise<unknown> }>();
  private readonly newest: NewestImages;

  constructor(
    private readonly accounts: AccountStore,
    private readonly sessions: Sessions,
    private readonly log: Log,
    loaded: LoadedImages,
  ) {
    this.newest = new NewestImages((account) => this.sessions.provider(account), loaded, (key, ask) => this.keep(key, false, ask));
  }

  /** The findings on a match of the document's current version, if its check finished. */
  findingsAt(doc: vscode.TextDocument, match: IdMatch): readonly LaunchFinding[] {
    const entry = this.byDoc.get(doc.uri.toString());
    return entry?.version === doc.version ? (entry.findings.get(match.start) ?? []) : [];
  }

  forget(uri: vscode.Uri): void {
    this.byDoc.delete(uri.toString());
  }

  /** Forgets every kept answer (the accounts changed). */
  reset(): void {
    this.kept.clear();
    this.byDoc.clear();
  }

  /** Checks a document version's IDs (looked up already: `peek`), with the checks turned on. */
  async run(doc: vscode.TextDocument, text: string, matches: readonly IdMatch[], peek: Peek, on: ReadonlySet<LaunchCheck>, signal: AbortSignal, refresh: boolean): Promise<void> {
    const version = doc.version;
    const findings = new Map<number, LaunchFinding[]>();
    if (on.has('region') || on.has('instanceType') || on.has('sharing') || on.has('availability')) {
      const items = await this.itemsOf(text, matches, peek, signal);
      const add = (item: Item, finding: LaunchFinding): void => {
        findings.set(item.match.start, [...(findings.get(item.match.start) ?? []), finding]);
      };
      if (on.has('availability')) {
        await this.checkNewest(items, add, signal);
      }
      if (on.has('sharing')) {
        await this.checkSharing(items, add, signal, refresh);
      }
      await this.checkPlaces(items, on, add, signal, refresh);
    }
    if (!doc.isClosed && doc.version === version) {
      this.byDoc.set(doc.uri.toString(), { version, findings });
    }
  }

  /** The IDs with something to check, each with what the file says around it, read in slices. */
  private async itemsOf(text: string, matches: readonly IdMatch[], peek: Peek, signal: AbortSignal): Promise<Item[]> {
    const reader = new LaunchContextReader(text);
    const slicer = new Slicer({ signal });
    const items: Item[] = [];
    for (const match of matches.slice(0, MAX_CHECKED)) {
      await slicer.tick();
      const answer = peek(match);
      if (answer?.kind === 'found' || answer?.kind === 'missing') {
        items.push({ match, context: reader.at(match.start, match.cloud), answer });
      }
    }
    return items;
  }

  /** Found IDs whose image is deprecated, unusable or older than the newest of its family or name (in its account and region). */
  private async checkNewest(items: readonly Item[], add: (item: Item, f: LaunchFinding) => void, signal: AbortSignal): Promise<void> {
    const slicer = new Slicer({ signal });
    for (const item of items) {
      await slicer.tick();
      if (item.answer.kind !== 'found') {
        continue;
      }
      const { region } = item.context;
      const hit = item.answer.hits.find((h) => h.regionId === region) ?? item.answer.hits[0]!;
      try {
        const newest = await this.newest.newest(hit, signal);
        if (newest) {
          add(item, { code: LAUNCH_CODES.newer, message: newestMessage(hit, newest), warning: false, hit, replacement: newest });
        }
      } catch (err) {
        if (isCancellation(err)) {
          throw err;
        }
        this.log.warn(`Newest image like ${hit.image.id} in ${hit.regionId}: ${logLine(err)}`);
      }
    }
  }

  /** An ID no account finds: shared with a project of the cloud's accounts but not accepted (or rejected) there. */
  private async checkSharing(items: readonly Item[], add: (item: Item, f: LaunchFinding) => void, signal: AbortSignal, refresh: boolean): Promise<void> {
    for (const item of items.filter((i) => i.answer.kind === 'missing')) {
      for (const account of this.accountsOf(item.match.cloud)) {
        const provider = await this.sessions.provider(account);
        if (!provider.received) {
          continue;
        }
        const regions = (await this.regionsOf(account, provider)).filter((r) => item.context.region === undefined || r.id === item.context.region);
        for (const region of regions) {
          const received = await this.keep(`received|${account.id}|${region.id}`, refresh, () => provider.received!.listReceived(region.id, signal));
          const mine = received.find((r) => r.image.id === item.match.id);
          if (mine && mine.membership !== 'accepted') {
            add(item, shareFinding(account, region, mine.image.name, item.match.id, mine.membership));
          }
        }
      }
    }
  }

  /** Found IDs: in the file's region (else where, and the room for a copy there), and launchable by the file's instance type. */
  private async checkPlaces(items: readonly Item[], on: ReadonlySet<LaunchCheck>, add: (item: Item, f: LaunchFinding) => void, signal: AbortSignal, refresh: boolean): Promise<void> {
    // What has to be asked, grouped so that each request covers many IDs.
    const confirm = new Map<string, { account: AccountConfig; region: string; ids: Set<string> }>();
    const typed = new Map<string, { account: AccountConfig; region: string; type: string; ids: Set<string> }>();
    const placed: Array<{ item: Item; hit: ImageHit; target?: string }> = [];
    for (const item of items) {
      if (item.answer.kind !== 'found') {
        continue;
      }
      const { region, instanceType } = item.context;
      const hits = item.answer.hits;
      let hit = hits.find((h) => region === undefined || h.regionId === region);
      if (region !== undefined && on.has('region') && !hit) {
        const known = await this.knownRegion(item.match.cloud, region);
        if (!known) {
          add(item, {
            code: LAUNCH_CODES.unknownRegion,
            message: vscode.l10n.t('This file launches the image in "{0}", which is not a region of {1}.', region, cloudLabel(item.match.cloud)),
            warning: false,
          });
          continue;
        }
        const first = hits[0]!;
        const key = `${first.account.id}|${region}`;
        const group = confirm.get(key) ?? { account: first.account, region, ids: new Set<string>() };
        group.ids.add(item.match.id);
        confirm.set(key, group);
        placed.push({ item, hit: first, target: region });
        continue;
      }
      hit ??= hits[0]!;
      if (instanceType !== undefined && on.has('instanceType')) {
        const key = `${hit.account.id}|${hit.regionId}|${instanceType}`;
        const group = typed.get(key) ?? { account: hit.account, region: hit.regionId, type: instanceType, ids: new Set<string>() };
        group.ids.add(item.match.id);
        typed.set(key, group);
      }
    }
    // Not where the file launches it: unless the region has it after all (an ID some clouds share across regions).
    const there = new Set<string>();
    for (const { account, region, ids } of confirm.values()) {
      const provider = await this.sessions.provider(account);
      const found = await this.keep(`find|${account.id}|${region}|${[...ids].sort().join(',')}`, refresh, () => provider.findImages(region, [...ids], signal));
      found.forEach((i) => there.add(`${region}|${i.id}`));
    }
    for (const { item, hit, target } of placed) {
      if (target === undefined || there.has(`${target}|${item.match.id}`)) {
        continue;
      }
      add(item, {
        code: LAUNCH_CODES.wrongRegion,
        message: vscode.l10n.t(
          'The image "{0}" ({1}) is in {2}, but this file launches it in {3}: copy it there, or use an image of {3}.',
          hit.image.name,
          hit.image.id,
          hit.regionId,
          target,
        ),
        warning: true,
        hit,
      });
      if (on.has('quota')) {
        const room = await this.quotaRoom(hit.account, target, signal, refresh);
        if (room) {
          add(item, {
            code: LAUNCH_CODES.quota,
            message: vscode.l10n.t('{0} has no room for a copy: {1} of {2} private images are used there.', target, room.used, room.quota),
            warning: true,
            hit,
          });
        }
      }
    }
    await this.checkTypes(items, typed, add, signal, refresh);
  }

  private async checkTypes(
    items: readonly Item[],
    typed: ReadonlyMap<string, { account: AccountConfig; region: string; type: string; ids: Set<string> }>,
    add: (item: Item, f: LaunchFinding) => void,
    signal: AbortSignal,
    refresh: boolean,
  ): Promise<void> {
    for (const { account, region, type, ids } of typed.values()) {
      const provider = await this.sessions.provider(account);
      if (!provider.launch) {
        continue;
      }
      const unsupported = await this.keep(`type|${account.id}|${region}|${type}|${[...ids].sort().join(',')}`, refresh, () =>
        provider.launch!.unsupported(region, type, [...ids], signal),
      );
      for (const item of items) {
        if (!ids.has(item.match.id) || item.context.instanceType !== type || item.answer.kind !== 'found') {
          continue;
        }
        const hit = item.answer.hits.find((h) => h.account.id === account.id && h.regionId === region);
        if (!hit) {
          continue;
        }
        if (unsupported === undefined) {
          add(item, {
            code: LAUNCH_CODES.unknownInstanceType,
            message: vscode.l10n.t('The instance type "{0}" is not offered in {1}.', type, region),
            warning: false,
            hit,
          });
        } else if (unsupported.has(item.match.id)) {
          add(item, {
            code: LAUNCH_CODES.instanceType,
            message: vscode.l10n.t('The image "{0}" ({1}) cannot be launched on the instance type "{2}" written beside it.', hit.image.name, hit.image.id, type),
            warning: true,
            hit,
          });
        }
      }
    }
  }

  /** The private-image quota of a region when it is used up, where the cloud has one. */
  private async quotaRoom(account: AccountConfig, region: string, signal: AbortSignal, refresh: boolean): Promise<{ used: number; quota: number } | undefined> {
    const provider = await this.sessions.provider(account);
    if (!provider.quota) {
      return undefined;
    }
    try {
      const quotas = await this.keep(`quota|${account.id}|${region}`, refresh, () => provider.quota!.quotas(region, signal));
      const image = quotas.find((q) => q.type === 'image');
      return image && image.quota > 0 && image.used >= image.quota ? image : undefined;
    } catch (err) {
      if (isCancellation(err)) {
        throw err;
      }
      this.log.warn(`Image quota of ${region} in account ${account.name}: ${logLine(err)}`);
      return undefined;
    }
  }

  /** Whether any account of the cloud has the region. */
  private async knownRegion(cloud: CloudKind, region: string): Promise<boolean> {
    for (const account of this.accountsOf(cloud)) {
      const provider = await this.sessions.provider(account);
      if ((await this.regionsOf(account, provider)).some((r) => r.id === region)) {
        return true;
      }
    }
    return false;
  }

  /** The account's regions, read once (they do not change with a save). */
  private regionsOf(account: AccountConfig, provider: ImageProvider): Promise<readonly Region[]> {
    return this.keep(`regions|${account.id}`, false, () => provider.listRegions());
  }

  private accountsOf(cloud: CloudKind): AccountConfig[] {
    return this.accounts.list().filter((a) => a.cloud === cloud);
  }

  /** One answer per key at a time, kept for KEEP_MS (asked again when `refresh`); a failure is not kept. */
  private keep<T>(key: string, refresh: boolean, ask: () => Promise<T>): Promise<T> {
    const entry = this.kept.get(key);
    if (entry && !refresh && Date.now() - entry.at < KEEP_MS) {
      return entry.value as Promise<T>;
    }
    const value = ask();
    this.kept.set(key, { at: Date.now(), value });
    value.catch(() => this.kept.get(key)?.value === value && this.kept.delete(key));
    return value;
  }
}

function shareFinding(account: AccountConfig, region: Region, name: string, id: string, membership: Exclude<Membership, 'accepted'>): LaunchFinding {
  return membership === 'pending'
    ? {
        code: LAUNCH_CODES.notAccepted,
        message: vscode.l10n.t('The image "{0}" ({1}) was shared with {2} in {3} but is not accepted yet: accept it to launch it.', name, id, account.name, region.name || region.id),
        warning: true,
        pending: { accountId: account.id, regionId: region.id, imageId: id },
      }
    : {
        code: LAUNCH_CODES.rejected,
        message: vscode.l10n.t('The image "{0}" ({1}) was shared with {2} in {3}, and the share was rejected.', name, id, account.name, region.name || region.id),
        warning: true,
      };
}
