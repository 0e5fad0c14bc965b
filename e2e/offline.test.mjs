// Offline, updates, sub-paths and a strict CSP, against the built site.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, open, golden, enterThroughUi, dist, root, CSP } from './support.mjs';


let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Waits until a service worker controls the page (reloading once after the first install). */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

/** A copy of the build in a temporary directory, optionally changed, with its sw.js regenerated. */
function build(change) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-build-'));
  for (const f of fs.readdirSync(dist)) fs.copyFileSync(path.join(dist, f), path.join(dir, f));
  if (change) change(dir);
  execFileSync('node', [path.join(root, 'scripts', 'postbuild.mjs'), dir]);
  return dir;
}

test('after the first visit the widget works offline: reload, a whole assessment, answers kept', { timeout: 90_000 }, async () => {
  const server = await serve({ dir: build() });
  const { page, context, problems } = await open(browser, server);
  await controlled(page);
  await context.setOffline(true);
  const started = Date.now();
  await page.reload();
  await page.locator('[data-mounted] .bsc-start').waitFor();
  const reloadMs = Date.now() - started;
  const g = golden('enterprise', '08-agriculture-firm');
  await enterThroughUi(page, g);
  assert.equal(await page.locator('.bsc-report [data-testid=total]').textContent(), String(g.golden.expect.total));
  await page.reload();
  await page.locator('#bsc-standard-enterprise').check();
  // Until the questionnaire has opened the card says how many answers are saved; once open, the
  // count over the questions the profile asks.
  await page.locator('.bsc-card.is-checked').filter({ hasText: /已答/ }).waitFor();
  assert.match(await page.locator('.bsc-card.is-checked').textContent(), /已答/);
  assert.deepEqual(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
  console.log(`offline reload to the start page: ${reloadMs} ms`);
  await context.close();
  await server.close();
});

test('offline before its first use, the team screen says its code is not on this device and loses nothing; back online it opens, and from then on offline too', { timeout: 90_000 }, async () => {
  const server = await serve({ dir: build() });
  const { page, context, problems } = await open(browser, server);
  await controlled(page);
  // The team screen's files are lazy-part-*: not precached, fetched on first use (issue 16).
  const fetched = [];
  page.on('request', (r) => { if (/\/lazy-part-[0-9a-f]{16}\.wasm$/.test(r.url())) fetched.push(r.url()); });
  await context.setOffline(true);
  await page.reload();
  await page.locator('[data-mounted] .bsc-start').waitFor();
  await page.locator('#bsc-standard-enterprise').check();
  await page.getByTestId('open-team').click();
  const failed = page.locator('.bsc-part[role=alert]');
  await failed.waitFor();
  assert.match(await failed.textContent(), /此页面的程序未能载入。请联网后重试/);
  // The message takes the focus, as a screen's heading would.
  await page.waitForFunction(() => document.activeElement?.closest('.bsc-part[role=alert]'));
  await context.setOffline(false);
  await failed.getByRole('button', { name: '重试' }).click();
  await page.locator('.bsc-team').waitFor();
  assert.ok(fetched.length >= 1, `no lazy part was fetched: ${fetched}`);
  // Used once online, it is in the worker's cache: offline again, it opens.
  await context.setOffline(true);
  await page.reload();
  await page.locator('[data-mounted] .bsc-start').waitFor();
  await page.locator('#bsc-standard-enterprise').check();
  await page.getByTestId('open-team').click();
  await page.locator('.bsc-team').waitFor();
  // The browser's own lines for the fetches that failed offline (the worker had no copy): expected.
  assert.deepEqual(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED') && !p.includes('net::ERR_FAILED')), []);
  await context.close();
  await server.close();
});

test('a new deploy never strands an open tab: it keeps working, offers the update, keeps answers', { timeout: 90_000 }, async () => {
  const v1 = build();
  const server = await serve({ dir: v1 });
  const { page, context } = await open(browser, server, '?lang=en');
  await controlled(page);
  await page.locator('#bsc-standard-regional').check();
  await page.locator('#bsc-profile-region_type-cluster').check();
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await page.locator('[id="bsc-q-A1.1-l3"]').check();

  // Deploy v2: a changed stylesheet under a new name, the old files gone from the server.
  const v2 = build((dir) => {
    const css = fs.readdirSync(dir).find((f) => f.endsWith('.css'));
    const renamed = css.replace(/-[0-9a-f]+\.css$/, '-feedfacefeedface.css');
    fs.writeFileSync(path.join(dir, renamed), fs.readFileSync(path.join(dir, css), 'utf8') + '\n/* v2 */\n');
    fs.unlinkSync(path.join(dir, css));
    const index = path.join(dir, 'index.html');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace(/\.\/app-[0-9a-f]+\.css"[^>]*>/, `./${renamed}">`));
  });
  server.setDir(v2);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.getByRole('button', { name: 'Update now' }).waitFor();
  // The old version still works while the prompt shows.
  await page.locator('[id="bsc-q-A1.2-l4"]').check();
  await page.locator('[id="bsc-q-A1.2-note"]').fill('Operator charter');
  assert.equal(await page.locator('[data-testid=total]').first().textContent(), '23'); // A1: 50 × (3 + 4) / (5 × 3)
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Update now' }).click()]);
  await page.locator('[data-mounted] .bsc-start').waitFor();
  const sheet = await page.evaluate(() => [...document.styleSheets].map((s) => s.href).join(' '));
  assert.match(sheet, /feedfacefeedface/);
  await page.locator('#bsc-standard-regional').check();
  await page.getByRole('button', { name: 'Continue the assessment' }).click();
  assert.ok(await page.locator('[id="bsc-q-A1.2-l4"]').isChecked());
  assert.equal(await page.locator('[id="bsc-q-A1.2-note"]').inputValue(), 'Operator charter');
  await context.close();
  await server.close();
});

test('served under a deep sub-path with the strict CSP: no violations, no errors, offline too', { timeout: 90_000 }, async () => {
  const server = await serve({ base: '/portal/tools/brand/', headers: { 'content-security-policy': CSP } });
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const { page, problems } = await open(browser, server, '', { context });
  await enterThroughUi(page, golden('regional', '05-tourism-area-just-above-city'));
  assert.equal(await page.locator('.bsc-report [data-testid=total]').textContent(), '503');
  await controlled(page);
  const scope = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.scope));
  assert.equal(scope, server.url);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await context.close();
  await server.close();
});
