// Which regions each account shows: the user's choice (Show/Hide Regions…), kept in global state so it
// survives a reload; for an account never chosen for, the regions of the `regions.defaultVisible` setting
// that the account has, else all of them. All is the default on purpose: a region costs nothing until it
// is expanded, whereas finding "the regions with images" would cost one signed request per region (19 to
// 33 of them) for every new account.
import * as vscode from 'vscode';
import type { Region } from '../providers/core/model';

const CHOICE_KEY = 'cloudImageExplorer.visibleRegions';
/** How many regions each account had when the user chose, so that "2 of 19 regions" reads the same after a reload. */
const TOTAL_KEY = 'cloudImageExplorer.regionTotals';
/** For an account shown by the default (no choice of its own), how many of its regions showed when last listed. */
const SEEN_KEY = 'cloudImageExplorer.regionCountsSeen';
const SETTING = 'regions.defaultVisible';

type Choices = Readonly<Record<string, readonly string[]>>;

export class RegionChoice implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  /** Fires with the account whose choice changed, or undefined when the default setting did. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly state: vscode.Memento) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`cloudImageExplorer.${SETTING}`)) {
        this.changed.fire(undefined);
      }
    });
  }

  /** The region IDs the user chose for the account, or undefined when they never chose. */
  chosen(accountId: string): readonly string[] | undefined {
    return this.state.get<Choices>(CHOICE_KEY, {})[accountId];
  }

  /** How many regions the account had when the user chose (undefined when never chosen). */
  total(accountId: string): number | undefined {
    return this.state.get<Readonly<Record<string, number>>>(TOTAL_KEY, {})[accountId];
  }

  /**
   * For an account without a choice of its own: how many of its regions the default showed out of how many,
   * when they were last listed, so that its row reads the same after a reload, before they are listed again.
   */
  seen(accountId: string): readonly [shown: number, total: number] | undefined {
    return this.chosen(accountId) ? undefined : this.state.get<Readonly<Record<string, readonly [number, number]>>>(SEEN_KEY, {})[accountId];
  }

  /** Keeps what `seen` returns, once the account's regions are listed (written only when it changed). */
  async noteSeen(accountId: string, shown: number, total: number): Promise<void> {
    const seen = this.state.get<Readonly<Record<string, readonly [number, number]>>>(SEEN_KEY, {});
    const before = seen[accountId];
    if (before?.[0] !== shown || before[1] !== total) {
      await this.state.update(SEEN_KEY, { ...seen, [accountId]: [shown, total] });
    }
  }

  /** Remembers the account's regions out of its `total`; undefined forgets the choice (back to the default). */
  async choose(accountId: string, regionIds: readonly string[] | undefined, total?: number): Promise<void> {
    const choices: Record<string, readonly string[]> = { ...this.state.get<Choices>(CHOICE_KEY, {}) };
    const totals: Record<string, number> = { ...this.state.get<Readonly<Record<string, number>>>(TOTAL_KEY, {}) };
    if (regionIds) {
      choices[accountId] = [...regionIds];
    } else {
      delete choices[accountId];
    }
    if (regionIds && total !== undefined) {
      totals[accountId] = total;
    } else {
      delete totals[accountId];
    }
    await this.state.update(CHOICE_KEY, choices);
    await this.state.update(TOTAL_KEY, totals);
    this.changed.fire(accountId);
  }

  /** The regions the account shows, in the cloud's order. */
  visible(accountId: string, regions: readonly Region[]): Region[] {
    const wanted = this.chosen(accountId) ?? defaultVisible(regions);
    return wanted ? regions.filter((r) => wanted.includes(r.id)) : [...regions];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** The setting's regions, when the account has any of them; otherwise undefined (all). */
function defaultVisible(regions: readonly Region[]): readonly string[] | undefined {
  const listed = vscode.workspace.getConfiguration('cloudImageExplorer').get<string[]>(SETTING, []);
  return regions.some((r) => listed.includes(r.id)) ? listed : undefined;
}
