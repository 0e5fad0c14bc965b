// The embed kit: a host page on a second loopback origin, with its own strict CSP, embeds the
// widget through embed.js; a third origin that is not on the widget's list gets nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, dist, root, CSP } from './support.mjs';

let browser, widget, host, stranger;

/** The demo host page, pointed at the widget server and served with its own strict CSP. */
function hostDir(widgetUrl) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-host-'));
  for (const f of fs.readdirSync(path.join(root, 'web', 'demo'))) {
    const text = fs.readFileSync(path.join(root, 'web', 'demo', f), 'utf8').replaceAll('http://127.0.0.1:8080/', widgetUrl)
      .replaceAll('http://127.0.0.1:8080', new URL(widgetUrl).origin);
    fs.writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

before(async () => {
  browser = await launch();
  // Two hosts; only the first is on the widget's list.
  host = await serve({ dir: fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-empty-')) });
  stranger = await serve({ dir: fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-empty-')) });
  const widgetDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-widget-'));
  for (const f of fs.readdirSync(dist)) fs.copyFileSync(path.join(dist, f), path.join(widgetDir, f));
  fs.writeFileSync(path.join(widgetDir, 'embed-origins.json'), JSON.stringify({ allowed_origins: [host.origin] }));
  widget = await serve({ dir: widgetDir, headers: { 'content-security-policy': CSP } });
  const hostCsp = `default-src 'self'; script-src 'self' ${widget.origin}; frame-src ${widget.origin}; style-src 'self'; img-src 'self' data:`;
  await host.close();
  await stranger.close();
  host = await serve({ dir: hostDir(widget.url), headers: { 'content-security-policy': hostCsp }, port: Number(new URL(host.origin).port) });
  stranger = await serve({ dir: hostDir(widget.url), headers: { 'content-security-policy': hostCsp }, port: Number(new URL(stranger.origin).port) });
});
after(async () => { await browser?.close(); await widget?.close(); await host?.close(); await stranger?.close(); });

async function openHost(server) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const errors = [];
  const messages = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { messages.push(m.text()); if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(server.url);
  const frame = page.frameLocator('#self-check iframe');
  await frame.locator('[data-mounted] .bsc-start').waitFor();
  return { context, page, frame, errors, messages };
}

const height = (page) => page.locator('#self-check iframe').evaluate((f) => f.getBoundingClientRect().height);
const events = (page, type) => page.evaluate((t) => window.bscEvents.filter((e) => e.type === t), type);

test('an allowed host gets a fitted iframe and ready / progress / completed events', { timeout: 90_000 }, async () => {
  const { context, page, frame, errors } = await openHost(host);
  await page.waitForFunction(() => window.bscEvents.some((e) => e.type === 'bsc:ready'));
  // The widget tells the user the host will receive results.
  await frame.locator('.bsc-notice').filter({ hasText: host.origin }).waitFor();
  await frame.locator('.bsc-notice').filter({ hasText: /分开存放/ }).waitFor();
  await page.waitForFunction(() => document.querySelector('#self-check iframe').getBoundingClientRect().height !== 720);
  const start = await height(page);
  await frame.locator('#bsc-profile-sector-manufacturing').check();
  await frame.locator('.bsc-start .bsc-actions .bsc-button').first().click();
  await frame.locator('[id="bsc-q-A1.1-l5"]').check();
  await frame.locator('[id="bsc-q-A1.1-note"]').fill('品牌战略');
  await page.waitForFunction((h) => document.querySelector('#self-check iframe').getBoundingClientRect().height > h + 200, start);
  const grown = await height(page);
  // The iframe matches its content: no inner scrolling.
  const inner = await frame.locator('html').evaluate((h) => [h.scrollHeight, window.innerHeight]);
  assert.ok(Math.abs(inner[0] - inner[1]) <= 2, `content ${inner[0]} vs frame ${inner[1]}`);
  await page.waitForFunction(() => window.bscEvents.some((e) => e.type === 'bsc:progress' && e.detail.answered === 1));
  const progress = (await events(page, 'bsc:progress')).at(-1).detail;
  assert.deepEqual([progress.answered, progress.total, progress.standard], [1, 54, 'enterprise']);

  // Back to the start page: the iframe shrinks again.
  await frame.getByRole('button', { name: '首页' }).click();
  await page.waitForFunction((h) => document.querySelector('#self-check iframe').getBoundingClientRect().height < h - 200, grown);

  // Through to the report: completed carries score, tier and the standard.
  await frame.locator('.bsc-start .bsc-actions .bsc-button').first().click();
  await frame.locator('.bsc-toc__link').last().click();
  await frame.locator('#bsc-gate-G1a-yes').check();
  await frame.locator('.bsc-actions--nav .bsc-button').last().click();
  await frame.locator('.bsc-actions--nav .bsc-button').last().click();
  await page.waitForFunction(() => window.bscEvents.some((e) => e.type === 'bsc:completed'));
  const done = (await events(page, 'bsc:completed')).at(-1).detail;
  assert.deepEqual(done, { score: 9, tier: 'starter', provisional: true, standard: 'enterprise', version: '2.1.0' });

  // Malformed messages posted into the widget are ignored; it keeps working and stays quiet.
  const before = (await events(page, 'bsc:ready')).length;
  await page.evaluate((origin) => {
    const w = document.querySelector('#self-check iframe').contentWindow;
    for (const m of [null, 'ping', 42, { type: 5 }, { type: 'completed', detail: { score: 1 } }, { type: 'ping'.repeat(1000) }]) w.postMessage(m, origin);
    w.postMessage({ type: 'ping' }, origin); // handled after all of the above
  }, widget.origin);
  await page.waitForFunction((n) => window.bscEvents.filter((e) => e.type === 'bsc:ready').length > n, before);
  assert.equal((await events(page, 'bsc:ready')).length, before + 1);
  await frame.locator('.bsc-report').waitFor();
  // A forged message that does not come from the widget's frame is ignored.
  await page.evaluate(() => window.postMessage({ source: 'brand-self-check', type: 'completed', detail: { score: 999 } }, '*'));
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  assert.ok((await events(page, 'bsc:completed')).every((e) => e.detail.score !== 999));
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a host that is not on the widget\'s list is sent nothing', { timeout: 60_000 }, async () => {
  const { context, page, frame, messages } = await openHost(stranger);
  await frame.locator('#bsc-profile-sector-services').check();
  await frame.locator('.bsc-start .bsc-actions .bsc-button').first().click();
  await frame.locator('[id="bsc-q-A1.1-l3"]').check();
  for (let i = 0; i < 300 && !messages.some((m) => m.includes('not in embed-origins.json')); i++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }
  assert.ok(messages.some((m) => m.includes(`${stranger.origin} is not in embed-origins.json`)), messages.join('\n'));
  assert.deepEqual(await page.evaluate(() => window.bscEvents), []);
  assert.equal(await height(page), 720); // never resized: it heard nothing
  await context.close();
});

test('a page that claims to be a listed host is sent nothing, and the user is not told results go there', { timeout: 60_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => messages.push(m.text()));
  await page.goto(stranger.url);
  // The stranger frames the widget with the listed host's origin as "parent".
  await page.evaluate(([src]) => {
    const f = document.createElement('iframe');
    f.id = 'pretend';
    f.src = src;
    document.body.appendChild(f);
  }, [`${widget.url}?embed=1&parent=${encodeURIComponent(host.origin)}&results=1&lang=en`]);
  const frame = page.frameLocator('#pretend');
  await frame.locator('[data-mounted] .bsc-start').waitFor();
  for (let i = 0; i < 300 && !messages.some((m) => m.includes('is not embedded by')); i++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }
  assert.ok(messages.some((m) => m.includes(`this page is not embedded by ${host.origin}`)), messages.join('\n'));
  assert.equal(await frame.locator('.bsc-notice').filter({ hasText: host.origin }).count(), 0, 'no "results will be sent to" notice');
  await context.close();
});
