// Where the built-in Sandbox account's emulator lives: started in this extension host on first use,
// or, under `npm start` and the reload suite, the one the launcher started. That one's endpoints and keys
// come in a file the launcher wrote (readable by the user only) whose path is in CIE_SANDBOX_FILE: never
// in the environment's values or the workbench URL, which other processes and the browser can see.
import * as fs from 'fs';
import * as path from 'path';
import type { CloudKind, Credentials } from '../providers/core/model';
import type { Emulator } from '../sandbox/emulator';

interface SandboxModule {
  Emulator: new () => Emulator;
}

export interface SandboxConnection {
  readonly endpoint: string;
  readonly credentials: Credentials;
}

interface ExternalSandbox {
  readonly endpoints: Partial<Record<CloudKind, string>>;
  readonly credentials: Partial<Record<CloudKind, Credentials>>;
}

export class SandboxHost {
  private emulator: Emulator | undefined;
  private starting: Promise<Emulator> | undefined;
  private external: ExternalSandbox | undefined;
  private readonly externalFile: string | undefined;

  constructor(
    private readonly extensionPath: string,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.externalFile = env['CIE_SANDBOX_FILE'] || undefined;
  }

  /** The in-process emulator (starting it if needed); tests use it to inject faults and read its request log. */
  async instance(): Promise<Emulator> {
    if (this.emulator) {
      return this.emulator;
    }
    this.starting ??= (async () => {
      // The emulator is its own bundle (dist/sandbox.js), loaded only when the sandbox is first opened.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(this.extensionPath, 'dist', 'sandbox.js')) as SandboxModule;
      const emulator = new mod.Emulator();
      await emulator.start();
      this.emulator = emulator;
      return emulator;
    })();
    return this.starting;
  }

  async connect(cloud: CloudKind): Promise<SandboxConnection> {
    const external = this.readExternal();
    const endpoint = external?.endpoints[cloud];
    const credentials = external?.credentials[cloud];
    if (endpoint && credentials) {
      return { endpoint, credentials };
    }
    const emulator = await this.instance();
    const url = emulator.endpoints[cloud];
    if (!url) {
      throw new Error(`The sandbox has no ${cloud} endpoint.`);
    }
    return { endpoint: url, credentials: emulator.credentials(cloud) };
  }

  /** The launcher's file, read once. */
  private readExternal(): ExternalSandbox | undefined {
    if (this.externalFile && !this.external) {
      this.external = JSON.parse(fs.readFileSync(this.externalFile, 'utf8')) as ExternalSandbox;
    }
    return this.external;
  }

  async dispose(): Promise<void> {
    const e = this.emulator ?? (this.starting ? await this.starting.catch(() => undefined) : undefined);
    this.emulator = undefined;
    this.starting = undefined;
    await e?.stop();
  }
}
