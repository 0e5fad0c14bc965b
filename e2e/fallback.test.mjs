// When the widget cannot start, the page says why, in current Chromium (e2e/kernels.test.mjs does
// the same in the old kernels): a CSP that forbids WebAssembly, the IE engine, an engine without
// modules. And the two CSPs of the README in current Chromium: both run the widget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, open, golden, enterThroughUi, dist, CSP, CSP_OLDER, copyBuild, requireReferenceTypes } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The visible message: its text per language and the reasons of the paragraphs kept. */
async function message(page) {
  await page.locator('#bsc-unsupported.is-shown').waitFor();
  return page.locator('#bsc-unsupported').evaluate((el) => ({
    zh: el.querySelector('[lang=zh-CN]').textContent.replace(/\s+/g, ' ').trim(),
    en: el.querySelector('[lang=en]').textContent.replace(/\s+/g, ' ').trim(),
    reasons: [...new Set([...el.querySelectorAll('[data-why]')].map((p) => p.getAttribute('data-why')))].sort(),
    widget: document.querySelectorAll('.bsc').length,
  }));
}

test('dual-core browsers are asked for their Chromium engine, IE for its newest mode', () => {
  const head = fs.readFileSync(`${dist}/index.html`, 'utf8').split('</head>')[0];
  assert.match(head, /<meta name="renderer" content="webkit"/);
  assert.match(head, /<meta name="force-rendering" content="webkit"/);
  // IE reads X-UA-Compatible only before any script or style sheet.
  assert.ok(head.indexOf('X-UA-Compatible') > 0 && head.indexOf('X-UA-Compatible') < head.search(/<script|<link/), 'X-UA-Compatible early in <head>');
});

test("a CSP without 'wasm-unsafe-eval': the page says the site's policy blocks it (not the browser), the console says what to add", { timeout: 60_000 }, async () => {
  const server = await serve({ headers: { 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'" } });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
  await page.goto(server.url);
  const m = await message(page);
  assert.equal(m.widget, 0);
  assert.deepEqual(m.reasons, ['csp', 'csp csp-old', 'kernel']);
  assert.match(m.zh, /本网站的安全设置不允许本工具运行。您的浏览器内核：Chromium \d+。 原因：本网站的安全策略（CSP）不允许运行 WebAssembly。这不是您的浏览器的问题/);
  assert.doesNotMatch(m.zh, /您的浏览器无法运行本工具|极速模式/);
  assert.match(m.en, /This site's security settings do not let the tool run\. Your browser's engine: Chromium \d+\. Why: this site's security policy \(CSP\) does not allow WebAssembly/);
  const line = errors.find((e) => e.startsWith('brand-self-check could not start'));
  assert.match(line, /Content-Security-Policy does not let WebAssembly compile .*script-src needs 'wasm-unsafe-eval'/);
  assert.doesNotMatch(line, /'unsafe-eval' instead/, 'a current engine needs only wasm-unsafe-eval');
  assert.deepEqual(wasm, [], 'nothing downloaded that cannot run');
  await context.close();
  await server.close();
});

test("the README's older CSP ('unsafe-eval' too) also runs the widget in current Chromium, without a violation", { timeout: 90_000 }, async () => {
  const server = await serve({ headers: { 'content-security-policy': CSP_OLDER } });
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const { page, problems } = await open(browser, server, '', { context });
  await enterThroughUi(page, golden('enterprise', '04-exactly-on-the-provincial-threshold'));
  assert.equal(await page.locator('.bsc-report [data-testid=total]').textContent(),
    String(golden('enterprise', '04-exactly-on-the-provincial-threshold').golden.expect.total));
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await context.close();
  await server.close();
  assert.notEqual(CSP, CSP_OLDER);
});

test('the build made to need reference types starts where they exist: what the old kernels refuse is the feature', { timeout: 90_000 }, async () => {
  const dir = copyBuild(requireReferenceTypes);
  const server = await serve({ dir });
  try {
    assert.match(fs.readFileSync(`${dir}/${fs.readdirSync(dir).find((f) => f.startsWith('boot-'))}`, 'utf8'), /"name":"reference types"/);
    const { page, context, problems } = await open(browser, server);
    await page.locator('#bsc-standard-enterprise').check();
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

for (const [name, ua, why, advice] of [
  ['IE 11', 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko', 'ie', true],
  ["a dual-core browser's compatibility mode (IE 7 document mode)", 'Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; 360SE)', 'ie', true],
  ['an engine without modules (Chromium 60)', 'Mozilla/5.0 (Windows NT 6.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/60.0.3112.90 Safari/537.36', 'modules', false],
]) {
  test(`without modules, legacy.js names the reason: ${name}`, { timeout: 30_000 }, async () => {
    const server = await serve();
    // What such a browser runs instead of the boot module (it would skip <script type=module>).
    const context = await browser.newContext({ userAgent: ua, javaScriptEnabled: true });
    const page = await context.newPage();
    await page.route(/boot-[0-9a-f]+\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await page.goto(server.url);
    await page.addScriptTag({ url: './legacy.js' });
    const m = await message(page);
    assert.equal(m.widget, 0);
    assert.ok(m.reasons.includes(why) && m.reasons.includes('kernel'), m.reasons.join());
    assert.equal(/极速模式/.test(m.zh.split('可以使用')[0]), advice, m.zh);
    assert.match(m.zh, why === 'ie' ? /您的浏览器内核：Internet Explorer (11|7)/ : /您的浏览器内核：Chromium 60。.*不支持 JavaScript 模块/);
    await context.close();
    await server.close();
  });
}

test('the module failing to load: "could not start", with the error, and no advice to change browsers', { timeout: 30_000 }, async () => {
  const server = await serve();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(/_bg\.wasm$/, (route) => route.abort('connectionrefused'));
  await page.goto(server.url);
  const m = await message(page);
  assert.equal(m.widget, 0);
  assert.deepEqual(m.reasons, ['kernel', 'start']);
  assert.match(m.zh, /^本工具未能启动。您的浏览器内核：Chromium \d+。 原因：本工具的程序文件未能加载或启动（.+）。请检查网络连接后刷新页面。$/);
  assert.match(m.en, /^The tool could not start\. .*could not be loaded or started \(.+\)\. Check the network connection and reload the page\.$/);
  await context.close();
  await server.close();
});
