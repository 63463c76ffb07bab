import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readZipDeclaration } from './zip-guard.ts';
import { safeFileName } from './upload-store.ts';

describe('upload guards', () => {
  it('keeps only a safe last path segment of a file name', () => {
    expect(safeFileName('../../etc/passwd.xlsx')).toBe('passwd.xlsx');
    expect(safeFileName('..\\..\\执行案件.xlsx')).toBe('执行案件.xlsx');
    expect(safeFileName('.hidden.csv')).toBe('hidden.csv');
    expect(safeFileName('a\u0000b.csv')).toBe('a_b.csv');
    expect(safeFileName('..')).toBe('upload');
    expect(safeFileName(`${'长'.repeat(200)}.xlsx`)).toMatch(/^长{115}\.xlsx$/);
  });

  it('reads the declared sizes of a real xlsx; a CSV is no zip', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-guard-'));
    try {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('a').addRow(['案号', '（2023）浙0102执1号']);
      const path = join(dir, 'a.xlsx');
      await wb.xlsx.writeFile(path);
      const decl = readZipDeclaration(path);
      expect(decl?.entries).toBeGreaterThan(3);
      expect(decl?.uncompressed).toBeGreaterThan(decl?.compressed ?? Infinity);
      writeFileSync(join(dir, 'b.csv'), '案号\n1\n');
      expect(readZipDeclaration(join(dir, 'b.csv'))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
