/**
 * The folder boundaries of `eslint.config.js` (each folder's README, "Imports:") are enforced:
 * an import a README forbids makes `npm run lint` fail. Linted in memory, under the path the
 * file would have, with only the import rule (the type-aware rules need the file on disk).
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const RULE = '@typescript-eslint/no-restricted-imports';
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === RULE,
});

async function refusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error('no lint result');
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length) throw new Error(fatal.map((m) => m.message).join('\n'));
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('folder boundaries (eslint)', () => {
  it('refuses I/O and the store in src/domain, accepts its own files and data tables', async () => {
    const probe = 'src/domain/boundary-probe.ts';
    const io = await refusals(
      probe,
      "import { readFileSync } from 'node:fs';\nreadFileSync('x');\n",
    );
    expect(io).toHaveLength(1);
    expect(io[0]).toContain('src/domain 没有 I/O');
    const store = await refusals(
      probe,
      "import type { Database } from '../store/database.ts';\nexport type D = Database;\n",
    );
    expect(store[0]).toContain('src/domain 不依赖项目的其他目录');
    const own = await refusals(
      probe,
      "import { maskId } from './mask.ts';\nimport { Converter } from 'opencc-js/t2cn';\nexport { maskId, Converter };\n",
    );
    expect(own).toEqual([]);
  });

  it('lets src/api import store types but not store values', async () => {
    const probe = 'src/api/routes/boundary-probe.ts';
    const value = await refusals(
      probe,
      "import { findUserById } from '../../store/user.repo.ts';\nexport { findUserById };\n",
    );
    expect(value[0]).toContain('src/api 只经服务访问数据库');
    const type = await refusals(
      probe,
      "import type { Database } from '../../store/database.ts';\nexport type D = Database;\n",
    );
    expect(type).toEqual([]);
  });

  it('keeps src/contract to zod and the domain, and web/ to the contract and the domain', async () => {
    const contract = await refusals(
      'src/contract/routes/boundary-probe.ts',
      "import { Hono } from 'hono';\nimport { OrgService } from '../../org/org.service.ts';\nimport { ROLES } from '../../domain/vocabulary.ts';\nexport { Hono, OrgService, ROLES };\n",
    );
    expect(contract).toHaveLength(2);
    const web = await refusals(
      'web/src/pages/boundary-probe.tsx',
      "import { ROLES } from '../../../src/contract/vocabulary.ts';\nimport { openApp } from '../../../src/app.ts';\nimport { Database } from '../../../src/store/database.ts';\nexport { ROLES, openApp, Database };\n",
    );
    expect(web).toHaveLength(2);
    expect(web[0]).toContain('web/ 只引用 src/contract 与 src/domain');
  });

  it('keeps services off the entry points and the store off the services', async () => {
    const service = await refusals(
      'src/models/boundary-probe.ts',
      "import { createApiApp } from '../api/server.ts';\nexport { createApiApp };\n",
    );
    expect(service[0]).toContain('服务不反向依赖');
    const store = await refusals(
      'src/store/boundary-probe.ts',
      "import { listLeads } from '../models/lead.service.ts';\nexport { listLeads };\n",
    );
    expect(store[0]).toContain('src/store 只引用 domain、catalog、sql');
  });
});
