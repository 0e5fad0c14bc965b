// The English words are a file of their own in the release build (catalog-en-<hash>.json, named
// by <meta name="bsc-en">): a page in Chinese never fetches it, English is read once when first
// wanted, before the first render when the page starts in English, and from the precache when
// offline. A file that cannot be had, or is not this build's, leaves the widget in Chinese with a
// notice, and nothing typed is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, golden } from './support.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

const CATALOG = /\/catalog-en-[0-9a-f]{16}\.json$/;
const UNAVAILABLE = '英文界面文字未能载入';

/** A page without the service worker (so every request is seen and can be routed). */
async function page(path = '', route) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  if (route) await context.route(CATALOG, route);
  const fetched = [];
  context.on('request', (r) => { if (CATALOG.test(new URL(r.url()).pathname)) fetched.push(r.url()); });
  const opened = await open(browser, server, path, { context });
  return { ...opened, fetched };
}

/** Chooses a questionnaire and a profile on the start page and begins. */
async function begin(p, standard = 'enterprise') {
  const g = golden(standard, standard === 'enterprise' ? '08-agriculture-firm' : '01-new-park-nothing-in-place');
  await p.locator(`[id="bsc-standard-${standard}"]`).check();
  for (const [k, o] of Object.entries(g.profile)) await p.locator(`[id="bsc-profile-${k}-${o}"]`).check();
  await p.locator('.bsc-start .bsc-actions .bsc-button').first().click();
  await p.locator('.bsc-step').waitFor();
}

const switchButton = (p) => p.locator('.bsc-header__tools > .bsc-button');
const title = (p) => p.locator('.bsc').first().getAttribute('lang');

test('a page in Chinese does not fetch the English words; switching reads them once', async () => {
  const { page: p, context, fetched, problems } = await page();
  await begin(p);
  assert.deepEqual(fetched, [], 'nothing fetched before English is wanted');
  await switchButton(p).click();
  await p.locator('.bsc-header__tools > .bsc-button', { hasText: '中文' }).waitFor();
  assert.equal(await title(p), 'en');
  assert.match(await p.locator('.bsc-header__nav').textContent(), /Questionnaires/);
  await switchButton(p).click();
  await p.locator('.bsc-header__tools > .bsc-button', { hasText: 'English' }).waitFor();
  await switchButton(p).click();
  await p.locator('.bsc-header__tools > .bsc-button', { hasText: '中文' }).waitFor();
  assert.equal(fetched.length, 1, 'read once, then kept');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a page that starts in English renders English from its first frame', async () => {
  const { page: p, context, fetched, problems } = await page('?lang=en');
  // `open` returns once the widget has mounted: by then the words must be English already.
  assert.equal(await title(p), 'en');
  assert.match(await p.locator('.bsc-start').textContent(), /questionnaire/i);
  assert.doesNotMatch(await p.locator('.bsc-header').textContent(), /开始页|品牌自评/);
  assert.equal(fetched.length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('English that cannot be read leaves the widget in Chinese, says why, and loses nothing', async () => {
  let refuse = true;
  const { page: p, context } = await page('', (route) => (refuse ? route.abort('internetdisconnected') : route.continue()));
  await begin(p);
  const first = p.locator('.bsc-step [data-question]').first();
  await first.locator('input[type=radio]').nth(3).check();
  const note = first.locator('textarea');
  await note.fill('证据在档案室');
  await switchButton(p).click();
  await p.locator('.bsc-notices', { hasText: UNAVAILABLE }).waitFor();
  assert.equal(await title(p), 'zh-CN');
  assert.equal(await note.inputValue(), '证据在档案室');
  assert.equal(await first.locator('input[type=radio]').nth(3).isChecked(), true);
  // Once the file can be had, the same button works.
  refuse = false;
  await switchButton(p).click();
  await p.locator('.bsc-header__tools > .bsc-button', { hasText: '中文' }).waitFor();
  assert.equal(await title(p), 'en');
  assert.equal(await note.inputValue(), '证据在档案室');
  await context.close();
});

test("the start page's language choice shows the language in use, also when English cannot be read", async () => {
  let refuse = true;
  const { page: p, context } = await page('', (route) => (refuse ? route.abort('internetdisconnected') : route.continue()));
  const radio = (lang) => p.locator(`.bsc-langs label[lang=${lang}] input`);
  await p.locator('.bsc-langs label[lang=en]').click();
  await p.locator('.bsc-notices', { hasText: UNAVAILABLE }).waitFor();
  assert.equal(await title(p), 'zh-CN');
  assert.equal(await radio('zh-CN').isChecked(), true, 'Chinese still ticked');
  assert.equal(await radio('en').isChecked(), false, 'English not ticked');
  refuse = false;
  await p.locator('.bsc-langs label[lang=en]').click();
  await p.locator('.bsc-header__tools > .bsc-button', { hasText: '中文' }).waitFor();
  assert.equal(await radio('en').isChecked(), true);
  assert.equal(await radio('zh-CN').isChecked(), false);
  await p.locator('.bsc-langs label[lang=zh-CN]').click();
  await p.locator('.bsc-header__tools > .bsc-button', { hasText: 'English' }).waitFor();
  assert.equal(await radio('zh-CN').isChecked(), true);
  await context.close();
});

test('a page asked to start in English without its words starts in Chinese with the notice', async () => {
  for (const route of [
    (r) => r.abort('internetdisconnected'),
    // Not this build's catalog: another field list.
    (r) => r.fulfill({ contentType: 'application/json', body: '{"fields":["00000000"],"strings":["x"]}' }),
    (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><p>404' }),
  ]) {
    const { page: p, context, problems } = await page('?lang=en', route);
    await p.locator('.bsc-notices', { hasText: UNAVAILABLE }).waitFor();
    assert.equal(await title(p), 'zh-CN');
    assert.match(await p.locator('.bsc-header').textContent(), /品牌自评/);
    // The start page works in Chinese.
    await begin(p, 'regional');
    assert.deepEqual(problems.filter((x) => !/Failed to load resource/.test(x)), []);
    await context.close();
  }
});

test('offline after the first visit, English comes from the precache', { timeout: 60_000 }, async () => {
  const context = await browser.newContext();
  const { page: p } = await open(browser, server, '', { context });
  await p.evaluate(() => navigator.serviceWorker.ready);
  if (!(await p.evaluate(() => !!navigator.serviceWorker.controller))) await p.reload();
  await p.waitForFunction(() => !!navigator.serviceWorker.controller);
  await p.locator('[data-mounted] .bsc-start').waitFor();
  await context.setOffline(true);
  await p.reload();
  await p.locator('[data-mounted] .bsc-start').waitFor();
  await begin(p);
  await switchButton(p).click();
  await p.locator('.bsc-header__tools > .bsc-button', { hasText: '中文' }).waitFor();
  assert.equal(await title(p), 'en');
  await context.close();
});
