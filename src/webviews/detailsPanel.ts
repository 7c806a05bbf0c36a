// One details panel per image: revealed if already open, restored by a serializer after a reload,
// kept current as tags, members and jobs change.
import * as vscode from 'vscode';
import type { Sessions } from '../accounts/session';
import type { AccountStore } from '../accounts/store';
import type { JobTracker } from '../jobs/tracker';
import type { Image } from '../providers/core/model';
import type { ImageTreeProvider } from '../tree/treeProvider';
import { logLine, userMessage } from '../util/errors';
import type { Log } from '../util/log';
import type { UserInput } from '../util/userInput';
import { instanceTypesPart, jobViews, loadDetails } from './detailsState';
import { detailsHtml } from './html';
import { parseFromWebview, parseIdentity, type DetailsState, type FromWebview, type PanelIdentity, type RenderedView, type ToWebview } from './protocol';

export const DETAILS_VIEW_TYPE = 'cloudImageExplorer.details';

/** What a panel drew last, as the webview reported it (tests read this). */
export type Rendered = RenderedView;

export type PanelAction = (id: PanelIdentity, message: FromWebview) => Promise<void>;

function keyOf(id: PanelIdentity): string {
  return `${id.accountId}/${id.regionId}/${id.imageId}`;
}

class DetailsPanel {
  state: DetailsState | undefined;
  rendered: Rendered | undefined;

  constructor(
    readonly id: PanelIdentity,
    readonly panel: vscode.WebviewPanel,
    private readonly onRender: () => void,
  ) {}

  post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  setRendered(r: Rendered): void {
    this.rendered = r;
    this.onRender();
  }
}

export class DetailsPanels implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly panels = new Map<string, DetailsPanel>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** A panel drew (tests wait for it). */
  private readonly renderedEmitter = new vscode.EventEmitter<void>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly accounts: AccountStore,
    private readonly sessions: Sessions,
    private readonly jobs: JobTracker,
    tree: ImageTreeProvider,
    private readonly log: Log,
    private readonly act: PanelAction,
    private readonly ui: UserInput,
  ) {
    this.subscriptions.push(
      vscode.window.registerWebviewPanelSerializer(DETAILS_VIEW_TYPE, this),
      tree.onDidChangeImage((c) => {
        const p = this.panels.get(keyOf(c));
        if (p) {
          void this.reload(p, c.image);
        }
      }),
      jobs.onDidChange(() => {
        for (const p of this.panels.values()) {
          if (p.state) {
            p.state = { ...p.state, jobs: jobViews(this.jobs, p.id) };
            p.post({ type: 'state', state: p.state });
          }
        }
      }),
    );
  }

  /** Opens (or reveals) the panel of an image. */
  async open(id: PanelIdentity, image?: Image): Promise<void> {
    const existing = this.panels.get(keyOf(id));
    if (existing) {
      existing.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(DETAILS_VIEW_TYPE, image?.name ?? id.imageId, vscode.ViewColumn.Active, this.options());
    await this.attach(id, panel, image);
  }

  /** Restores a panel after a window reload (WebviewPanelSerializer). */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const id = parseIdentity(state);
    if (!id) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.options();
    await this.attach(id, panel, undefined);
  }

  /** Tests: what the panel of an image last drew, waiting (for its next drawings) until it satisfies `until`. */
  rendered(id: PanelIdentity, until: (r: Rendered) => boolean, timeoutMs = 30_000): Promise<Rendered> {
    const current = (): Rendered | undefined => {
      const r = this.panels.get(keyOf(id))?.rendered;
      return r && until(r) ? r : undefined;
    };
    return new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        sub.dispose();
      };
      const sub = this.renderedEmitter.event(() => {
        const r = current();
        if (r) {
          done();
          resolve(r);
        }
      });
      const timer = setTimeout(() => {
        done();
        reject(new Error(`panel ${keyOf(id)} did not render as expected; last: ${JSON.stringify(this.panels.get(keyOf(id))?.rendered)}`));
      }, timeoutMs);
      const now = current();
      if (now) {
        done();
        resolve(now);
      }
    });
  }

  /** The supported-instance-types section's Retry: asks for that part only; the rest stays as shown. */
  async retryInstanceTypes(id: PanelIdentity): Promise<void> {
    const entry = this.panels.get(keyOf(id));
    const account = this.accounts.get(id.accountId);
    if (!entry?.state || !account) {
      return;
    }
    const part = await instanceTypesPart(await this.sessions.provider(account), id);
    const shown = entry.state;
    if (this.panels.get(keyOf(id)) !== entry || !shown) {
      return;
    }
    entry.state = { ...shown, instanceTypes: part.instanceTypes, instanceTypesError: part.instanceTypesError };
    entry.post({ type: 'state', state: entry.state });
  }

  /** Tests: a message as the image's panel sends it (a button's click), handled the same way. */
  async deliver(id: PanelIdentity, raw: unknown): Promise<void> {
    const entry = this.panels.get(keyOf(id));
    if (entry) {
      await this.receive(entry, raw);
    }
  }

  isOpen(id: PanelIdentity): boolean {
    return this.panels.has(keyOf(id));
  }

  /** Closes every panel (tests; and a simulated reload). */
  closeAll(): void {
    for (const p of [...this.panels.values()]) {
      p.panel.dispose();
    }
  }

  dispose(): void {
    this.closeAll();
    this.subscriptions.forEach((d) => d.dispose());
    this.renderedEmitter.dispose();
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  private async attach(id: PanelIdentity, panel: vscode.WebviewPanel, image: Image | undefined): Promise<void> {
    const entry = new DetailsPanel(id, panel, () => this.renderedEmitter.fire());
    this.panels.set(keyOf(id), entry);
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icons', 'cloud-images.svg');
    panel.webview.html = detailsHtml(panel.webview, this.extensionUri, image?.name ?? id.imageId);
    // The panel shows its image's jobs' percentage: asked for every poll while it is open.
    const watch = this.jobs.watchProgress('live', (j) => j.accountId === id.accountId && j.regionId === id.regionId && j.imageId === id.imageId);
    panel.onDidDispose(() => {
      watch.dispose();
      this.panels.delete(keyOf(id));
    });
    panel.webview.onDidReceiveMessage((raw: unknown) => {
      // A failed action or reload is logged and shown, never left as an unhandled rejection.
      this.receive(entry, raw).catch((err: unknown) => {
        this.log.error(`Details panel: ${logLine(err)}`);
        void this.ui.notify('error', userMessage(err));
      });
    });
    await this.reload(entry, image);
  }

  private async receive(entry: DetailsPanel, raw: unknown): Promise<void> {
    const message = parseFromWebview(raw);
    if (!message) {
      this.log.warn('Details panel: ignored a malformed message.');
      return;
    }
    switch (message.type) {
      case 'ready':
        if (entry.state) {
          entry.post({ type: 'state', state: entry.state });
        }
        return;
      case 'rendered':
        entry.setRendered({
          name: message.name,
          description: message.description,
          tags: message.tags,
          actions: message.actions,
          jobs: message.jobs,
          sections: message.sections,
          fields: message.fields,
          instanceTypes: message.instanceTypes,
          instanceTypesError: message.instanceTypesError,
        });
        return;
      case 'refresh':
        await this.reload(entry, undefined);
        return;
      case 'retryInstanceTypes':
        await this.retryInstanceTypes(entry.id);
        return;
      default:
        entry.post({ type: 'busy', busy: true });
        try {
          await this.act(entry.id, message);
        } finally {
          entry.post({ type: 'busy', busy: false });
        }
    }
  }

  private async reload(entry: DetailsPanel, image: Image | undefined): Promise<void> {
    const state = await loadDetails(entry.id, image, this.accounts, this.sessions, this.jobs);
    if (this.panels.get(keyOf(entry.id)) !== entry) {
      return; // closed while its details were read
    }
    entry.state = state;
    entry.panel.title = state.name;
    entry.post({ type: 'state', state });
  }
}
