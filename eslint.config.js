import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const serverTypesOnly = { group: ['**/server/**'], allowTypeImports: true, message: 'Clients import only types from the server.' };
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.output/', '.wxt/', 'data/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }] },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // The folders tell the architecture: nothing imports from the clients, shared imports no app.
  { files: ['shared/**/*.ts'], rules: restrict(['**/server/**', '**/widget/**', '**/extension/**']) },
  { files: ['server/**/*.ts'], rules: restrict(['**/widget/**', '**/extension/**']) },
  // Clients know the server only by types (its router's); no server code reaches a browser.
  { files: ['widget/**/*.ts'], rules: restrict([{ group: ['**/extension/**'] }, serverTypesOnly]) },
  { files: ['extension/**/*.ts'], rules: restrict([{ group: ['**/widget/**'] }, serverTypesOnly]) },
  // End-to-end tests run in Node and start the real server; they never ship to a browser.
  { files: ['**/*.e2e.test.ts'], rules: { 'no-restricted-imports': 'off' } },
  // @open-wc's chai typings make every assertion thenable; mocha awaits what matters.
  { files: ['**/*.browser.test.ts', 'widget/test-support/**/*.ts'], rules: { '@typescript-eslint/no-floating-promises': 'off' } },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
