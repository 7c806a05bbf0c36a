// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import cie from './scripts/eslint/layers.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'scripts/vscode-web-run.js'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'eqeqeq': ['error', 'always'],
      'curly': 'error',
    },
  },
  {
    // Type-aware promise rules: no promise left floating, none passed where a void callback is expected.
    files: ['src/**/*.ts', 'test/**/*.ts', 'media/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The layer order of src/ (scripts/eslint/layers.mjs): nothing imports upward.
    files: ['src/**/*.ts'],
    plugins: { cie },
    rules: { 'cie/layers': 'error' },
  },
  {
    // The provider core and the emulator are plain Node: no vscode import there.
    files: ['src/providers/**/*.ts', 'src/sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/providers and src/sandbox are plain Node.' }] }],
    },
  },
  {
    files: ['scripts/**/*.js', 'media/**/*.js'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
