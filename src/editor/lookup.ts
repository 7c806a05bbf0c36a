// Where an image ID lives: looked up across every configured account of its cloud (the sandbox
// included), region by region with the provider's batched findImages, each account's likeliest
// regions first. Answers are kept for a while, shared between callers (see flights.ts) and kept
// current by what the tree sees change. A file may ask for a hundred thousand IDs at once: sorting them
// by cloud, sweeping and answering run in slices that give the thread back.
import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/store';
import type { Sessions } from '../accounts/session';
import type { AccountConfig, CloudKind, Region } from '../providers/core/model';
import type { ImageProvider } from '../providers/core/provider';
import type { ImageChange, ImageTreeProvider } from '../tree/treeProvider';
import { isCancellation, logLine } from '../util/errors';
import type { Log } from '../util/log';
import { Flights } from './flights';
import type { IdRef } from './refs';
import { Slicer } from './slices';
import { answersOf, sweepRegions, unsettledOf, type ImageHit, type Lookup, type Sweep } from './sweep';

export type { IdRef } from './refs';
export type { ImageHit, Lookup } from './sweep';

/** How long an answer is used before the clouds are asked again (a save or a tree change refreshes sooner). */
const KEEP_MS = 5 * 60 * 1000;
/** IDs handled between two check-ins. */
const STEP = 256;

export class ImageLookup implements vscode.Disposable {
  private readonly flights = new Map<CloudKind, Flights<Lookup>>();
  private readonly regions = new Map<string, Promise<readonly Region[]>>();
  /** Per account, the regions its images were found in, most recent first. */
  private readonly hot = new Map<string, string[]>();
  private readonly changed = new vscode.EventEmitter<readonly string[] | undefined>();
  /** The ids whose answer changed without a lookup (a tree change), or undefined for all (accounts changed). */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly accounts: AccountStore,
    private readonly sessions: Sessions,
    private readonly tree: ImageTreeProvider,
    private readonly log: Log,
  ) {
    this.subscriptions = [accounts.onDidChange(() => this.reset()), tree.onDidChangeImage((change) => this.imageChanged(change)), this.changed];
  }

  /** The last answer for an id, however old; never a request. */
  peek(ref: IdRef): Lookup | undefined {
    return this.accountsOf(ref.cloud).length ? this.flightsOf(ref.cloud).peek(ref.id, true) : { kind: 'noAccount' };
  }

  /**
   * The answers for the ids: kept ones (unless `refresh`), else asked of the clouds in batches, at most
   * one lookup per id at a time. Rejects with an abort error when the signal aborts.
   */
  async resolve(refs: readonly IdRef[], signal?: AbortSignal, refresh = false): Promise<Map<string, Lookup>> {
    const slicer = new Slicer(signal ? { signal } : {});
    const byCloud = new Map<CloudKind, string[]>();
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i]!;
      const ids = byCloud.get(ref.cloud);
      if (ids) {
        ids.push(ref.id);
      } else {
        byCloud.set(ref.cloud, [ref.id]);
      }
      if (i % STEP === STEP - 1) {
        await slicer.tick();
      }
    }
    const noAccount: Lookup = { kind: 'noAccount' };
    const parts = await Promise.all(
      [...byCloud].map(([cloud, ids]): Promise<Iterable<readonly [string, Lookup]>> =>
        this.accountsOf(cloud).length ? this.flightsOf(cloud).get(ids, signal, refresh) : Promise.resolve(ids.map((id) => [id, noAccount] as const)),
      ),
    );
    const out = new Map<string, Lookup>();
    let n = 0;
    for (const part of parts) {
      for (const [id, answer] of part) {
        out.set(id, answer);
        if (++n % STEP === 0) {
          await slicer.tick();
        }
      }
    }
    return out;
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
  }

  private accountsOf(cloud: CloudKind): AccountConfig[] {
    return this.accounts.list().filter((a) => a.cloud === cloud);
  }

  private flightsOf(cloud: CloudKind): Flights<Lookup> {
    let flights = this.flights.get(cloud);
    if (!flights) {
      flights = new Flights<Lookup>((ids, signal) => this.lookUp(cloud, ids, signal), { ttlMs: KEEP_MS, keep: (l) => l.kind !== 'failed' });
      this.flights.set(cloud, flights);
    }
    return flights;
  }

  private async lookUp(cloud: CloudKind, ids: readonly string[], signal: AbortSignal): Promise<Map<string, Lookup>> {
    const accounts = this.accountsOf(cloud);
    const sweeps = await Promise.all(accounts.map((account) => this.sweep(account, ids, signal)));
    return answersOf(ids, sweeps, accounts, { signal });
  }

  /** One account: its regions one after another, each asked only for the ids not found yet. */
  private async sweep(account: AccountConfig, ids: readonly string[], signal: AbortSignal): Promise<Sweep> {
    const hits: ImageHit[] = [];
    try {
      const provider = await this.sessions.provider(account);
      await sweepRegions(provider, this.ordered(account, await this.regionsOf(account, provider)), ids, signal, (region, image) => {
        hits.push({ account, regionId: region.id, regionName: region.name, image });
        this.markHot(account.id, region.id);
      });
      return { hits, unsettled: new Set() };
    } catch (err) {
      if (signal.aborted || isCancellation(err)) {
        throw err;
      }
      this.log.warn(`Image ID lookup in account ${account.name}: ${logLine(err)}`);
      return { hits, unsettled: await unsettledOf(ids, hits, { signal }), error: err };
    }
  }

  private regionsOf(account: AccountConfig, provider: ImageProvider): Promise<readonly Region[]> {
    let regions = this.regions.get(account.id);
    if (!regions) {
      const pending = provider.listRegions();
      pending.catch(() => this.regions.delete(account.id));
      this.regions.set(account.id, pending);
      regions = pending;
    }
    return regions;
  }

  /** Regions where the account's images were found before come first, the latest first; then the cloud's order. */
  private ordered(account: AccountConfig, regions: readonly Region[]): Region[] {
    const hot = this.hot.get(account.id) ?? [];
    const rank = (r: Region): number => (hot.includes(r.id) ? hot.indexOf(r.id) : hot.length);
    return [...regions].sort((a, b) => rank(a) - rank(b));
  }

  private markHot(accountId: string, regionId: string): void {
    const hot = this.hot.get(accountId);
    if (hot?.[0] !== regionId) {
      this.hot.set(accountId, [regionId, ...(hot ?? []).filter((r) => r !== regionId)]);
    }
  }

  /** The tree saw an image change or go: the kept answer follows, with no request. */
  private imageChanged(change: ImageChange): void {
    const account = this.accounts.get(change.accountId);
    if (!account || !this.flights.has(account.cloud)) {
      return;
    }
    const flights = this.flightsOf(account.cloud);
    const before = flights.peek(change.imageId, true);
    const others = before?.kind === 'found' ? before.hits.filter((h) => h.account.id !== account.id || h.regionId !== change.regionId) : [];
    const mine = before?.kind === 'found' ? before.hits.find((h) => h.account.id === account.id && h.regionId === change.regionId) : undefined;
    const regionName = mine?.regionName ?? this.tree.findRegion(account.id, change.regionId)?.region.name ?? change.regionId;
    const hits = change.image ? [{ account, regionId: change.regionId, regionName, image: change.image }, ...others] : others;
    flights.set(change.imageId, hits.length ? { kind: 'found', hits } : { kind: 'missing', searched: this.accountsOf(account.cloud) });
    this.changed.fire([change.imageId]);
  }

  private reset(): void {
    this.flights.forEach((f) => f.forget());
    this.regions.clear();
    this.hot.clear();
    this.changed.fire(undefined);
  }
}
