// Bad input and awkward situations: nothing is lost, the user is told and chooses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, root } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const saved = (page) => page.evaluate(() => localStorage.getItem('brand-self-check:v1:answers:enterprise'));
const q = (id) => `[id="${id}"]`;

async function begin(page) {
  await page.goto(server.url + '?lang=en&standard=enterprise');
  await page.locator('[data-mounted] .bsc-start').waitFor();
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
  await b.locator(q('bsc-q-A1.5-l2')).check();
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
  // Tab B takes the other window's answers: A1.3 from tab A, and A1.5 (only B had it) is gone.
  await b.getByRole('button', { name: "Use the other window's answers" }).click();
  assert.ok(await b.locator(q('bsc-q-A1.3-l4')).isChecked());
  assert.equal(await b.locator(q('bsc-q-A1.5-l2')).isChecked(), false);
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
  await page.locator('[data-mounted] .bsc-start').waitFor();
  assert.equal(await page.locator('#bsc-unsupported').isVisible(), false);
  // What a browser without modules runs instead of the widget:
  await page.addScriptTag({ url: './legacy.js' });
  assert.equal(await page.locator('#bsc-unsupported').isVisible(), true);
  await context.close();
});

const fixture = (name) => fs.readFileSync(path.join(root, name), 'utf8');
const good = () => JSON.parse(fixture('standards/golden/enterprise/05-not-applicable-answers.json'));

/** Each bad file: what the user is told, and whether a preview may follow. */
const BAD = [
  ['not JSON', 'hello, this is not json', /not valid JSON/],
  ['cut short', () => fixture('standards/golden/enterprise/05-not-applicable-answers.json').slice(0, 300), /not valid JSON/],
  ['JSON of the wrong shape', JSON.stringify({ format: 'brand-self-check/answers', version: 1, standard: { id: 5 } }), /does not have the shape/],
  ['not an answers file at all', JSON.stringify({ hello: 'world' }), /not a Brand Self-Check answers file/],
  ['another questionnaire', () => fixture('standards/golden/regional/07-not-applicable-answers.json'), /another questionnaire \(regional\)/],
  ['a newer format version', () => JSON.stringify({ ...good(), version: 5 }), /newer version of the tool \(format version 5\)/],
];

test('bad import files get a clear message and change nothing', { timeout: 90_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await begin(page);
  await page.locator(q('bsc-q-A1.1-l4')).check();
  await page.locator(q('bsc-q-A1.1-note')).fill('Strategy 2025');
  await page.getByRole('button', { name: 'Start page' }).click();
  const before = await saved(page);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-bad-'));
  for (const [name, content, message] of BAD) {
    const file = path.join(dir, name.replace(/\W+/g, '-') + '.json');
    fs.writeFileSync(file, typeof content === 'function' ? content() : content);
    await page.locator('.bsc-start input[type=file]').setInputFiles(file);
    const notice = page.locator('.bsc-notice').filter({ hasText: message });
    await notice.waitFor();
    assert.match(await notice.textContent(), /Your answers have not changed/, name);
    assert.equal(await page.locator('.bsc-dialog').count(), 0, `${name}: no preview`);
    assert.equal(await saved(page), before, `${name}: saved answers unchanged`);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
  }
  // A 50 MB file is refused before it is read.
  const huge = path.join(dir, 'huge.json');
  fs.writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 32));
  await page.locator('.bsc-start input[type=file]').setInputFiles(huge);
  await page.locator('.bsc-notice').filter({ hasText: /too large \(over 5 MB\)/ }).waitFor();
  assert.equal(await saved(page), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a readable file with entries that do not fit: listed in the preview, the rest kept, notes stay text', { timeout: 60_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  await begin(page);
  await page.getByRole('button', { name: 'Start page' }).click();
  const before = await saved(page);
  const file = good();
  file.questions['Z9.9'] = { level: 3 };
  file.questions['A1.1'] = { level: 9 };
  file.questions['A1.5'] = { level: 5, note: '<img src=x onerror="alert(1)"><script>alert(2)</script>' };
  file.questions['B1.6'] = { na: true };
  file.gates.G42 = 'yes';
  const p = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-odd-')), 'odd.json');
  fs.writeFileSync(p, JSON.stringify(file));
  await page.locator('.bsc-start input[type=file]').setInputFiles(p);
  const preview = page.locator('.bsc-dialog');
  await preview.waitFor();
  const text = await preview.textContent();
  for (const expected of [/Unknown question Z9\.9/, /Question A1\.1: level 9 is outside 0–5/, /Question B1\.6 does not allow/, /Unknown basic condition G42/]) {
    assert.match(text, expected);
  }
  // Cancelling changes nothing.
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await saved(page), before);
  // Confirming keeps what fits.
  await page.locator('.bsc-start input[type=file]').setInputFiles(p);
  await page.getByRole('button', { name: "Replace with the file's answers" }).click();
  // The import opens the step of its first open question (A1.1's level was refused).
  await page.locator('.bsc-step h2').filter({ hasText: /A1/ }).waitFor();
  assert.equal(await page.locator(q('bsc-q-A1.1-l4')).isChecked(), false);
  assert.ok(await page.locator(q('bsc-q-A1.5-l5')).isChecked());
  assert.equal(await page.locator(q('bsc-q-A1.5-note')).inputValue(), file.questions['A1.5'].note);
  assert.equal(await page.locator('.bsc img, .bsc script').count(), 0);
  assert.equal(dialogs, 0, 'nothing in a note ever runs');
  await context.close();
});

test('answers files of every released format version still load', { timeout: 30_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await begin(page);
  await page.getByRole('button', { name: 'Start page' }).click();
  await page.locator('.bsc-start input[type=file]').setInputFiles(path.join(root, 'standards/fixtures/answers-v1.json'));
  await page.getByRole('button', { name: "Replace with the file's answers" }).click();
  assert.match(await saved(page), /"A1\.1"/);
  await context.close();
});

test('damaged saved answers: kept aside for download, the app starts clean and says so', { timeout: 30_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + '?lang=en');
  await page.evaluate(() => localStorage.setItem('brand-self-check:v1:answers:enterprise', '{"format":"brand-self-check/answers","version":1,"questions":{"A1.1"'));
  await page.goto(server.url + '?lang=en&standard=enterprise');
  const notice = page.locator('.bsc-notice').filter({ hasText: /damaged/ });
  await notice.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Download the damaged data' }).click()]);
  assert.match(fs.readFileSync(await download.path(), 'utf8'), /"questions":\{"A1\.1"$/);
  await page.locator('#bsc-profile-sector-services').check();
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  assert.equal(await page.locator('[data-testid=total]').first().textContent(), '0');
  await context.close();
});

test('storage blocked or full: the app works in memory, warns, and export still works', { timeout: 30_000 }, async () => {
  for (const mode of ['blocked', 'full']) {
    const context = await browser.newContext();
    await context.addInitScript((m) => {
      if (m === 'blocked') Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
      else Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    }, mode);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + '?lang=en&standard=enterprise');
    await page.locator('[data-mounted] .bsc-start').waitFor();
    if (mode === 'blocked') await page.locator('.bsc-notice').filter({ hasText: /does not let this tool save/ }).waitFor();
    await page.locator('#bsc-profile-sector-services').check();
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    await page.locator(q('bsc-q-A1.1-l3')).check();
    assert.match(await page.locator('.bsc-saved').textContent(), /Could not save/);
    assert.equal(await page.locator('[data-testid=total]').first().textContent(), '5');
    // The way out: export from the report.
    await page.locator('.bsc-toc__link').last().click();
    await page.locator('.bsc-actions--nav .bsc-button').last().click();
    await page.locator('.bsc-actions--nav .bsc-button').last().click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export answers (JSON)' }).first().click()]);
    assert.equal(JSON.parse(fs.readFileSync(await download.path(), 'utf8')).questions['A1.1'].level, 3);
    assert.deepEqual(errors, [], mode);
    await context.close();
  }
});

test('a malformed theme colour or header value falls back with a console warning', { timeout: 30_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(server.url + '?theme=red;background:url(x)&lang=en');
  await page.locator('[data-mounted] .bsc-start').waitFor();
  assert.ok(warnings.some((w) => w.includes('is not a colour')), warnings.join('\n'));
  const accent = await page.locator('.bsc').evaluate((el) => getComputedStyle(el).getPropertyValue('--bsc-accent').trim());
  assert.equal(accent, '#1f4e8c');
  await context.close();
});

test('a host\'s own standard file: used when valid, its problems listed with JSON paths when not, other origins refused', { timeout: 60_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-custom-'));
  for (const f of fs.readdirSync(path.join(root, 'dist'))) fs.copyFileSync(path.join(root, 'dist', f), path.join(dir, f));
  const sample = JSON.parse(fixture('standards/sample.json'));
  fs.writeFileSync(path.join(dir, 'custom-ok.json'), JSON.stringify({ ...sample, id: 'custom' }));
  const broken = JSON.parse(JSON.stringify(sample));
  broken.parts[0].points = 150;
  broken.parts[1].indicators[0].questions[0].text.en = '';
  fs.writeFileSync(path.join(dir, 'custom-bad.json'), JSON.stringify(broken));
  const site = await serve({ dir });
  const context = await browser.newContext();
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });

  await page.goto(site.url + '?standard-url=custom-bad.json');
  const problems = page.locator('.bsc-problems');
  await problems.waitFor();
  const text = await problems.textContent();
  assert.match(text, /\$\.parts\[0\]\.points 声明 150 分，但下属各项合计 200 分/);
  assert.match(text, /\$\.parts\[1\]\.indicators\[0\]\.questions\[0\]\.text\.en 缺少英文文本/);
  assert.equal(await page.locator('[data-question]').count(), 0);

  await page.goto(site.url + '?standard-url=custom-ok.json&lang=en');
  await page.locator('#bsc-profile-sector-manufacturing').check();
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  assert.match(await page.locator('.bsc-header__title').textContent(), /Brand self-check sample/);

  await page.goto(site.url + '?standard-url=' + encodeURIComponent('http://127.0.0.1:9/evil.json'));
  await page.locator('[data-mounted] .bsc-start').waitFor();
  assert.ok(warnings.some((w) => w.includes("is not on this site's origin")), warnings.join('\n'));
  await context.close();
  await site.close();
});

test('saved answers with entries that no longer fit: the rest loads, the user is told, the original can be downloaded', { timeout: 30_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + '?lang=en');
  const stored = { ...good(), questions: { ...good().questions, 'Z9.9': { level: 4, note: 'from an older version' } } };
  delete stored.golden;
  await page.evaluate((v) => localStorage.setItem('brand-self-check:v1:answers:enterprise', v), JSON.stringify(stored));
  await page.goto(server.url + '?lang=en&standard=enterprise');
  const notice = page.locator('.bsc-notice').filter({ hasText: /do not fit the current questionnaire/ });
  await notice.waitFor();
  assert.match(await notice.textContent(), /Unknown question Z9\.9/);
  const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Download the original data' }).click()]);
  assert.match(fs.readFileSync(await download.path(), 'utf8'), /from an older version/);
  // What fits was loaded and saved again.
  // The card counts over the questions asked once its questionnaire has opened.
  await page.locator('.bsc-card.is-checked').filter({ hasText: /questions answered/ }).waitFor();
  assert.match(await page.locator('.bsc-card.is-checked').textContent(), /questions answered/);
  await context.close();
});

test('a questionnaire file that cannot be fetched: a clear message, saved answers untouched, a retry works', { timeout: 60_000 }, async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(server.url + '?lang=en');
  await page.locator('[data-mounted] .bsc-start').waitFor();
  await page.evaluate(() => localStorage.setItem('brand-self-check:v1:answers:enterprise', '{"format":"brand-self-check/answers","version":1,"standard":{"id":"enterprise","version":"1.0.0"},"profile":{},"questions":{},"gates":{}}'));
  const before = await saved(page);
  await page.route(/standard-enterprise\.json$/, (route) => route.abort('internetdisconnected'));
  // click, not check: the choice does not stay checked when the file cannot be opened.
  await page.locator(q('bsc-standard-enterprise')).click();
  await page.locator('.bsc-notice').filter({ hasText: /could not be loaded: there is no connection/ }).waitFor();
  assert.equal(await page.locator('.bsc-step').count(), 0);
  assert.equal(await saved(page), before);
  // Back online: choosing it again opens it.
  await page.unroute(/standard-enterprise\.json$/);
  await page.locator(q('bsc-standard-regional')).check();
  await page.locator(q('bsc-standard-enterprise')).check();
  await page.locator('#bsc-profile-sector-services').waitFor();
  await context.close();
});
