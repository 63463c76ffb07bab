/**
 * The browser test's ID watch: every API answer the page receives, every URL it navigates to,
 * every page it scans and every file it downloads is searched for an unmasked 18-digit ID number.
 * Only an answer to an explicit reveal (`reveal=1`, asked by a user with the right) may hold one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { isOrganisationCode } from '../../src/domain/mask.ts';
import { ROOT } from './harness.ts';

/** 17 digits and a check character, not inside a longer run of digits or letters. */
const FULL_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

/** Where an unmasked ID was seen (what and where, with the ID itself masked for the report). */
export interface IdSighting {
  where: string;
  id: string;
}

/**
 * The made-up persons of the built-in models' fixtures. A model file carries its fixture, which is
 * the author's test data, not anyone's record; only there (`download(d, { fixture: true })`) are
 * these IDs allowed, so a demo person's ID leaking anywhere else is still caught.
 */
function fixtureIds(): ReadonlySet<string> {
  const dir = join(ROOT, 'models');
  const ids = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    for (const m of readFileSync(join(dir, file), 'utf8').matchAll(FULL_ID)) ids.add(m[0]);
  }
  return ids;
}

export class IdWatch {
  readonly sightings: IdSighting[] = [];
  private readonly fixtureIds = fixtureIds();

  private scan(where: string, text: string, allowed: ReadonlySet<string> = new Set()): void {
    for (const m of text.matchAll(FULL_ID)) {
      // A company's credit code is not personal data and is shown in full (domain/mask.ts).
      if (allowed.has(m[0]) || isOrganisationCode(m[0])) continue;
      this.sightings.push({ where, id: `${m[0].slice(0, 6)}********${m[0].slice(-4)}` });
    }
  }

  /** Watches a page's navigations and API answers from now on. */
  watch(page: Page): void {
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.scan(`地址 ${frame.url()}`, decodeURI(frame.url()));
    });
    page.on('response', (res) => {
      const url = res.url();
      if (!url.includes('/api/') || /[?&]reveal=(1|true)/.test(url)) return;
      const type = res.headers()['content-type'] ?? '';
      if (!type.includes('json') && !type.includes('text')) return;
      res.text().then(
        (body) => this.scan(`接口 ${new URL(url).pathname}`, body),
        () => undefined, // the page navigated away before the body arrived
      );
    });
  }

  /** The rendered page: text, attributes (href, data-row-key …) and its address. */
  async page(page: Page, label: string): Promise<void> {
    this.scan(`页面 ${label}`, await page.content());
    this.scan(`页面 ${label} 地址`, decodeURI(page.url()));
  }

  /**
   * A downloaded file: every cell of a workbook, or the text of anything else. A model file
   * (`fixture: true`) may hold its fixture's made-up IDs and no other.
   */
  async download(download: Download, opts: { fixture?: boolean } = {}): Promise<void> {
    const path = await download.path();
    const name = download.suggestedFilename();
    this.scan(`下载文件名 ${name}`, name);
    if (name.endsWith('.xlsx')) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row, r) =>
          row.eachCell((cell, c) => this.scan(`${name} ${sheet.name} 第${r}行第${c}列`, cell.text)),
        ),
      );
    } else {
      const allowed = opts.fixture ? this.fixtureIds : undefined;
      this.scan(name, readFileSync(path, 'utf8'), allowed);
    }
  }
}
