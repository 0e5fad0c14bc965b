// End-to-end: the release build served from a local server, driven in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, ready } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Opens the site and collects console errors, page errors and requests to other origins. */
async function open(path = '') {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => { if (!r.url().startsWith(server.url.replace(/\/$/, ''))) problems.push(`request: ${r.url()}`); });
  await page.goto(server.url + path);
  await ready(page);
  return { page, problems };
}

const total = (page) => page.locator('[data-testid=total]').textContent();

test('a user answers questions and sees the live score, tier and plan', async () => {
  const { page, problems } = await open();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.equal(await total(page), '0');
  await page.locator('#bsc-profile-sector-manufacturing').check();
  await page.locator('[id="bsc-q-B2.1-l4"]').check();
  await page.locator('[id="bsc-q-B2.1-note"]').fill('2023–2025 研发费用专项审计报告');
  await page.locator('[id="bsc-q-C1.1-l5"]').check();
  await page.locator('[id="bsc-q-C1.1-note"]').fill('第三方满意度报告');
  await page.locator('#bsc-gate-G1-yes').check();
  // B2: 200 / 2 questions → 20 a level → 80; C1: 400 / 2 → 40 a level → 200.
  assert.equal(await total(page), '280');
  const tier = await page.locator('[data-testid=tier]').textContent();
  assert.match(tier, /品牌起步/);
  assert.match(await page.locator('.bsc-next').textContent(), /还差 70 分/);
  assert.equal(await page.locator('.bsc-plan li').count(), 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the language can be chosen by URL and switched without losing answers', async () => {
  const { page, problems } = await open('?lang=en');
  assert.match(await page.locator('.bsc-panel').textContent(), /Provisional self-assessment score/);
  await page.locator('[id="bsc-q-A1.2-l2"]').check();
  assert.equal(await total(page), '20');
  await page.getByRole('button', { name: '切换到中文' }).click();
  assert.match(await page.locator('.bsc-panel').textContent(), /自评参考分/);
  assert.equal(await total(page), '20');
  assert.ok(await page.locator('[id="bsc-q-A1.2-l2"]').isChecked());
  assert.deepEqual(problems, []);
  await page.close();
});

test('an unknown language or standard falls back to the defaults with a warning', async () => {
  const page = await browser.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(server.url + '?lang=fr&standard=nope');
  await ready(page);
  assert.match(await page.locator('.bsc-panel').textContent(), /自评参考分/);
  assert.ok(warnings.some((w) => w.includes('unknown language "fr"')), warnings.join('\n'));
  assert.ok(warnings.some((w) => w.includes('unknown standard "nope"')), warnings.join('\n'));
  await page.close();
});
