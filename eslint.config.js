// One lint setup for the whole tree. Besides typescript-eslint's recommended rules it keeps the folders
// honest about where their code runs (style.md §9.1): core/ imports nothing of ours and nothing of Node;
// contracts/ (the bridge contract, later the API's) imports only core/ and typebox and runs anywhere;
// renderer/ sees core/ and contracts/; main/ and server/ never reach into the UI; the house reads
// core → contracts → server/main/renderer/electron.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'
import pluginVue from 'eslint-plugin-vue'

const ours = (...folders) => folders.map((f) => `**/${f}/**`)
const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'url',
  'worker_threads',
]

const servicesNotUi = {
  group: ours('renderer', 'electron'),
  message: 'services never reach into the UI or the shell',
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'scratch/**',
      'data/**',
      'test-output/**',
      'dist/**',
      'gis-data/out/**',
      'bench-output/**',
      'electron/dist/**',
      'renderer/dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Single-file components: Vue's recommended template rules, TypeScript in <script setup lang="ts">.
  ...pluginVue.configs['flat/recommended'].map((config) => ({ ...config, files: ['**/*.vue'] })),
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    rules: {
      // Prettier owns layout; these template-layout rules would fight it.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
    },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins
            .filter((n) => !n.includes('*'))
            .map((name) => ({ name, message: 'core/ does no I/O' })),
          patterns: [
            { group: ['node:*'], message: 'core/ does no I/O: pass data in, return data out' },
            {
              group: ours('contracts', 'server', 'main', 'renderer', 'electron', 'gis-data'),
              message: 'core/ imports nothing of ours',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core/ is pure: take configuration as arguments' },
        { name: 'fetch', message: 'core/ does no I/O' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core/ takes `now` as an argument' },
        { object: 'Math', property: 'random', message: 'core/ takes a seeded random source as an argument' },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'the renderer has no Node' },
            {
              group: ours('server', 'main', 'gis-data'),
              message: 'the renderer talks to main/ only through the bridge',
            },
            {
              group: ['**/electron/**'],
              message: 'the renderer sees the bridge through contracts/bridge, never the shell',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts', 'gis-data/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [servicesNotUi] }],
    },
  },
  {
    // The demo (case history, demo photos, demo people, the live demo job) sits in server/src/demo/, which
    // the API's production paths never import: hosts that run the demo pass it in (`buildApp({ demo })`,
    // the embedded central in main/), and cli.ts loads it with import() on the demo's paths only. Types
    // are fine: they are gone at run time.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/demo/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            servicesNotUi,
            {
              group: ['**/demo/*'],
              allowTypeImports: true,
              message:
                'production code does not import the demo: take it as an option, or import() it on the demo path',
            },
          ],
        },
      ],
    },
  },
  {
    // main/ implements the bridge (its contract is contracts/bridge) and never imports Electron or the shell.
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'main/ runs in plain Node: no Electron import (the shell is electron/)',
            },
          ],
          patterns: [
            { group: ['**/renderer/**'], message: 'services never reach into the UI' },
            { group: ['**/electron/**'], message: 'main/ sees the bridge through contracts/, not the shell' },
          ],
        },
      ],
    },
  },
  {
    // contracts/ runs everywhere — the page, the sandboxed preload, Node: it imports core/ and typebox only.
    // Its tests may use Node's test runner.
    files: ['contracts/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'contracts/ runs anywhere, not only in Electron' }],
          patterns: [
            {
              group: ours('server', 'main', 'renderer', 'electron', 'gis-data', 'bench'),
              message: 'contracts/ imports only core/ and typebox',
            },
            {
              regex: '^(?!typebox(/|$)|\\.{1,2}/|node:)',
              message: 'contracts/ imports only core/ and typebox',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['contracts/**/*.ts'],
    ignores: ['contracts/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'contracts/ runs anywhere, not only in Electron' }],
          patterns: [
            { group: ['node:*'], message: 'contracts/ runs in the page too: no Node' },
            {
              group: ours('server', 'main', 'renderer', 'electron', 'gis-data', 'bench'),
              message: 'contracts/ imports only core/ and typebox',
            },
            {
              regex: '^(?!typebox(/|$)|\\.{1,2}/)',
              message: 'contracts/ imports only core/ and typebox',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'contracts/ runs in the page too' },
        { name: 'window', message: 'contracts/ runs in Node too: use web-globals.ts' },
        { name: 'document', message: 'contracts/ runs in Node too' },
      ],
    },
  },
)
