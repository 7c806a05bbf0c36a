// Runs the zh-cn suite inside a real VS Code extension host whose display language is Simplified
// Chinese (the launcher's --locale=zh-cn: vscode.env.language, package.nls.zh-cn.json, the l10n bundle).
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../../../');
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.resolve(__dirname, './index'),
      vscodeExecutablePath: path.join(root, 'scripts', 'code-web-shim.sh'),
      launchArgs: ['--disable-extensions', '--locale=zh-cn'],
    });
  } catch (err) {
    console.error('zh-cn tests failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  }
}

void main();
