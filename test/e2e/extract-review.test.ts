/**
 * 文书复核 in a real browser (issue 13): a prosecutor drops several rulings on the page, each
 * uploads with its progress, one job extracts and imports them, a document opens beside its
 * extraction with the reason a field is uncertain, and a correction is saved.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const CORPUS = join(ROOT, 'test', 'extract', 'corpus');
const SHOTS = join(ROOT, 'test-output', 'screenshots');

describe.skipIf(!!skipReason)('文书复核 in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ensureWebBuilt();
    server = await startServer();
    const u = await createUser(server, {
      username: 'qian',
      displayName: '钱检察官',
      unitId: '330102',
      roles: ['prosecutor'],
    });
    browser = await launchBrowser();
    const ctx = await browser.newContext({
      viewport: { width: 1366, height: 820 },
      locale: 'zh-CN',
    });
    page = await ctx.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}/login`);
    await page.getByPlaceholder('用户名').fill(u.username);
    await page.getByPlaceholder('密码').fill(u.password);
    await page.locator('button[type=submit]').click();
    await page.getByTestId('user-menu').waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a prosecutor uploads rulings, extracts them, reviews one beside its text and corrects it', async () => {
    await page.getByRole('link', { name: '文书复核' }).first().click();
    await page.waitForURL(/\/extract$/);
    await page
      .locator('input[type=file]')
      .setInputFiles(
        ['real-01-终本-豫-txt.txt', 'real-03-终本-浙-txt.txt', '17-终本-html-div.html'].map((f) =>
          join(CORPUS, f),
        ),
      );
    const start = page.getByTestId('extract-start');
    await expect.poll(() => start.textContent()).toContain('3 个文件');
    await expect.poll(() => start.isEnabled()).toBe(true);
    await start.click();
    const result = page.getByTestId('extract-result');
    await result.waitFor({ timeout: 60_000 });
    await expect(result.textContent()).resolves.toContain('已导入 3 份文书');
    await page.screenshot({ path: join(SHOTS, 'extract-01-upload.png') });

    await result.getByRole('link', { name: '对照原文复核' }).nth(1).click();
    await page.getByText('文书原文').waitFor();
    await expect(page.getByTestId('reason-unpaidAmount').textContent()).resolves.toContain('推算');
    await expect(page.getByTestId('reason-actions').textContent()).resolves.toContain('未计入');
    await expect(page.locator('body').textContent()).resolves.toContain(
      '浙江省杭州市余杭区人民法院',
    );
    await page.screenshot({ path: join(SHOTS, 'extract-02-review.png') });

    const unpaid = page.locator('#unpaidAmount');
    await unpaid.fill('99000');
    await page
      .getByRole('button', { name: /保\s*存/ })
      .first()
      .click();
    await page.getByText('已保存更正').waitFor();
    await expect(page.getByText('已更正').first().isVisible()).resolves.toBe(true);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
