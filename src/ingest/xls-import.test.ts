import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../store/database.ts';
import { listBatches } from '../store/batch.repo.ts';
import { validId, writeXlsx } from '../../test/ingest/make-files.ts';
import { importFiles } from './import.service.ts';

/**
 * Old Excel files written by a real office suite: the test makes an .xlsx, has LibreOffice save it
 * as BIFF8 .xls (what court systems still export), and imports that. `.ci/run` installs LibreOffice.
 */
const soffice = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find(existsSync);
if (!soffice) console.warn('未安装 LibreOffice（libreoffice-calc-nogui），跳过 .xls 测试');

let dir: string;
let db: Database;
const path = (name: string): string => join(dir, name);

/** Saves `xlsx` as an .xls named `name` with LibreOffice, as an office would. */
function saveAsXls(xlsx: string, name: string): string {
  const out = path('xls-out');
  execFileSync(soffice ?? 'soffice', [
    `-env:UserInstallation=${pathToFileURL(path('lo-profile')).href}`,
    '--headless',
    '--convert-to',
    'xls',
    '--outdir',
    out,
    xlsx,
  ]);
  const made = readdirSync(out).find((f) => f.endsWith('.xls'));
  if (!made) throw new Error('LibreOffice wrote no .xls');
  copyFileSync(join(out, made), path(name));
  rmSync(out, { recursive: true });
  return path(name);
}

/** The converter's temporary folders (`zhijian-xls-…`, not this test's own). */
function conversionFolders(): string[] {
  return readdirSync(tmpdir()).filter(
    (f) => f.startsWith('zhijian-xls-') && !f.startsWith('zhijian-xls-test-'),
  );
}

async function deaths(): Promise<Record<string, unknown>[]> {
  return db.all(`SELECT id_no, name, CAST(death_date AS VARCHAR) AS death_date, source
    FROM deaths ORDER BY _row`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhijian-xls-test-'));
  db = await Database.open(join(dir, 'db.duckdb'));
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!soffice)('old Excel (.xls)', { timeout: 120_000 }, () => {
  it('imports a BIFF8 workbook like the .xlsx it was made from: text, dates, IDs with X', async () => {
    const ids = [validId(1), validId(2), validId(3)];
    const withX = ids.find((id) => id.endsWith('X')) ?? ids[0];
    await writeXlsx(path('src.xlsx'), {
      死亡登记: [
        ['证件号码', '姓名', '死亡日期', '来源'],
        [ids[0], '张三', new Date(Date.UTC(2023, 4, 1)), '民政'],
        [ids[1], '李四', '2023年6月2日', '公安'],
        [ids[2], '王五', '2023-07-03', null],
      ],
    });
    const xls = saveAsXls(path('src.xlsx'), '死亡名单（民政局导出）.xls');
    const foldersBefore = conversionFolders();

    const result = await importFiles(db, [xls], { report: false });
    expect(result.outcomes[0]).toMatchObject({
      sheet: '死亡登记',
      status: 'imported',
      dataset: 'deaths',
      rowsRead: 3,
      imported: 3,
      rejected: 0,
    });
    expect(await deaths()).toEqual([
      { id_no: ids[0], name: '张三', death_date: '2023-05-01', source: '民政' },
      { id_no: ids[1], name: '李四', death_date: '2023-06-02', source: '公安' },
      { id_no: ids[2], name: '王五', death_date: '2023-07-03', source: null },
    ]);
    expect(withX).toMatch(/^\d{17}[\dX]$/);
    // The conversion's temporary folder is gone once the import has read the file.
    expect(conversionFolders()).toEqual(foldersBefore);
  });

  it('refuses a broken .xls with a Chinese message naming the file, storing nothing', async () => {
    const before = (await listBatches(db)).length;
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    writeFileSync(path('损坏台账.xls'), ole);
    const result = await importFiles(db, [path('损坏台账.xls')], { report: false });
    expect(result.ok).toBe(false);
    expect(result.outcomes[0]).toMatchObject({ status: 'failed' });
    expect(result.outcomes[0]?.message).toMatch(/损坏台账\.xls.*(损坏|密码)/);
    expect((await listBatches(db)).length).toBe(before);
  });

  it('reads an .xlsx saved under an .xls name as what it is', async () => {
    await writeXlsx(path('renamed.xlsx'), {
      Sheet1: [
        ['证件号码', '姓名', '死亡日期', '来源'],
        [validId(7), '赵六', '2024-01-05', '医院'],
      ],
    });
    copyFileSync(path('renamed.xlsx'), path('改名.xls'));
    const result = await importFiles(db, [path('改名.xls')], { report: false });
    expect(result.outcomes[0]).toMatchObject({ status: 'imported', imported: 1 });
  });

  it('reads a tab-separated text saved as .xls; refuses a web page whose IDs would lose digits', async () => {
    const id = validId(11);
    writeFileSync(
      path('文本导出.xls'),
      `证件号码\t姓名\t死亡日期\t来源\n${id}\t孙八\t2022-03-04\t民政\n`,
    );
    const text = await importFiles(db, [path('文本导出.xls')], { report: false });
    expect(text.outcomes[0]).toMatchObject({ status: 'imported', imported: 1 });
    const rows = await db.all(`SELECT id_no, name FROM deaths WHERE name = '孙八'`);
    expect(rows).toEqual([{ id_no: id, name: '孙八' }]);

    const html = `<html><body><table><tr><td>证件号码</td><td>姓名</td></tr>
<tr><td>${validId(12)}</td><td>周九</td></tr></table></body></html>`;
    writeFileSync(path('网页导出.xls'), html);
    const page = await importFiles(db, [path('网页导出.xls')], { report: false });
    expect(page.outcomes[0]).toMatchObject({ status: 'failed' });
    expect(page.outcomes[0]?.message).toMatch(/网页导出\.xls.*网页表格.*另存为/);
  });

  it('without LibreOffice says what to install, naming the file', async () => {
    const previous = process.env.ZHIJIAN_SOFFICE;
    process.env.ZHIJIAN_SOFFICE = path('no-such-soffice');
    try {
      await writeXlsx(path('x.xlsx'), {
        S: [
          ['证件号码', '姓名'],
          [validId(9), '钱七'],
        ],
      });
      const xls = saveAsXls(path('x.xlsx'), '旧表.xls');
      const result = await importFiles(db, [xls], { report: false });
      expect(result.outcomes[0]).toMatchObject({ status: 'failed' });
      expect(result.outcomes[0]?.message).toMatch(/旧表\.xls.*LibreOffice/);
    } finally {
      if (previous === undefined) delete process.env.ZHIJIAN_SOFFICE;
      else process.env.ZHIJIAN_SOFFICE = previous;
    }
  });
});
