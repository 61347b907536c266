import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'src/generated/**',
      'coverage/**',
      '*.tgz',
      '.bench-tmp/**',
      '.docs-tmp/**',
      'docs/dist/**',
      'docs/api/**',
      'docs/.vitepress/cache/**',
      'playground/dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The core must run in browsers, workers and edge functions: no fs, no process.
    files: ['src/**/*.ts'],
    // src/redis (huashu/redis) is Node-side like src/node, and only its entry imports it.
    ignores: ['src/node/**', 'src/cli/**', 'src/redis/**', 'src/entry/redis.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'fs',
            'path',
            'os',
            'child_process',
            '*/node/*',
            '*/cli/*',
            '*/redis/*',
            'redis',
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    // The playground page runs in the browser only.
    files: ['playground/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
