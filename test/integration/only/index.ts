// Runs only the integration files named in CIE_ONLY (comma-separated, e.g. "tree.test.js"): for working on
// one area without the whole suite. Usage (after build + compile-tests):
//   node scripts/vscode-web-run.js --extensionDevelopmentPath=. --extensionTestsPath=out/test/integration/only/index \
//     --env=CIE_ONLY=tree.test.js
import * as path from 'path';
import { runMocha } from '../mochaRunner';

export function run(): Promise<void> {
  const files = (process.env['CIE_ONLY'] ?? '').split(',').filter(Boolean);
  if (files.length === 0) {
    return Promise.reject(new Error('CIE_ONLY names no test file'));
  }
  return runMocha(
    files.map((f) => path.join(__dirname, '..', 'suite', f)),
    'only',
  );
}
