import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noTf = { group: ['@tensorflow/*'], message: 'TF.js lives in src/model and src/worker only.' };
const noReact = { group: ['react', 'react-dom', 'recharts'], message: 'React lives in src/ui only.' };
const noModel = { group: ['**/model/*', '**/model'], message: 'core must not import model.' };
const noUi = { group: ['**/ui/*', '**/ui'], message: 'lower layers never import the UI.' };

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'bench/results', 'coverage', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noTf, noReact, noModel, noUi] }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Pass an Rng (src/core/rng.ts).' }],
    },
  },
  {
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noReact, noUi] }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Pass an Rng (src/core/rng.ts).' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [noTf, { group: ['**/model/*', '**/model'], message: 'The UI never touches tensors: go through src/worker/client.' }] }],
    },
  },
);
