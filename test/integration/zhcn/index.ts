// Loaded by the extension host (extensionTestsPath) of the zh-cn run: every *.test.js beside it.
import { runMocha, testsIn } from '../mochaRunner';

export function run(): Promise<void> {
  return runMocha(testsIn(__dirname), 'zh-cn');
}
