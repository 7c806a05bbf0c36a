// What the activation probe (probe.ts, in the extension host) and the bench (host.ts) share.

/** The empty extensions host.ts installs beside ours (the same activation events, an activate() that does nothing). */
export const EMPTY_IDS = ['cie-bench.empty-before', 'cie-bench.empty-after'] as const;

/**
 * One extension's activation by the host, from the host's own performance marks (ms, whole): loading its
 * code and getting its context ready run side by side, then its activate().
 */
export interface HostActivation {
  readonly id: string;
  /** Active already when the probe asked (its activation event, onStartupFinished, came first). */
  readonly wasActive: boolean;
  /** `ext.activate()` from the probe's call to the promise settling (0 when active already). */
  readonly wallMs: number;
  /** Loading the main module (require). */
  readonly loadMs?: number;
  /** After the code, until the context is ready (global and workspace state read from the workbench). */
  readonly contextMs?: number;
  /** The extension's activate(), as the host calls it. */
  readonly activateMs?: number;
  /** From the start of loading the code to the end of activate(). */
  readonly spanMs?: number;
}
