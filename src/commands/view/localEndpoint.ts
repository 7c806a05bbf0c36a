// The Local Cloud Endpoint: the sandbox's emulator served on fixed loopback ports (the setting
// cloudImageExplorer.localEndpoint.ports) for the user's own scripts, CLIs and SDKs; a status-bar item
// while it runs (click: Copy Environment / Stop). Its own emulator, apart from the Sandbox account's.
import * as path from 'path';
import * as vscode from 'vscode';
import type { CloudKind } from '../../providers/core/model';
import type { Emulator, EmulatorOptions } from '../../sandbox/emulator';
import type { CommandContext } from '../shared/context';
import { environmentText, EXAMPLE_REGIONS, type LocalEndpointInfo } from './endpointEnvironment';
import { formatList } from '../../util/format';

const SETTING = 'cloudImageExplorer.localEndpoint.ports';
const RUNNING_CONTEXT = 'cloudImageExplorer.localEndpointRunning';
export const LOCAL_ENDPOINT_COMMANDS = {
  start: 'cloudImageExplorer.startLocalEndpoint',
  stop: 'cloudImageExplorer.stopLocalEndpoint',
  copyEnvironment: 'cloudImageExplorer.copyLocalEndpointEnvironment',
  menu: 'cloudImageExplorer.localEndpointMenu',
} as const;

/** The ports when the setting does not say (package.json has the same defaults). */
const DEFAULT_PORTS: Readonly<Record<CloudKind, number>> = { alibaba: 47311, huawei: 47312, qingcloud: 47313, batchcompute: 47314 };

interface SandboxModule {
  Emulator: new (options?: EmulatorOptions) => Emulator;
}

interface Running {
  readonly emulator: Emulator;
  readonly status: vscode.StatusBarItem;
  readonly info: LocalEndpointInfo;
}

let running: Running | undefined;

/** The configured ports, or what is wrong with them. */
function configuredPorts(): { ports: Record<CloudKind, number> } | { problem: string } {
  const raw = vscode.workspace.getConfiguration().get<Record<string, unknown>>(SETTING) ?? {};
  const ports = { ...DEFAULT_PORTS };
  for (const cloud of Object.keys(DEFAULT_PORTS) as CloudKind[]) {
    const value = raw[cloud] ?? DEFAULT_PORTS[cloud];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1024 || value > 65535) {
      return { problem: vscode.l10n.t('The port of {0} in the setting {1} must be a whole number from 1024 to 65535.', cloud, SETTING) };
    }
    ports[cloud] = value;
  }
  const values = Object.values(ports);
  if (new Set(values).size !== values.length) {
    return { problem: vscode.l10n.t('The setting {0} gives the same port to two clouds: each needs its own.', SETTING) };
  }
  return { ports };
}

function isPortInUse(err: unknown): err is Error & { cloud: CloudKind; port: number } {
  return err instanceof Error && err.name === 'PortInUseError';
}

/** Starts the endpoint (or says it is running); its endpoints, or undefined when it could not start. */
export async function startLocalEndpoint(ctx: CommandContext): Promise<LocalEndpointInfo | undefined> {
  if (running) {
    void ctx.ui.notify('info', vscode.l10n.t('The Local Cloud Endpoint is already running.'));
    return running.info;
  }
  const configured = configuredPorts();
  if ('problem' in configured) {
    void ctx.ui.notify('error', configured.problem);
    return undefined;
  }
  // The emulator is its own bundle (dist/sandbox.js), loaded only when it is asked for.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(ctx.extension.extensionPath, 'dist', 'sandbox.js')) as SandboxModule;
  const emulator = new mod.Emulator({ ports: configured.ports });
  try {
    await emulator.start();
  } catch (err) {
    if (isPortInUse(err)) {
      ctx.log.warn(`Local Cloud Endpoint: port ${err.port} (${err.cloud}) is in use.`);
      void ctx.ui.notify('error', 
        vscode.l10n.t('The Local Cloud Endpoint could not start: port {0} (for {1}) is already in use. Stop what uses it, or choose another port in the setting {2}.', err.port, err.cloud, SETTING),
      );
      return undefined;
    }
    throw err;
  }
  const clouds = emulator.clouds;
  const info: LocalEndpointInfo = {
    endpoints: emulator.endpoints,
    keys: Object.fromEntries(clouds.map((c) => [c, emulator.credentials(c)])),
    huaweiProjectId: emulator.huaweiProjectId(EXAMPLE_REGIONS.huawei),
  };
  const status = vscode.window.createStatusBarItem('cloudImageExplorer.localEndpoint', vscode.StatusBarAlignment.Left, 0);
  status.name = vscode.l10n.t('Local Cloud Endpoint');
  status.text = `$(radio-tower) ${vscode.l10n.t('Local Cloud Endpoint')}`;
  status.tooltip = vscode.l10n.t('Local Cloud Endpoint running on {0}. Click to copy its environment or stop it.', formatList(clouds.map((c) => `${c} ${info.endpoints[c] ?? ''}`)));
  status.command = LOCAL_ENDPOINT_COMMANDS.menu;
  status.show();
  running = { emulator, status, info };
  await vscode.commands.executeCommand('setContext', RUNNING_CONTEXT, true);
  ctx.log.info(`Local Cloud Endpoint started: ${clouds.map((c) => `${c} ${info.endpoints[c] ?? ''}`).join(', ')}.`);
  const copy = vscode.l10n.t('Copy Environment');
  void ctx.ui.notify('info', vscode.l10n.t('The Local Cloud Endpoint is running on 127.0.0.1 (ports {0}).', formatList(Object.values(configured.ports).map(String))), copy).then((choice) => {
    if (choice === copy) {
      void copyLocalEndpointEnvironment(ctx);
    }
  });
  return info;
}

/** Stops the endpoint: its ports close. */
export async function stopLocalEndpoint(ctx: CommandContext): Promise<void> {
  const was = running;
  if (!was) {
    return;
  }
  running = undefined;
  was.status.dispose();
  await was.emulator.stop();
  await vscode.commands.executeCommand('setContext', RUNNING_CONTEXT, false);
  ctx.log.info('Local Cloud Endpoint stopped.');
  vscode.window.setStatusBarMessage(vscode.l10n.t('Local Cloud Endpoint stopped'), 3000);
}

/** Puts the variables and snippets for the CLIs and SDKs on the clipboard; the text, or undefined when not running. */
export async function copyLocalEndpointEnvironment(ctx: CommandContext): Promise<string | undefined> {
  if (!running) {
    void ctx.ui.notify('info', vscode.l10n.t('The Local Cloud Endpoint is not running: start it first.'));
    return undefined;
  }
  const text = environmentText(running.info);
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the Local Cloud Endpoint environment'), 3000);
  return text;
}

/** The status-bar item's menu: Copy Environment or Stop. */
export async function localEndpointMenu(ctx: CommandContext): Promise<void> {
  if (!running) {
    return;
  }
  const choice = await ctx.ui.pick<'copy' | 'stop'>(
    [
      { label: vscode.l10n.t('Copy Environment'), description: vscode.l10n.t('variables and snippets for the CLIs and SDKs'), data: 'copy' },
      { label: vscode.l10n.t('Stop Local Cloud Endpoint'), data: 'stop' },
    ],
    { title: vscode.l10n.t('Local Cloud Endpoint') },
  );
  if (choice.data === 'copy') {
    await copyLocalEndpointEnvironment(ctx);
  } else {
    await stopLocalEndpoint(ctx);
  }
}

/** Stops the endpoint when the extension goes. */
export function localEndpointDisposable(ctx: CommandContext): vscode.Disposable {
  return { dispose: () => void stopLocalEndpoint(ctx).catch(() => undefined) };
}
