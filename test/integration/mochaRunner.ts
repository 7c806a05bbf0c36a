// Runs mocha test files inside the extension host (the extensionTestsPath contract: run(): Promise<void>).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { rootHooks } from './userInput/rootHooks';

export function runMocha(files: readonly string[], label: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', rootHooks });
  files.forEach((f) => mocha.addFile(f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`MOCHA_RESULT failures=${failures}`);
      console.log(`${label}: ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) {
        reject(new Error(`${failures} ${label} test(s) failed.`));
      } else {
        resolve();
      }
    });
  });
}

/** Every *.test.js of a folder and its sub-folders, in path order. */
export function testsIn(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}
