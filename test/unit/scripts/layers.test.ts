// The layer order of src/ (scripts/eslint/layers.mjs) as `npm run lint` applies it: downward imports pass,
// an upward one or one between sibling layers fails with a message that names both layers.
import { strict as assert } from 'assert';
import * as path from 'path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '../../../..');
// The rule is an ES module: loaded as one (TypeScript would turn import() into require()).
const importModule = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{ default: ESLint.Plugin }>;

async function problems(file: string, code: string): Promise<string[]> {
  const cie = (await importModule(path.join(root, 'scripts/eslint/layers.mjs'))).default;
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.js'], plugins: { cie }, rules: { 'cie/layers': 'error' } }] });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => m.message);
}

describe('Lint: the layer order of src/', () => {
  it('lets a layer import from its own folder and from the layers below it', async () => {
    const code = "import { a } from './nodes';\nimport { b } from '../accounts/store';\nimport { c } from '../providers/core/model';\nimport { d } from '../util/log';\n";
    assert.deepEqual(await problems('src/tree/x.js', code), []);
    assert.deepEqual(await problems('src/commands/images/x.js', "import { e } from '../../webviews/detailsPanel';\nimport { f } from '../shared/context';\n"), []);
  });

  it('fails an upward import, naming both layers', async () => {
    const [message, ...rest] = await problems('src/accounts/x.js', "import { a } from '../tree/nodes';\n");
    assert.equal(rest.length, 0);
    assert.match(message!, /^src\/accounts may not import from src\/tree/);
    assert.match((await problems('src/providers/core/x.js', "const log = require('../../util/log');\n"))[0]!, /src\/providers may not import from src\/util/);
    assert.equal((await problems('src/webviews/x.js', "export { x } from '../commands/index';\n")).length, 1);
  });

  it('fails an import between two folders of the same layer', async () => {
    assert.match((await problems('src/jobs/x.js', "import { a } from '../search/engine';\n"))[0]!, /src\/jobs may not import from src\/search/);
  });

  it('keeps the provider core out of the emulator, and the emulator out of the provider core', async () => {
    assert.deepEqual(await problems('src/sandbox/x.js', "import { a } from '../providers/core/model';\n"), []);
    assert.equal((await problems('src/providers/x.js', "import { a } from '../sandbox/emulator';\n")).length, 1);
  });
});
