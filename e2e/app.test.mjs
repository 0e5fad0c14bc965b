// End-to-end: the release build served from a local server, driven in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, open, golden, enterThroughUi, axe } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const total = (page, scope = '') => page.locator(`${scope} [data-testid=total]`.trim()).first().textContent();

for (const [std, name, tierName] of [
  ['enterprise', '04-exactly-on-the-provincial-threshold', '省级（对照山东省高端品牌培育企业）'],
  ['regional', '02-gi-area-lopsided', '省级（对照山东省优质产品基地）'],
]) {
  test(`the whole ${std} flow reaches the report worked out by hand (${name}), no request leaving the origin`, { timeout: 90_000 }, async () => {
    const g = golden(std, name);
    // The programmes are evaluated for the device's year; these two sets were founded long enough
    // ago that no later year changes them (Playwright's fake clock calls cleared timers, so the
    // real clock is used).
    const { page, context, problems } = await open(browser, server);
    await enterThroughUi(page, g);
    const e = g.golden.expect;
    assert.equal(await total(page, '.bsc-report'), String(e.total));
    // Every programme with its status and every condition's status, as the oracle worked them out.
    for (const p of e.programmes) {
      const block = page.locator(`.bsc-report .bsc-prog[data-programme="${p.id}"]`);
      assert.equal(await block.locator('.bsc-status').getAttribute('data-status'), p.held ? 'held' : p.status, p.id);
      for (const c of p.conditions) {
        assert.equal(await block.locator(`[data-condition="${c.id}"] [data-status]`).getAttribute('data-status'), c.status, `${p.id} ${c.id}`);
      }
    }
    assert.equal(await page.locator('.bsc-report .bsc-prog').count(), e.programmes.length);
    // The appendix lists every answer given, with its note (issue 17, item 6).
    const appendix = await page.locator('[data-testid=all-answers]').textContent();
    const questions = JSON.parse(fs.readFileSync(new URL(`../standards/${std}.json`, import.meta.url), 'utf8'))
      .parts.flatMap((p) => p.indicators.flatMap((i) => i.questions));
    const asked = (id) => {
      const w = questions.find((q) => q.id === id)?.applies_when;
      return !w || w.any_of.includes(g.profile[w.profile]);
    };
    for (const [id, a] of Object.entries(g.questions)) {
      if (!asked(id)) continue; // a question this profile does not ask is not listed
      assert.ok(appendix.includes(id), id);
      if (a.note?.trim()) assert.ok(appendix.includes(a.note.trim()), `${id} note`);
    }
    assert.doesNotMatch(await page.locator('.bsc-report').textContent(), /候选/);
    assert.match(await page.locator('.bsc-report [data-testid=tier]').textContent(), new RegExp(tierName.replace(/[()（）]/g, '.')));
    const report = await page.locator('.bsc-report').textContent();
    for (const [part, score] of Object.entries(e.parts)) assert.ok(report.includes(`${score.toFixed(1)} /`), `part ${part} ${score}`);
    assert.match(report, /自评参考分/);
    assert.match(report, /不是官方认定/);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('answers survive a reload and the start page offers to continue', { timeout: 90_000 }, async () => {
  const { page, context, problems } = await open(browser, server, '?lang=en');
  await page.locator('#bsc-standard-enterprise').check();
  await page.locator('#bsc-profile-sector-services').check();
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await page.locator('[id="bsc-q-A1.1-l4"]').check();
  await page.locator('[id="bsc-q-A1.1-note"]').fill('Strategy 2025');
  await page.locator('[id="bsc-q-A1.5-l2"]').check();
  assert.match(await page.locator('.bsc-saved').textContent(), /Saved on this device/);
  await page.reload();
  await page.locator('#bsc-standard-enterprise').check();
  // The card counts over the questions asked once its questionnaire has opened.
  await page.locator('.bsc-card.is-checked').filter({ hasText: /2 of 54 questions answered/ }).waitFor();
  assert.match(await page.locator('.bsc-card.is-checked').textContent(), /2 of 54 questions answered/);
  await page.getByRole('button', { name: 'Continue the assessment' }).click();
  assert.ok(await page.locator('[id="bsc-q-A1.1-l4"]').isChecked());
  assert.equal(await page.locator('[id="bsc-q-A1.1-note"]').inputValue(), 'Strategy 2025');
  assert.equal(await total(page), '11'); // A1: 45 × (4 + 2) / (5 × 5) = 10.8
  assert.deepEqual(problems, []);
  await context.close();
});

test('export, start over, import: the same report, after a preview of what changes', { timeout: 90_000 }, async () => {
  const g = golden('enterprise', '13-quality-award-and-brand-value-tracks');
  const { page, context, problems } = await open(browser, server);
  await enterThroughUi(page, g);
  const before = await page.locator('.bsc-report').textContent();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出回答（JSON）' }).first().click()]);
  const file = await download.path();
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(exported.standard.id, 'enterprise');
  assert.match(exported.standard.hash, /^sha256:[0-9a-f]{64}$/);
  assert.equal(exported.result.total, g.golden.expect.total);
  assert.equal(exported.result.provisional, true);

  // Back on the start page (a new visit), start over (confirmed), which clears everything.
  await page.goto(server.url);
  await page.locator('#bsc-standard-enterprise').check();
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: '重新开始' }).click();
  await page.locator('#bsc-profile-sector-services').check();
  await page.getByRole('button', { name: '开始自评' }).click();
  assert.equal(await total(page), '0');

  // Import shows what will change before replacing anything.
  await page.getByRole('button', { name: '首页' }).click();
  await page.locator('.bsc-start input[type=file]').setInputFiles(file);
  await page.locator('.bsc-dialog').waitFor();
  assert.match(await page.locator('.bsc-dialog').textContent(), /将有 \d+ 处更改/);
  await page.getByRole('button', { name: '用文件中的回答替换' }).click();
  // The import opens where the imported work stands (issue 17, item 2): a complete set, the review
  // or, while a condition is unanswered, the conditions step.
  await page.locator('.bsc-step').waitFor();
  await page.locator('.bsc-header__nav').getByRole('button', { name: '检查页' }).click();
  await page.getByRole('button', { name: '查看报告' }).click();
  const after = await page.locator('.bsc-report').textContent();
  assert.equal(after, before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('switching language mid-way keeps every answer', { timeout: 90_000 }, async () => {
  const { page, context, problems } = await open(browser, server);
  await page.locator('#bsc-standard-regional').check();
  await page.locator('#bsc-profile-region_type-agri_gi').check();
  await page.getByRole('button', { name: '开始自评' }).click();
  await page.locator('[id="bsc-q-A1.1-l3"]').check();
  await page.locator('[id="bsc-q-A1.2-l5"]').check();
  await page.locator('[id="bsc-q-A1.2-note"]').fill('运营主体章程');
  const zhTotal = await total(page);
  // The release build reads the English words from their own file on the first switch: the
  // switch happens once they are there.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: '切换到中文' }).waitFor();
  assert.match(await page.locator('.bsc-step h2').textContent(), /Governing body/);
  assert.equal(await total(page), zhTotal);
  assert.ok(await page.locator('[id="bsc-q-A1.2-l5"]').isChecked());
  assert.equal(await page.locator('[id="bsc-q-A1.2-note"]').inputValue(), '运营主体章程');
  await page.getByRole('button', { name: '切换到中文' }).click();
  assert.match(await page.locator('.bsc-step h2').textContent(), /管理机构/);
  // The choice is remembered on the next visit.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: '切换到中文' }).waitFor();
  await page.goto(server.url);
  await page.locator('[data-mounted] .bsc-start').waitFor();
  assert.match(await page.locator('.bsc-start').textContent(), /Choose a questionnaire/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the report prints to A4 pages and downloads as one self-contained HTML file', { timeout: 90_000 }, async () => {
  const g = golden('enterprise', '02-strong-manufacturer-fails-compliance');
  const { page, context } = await open(browser, server, '?lang=en');
  await enterThroughUi(page, g);
  assert.match(await page.locator('.bsc-report [data-testid=tier]').textContent(), /Fix first/);
  await page.emulateMedia({ media: 'print' });
  // Neither row of buttons (top and bottom) prints.
  const rows = page.locator('.bsc-report-page > .bsc-actions');
  assert.equal(await rows.count(), 2);
  for (const row of await rows.all()) assert.equal(await row.isVisible(), false);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  // A complete report carries a row per evidenced answer (up to 55) and, for each of the three
  // programmes, a row per hard condition with its source, plus the action plan: 19 pages measured.
  assert.ok(pages >= 2 && pages <= 24, `${pages} pages`);
  await page.emulateMedia({ media: 'screen' });
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the report (HTML)' }).first().click()]);
  const html = fs.readFileSync(await download.path(), 'utf8');
  assert.match(html, /^<!doctype html>/);
  assert.ok(html.includes('Self-assessment report') && html.includes(String(g.golden.expect.total)));
  assert.doesNotMatch(html, /<script|<link|src="http|href="http|@import/i);
  // The widget's style sheet, read back from the page, is inlined, print rules included.
  assert.match(html, /<style>[^]*\.bsc-report[^]*@page[^]*<\/style>/);
  // It opens offline on its own.
  const offline = await context.newPage();
  await offline.setContent(html);
  assert.match(await offline.locator('.bsc-report').textContent(), /Fix first/);
  await context.close();
});

test('every screen passes axe (WCAG 2.1 AA) in both languages', { timeout: 90_000 }, async () => {
  for (const lang of ['zh-CN', 'en']) {
    const { page, context } = await open(browser, server, `?lang=${lang}`);
    const check = async (screen) => assert.deepEqual(await axe(page), [], `${lang} ${screen}`);
    await check('start');
    await page.locator('#bsc-standard-enterprise').check();
    await page.locator('#bsc-profile-sector-agriculture').check();
    await check('start with profile');
    await page.locator('.bsc-start .bsc-actions .bsc-button').first().click();
    await page.locator('[id="bsc-q-A1.1-l5"]').check();
    await check('step');
    await page.locator('.bsc-toc__link').last().click();
    await page.locator('#bsc-gate-G1a-no').check();
    await check('gates');
    await page.locator('.bsc-actions--nav .bsc-button').last().click();
    await check('review');
    await page.locator('.bsc-actions--nav .bsc-button').last().click();
    await check('report');
    await page.locator('.bsc-report-page .bsc-actions button').filter({ hasText: /关于这些标准|About these standards/ }).click();
    await check('about');
    await context.close();
  }
});

test('at 360 px wide nothing scrolls sideways and the contents fold away', { timeout: 90_000 }, async () => {
  const { page, context } = await open(browser, server, '', { contextOptions: { viewport: { width: 360, height: 740 } } });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(await overflow(), 0);
  await page.locator('#bsc-standard-enterprise').check();
  await page.locator('#bsc-profile-sector-manufacturing').check();
  await page.locator('.bsc-start .bsc-actions .bsc-button').first().click();
  assert.equal(await overflow(), 0);
  assert.equal(await page.locator('.bsc-toc__body').isVisible(), false);
  await page.locator('.bsc-toc__toggle').click();
  assert.equal(await page.locator('.bsc-toc__body').isVisible(), true);
  // A pick closes the contents again (issue 17, item 4), and the sources are folded.
  await page.locator('.bsc-toc__link').nth(2).click();
  await page.locator('.bsc-step h2').filter({ hasText: /A3/ }).waitFor();
  assert.equal(await page.locator('.bsc-toc__body').isVisible(), false);
  assert.equal(await page.locator('.bsc-step details.bsc-sources').getAttribute('open'), null);
  assert.equal(await overflow(), 0);
  await context.close();
});

test('at 360 px in English: a long button label wraps, and no value of the comparison is cut inside a word', { timeout: 90_000 }, async () => {
  const { page, context } = await open(browser, server, '?lang=en', { contextOptions: { viewport: { width: 360, height: 640 } } });
  const g = golden('enterprise', '16-qingdao-manufacturer-youpin-ready');
  delete g.golden;
  await page.evaluate((v) => { localStorage.clear(); localStorage.setItem('brand-self-check:v1:answers:enterprise', v); }, JSON.stringify(g));
  await page.reload();
  await page.locator('#bsc-standard-enterprise').check();
  // Everything answered: the first button reads "Continue the assessment: review and see results".
  await page.locator('.bsc-start .bsc-actions .bsc-button', { hasText: 'review and see results' }).waitFor();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(await overflow(), 0);
  await page.locator('[data-testid="open-compare"]').click();
  for (const side of [0, 1]) await page.locator(`[data-testid="compare-side-${side}"] button`, { hasText: 'Use the current assessment' }).click();
  await page.locator('[data-testid="compare-parts"]').waitFor();
  assert.equal(await overflow(), 0);
  // A word split over two lines has more than one box (the column headings and values only).
  const cut = await page.evaluate(() => {
    const out = [];
    for (const cell of document.querySelectorAll('.bsc-table--compare td.bsc-num, .bsc-table--compare thead th')) {
      const text = cell.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) continue;
      for (const m of text.data.matchAll(/\S+/g)) {
        const r = document.createRange();
        r.setStart(text, m.index);
        r.setEnd(text, m.index + m[0].length);
        if (r.getClientRects().length > 1) out.push(m[0]);
      }
    }
    return out;
  });
  assert.deepEqual(cut, []);
  await context.close();
});

test('keyboard only: choose, answer with arrow keys, and move on; focus lands on each heading', { timeout: 90_000 }, async () => {
  const { page, context } = await open(browser, server, '?lang=en&standard=enterprise');
  await page.locator('#bsc-profile-sector-services').focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Start the assessment' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('.bsc-step h2').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H2');
  await page.keyboard.press('Tab'); // the indicator's sources, folded
  await page.keyboard.press('Tab'); // first level of A1.1
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.ok(await page.locator('[id="bsc-q-A1.1-l2"]').isChecked());
  await page.getByRole('button', { name: 'Next' }).focus();
  await page.keyboard.press('Enter');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /A2/);
  await context.close();
});

test('an unknown language or standard falls back to the defaults with a warning', { timeout: 90_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(server.url + '?lang=fr&standard=nope');
  await page.locator('[data-mounted] .bsc-start').waitFor();
  assert.match(await page.locator('.bsc-start').textContent(), /选择问卷/);
  assert.ok(warnings.some((w) => w.includes('unknown language "fr"')), warnings.join('\n'));
  assert.ok(warnings.some((w) => w.includes('unknown standard "nope"')), warnings.join('\n'));
  await context.close();
});

/** Opens `path` with the wasm held back until `release()`, so the prerendered page can be seen. */
async function withWasmHeld(path) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(server.url + path);
  return { page, context, release };
}

test('the first screen is in the page before the wasm, and the live app takes over without an empty frame', { timeout: 60_000 }, async () => {
  const { page, context, release } = await withWasmHeld('');
  // Painted from the HTML alone: the start page, in zh-CN, from the app's own components.
  assert.match(await page.locator('.bsc-start h2').textContent(), /选择问卷/);
  assert.equal(await page.locator('[data-mounted]').count(), 0);
  const before = await page.locator('#brand-self-check').boundingBox();
  // Every frame until the app is live must show a start page: record any frame that would not.
  await page.evaluate(() => {
    window.__emptyFrames = 0;
    const host = document.getElementById('brand-self-check');
    const check = () => {
      if (!host.querySelector('.bsc-start')) window.__emptyFrames++;
      if (!host.hasAttribute('data-mounted') || !host.querySelector('.bsc-start')) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  release();
  await page.locator('[data-mounted] .bsc-start').waitFor();
  assert.equal(await page.evaluate(() => window.__emptyFrames), 0);
  assert.deepEqual(await page.locator('#brand-self-check').boundingBox(), before);
  await page.locator('[id="bsc-standard-enterprise"]').check();
  await page.locator('[aria-labelledby=bsc-profile-h]').waitFor();
  await context.close();
});

test('a choice made on the first screen before the app runs is honoured when it takes over', { timeout: 60_000 }, async () => {
  const { page, context, release } = await withWasmHeld('');
  // The prerendered page, the wasm not yet there: choose English and the regional questionnaire.
  assert.equal(await page.locator('[data-mounted]').count(), 0);
  await page.locator('.bsc-langs label[lang=en] input').check();
  await page.locator('[id="bsc-standard-regional"]').check();
  release();
  await page.locator('[data-mounted] .bsc-start').waitFor();
  // The app opened what was chosen, in the language chosen, with nothing clicked again.
  await page.locator('[data-mounted] [aria-labelledby=bsc-profile-h]').waitFor();
  assert.ok(await page.locator('[id="bsc-standard-regional"]').isChecked());
  assert.match(await page.locator('.bsc-start h2').first().textContent(), /Choose a questionnaire/);
  await context.close();
});

test('a choice made before even the boot script runs is honoured when the app takes over', { timeout: 60_000 }, async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/boot-[0-9a-f]+\.js$/, async (route) => { await held; await route.continue(); });
  // A deferred module script holds DOMContentLoaded back: wait for the card itself.
  await page.goto(server.url, { waitUntil: 'commit' });
  await page.locator('[id="bsc-standard-regional"]').check();
  release();
  await page.locator('[data-mounted] [aria-labelledby=bsc-profile-h]').waitFor();
  assert.ok(await page.locator('[id="bsc-standard-regional"]').isChecked());
  await context.close();
});

test('a first screen unlike the prerendered one (English, saved answers) replaces it cleanly', { timeout: 60_000 }, async () => {
  const { page, context, release } = await withWasmHeld('?lang=en');
  release();
  await page.locator('[data-mounted] .bsc-start').waitFor();
  assert.match(await page.locator('.bsc-start h2').textContent(), /Choose a questionnaire/);
  assert.equal(await page.locator('.bsc').count(), 1);
  assert.equal(await page.locator('.bsc-start').count(), 1);
  await context.close();
});

test('a review link lands on the question itself, with the way back; the header leads to the start page and the review', { timeout: 90_000 }, async () => {
  const { page, context, problems } = await open(browser, server, '?lang=en&standard=enterprise');
  await page.locator('#bsc-profile-sector-services').check();
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await page.locator('[id="bsc-q-A1.1-l3"]').check();
  // From the header, on any screen: the review.
  await page.locator('.bsc-header__nav').getByRole('button', { name: 'Review page' }).click();
  await page.locator('[data-testid=unanswered]').waitFor();
  // A question deep in the questionnaire: its step opens with the focus on it, scrolled into view.
  await page.locator('[data-testid=unanswered] button').filter({ hasText: /^C3\.2 / }).click();
  await page.waitForFunction(() => document.activeElement?.closest('[data-question]')?.dataset.question === 'C3.2');
  assert.ok(await page.locator('[data-question="C3.2"]').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top < window.innerHeight && r.bottom > 0;
  }), 'the question is in view');
  // Moving on keeps the way back; it returns to the review.
  await page.locator('.bsc-actions--nav .bsc-button').last().click();
  await page.getByRole('button', { name: /Back to the review/ }).click();
  await page.locator('[data-testid=unanswered]').waitFor();
  // The header's start-page link from the report.
  await page.locator('.bsc-actions--nav .bsc-button').last().click();
  await page.locator('.bsc-report').waitFor();
  await page.locator('.bsc-header__nav').getByRole('button', { name: 'Questionnaires' }).click();
  await page.locator('.bsc-start').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('at 1366×768 the side panel fits the window and its plan can be reached', { timeout: 60_000 }, async () => {
  const { page, context } = await open(browser, server, '?lang=en&standard=enterprise', { contextOptions: { viewport: { width: 1366, height: 768 } } });
  await page.locator('#bsc-profile-sector-manufacturing').check();
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await page.locator('[id="bsc-q-A1.1-l3"]').check();
  for (const scroll of [0, 400]) {
    await page.evaluate((y) => window.scrollTo(0, y), scroll);
    const box = await page.locator('.bsc-panel').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { bottom: r.bottom, inner: window.innerHeight, scrollable: el.scrollHeight > el.clientHeight, overflow: getComputedStyle(el).overflowY };
    });
    assert.ok(box.bottom <= box.inner, `panel bottom ${box.bottom} > ${box.inner} at scroll ${scroll}`);
    assert.ok(!box.scrollable || box.overflow === 'auto', 'the rest of the panel scrolls within it');
  }
  // The plan is inside the panel and is reached by scrolling the panel itself.
  const plan = page.locator('.bsc-panel .bsc-plan').first();
  await plan.scrollIntoViewIfNeeded();
  assert.ok(await plan.isVisible());
  await context.close();
});

test('on a phone a compact score bar stays at the top and leads to the full panel', { timeout: 60_000 }, async () => {
  const { page, context } = await open(browser, server, '?lang=en&standard=enterprise', { contextOptions: { viewport: { width: 390, height: 844 } } });
  await page.locator('#bsc-profile-sector-manufacturing').check();
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await page.locator('[id="bsc-q-A1.1-l3"]').check();
  const bar = page.locator('[data-testid=scorebar]');
  assert.match(await bar.textContent(), /^5 \/ 1000range 5–\d+1 of 54 questions answered/);
  // Scrolled down through the step, the bar is still at the top of the window.
  await page.locator('[id="bsc-q-A1.8-l0"]').scrollIntoViewIfNeeded();
  assert.ok(Math.abs((await bar.boundingBox()).y) <= 1, 'the bar sticks to the top');
  await bar.getByRole('button', { name: 'Score details' }).click();
  await page.waitForFunction(() => document.activeElement?.classList.contains('bsc-panel'));
  // On the desktop the panel is beside the questions: no bar.
  await page.setViewportSize({ width: 1366, height: 768 });
  assert.equal(await bar.isVisible(), false);
  await context.close();
});
