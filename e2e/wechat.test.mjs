// WeChat's built-in browser (issue 13): it cannot download or print, so the widget says what works
// instead and offers a hand-over link that carries the answers in the URL fragment. Opened in a
// real browser, the link goes through the import preview like a file; a cut-off or edited link
// gets a clear message and nothing saved is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, golden, enterThroughUi } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const WECHAT = 'Mozilla/5.0 (Linux; Android 13; V2148A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) '
  + 'Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36 XWEB/5235 MMWEBSDK/20230805 MMWEBID/6170 '
  + 'MicroMessenger/8.0.42.2460(0x28002A35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';
const KEY = 'brand-self-check:v1:answers:enterprise';

async function handoverLink() {
  const g = golden('enterprise', '13-quality-award-and-brand-value-tracks');
  const context = await browser.newContext({ userAgent: WECHAT, viewport: { width: 390, height: 844 }, acceptDownloads: false });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.locator('[data-mounted] .bsc-start').waitFor();
  // What works instead, said on every screen.
  await page.locator('.bsc-notice').filter({ hasText: /微信内置浏览器/ }).waitFor();
  await enterThroughUi(page, g);
  const report = await page.locator('.bsc-report').textContent();
  // No download or print buttons that would fail here; the hand-over link instead.
  for (const name of ['打印', '下载报告（HTML）', '导出回答（JSON）']) {
    assert.equal(await page.getByRole('button', { name, exact: true }).count(), 0, name);
  }
  const panel = page.locator('.bsc-handover');
  assert.match(await panel.textContent(), /链接里包含您的全部回答/);
  assert.match(await panel.textContent(), /不会发送给任何服务器/);
  const link = await panel.locator('input').inputValue();
  assert.ok(link.startsWith(server.url + '#bsc1.'), link.slice(0, 80));
  await panel.getByRole('button', { name: '复制链接' }).click();
  await panel.locator('[role=status]').filter({ hasText: /已复制|请长按/ }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
  return { link, report };
}

test('in WeChat the report offers a hand-over link, and the link opened in a browser brings the same answers through the preview', { timeout: 120_000 }, async () => {
  const { link, report } = await handoverLink();
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(link);
  const preview = page.locator('.bsc-dialog');
  await preview.waitFor();
  // The fragment never reaches the server, and leaves the address bar once read.
  assert.ok(requests.every((u) => !u.includes('bsc1.')), 'no request carries the answers');
  assert.equal(new URL(page.url()).hash, '');
  const stored = await page.evaluate((k) => localStorage.getItem(k), KEY);
  assert.ok(stored === null || Object.keys(JSON.parse(stored).questions).length === 0, 'nothing taken before the user confirms');
  await preview.getByRole('button', { name: '用文件中的回答替换' }).click();
  // The answers open where they stand; the report from the review.
  await page.locator('.bsc-step').waitFor();
  await page.locator('.bsc-header__nav').getByRole('button', { name: '检查页' }).click();
  await page.getByRole('button', { name: '查看报告' }).click();
  assert.equal(await page.locator('.bsc-report').textContent(), report);
  await context.close();
});

test('a cut-off or edited hand-over link gets a clear message and the saved answers stay as they were', { timeout: 120_000 }, async () => {
  const { link } = await handoverLink();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + '?standard=enterprise');
  await page.locator('[data-mounted] #bsc-profile-sector-services').check();
  await page.locator('.bsc-start .bsc-actions .bsc-button').first().click();
  await page.locator('[id="bsc-q-A1.1-l2"]').check();
  const before = await page.evaluate((k) => localStorage.getItem(k), KEY);
  const edited = link.slice(0, -3) + (link.endsWith('AAA') ? 'BBB' : 'AAA');
  for (const [bad, message] of [[link.slice(0, -40), /不完整/], [edited, /已被改动或损坏/]]) {
    await page.goto('about:blank');
    await page.goto(bad);
    await page.locator('.bsc-notice').filter({ hasText: message }).waitFor();
    assert.match(await page.locator('.bsc-notice').filter({ hasText: message }).textContent(), /已保存的回答没有改变/);
    assert.equal(await page.locator('.bsc-dialog').count(), 0);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), before);
  }
  await context.close();
});
