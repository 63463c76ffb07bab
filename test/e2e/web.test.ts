/**
 * The whole path in a real browser (Chromium from Debian, playwright-core), against the real
 * server over a temp database: sign in → upload the demo files → confirm mapping → import → run
 * models → open a lead → see its evidence → dismiss it with a reason → re-run → it stays
 * dismissed; a county user cannot open another county's lead (by URL and by API); an HTML party
 * name renders as text. Screenshots land in test-output/screenshots/.
 */
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page as ApiPage } from '../../src/contract/common.ts';
import type { LeadDetail, LeadRow } from '../../src/contract/leads.ts';
import { formatBundleSize, measureFirstLoad } from '../../scripts/bundle-size.ts';
import { writeDemoFiles, XSS_NAME } from './demo-files.ts';
import { IdWatch } from './id-scan.ts';
import type { DemoFiles } from './demo-files.ts';
import {
  browserTestsSkipReason,
  createUser,
  ensureWebBuilt,
  launchBrowser,
  ROOT,
  startServer,
  WEB_DIST,
} from './harness.ts';
import type { TestServer } from './harness.ts';

const skipReason = browserTestsSkipReason();
if (skipReason) console.warn(skipReason);

const SHOTS = join(ROOT, 'test-output', 'screenshots');
const README_SHOT = join(ROOT, 'docs', 'screenshot-leads.png');
const COUNTY_UNIT = '330102'; // 杭州市上城区人民检察院
const VIEWPORT = { width: 1366, height: 820 };

describe.skipIf(!!skipReason)('web app in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let demo: DemoFiles;
  let leadKey = '';
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  // No page, API answer or download may hold a full ID unless it was revealed on purpose.
  const ids = new IdWatch();

  const shot = async (p: Page, name: string) => {
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.waitForTimeout(300); // let charts and transitions settle
    await p.screenshot({ path: join(SHOTS, `${name}.png`) });
    await ids.page(p, name);
  };

  const signIn = async (p: Page, username: string, password: string) => {
    await p.goto(`${server.url}/login`);
    await p.getByPlaceholder('用户名').fill(username);
    await p.getByPlaceholder('密码').fill(password);
    await p.locator('button[type=submit]').click();
    await p.getByTestId('user-menu').waitFor();
  };

  const watch = (p: Page) => {
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    p.on('pageerror', (e) => pageErrors.push(e.message));
    ids.watch(p);
  };

  const runAllModels = async () => {
    await page.goto(`${server.url}/models`);
    await page.getByTestId('models-page').waitFor();
    await page.getByTestId('run-models').click();
    await page.getByTestId('run-result').waitFor({ timeout: 90_000 });
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ensureWebBuilt();
    const size = measureFirstLoad(WEB_DIST);
    console.log(formatBundleSize(size));
    expect(size.totalGzip).toBeLessThanOrEqual(2 * 1024 * 1024);

    server = await startServer();
    demo = await writeDemoFiles(join(server.dir, 'demo'));
    await createUser(server, {
      username: 'wang',
      displayName: '王数据',
      unitId: '330000',
      roles: ['admin', 'data_admin', 'dept_head'],
      canViewFullId: true,
    });
    await createUser(server, {
      username: 'zhao',
      displayName: '赵检察官',
      unitId: COUNTY_UNIT,
      roles: ['prosecutor'],
    });
    browser = await launchBrowser();
    ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    watch(page);
  }, 180_000);

  afterEach(() => {
    // Taken out, so each sighting fails the one test in which it happened.
    const seen = ids.sightings.splice(0);
    expect(seen, '页面、接口或下载文件中出现了未脱敏的身份证号').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in and shows the shell', async () => {
    await page.goto(`${server.url}/leads`);
    await page.waitForURL(/\/login\?next=/);
    await shot(page, '01-login');
    await page.getByPlaceholder('用户名').fill('wang');
    await page.getByPlaceholder('密码').fill('wrong-password-1');
    await page.locator('button[type=submit]').click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toMatch(/[\u4e00-\u9fa5]/);
    await page.getByPlaceholder('密码').fill('Harbour-Lamp-e2e');
    await page.locator('button[type=submit]').click();
    // Back to the page that asked for sign-in.
    await page.waitForURL(/\/leads$/);
    await expect(page.getByTestId('user-menu').textContent()).resolves.toContain('王数据');
  });

  it('uploads the demo files, confirms the mapping and imports them', async () => {
    await page.goto(`${server.url}/data`);
    await page.locator('input[type=file]').setInputFiles(demo.paths);
    await page.getByTestId('upload-detect').click();
    const cards = page.getByTestId('mapping-card');
    await cards.first().waitFor({ timeout: 60_000 });
    expect(await cards.count()).toBe(demo.paths.length);
    // Every file was recognised: no dataset Select is left empty (status error).
    expect(await page.locator('[data-testid=dataset-select].ant-select-status-error').count()).toBe(
      0,
    );
    await shot(page, '02-data-mapping');

    await page.getByTestId('start-import').click();
    await page
      .locator('[data-testid=job-progress][data-state=succeeded]')
      .waitFor({ timeout: 120_000 });
    await page.getByTestId('import-report').waitFor();
    // The job id is in the URL: a reload shows the same import and its report.
    expect(page.url()).toMatch(/[?&]job=/);
    await page.reload();
    await page.getByTestId('import-report').waitFor();
    await shot(page, '03-data-report');
  }, 150_000);

  it('runs the models and lists leads', async () => {
    await runAllModels();
    await shot(page, '04-models');
    await page.goto(`${server.url}/leads`);
    const rows = page.locator('[data-testid=leads-table] tbody tr.ant-table-row');
    await rows.first().waitFor({ timeout: 30_000 });
    expect(await rows.count()).toBeGreaterThan(0);
    await shot(page, '05-leads');
    const png = join(SHOTS, '05-leads.png');
    expect(statSync(png).size).toBeLessThan(300 * 1024);
    // The README's picture is refreshed on request only, so a test run leaves the work tree clean.
    if (process.env.UPDATE_README_SHOT) {
      mkdirSync(join(ROOT, 'docs'), { recursive: true });
      copyFileSync(png, README_SHOT);
    }

    // Export to Excel goes through fetch (CSRF, errors) and ends as a browser download.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await ids.download(download);
  }, 150_000);

  it('opens a lead with its evidence and dismisses it with a reason', async () => {
    // A lead about a person (their masked ID shows in the row).
    const link = page
      .locator('[data-testid=leads-table] tbody tr.ant-table-row')
      .filter({ hasText: /\*{4,}/ })
      .first()
      .locator('a')
      .first();
    await link.click();
    await page.getByTestId('lead-page').waitFor();
    leadKey = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    expect(leadKey).not.toBe('');
    const evidence = page.getByTestId('evidence');
    await evidence.waitFor();
    // Each evidence card names its source file and row.
    await expect(evidence.textContent()).resolves.toMatch(/第 \d+ 行/);
    await shot(page, '06-lead');

    // ID numbers are masked by default; a user with the right reveals them (and it is audited).
    const subjectId = page.getByTestId('subject-id');
    await subjectId.filter({ hasText: /\*{4,}/ }).waitFor();
    await page.getByTestId('reveal').click();
    await page.getByText('本次查看已记入审计日志').waitFor();
    await subjectId.filter({ hasText: /^\d{17}[\dX]$/ }).waitFor();
    await page.getByTestId('reveal').click();
    await subjectId.filter({ hasText: /\*{4,}/ }).waitFor();

    await page.getByTestId('dismiss').click();
    await page.getByRole('radio', { name: '财产已处置' }).check();
    await page.getByPlaceholder(/经核实/).fill('经核实，该财产已于终本前依法处置');
    await page.locator('.ant-modal-footer .ant-btn-dangerous').click();
    await page.getByTestId('dismiss-reason').waitFor();
    await expect(page.getByTestId('dismiss-reason').textContent()).resolves.toBe('财产已处置');

    // 串并: the case page lists its parties; a party opens their cases and leads.
    await page.locator('[data-testid=lead-page] .ant-card-head-title a').first().click();
    await page.getByTestId('case-page').waitFor();
    await shot(page, '07-case');
    await page.locator('[data-testid=case-page] a[href^="/persons/"]').first().click();
    await page.getByTestId('person-page').waitFor();
    await page.getByTestId('person-page').locator('.ant-table-row').first().waitFor();
    await ids.page(page, '当事人');
  });

  it('keeps the lead dismissed after a re-run', async () => {
    await runAllModels();
    await page.goto(`${server.url}/leads/${encodeURIComponent(leadKey)}`);
    await page.getByTestId('lead-page').waitFor();
    await expect(page.getByTestId('dismiss-reason').textContent()).resolves.toBe('财产已处置');
    await ids.page(page, '重跑后的线索');
    const detail = await page.request.get(`${server.url}/api/leads/${encodeURIComponent(leadKey)}`);
    expect(detail.status()).toBe(200);
    expect(((await detail.json()) as LeadDetail).lead.status).toBe('已排除');
  }, 150_000);

  it('opens a supervision case from a lead, moves it on, and lists it', async () => {
    await page.goto(`${server.url}/leads`);
    await page
      .locator('[data-testid=leads-table] tbody tr.ant-table-row')
      .filter({ hasText: '待研判' })
      .filter({ hasText: /\*{4,}/ })
      .first()
      .locator('a')
      .first()
      .click();
    await page.getByTestId('lead-page').waitFor();
    await page.getByTestId('open-case').click();
    await page.getByPlaceholder('说明（可选）').fill('终本时名下有车辆，拟调阅卷宗');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('supervision-case-page').waitFor();
    const caseNo = (await page.getByTestId('case-no').textContent()) ?? '';
    expect(caseNo).toMatch(/检民执监〔\d{4}〕\d+号$/);
    const moves = page.getByTestId('supervision-case-page').getByRole('button', { name: /^改为/ });
    const first = ((await moves.first().textContent()) ?? '').replace(/^改为/, '');
    await moves.first().click();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('supervision-case-page').getByText(first).first().waitFor();
    await ids.page(page, '监督案件');
    await shot(page, '08-supervision-case');

    await page.goto(`${server.url}/supervision-cases`);
    await page.getByText(caseNo).first().waitFor();
    await ids.page(page, '监督案件列表');
  });

  it('renders an HTML party name as text', async () => {
    const res = await page.request.get(
      `${server.url}/api/leads?pageSize=50&q=${encodeURIComponent(demo.xssCaseNo)}`,
    );
    expect(res.status()).toBe(200);
    const found = ((await res.json()) as ApiPage<LeadRow>).items[0];
    expect(found, `演示数据中 ${demo.xssCaseNo} 应有线索`).toBeDefined();
    await page.goto(`${server.url}/leads/${encodeURIComponent(found!.id)}`);
    await page.getByTestId('lead-page').waitFor();
    await page.getByText(XSS_NAME).first().waitFor();
    expect(await page.locator('img[src=x]').count()).toBe(0);
    await page.goto(`${server.url}/leads?q=${encodeURIComponent(demo.xssCaseNo)}`);
    await page.locator('[data-testid=leads-table] tbody tr.ant-table-row').first().waitFor();
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('keeps a county user out of another county’s lead, by URL and by API', async () => {
    const all = await page.request.get(`${server.url}/api/leads?pageSize=500`);
    const items = ((await all.json()) as ApiPage<LeadRow>).items;
    const foreign = items.find((l) => l.unitId !== COUNTY_UNIT);
    expect(foreign, '需要一条不属于上城区的线索').toBeDefined();

    const county = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const p = await county.newPage();
    p.setDefaultTimeout(20_000);
    watch(p);
    await signIn(p, 'zhao', 'Harbour-Lamp-e2e');
    await expect(p.getByTestId('user-menu').textContent()).resolves.toContain('上城区');
    // The menu has no audit page for a prosecutor.
    expect(await p.getByRole('link', { name: '审计日志' }).count()).toBe(0);
    await p.goto(`${server.url}/leads/${encodeURIComponent(foreign!.id)}`);
    await p.getByText('未找到').first().waitFor();
    expect(await p.getByTestId('lead-page').count()).toBe(0);
    await shot(p, '08-county-denied');
    const api = await p.request.get(`${server.url}/api/leads/${encodeURIComponent(foreign!.id)}`);
    expect(api.status()).toBe(404);
    const list = await p.request.get(`${server.url}/api/leads?pageSize=500`);
    const visible = ((await list.json()) as ApiPage<LeadRow>).items;
    expect(visible.some((l) => l.id === foreign!.id)).toBe(false);
    await county.close();
  });

  it('saves a filter and dismisses several leads at once', async () => {
    // Filters live in the URL; a saved filter brings them back.
    await page.goto(`${server.url}/leads?status=${encodeURIComponent('待研判')}`);
    const rows = page.locator('[data-testid=leads-table] tbody tr.ant-table-row');
    await rows.first().waitFor();
    await page.getByRole('button', { name: /保存当前筛选/ }).click();
    await page.getByPlaceholder(/名称/).fill('待研判线索');
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await page.getByText('已保存').waitFor();
    await page.goto(`${server.url}/leads`);
    await rows.first().waitFor();
    await page.getByRole('button', { name: /保存的筛选/ }).click();
    await page.getByRole('menuitem', { name: /待研判线索/ }).click();
    await page.waitForURL(/status=/);

    await rows.nth(0).locator('input[type=checkbox]').check();
    await rows.nth(1).locator('input[type=checkbox]').check();
    await page.getByRole('button', { name: /批量排除/ }).click();
    await page.getByRole('radio', { name: '数据错误' }).check();
    await page.locator('.ant-modal-footer .ant-btn-dangerous').click();
    // The bulk write may take a while on a loaded machine; its message says when it is done.
    await page.getByText(/已排除 2 条/).waitFor({ timeout: 60_000 });
  });

  it('exports a model file and rolls a batch back', async () => {
    await page.goto(`${server.url}/models/M01`);
    await page.getByTestId('model-sql').waitFor();
    await expect(page.getByTestId('model-sql').textContent()).resolves.toMatch(/SELECT/i);
    const [modelFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出模型文件/ }).click(),
    ]);
    expect(modelFile.suggestedFilename()).toMatch(/M01/);
    await ids.download(modelFile, { fixture: true });

    await page.goto(`${server.url}/data?tab=batches`);
    const rollback = page
      .locator('tbody tr.ant-table-row')
      .first()
      .getByRole('button', { name: /回\s*滚/ });
    await rollback.click();
    await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
    await page.locator('tbody tr.ant-table-row').first().getByText('已回滚').waitFor();
    await shot(page, '10-batches');
  });

  it('makes the first-start administrator choose a password', async () => {
    const first = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const p = await first.newPage();
    p.setDefaultTimeout(20_000);
    watch(p);
    await p.goto(`${server.url}/login`);
    await p.getByPlaceholder('用户名').fill(server.admin.username);
    await p.getByPlaceholder('密码').fill(server.admin.password);
    await p.locator('button[type=submit]').click();
    // Every page is replaced by the password form until a new password is set.
    await p.getByText('首次登录：请设置新密码').waitFor();
    await p.getByLabel('一次性密码').fill(server.admin.password);
    await p.getByLabel('新密码', { exact: true }).fill('Yw7#kQ2-mTz9-new');
    await p.getByLabel('确认新密码').fill('Yw7#kQ2-mTz9-new');
    await p.locator('button[type=submit]').click();
    await p.getByTestId('dashboard').waitFor();
    await first.close();
  });

  it('shows the dashboard and the audit log', async () => {
    await page.goto(`${server.url}/`);
    await page.getByTestId('dashboard').waitFor();
    await page.locator('[data-testid=dashboard] canvas').first().waitFor();
    await shot(page, '00-dashboard');
    await page.goto(`${server.url}/audit`);
    await page.locator('[data-testid=audit-page] tbody tr.ant-table-row').first().waitFor();
    await shot(page, '09-audit');
    expect(pageErrors).toEqual([]);
  });
});
