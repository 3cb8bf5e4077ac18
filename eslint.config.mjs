// Lint, and the layering rule: what each folder may import. Like VS Code's layer check, a wrong
// import fails `npm test` before anyone has to spot it in review.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'stream', 'zlib', 'worker_threads'];

/**
 * `banned`: module names (bare names match exactly; globs and `node:*` as patterns) and folders (`**` globs);
 * `regex`: one more pattern, for what globs cannot say (an allowed file inside a banned folder).
 */
const restrict = (banned, message, regex) => {
  const isPattern = (b) => b.includes('*') || b.includes('/');
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: banned.filter((b) => !isPattern(b)).map((name) => ({ name, message })),
        patterns: [
          ...(banned.some(isPattern) ? [{ group: banned.filter(isPattern), message }] : []),
          ...(regex ? [{ regex, message }] : []),
        ],
      },
    ],
  };
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**', 'release/**', 'staging/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The renderer runs in a sandboxed page: no Node, no Electron, no core logic — only the API contract and the pure model.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/*.config.ts'],
    rules: restrict(
      // valibot: the API's argument checks run on the back end's side; the renderer takes only the types.
      [...NODE_BUILTINS, 'electron', 'better-sqlite3', 'exceljs', 'docx', 'valibot'],
      'renderer/ may import only electron/core/model and electron/core/api/contract; everything else goes through the SoanApi.',
      '(^|/)electron/(?!core/(model(/|$)|api/contract$))',
    ),
  },
  {
    // The core is shared by main, the CLI and the tests: it must run in plain Node.
    files: ['electron/core/**/*.ts'],
    rules: restrict(['electron', 'react', 'react-dom', '**/renderer/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/cli/**'], 'electron/core stays free of Electron, React and the shells that use it.'),
  },
  {
    // The model is shared with the renderer: it imports nothing but itself (no Node, no packages, no other core folder).
    files: ['electron/core/model/**/*.ts'],
    rules: restrict([...NODE_BUILTINS, 'electron', 'react', 'better-sqlite3', 'exceljs', 'docx', 'ajv', 'valibot', 'jszip', 'i18next'], 'electron/core/model imports nothing but itself.', '^\\.\\./'),
  },
  {
    // A sandboxed preload can only use Electron's bridge; it forwards calls and holds no logic.
    files: ['electron/preload/**/*.ts'],
    // It takes the method list from the definitions (api/methods), bundled in: one function per method.
    rules: restrict([...NODE_BUILTINS, '**/renderer/**'], 'the preload only forwards the SoanApi over IPC.', '(^|/)core/(?!api/(contract|methods)$)'),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: restrict(['**/renderer/**', '**/electron/cli/**', 'react', 'react-dom'], 'main is glue between Electron and electron/core.'),
  },
  {
    files: ['electron/cli/**/*.ts'],
    rules: restrict(['electron', '**/renderer/**', '**/electron/main/**', 'react'], 'the command line runs without Electron.'),
  },
);
