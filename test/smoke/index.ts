// Loaded by the extension host (extensionTestsPath) of the smoke run: every *.test.js beside it.
import * as fs from 'fs';
import * as path from 'path';
import { runMocha } from '../integration/mochaRunner';

export function run(): Promise<void> {
  const files = fs.readdirSync(__dirname).sort().filter((f) => f.endsWith('.test.js')).map((f) => path.join(__dirname, f));
  return runMocha(files, 'smoke (installed .vsix)');
}
