/**
 * Casework in a real browser (issue 11): a prosecutor selects three leads of one model and opens a
 * class case, records a verification act with an attachment, drafts the recommendation and its
 * Word document (opened here: it names the three 案号 and quotes the articles), issues it, records
 * the court's reply (采纳, enforcement resumed) and the money in two entries; the ledger and the
 * statistics show it, and the overdue list shows another case's recommendation whose deadline
 * passed. Data: the demo province imported and run in-process before the browser starts.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page as ApiPage } from '../../src/contract/common.ts';
import type { LeadDetail, LeadRow } from '../../src/contract/leads.ts';
import { loadDemoAs } from '../../src/demo/load-demo.ts';
import { runModelsAs } from '../../src/models/operator.service.ts';
import type { Operator } from '../../src/org/lead-disclosure.ts';
import { SYSTEM_OPERATOR } from '../../src/org/operator.ts';
import { IdWatch } from './id-scan.ts';
import {
  browserTestsSkipReason,
  createUser,
  ensureWebBuilt,
  launchBrowser,
  ROOT,
  startServer,
  type TestServer,
} from './harness.ts';

const skipReason = browserTestsSkipReason();
const SHOTS = join(ROOT, 'test-output', 'screenshots');
const UNIT = '330000'; // 浙江省人民检察院: its scope holds every county's leads
// A PDF as a scanner writes it (the attachment check reads the content, not the name).
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe.skipIf(!!skipReason)('casework in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let prosecutor: Operator;
  let modelId = '';
  let caseNos: string[] = [];
  let court = '';
  const ids = new IdWatch();
  const pageErrors: string[] = [];

  /** The open modal (antd keeps closed ones in the DOM, hidden). */
  const modal = () => page.locator('.ant-modal-wrap:visible .ant-modal');
  const pickDate = async (label: string, date: string) => {
    const input = modal().locator('.ant-form-item').filter({ hasText: label }).locator('input');
    await input.click();
    await input.fill(date);
    await input.press('Enter');
  };
  const pickOption = async (label: string, option: string) => {
    await modal()
      .locator('.ant-form-item')
      .filter({ hasText: label })
      .locator('.ant-select')
      .click();
    await page
      .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`)
      .click();
  };
  const ok = () => modal().locator('.ant-modal-footer .ant-btn-primary').click();
  const caseState = (state: string) =>
    page
      .getByTestId('supervision-case-page')
      .locator('.ant-tag', { hasText: state })
      .first()
      .waitFor();

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ensureWebBuilt();
    server = await startServer();
    const platform = server.api.platform;
    const admin = await createUser(server, {
      username: 'wang',
      displayName: '王数据',
      unitId: '330000',
      roles: ['admin', 'data_admin'],
    });
    const loaded = await loadDemoAs(platform, SYSTEM_OPERATOR, { scale: 0.05 });
    const asAdmin = {
      ...SYSTEM_OPERATOR,
      userId: admin.id,
      username: admin.username,
      unitId: '330000',
    };
    await runModelsAs(platform, asAdmin, { all: true, asOf: loaded.answers.asOf });
    const u = await createUser(server, {
      username: 'sun',
      displayName: '孙检察官',
      unitId: UNIT,
      roles: ['prosecutor'],
    });
    prosecutor = {
      userId: u.id,
      username: u.username,
      unitId: UNIT,
      ip: null,
      canViewFullId: false,
    };
    browser = await launchBrowser();
    const ctx = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
    });
    page = await ctx.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    ids.watch(page);
    await page.goto(`${server.url}/login`);
    await page.getByPlaceholder('用户名').fill(u.username);
    await page.getByPlaceholder('密码').fill(u.password);
    await page.locator('button[type=submit]').click();
    await page.getByTestId('user-menu').waitFor();
  }, 300_000);

  afterEach(() => {
    expect(ids.sightings.splice(0), '页面或下载文件中出现了未脱敏的身份证号').toEqual([]);
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens a class case from three leads of one model, selected in the leads table', async () => {
    // A model whose first three 待研判 leads (the table's default order) are three enforcement cases.
    const all = await page.request.get(`${server.url}/api/leads?status=待研判&pageSize=200`);
    const models = [
      ...new Set(((await all.json()) as ApiPage<LeadRow>).items.map((l) => l.modelId)),
    ];
    for (const m of models.sort()) {
      const res = await page.request.get(
        `${server.url}/api/leads?modelId=${m}&status=待研判&sort=priority&order=desc&pageSize=20`,
      );
      const first = ((await res.json()) as ApiPage<LeadRow>).items.slice(0, 3);
      const nos = [...new Set(first.map((l) => l.caseNo ?? ''))].filter(Boolean);
      if (first.length === 3 && nos.length === 3) {
        [modelId, caseNos, court] = [m, nos, first[0]!.court ?? ''];
      }
      if (modelId) break;
    }
    expect(modelId, '演示数据中应有一个模型的三条待研判线索分属三个执行案件').not.toBe('');

    await page.goto(
      `${server.url}/leads?modelId=${modelId}&status=${encodeURIComponent('待研判')}`,
    );
    const rows = page.locator('[data-testid=leads-table] tbody tr.ant-table-row');
    await rows.first().waitFor();
    for (let i = 0; i < 3; i++) await rows.nth(i).locator('.ant-checkbox-input').check();
    await page.getByTestId('bulk-open-case').click();
    await expect(modal().locator('.ant-radio-wrapper-checked').textContent()).resolves.toContain(
      '类案',
    );
    await ok();
    await page.getByTestId('supervision-case-page').waitFor();
    await caseState('受理');
    const text = await page.getByTestId('supervision-case-page').textContent();
    for (const no of caseNos) expect(text).toContain(no);
    await ids.page(page, '类案');
  });

  it('records a verification act with an attachment', async () => {
    await page.getByRole('button', { name: '改为调查核实' }).click();
    await ok();
    await caseState('调查核实');
    await page.getByRole('button', { name: '记录措施' }).click();
    await pickOption('措施', '调阅卷宗');
    await modal()
      .getByPlaceholder(/调取了什么/)
      .fill('调阅三案执行卷宗，终本前未查控车辆');
    await ok();
    const files = page.locator('[data-testid^=act-files-]').first();
    await files.waitFor();
    await files.locator('input[type=file]').setInputFiles({
      name: '调阅笔录.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await files.getByText('调阅笔录.pdf').waitFor();
  });

  it('drafts the recommendation, generates the Word document and issues it', async () => {
    await page.getByRole('button', { name: '改为审查终结' }).click();
    await ok();
    await caseState('审查终结');
    await page.getByRole('button', { name: '起草检察建议' }).click();
    // A class case across courts names the court it goes to.
    await modal()
      .locator('.ant-form-item')
      .filter({ hasText: '主送法院' })
      .locator('input')
      .fill(court);
    await ok();
    const recs = page.getByTestId('recommendations');
    await recs.getByText('草稿').first().waitFor();

    await page
      .getByTestId('case-documents')
      .getByRole('button', { name: '生成检察建议书' })
      .click();
    await ok();
    const versions = page.getByTestId('case-documents').locator('tbody tr.ant-table-row');
    await versions.first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      versions.first().getByRole('button', { name: /下载/ }).click(),
    ]);
    await ids.download(download);
    const docx = readFileSync((await download.path())!);
    const { value: doc } = await mammoth.extractRawText({ buffer: docx });
    expect(doc).toContain('检察建议书');
    for (const no of caseNos) expect(doc).toContain(no);
    // The articles the model cites are quoted, with their text.
    const lead = (await (
      await page.request.get(`${server.url}/api/leads?modelId=${modelId}&status=已合并&pageSize=1`)
    ).json()) as ApiPage<LeadRow>;
    const detail = (await (
      await page.request.get(`${server.url}/api/leads/${encodeURIComponent(lead.items[0]!.id)}`)
    ).json()) as LeadDetail;
    const quoted = detail.legalBasis.find((b) => b.text)?.text ?? '';
    expect(quoted).not.toBe('');
    expect(doc.replace(/\s/g, '')).toContain(
      quoted.split('：').pop()!.replace(/\s/g, '').slice(0, 20),
    );

    await recs.getByRole('button', { name: /^发\s*出$/ }).click();
    await pickDate('发出日期', new Date().toISOString().slice(0, 10));
    await ok();
    await recs.getByText('已发出').first().waitFor();
    await caseState('制发检察建议');
    await expect(recs.textContent()).resolves.toMatch(/检民执建〔\d{4}〕\d+号/);
  });

  it('records the reply (采纳, enforcement resumed) and the money in two entries', async () => {
    const recs = page.getByTestId('recommendations');
    await recs.getByRole('button', { name: '记录回复' }).click();
    await modal().getByText('采纳', { exact: true }).click();
    await pickDate('回复日期', new Date().toISOString().slice(0, 10));
    await modal().getByText('恢复执行', { exact: true }).click();
    const court = caseNos[0]!.match(/[）)](浙\d{4})执/)?.[1] ?? '浙0102';
    await modal()
      .locator('.ant-form-item')
      .filter({ hasText: '恢复执行案号' })
      .locator('input')
      .fill(`（2026）${court}执恢88号`);
    await ok();
    await page.getByTestId('court-replies').getByText('采纳').first().waitFor();
    await caseState('法院回复');

    const outcomes = page.getByTestId('outcomes');
    for (const amount of ['12,345.60', '2万']) {
      await outcomes.getByRole('button', { name: /记录成效|添加/ }).click();
      await pickOption('成效类型', '执行到位');
      await pickDate('日期', new Date().toISOString().slice(0, 10));
      await modal()
        .locator('.ant-form-item')
        .filter({ hasText: '金额' })
        .locator('input')
        .fill(amount);
      await ok();
      await modal()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
    }
    await page.getByTestId('outcome-totals').getByText('32,345.60').waitFor();
    await ids.page(page, '成效');
  });

  it('the overdue list, the ledger, the statistics and the model track record show it', async () => {
    // Another case, issued long ago and never answered (made through the services, as the CLI would).
    const platform = server.api.platform;
    const open = (await (
      await page.request.get(
        `${server.url}/api/leads?status=待研判&sort=caseNo&order=asc&pageSize=1`,
      )
    ).json()) as ApiPage<LeadRow>;
    let c = await platform.casework.open(prosecutor, { leadIds: [open.items[0]!.id] });
    for (const to of ['调查核实', '审查终结']) {
      c = await platform.casework.move(prosecutor, c.id, { to, version: c.version });
    }
    c = await platform.recommendations.create(prosecutor, c.id, {
      addressee: '杭州市上城区人民法院',
    });
    const rec = c.recommendations[0]!;
    await platform.recommendations.issue(prosecutor, rec.id, {
      version: rec.version,
      issuedOn: '2025-03-03',
    });

    await page.goto(`${server.url}/recommendations`);
    const due = page.getByTestId('due-recommendations-page');
    await due.getByText(c.caseNo).waitFor();
    await expect(due.locator('.ant-tabs-tab-active').textContent()).resolves.toContain('已逾期');

    await page.goto(`${server.url}/ledger`);
    await page.locator('.ant-table-row').first().getByText('32,345.60').waitFor();
    await ids.page(page, '一本账');

    // The statistics (no cache delay after the payments) and the model's track record.
    await page.goto(`${server.url}/stats`);
    await page.getByTestId('stats-page').getByText('32,345.60').first().waitFor();
    await ids.page(page, '统计分析');
    await page.goto(`${server.url}/models/${modelId}`);
    await page
      .getByTestId('model-track-record')
      .getByText(/32,345\.60/)
      .waitFor();
  });
});
