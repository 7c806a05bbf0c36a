// Loaded by the extension host (extensionTestsPath): runs every *.test.js beside it with mocha.
import { runMocha, testsIn } from '../mochaRunner';

export function run(): Promise<void> {
  return runMocha(testsIn(__dirname), 'integration');
}
