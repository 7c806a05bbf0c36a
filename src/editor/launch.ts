// Launch-ready checks of the image IDs in a file, against what the file says around each one (see
// launchContext.ts): the image is in the region the file launches in (else Copy to Region…, with the
// destination's quota where the cloud has one), the instance type written beside it can launch it, the
// system disk written beside it is at least the image's smallest one, and an image shared with this
// project was accepted (Huawei). Every ID of the file is checked: those on screen first, then the rest,
// in slices, stopped when the document changes. Requests are batched and kept: one per account, region
// and 100 IDs (per instance type for the type check), one shared-images listing and one quota read per
// account and region, one listing per account, region and owner or family for the newest image of a line
// (newest.ts), all kept for a while and asked again on save.
import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/store';
import type { Sessions } from '../accounts/session';
import type { AccountConfig, CloudKind, Image, Region } from '../providers/core/model';
import type { ImageProvider } from '../providers/core/provider';
import type { ReceivedImage } from '../providers/core/sharing';
import { isCancellation, logLine } from '../util/errors';
import type { Log } from '../util/log';
import { LaunchContextReader, type LaunchContext } from './launchContext';
import { LAUNCH_CODES, diskFinding, quotaFinding, shareFinding, typeFinding, unknownRegionFinding, unknownTypeFinding, wrongRegionFinding, type LaunchFinding } from './launchFindings';
import { visibleFirst } from './launchOrder';
import type { IdRef, ImageHit, Lookup } from './lookup';
import { NewestImages, newestMessage } from './newest';
import type { IdMatch } from './scan';
import { shownOffsets } from './shown';
import { Slicer } from './slices';
import type { TextSource } from './text';

/** The checks a setting each turns off (`cloudImageExplorer.imageIds.checks.<name>`). */
export type LaunchCheck = 'availability' | 'region' | 'instanceType' | 'systemDisk' | 'sharing' | 'quota';
export const LAUNCH_CHECKS: readonly LaunchCheck[] = ['availability', 'region', 'instanceType', 'systemDisk', 'sharing', 'quota'];

export { LAUNCH_CODES, type LaunchFinding } from './launchFindings';

/** How long an answer is kept before the clouds are asked again (a save asks at once). */
const KEEP_MS = 5 * 60 * 1000;

type Peek = (ref: IdRef) => Lookup | undefined;

/** An ID with something to check: its answer, and what the file says around it (read when first asked, so those on screen are read first). */
class Item {
  private read?: LaunchContext;

  constructor(
    readonly match: IdMatch,
    readonly answer: Lookup,
    private readonly reader: LaunchContextReader,
  ) {}

  get context(): LaunchContext {
    return (this.read ??= this.reader.at(this.match.start, this.match.cloud));
  }
}

type Add = (item: Item, finding: LaunchFinding) => void;

/** IDs found in one account and region, asked about with one instance type (and the system disk written beside them). */
interface TypeGroup {
  readonly account: AccountConfig;
  readonly region: string;
  readonly type: string;
  readonly systemDiskGiB?: number;
  readonly ids: Set<string>;
  readonly items: Array<{ readonly item: Item; readonly hit: ImageHit }>;
}

export class LaunchChecks {
  private readonly byDoc = new Map<string, { readonly version: number; readonly findings: ReadonlyMap<number, readonly LaunchFinding[]> }>();
  private readonly kept = new Map<string, { readonly at: number; readonly value: Promise<unknown> }>();
  private readonly newest: NewestImages;

  constructor(
    private readonly accounts: AccountStore,
    private readonly sessions: Sessions,
    private readonly log: Log,
  ) {
    this.newest = new NewestImages((account) => this.sessions.provider(account), (key, refresh, ask) => this.keep(key, refresh, ask));
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

  /**
   * Checks a document version's IDs (looked up already: `peek`), with the checks turned on; `text` is the
   * version's text (read by offsets, never joined). The IDs on screen are checked first: once their
   * findings are kept, if they found anything and other IDs remain to be checked, `onPart` is called
   * (to draw them before the rest is checked).
   */
  async run(
    doc: vscode.TextDocument,
    text: TextSource,
    matches: readonly IdMatch[],
    peek: Peek,
    on: ReadonlySet<LaunchCheck>,
    signal: AbortSignal,
    refresh: boolean,
    onPart?: () => Promise<void>,
  ): Promise<void> {
    const version = doc.version;
    const findings = new Map<number, LaunchFinding[]>();
    if (LAUNCH_CHECKS.some((check) => check !== 'quota' && on.has(check))) {
      const items = await this.itemsOf(text, matches, peek, signal);
      const add = (item: Item, finding: LaunchFinding): void => {
        findings.set(item.match.start, [...(findings.get(item.match.start) ?? []), finding]);
      };
      // The IDs on screen first, then all the others; the findings of each part kept once it is checked.
      const parts = (await visibleFirst(items, shownOffsets(doc), new Slicer({ signal }))).filter((part) => part.length);
      for (const [n, part] of parts.entries()) {
        if (on.has('availability')) {
          await this.checkNewest(part, add, signal, refresh);
        }
        if (on.has('sharing')) {
          await this.checkSharing(part, add, signal, refresh);
        }
        await this.checkPlaces(part, on, add, signal, refresh);
        this.keepFindings(doc, version, findings);
        // Drawn now only if there is something new to draw and a part still to come (else the caller draws once, at the end).
        if (n < parts.length - 1 && findings.size && onPart) {
          await onPart();
        }
      }
    }
    this.keepFindings(doc, version, findings);
  }

  private keepFindings(doc: vscode.TextDocument, version: number, findings: ReadonlyMap<number, readonly LaunchFinding[]>): void {
    if (!doc.isClosed && doc.version === version) {
      this.byDoc.set(doc.uri.toString(), { version, findings });
    }
  }

  /** Every ID of the document with something to check (found or missing), in slices; what the file says around each is read when a check asks. */
  private async itemsOf(text: TextSource, matches: readonly IdMatch[], peek: Peek, signal: AbortSignal): Promise<Item[]> {
    const reader = new LaunchContextReader(text);
    const slicer = new Slicer({ signal });
    const items: Item[] = [];
    for (const match of matches) {
      await slicer.tick();
      const answer = peek(match);
      if (answer?.kind === 'found' || answer?.kind === 'missing') {
        items.push(new Item(match, answer, reader));
      }
    }
    return items;
  }

  /** Found IDs whose image is deprecated, unusable or older than the newest of its family or name (in its account and region). */
  private async checkNewest(items: readonly Item[], add: Add, signal: AbortSignal, refresh: boolean): Promise<void> {
    const slicer = new Slicer({ signal });
    // One answer per image and place: an ID written a thousand times is weighed once.
    const asked = new Map<string, Image | undefined>();
    for (const item of items) {
      await slicer.tick();
      if (item.answer.kind !== 'found') {
        continue;
      }
      const { region } = item.context;
      const hit = item.answer.hits.find((h) => h.regionId === region) ?? item.answer.hits[0]!;
      const key = `${hit.account.id}|${hit.regionId}|${hit.image.id}`;
      try {
        if (!asked.has(key)) {
          asked.set(key, await this.newest.newest(hit, signal, refresh));
        }
        const newest = asked.get(key);
        if (newest) {
          add(item, { code: LAUNCH_CODES.newer, message: newestMessage(hit, newest), warning: false, hit, replacement: newest });
        }
      } catch (err) {
        if (isCancellation(err)) {
          throw err;
        }
        asked.set(key, undefined);
        this.log.warn(`Newest image like ${hit.image.id} in ${hit.regionId}: ${logLine(err)}`);
      }
    }
  }

  /** An ID no account finds: shared with a project of the cloud's accounts but not accepted (or rejected) there. */
  private async checkSharing(items: readonly Item[], add: Add, signal: AbortSignal, refresh: boolean): Promise<void> {
    const slicer = new Slicer({ signal });
    // Each account and region's received images by ID, listed once (and kept).
    const byPlace = new Map<string, Map<string, ReceivedImage>>();
    for (const item of items) {
      await slicer.tick();
      if (item.answer.kind !== 'missing') {
        continue;
      }
      for (const account of this.accountsOf(item.match.cloud)) {
        const provider = await this.sessions.provider(account);
        if (!provider.received) {
          continue;
        }
        const regions = (await this.regionsOf(account, provider)).filter((r) => item.context.region === undefined || r.id === item.context.region);
        for (const region of regions) {
          const place = `${account.id}|${region.id}`;
          let received = byPlace.get(place);
          if (!received) {
            const listed = await this.keep(`received|${place}`, refresh, () => provider.received!.listReceived(region.id, signal));
            received = new Map(listed.map((r) => [r.image.id, r]));
            byPlace.set(place, received);
          }
          const mine = received.get(item.match.id);
          if (mine && mine.membership !== 'accepted') {
            add(item, shareFinding(account, region, mine.image.name, item.match.id, mine.membership));
          }
        }
      }
    }
  }

  /**
   * Found IDs: in the file's region (else where, and the room for a copy there), on a system disk as large
   * as the image needs, and launchable by the file's instance type.
   */
  private async checkPlaces(items: readonly Item[], on: ReadonlySet<LaunchCheck>, add: Add, signal: AbortSignal, refresh: boolean): Promise<void> {
    const slicer = new Slicer({ signal });
    // What has to be asked, grouped so that each request covers many IDs.
    const confirm = new Map<string, { account: AccountConfig; region: string; ids: Set<string> }>();
    const typed = new Map<string, TypeGroup>();
    const placed: Array<{ item: Item; hit: ImageHit; target: string }> = [];
    for (const item of items) {
      await slicer.tick();
      if (item.answer.kind !== 'found') {
        continue;
      }
      const { region, instanceType, systemDiskGiB } = item.context;
      const hits = item.answer.hits;
      let hit = hits.find((h) => region === undefined || h.regionId === region);
      if (systemDiskGiB !== undefined && on.has('systemDisk')) {
        // The image's smallest system disk is the same wherever it is (a copy keeps its size).
        const finding = diskFinding(item.match.cloud, hit ?? hits[0]!, systemDiskGiB);
        if (finding) {
          add(item, finding);
        }
      }
      if (region !== undefined && on.has('region') && !hit) {
        const known = await this.knownRegion(item.match.cloud, region);
        if (!known) {
          add(item, unknownRegionFinding(region, item.match.cloud));
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
        const key = `${hit.account.id}|${hit.regionId}|${instanceType}|${systemDiskGiB ?? ''}`;
        const group = typed.get(key) ?? { account: hit.account, region: hit.regionId, type: instanceType, ...(systemDiskGiB === undefined ? {} : { systemDiskGiB }), ids: new Set<string>(), items: [] };
        group.ids.add(item.match.id);
        group.items.push({ item, hit });
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
      await slicer.tick();
      if (there.has(`${target}|${item.match.id}`)) {
        continue;
      }
      const named = { id: target, name: await this.regionNameOf(hit.account, target) };
      add(item, wrongRegionFinding(hit, named));
      if (on.has('quota')) {
        const room = await this.quotaRoom(hit.account, target, signal, refresh);
        if (room) {
          add(item, quotaFinding(hit, named, room));
        }
      }
    }
    await this.checkTypes(typed, add, signal, refresh);
  }

  private async checkTypes(typed: ReadonlyMap<string, TypeGroup>, add: Add, signal: AbortSignal, refresh: boolean): Promise<void> {
    const slicer = new Slicer({ signal });
    for (const { account, region, type, systemDiskGiB, ids, items } of typed.values()) {
      const provider = await this.sessions.provider(account);
      if (!provider.launch) {
        continue;
      }
      const unsupported = await this.keep(`type|${account.id}|${region}|${type}|${systemDiskGiB ?? ''}|${[...ids].sort().join(',')}`, refresh, () =>
        provider.launch!.unsupported(region, type, [...ids], signal, systemDiskGiB),
      );
      for (const { item, hit } of items) {
        await slicer.tick();
        if (unsupported === undefined) {
          add(item, unknownTypeFinding(hit, type));
        } else if (unsupported.has(item.match.id)) {
          add(item, typeFinding(hit, type));
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

  /** A region's name as the account's region listing gives it (the tree's name), else its ID. */
  private async regionNameOf(account: AccountConfig, regionId: string): Promise<string> {
    const provider = await this.sessions.provider(account);
    return (await this.regionsOf(account, provider)).find((r) => r.id === regionId)?.name || regionId;
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
