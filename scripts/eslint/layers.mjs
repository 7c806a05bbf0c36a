// The layer order of src/, enforced: a module may import only from its own top folder or from a layer
// below it. An upward import, or one between two folders of the same layer, fails `npm run lint`.
//   providers (plain Node) < sandbox (beside it, built on it) < util < accounts < tree
//   < jobs | search | editor | hygiene < webviews < commands < extension.ts (wiring only)
import path from 'node:path';

const RANKS = { providers: 0, sandbox: 1, util: 2, accounts: 3, tree: 4, jobs: 5, search: 5, editor: 5, hygiene: 5, webviews: 6, commands: 7, 'extension.ts': 8 };
const ORDER = 'providers < sandbox < util < accounts < tree < jobs | search | editor | hygiene < webviews < commands < extension.ts';

/** The top folder of src/ a file is in ('extension.ts' for the file itself), or undefined outside src/. */
function layerOf(file, srcRoot) {
  const rel = path.relative(srcRoot, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    return undefined;
  }
  const top = rel.split(path.sep)[0];
  return top in RANKS ? top : undefined;
}

const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports in src/ follow the layer order' },
    schema: [],
    messages: { upward: '{{from}} may not import from {{to}}: the layers are {{order}}.' },
  },
  create(context) {
    const file = context.filename;
    const srcRoot = path.join(context.cwd, 'src');
    const from = layerOf(file, srcRoot);
    if (from === undefined) {
      return {};
    }
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) {
        return;
      }
      const to = layerOf(path.resolve(path.dirname(file), spec), srcRoot);
      if (to !== undefined && to !== from && RANKS[to] >= RANKS[from]) {
        context.report({ node, messageId: 'upward', data: { from: `src/${from}`, to: `src/${to}`, order: ORDER } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node.arguments[0], node.arguments[0].value);
        }
      },
    };
  },
};

export default { rules: { layers } };
