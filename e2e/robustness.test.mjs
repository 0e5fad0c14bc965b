// Bad input and awkward situations: nothing is lost, the user is told and chooses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const saved = (page) => page.evaluate(() => localStorage.getItem('brand-self-check:v1:answers:enterprise'));
const q = (id) => `[id="${id}"]`;

async function begin(page) {
  await page.goto(server.url + '?lang=en&standard=enterprise');
  await page.locator('.bsc-start').waitFor();
  if (!(await page.locator('#bsc-profile-sector-services').isChecked())) await page.locator('#bsc-profile-sector-services').check();
  await page.locator('.bsc-start .bsc-actions .bsc-button').first().click();
  await page.locator('.bsc-step > h2').waitFor();
}

test('two tabs editing the same assessment: no silent overwrite, the user chooses', { timeout: 60_000 }, async () => {
  const context = await browser.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  await begin(a);
  await a.locator(q('bsc-q-A1.1-l3')).check();
  await begin(b);
  assert.ok(await b.locator(q('bsc-q-A1.1-l3')).isChecked());
  await b.locator(q('bsc-q-A1.2-l2')).check();
  const bSaved = await saved(b);

  // Tab A hears about it, stops saving, and asks.
  await a.locator('.bsc-conflict').waitFor();
  assert.match(await a.locator('.bsc-saved').textContent(), /Saving paused/);
  await a.locator(q('bsc-q-A1.3-l4')).check();
  assert.equal(await saved(a), bSaved, 'tab A must not overwrite what tab B saved');

  // Keeping this page's answers saves them; now tab B is asked in turn.
  await a.getByRole('button', { name: "Keep this page's answers" }).click();
  await b.locator('.bsc-conflict').waitFor();
  assert.notEqual(await saved(b), bSaved);
  // Tab B takes the other window's answers: A1.3 from tab A, and A1.2 (only B had it) is gone.
  await b.getByRole('button', { name: "Use the other window's answers" }).click();
  assert.ok(await b.locator(q('bsc-q-A1.3-l4')).isChecked());
  assert.equal(await b.locator(q('bsc-q-A1.2-l2')).isChecked(), false);
  assert.equal(await b.locator('.bsc-conflict').count(), 0);
  assert.match(await b.locator('.bsc-saved').textContent(), /Saved on this device/);
  await context.close();
});

test('a browser without WebAssembly gets a clear message in both languages, not a blank page', { timeout: 30_000 }, async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => { delete window.WebAssembly; });
  const page = await context.newPage();
  await page.goto(server.url);
  const message = page.locator('#bsc-unsupported');
  await message.waitFor();
  const text = await message.textContent();
  assert.match(text, /您的浏览器无法运行本工具/);
  assert.match(text, /Your browser cannot run this tool/);
  assert.equal(await page.locator('.bsc').count(), 0);
  await context.close();
});

test('the nomodule fallback shows the same message, and a normal browser never sees it', { timeout: 30_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('.bsc-start').waitFor();
  assert.equal(await page.locator('#bsc-unsupported').isVisible(), false);
  // What a browser without modules runs instead of the widget:
  await page.addScriptTag({ url: './legacy.js' });
  assert.equal(await page.locator('#bsc-unsupported').isVisible(), true);
  await context.close();
});
