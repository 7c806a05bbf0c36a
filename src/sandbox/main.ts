// The emulator's own bundle entry: `node dist/sandbox.js` runs it standalone; the extension
// and the tests load the same file and use the exported class in-process.
import { Emulator } from './emulator';
import { FaultPlan } from './faults';

export { Emulator, PortInUseError, SANDBOX_CREDENTIALS, SANDBOX_STS_CREDENTIALS } from './emulator';
export { FaultPlan } from './faults';
export type { Endpoints, EmulatorOptions, RequestLogEntry, SandboxCredentials } from './emulator';

async function standalone(): Promise<void> {
  const jobMs = Number(process.env['CIE_EMULATOR_JOB_MS']);
  const emulator = new Emulator({
    faults: FaultPlan.fromEnv(process.env),
    seed: process.env['CIE_EMULATOR_SEED'],
    jobDurationMs: Number.isFinite(jobMs) && jobMs > 0 ? jobMs : undefined,
  });
  const endpoints = await emulator.start();
  const credentials = Object.fromEntries(emulator.clouds.map((c) => [c, emulator.credentials(c)]));
  // One line of JSON, so scripts can read it.
  process.stdout.write(JSON.stringify({ endpoints, credentials }) + '\n');
  const stop = (): void => {
    void emulator.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  standalone().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
