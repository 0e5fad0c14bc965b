// End-to-end: a phone held sideways (issue 17: "Phone: … Check 360 px, 390 px and landscape").
// At 844×390 and 640×360, in zh-CN and English, on the start page, a step of the enterprise
// questionnaire and the report: nothing scrolls sideways, the score can be reached (below 961 px
// the panel sits under the questions and a compact bar sticks to the top, styles/app.css), the
// contents close after a pick, the header's links to the start page and the review are in view,
// and no control the keyboard reaches is hidden under a sticky element when it gets the focus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, golden } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-landscape-'));
// A complete manufacturer, imported to reach the report.
const g04 = fs.readdirSync(new URL('../standards/golden/enterprise/', import.meta.url)).find((f) => f.startsWith('04-')).slice(0, -5);
const answers = path.join(tmp, 'answers.json');
fs.writeFileSync(answers, JSON.stringify(golden('enterprise', g04)));

/** How far the page scrolls sideways (0 when it does not). */
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The header's two links (start page, review): present, visible and inside the window. */
async function headerLinksInView(page, where) {
  const links = page.locator('.bsc-header__nav .bsc-link');
  assert.equal(await links.count(), 2, `${where}: the header links`);
  for (let i = 0; i < 2; i++) {
    assert.ok(await links.nth(i).isVisible(), `${where}: header link ${i + 1} is visible`);
    const inside = await links.nth(i).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.left >= 0 && r.right <= window.innerWidth && r.width > 0 && r.height > 0;
    });
    assert.ok(inside, `${where}: header link ${i + 1} is inside the window`);
  }
}

/** Whether a sticky or fixed element the focused element is not part of hides it: any of it, if
 * it would fit in the window below that element; all of what is in the window, if it is too tall
 * to (the score panel on a phone is taller than a window held sideways). { none } when nothing
 * (new) has the focus, else { what, covered: a description or null, text: a text field }. */
function coveredNow() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { none: true };
  // Once round: the focus came back to a control this pass has seen.
  window.__focusSeen ||= new WeakSet();
  if (window.__focusSeen.has(el)) return { none: true };
  window.__focusSeen.add(el);
  const r = el.getBoundingClientRect();
  const what = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`;
  if (r.width === 0 && r.height === 0) return { what, covered: null };
  for (const s of document.querySelectorAll('.bsc *')) {
    const pos = getComputedStyle(s).position;
    if ((pos !== 'sticky' && pos !== 'fixed') || s.contains(el)) continue;
    const b = s.getBoundingClientRect();
    if (b.width === 0 || b.height === 0) continue;
    const x = Math.min(r.right, b.right) - Math.max(r.left, b.left);
    const y = Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top);
    if (x <= 0.5 || y <= 0.5) continue;
    const fits = r.height <= window.innerHeight - b.height;
    const shown = Math.min(r.bottom, window.innerHeight) - Math.max(r.top, b.bottom);
    if (fits || shown <= 0.5) return { what, text: el.tagName === 'TEXTAREA', covered: `${s.className} (${Math.round(y)} px of ${Math.round(r.height)})` };
  }
  return { what, text: el.tagName === 'TEXTAREA', covered: null };
}

/** Tabs through the page forwards from the top, then backwards from the end; lists every control
 * that a sticky element covered when it got the focus. Returns { stops, covered, text }: text
 * lists the text fields covered (apart: see the last test). */
async function focusCovered(page) {
  await page.evaluate(() => { document.activeElement?.blur?.(); window.scrollTo(0, 0); });
  const covered = [], text = [];
  let stops = 0;
  for (const key of ['Tab', 'Shift+Tab']) {
    await page.evaluate(() => { window.__focusSeen = new WeakSet(); });
    for (let i = 0; i < 600; i++) {
      await page.keyboard.press(key);
      const r = await page.evaluate(coveredNow);
      if (r.none) break; // past the last (or first) control
      stops++;
      if (r.covered) (r.text ? text : covered).push(`${key} → ${r.what} under ${r.covered}`);
    }
  }
  return { stops, covered, text };
}

/** From the start page of the enterprise questionnaire (manufacturer) to its step A3. */
async function toStepA3(page) {
  await page.locator('#bsc-standard-enterprise').check();
  await page.locator('#bsc-profile-sector-manufacturing').check();
  await page.locator('.bsc-start .bsc-actions .bsc-button').first().click();
  await page.locator('[id="bsc-q-A1.1-l3"]').check();
  await page.locator('.bsc-toc__toggle').click();
  await page.locator('.bsc-toc__link').nth(2).click();
  await page.locator('.bsc-step h2').filter({ hasText: /A3/ }).waitFor();
}

for (const [width, height] of [[844, 390], [640, 360]]) {
  for (const lang of ['zh-CN', 'en']) {
    test(`landscape ${width}×${height}, ${lang}: start page, a step and the report fit, and the focus is never under the score bar`, { timeout: 180_000 }, async () => {
      const where = (screen) => `${width}×${height} ${lang} ${screen}`;
      const { page, context, problems } = await open(browser, server, lang === 'en' ? '?lang=en' : '',
        { contextOptions: { viewport: { width, height }, serviceWorkers: 'block' } });
      assert.equal(await page.locator('.bsc').getAttribute('lang'), lang);

      // The start page.
      assert.ok(await sideways(page) <= 0, where('start: sideways'));
      let f = await focusCovered(page);
      assert.ok(f.stops > 3, where('start: tab stops'));
      assert.deepEqual(f.covered, [], where('start: focus covered'));
      await page.locator('#bsc-standard-enterprise').check();
      await page.locator('#bsc-profile-sector-manufacturing').check();
      assert.ok(await sideways(page) <= 0, where('start with profile: sideways'));
      // A questionnaire is open: the header links are there from the start page on.
      await headerLinksInView(page, where('start with profile'));
      f = await focusCovered(page);
      assert.deepEqual(f.covered, [], where('start with profile: focus covered'));

      // A step of the enterprise questionnaire.
      await page.locator('.bsc-start .bsc-actions .bsc-button').first().click();
      await page.locator('[id="bsc-q-A1.1-l3"]').check();
      assert.ok(await sideways(page) <= 0, where('step: sideways'));
      await headerLinksInView(page, where('step'));
      // Below 961 px wide (both sizes here) the panel is under the questions and the compact bar
      // sticks to the top; it stays small enough to leave the step room, and leads to the panel.
      const bar = page.locator('[data-testid=scorebar]');
      assert.ok(await bar.isVisible(), where('step: the score bar is shown'));
      assert.match(await bar.textContent(), /^5 \/ 1000/);
      assert.ok((await bar.boundingBox()).height <= height / 4, where('step: the bar takes at most a quarter of the height'));
      await page.locator('[id="bsc-q-A1.8-l0"]').scrollIntoViewIfNeeded();
      assert.ok(Math.abs((await bar.boundingBox()).y) <= 1, where('step: the bar sticks to the top'));
      await bar.locator('.bsc-scorebar__open').click();
      await page.waitForFunction(() => document.activeElement?.classList.contains('bsc-panel'));
      const panel = await page.evaluate(() => {
        const p = document.querySelector('.bsc-panel').getBoundingClientRect();
        const b = document.querySelector('.bsc-scorebar').getBoundingClientRect();
        return { top: p.top, barBottom: b.bottom, inView: p.top < window.innerHeight && p.bottom > 0 };
      });
      assert.ok(panel.inView, where('step: the panel is in view'));
      assert.ok(panel.top >= panel.barBottom - 0.5, where(`step: the panel's top (${panel.top}) is not under the bar (to ${panel.barBottom})`));
      assert.match(await page.locator('.bsc-panel [data-testid=total]').textContent(), /^5$/);
      // The contents fold away and close again after a pick.
      assert.equal(await page.locator('.bsc-toc__body').isVisible(), false, where('step: contents folded'));
      await page.locator('.bsc-toc__toggle').click();
      assert.equal(await page.locator('.bsc-toc__body').isVisible(), true, where('step: contents open'));
      await page.locator('.bsc-toc__link').nth(2).click();
      await page.locator('.bsc-step h2').filter({ hasText: /A3/ }).waitFor();
      assert.equal(await page.locator('.bsc-toc__body').isVisible(), false, where('step: contents closed after a pick'));
      // The pick puts the focus on the step's heading, in view and not under the bar.
      const heading = await page.evaluate(coveredNow);
      assert.match(heading.what ?? '', /^h2#bsc-h/, where('step: the focus on the heading'));
      assert.equal(heading.covered, null, where('step: the heading under the bar'));
      assert.ok(await page.locator('.bsc-step h2').evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight), where('step: the heading in view'));
      assert.ok(await sideways(page) <= 0, where('step A3: sideways'));
      f = await focusCovered(page);
      assert.ok(f.stops > 10, where('step: tab stops'));
      assert.deepEqual(f.covered, [], where('step: focus covered'));

      // The report, from an imported answers file (the start page's file input).
      await page.locator('.bsc-header__nav .bsc-link').first().click();
      await page.locator('.bsc-start input[type=file]').setInputFiles(answers);
      await page.locator('.bsc-dialog').waitFor();
      await page.locator('.bsc-dialog .bsc-button').first().click();
      await page.locator('.bsc-step').waitFor();
      await page.locator('.bsc-header__nav .bsc-link').last().click();
      await page.locator('[data-testid=unanswered], .bsc-ok').first().waitFor();
      await page.locator('.bsc-actions--nav .bsc-button').last().click();
      await page.locator('.bsc-report').waitFor();
      assert.equal(await page.locator('.bsc-report [data-testid=total]').first().textContent(),
        String(golden('enterprise', g04).golden.expect.total), where('report: the total'));
      assert.ok(await page.locator('.bsc-report [data-testid=total]').first().isVisible(), where('report: the total is shown'));
      assert.ok(await sideways(page) <= 0, where('report: sideways'));
      await headerLinksInView(page, where('report'));
      f = await focusCovered(page);
      assert.ok(f.stops > 10, where('report: tab stops'));
      assert.deepEqual(f.covered, [], where('report: focus covered'));
      assert.ok(await sideways(page) <= 0, where('report after tabbing through: sideways'));

      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

// A note field reached going back up (Shift+Tab): for a text field Chromium scrolls its caret into
// view, which honours the page scroller's scroll-padding but not the field's scroll-margin, so the
// widget's own page (html.bsc-page) has a scroll-padding the height of the bar. A host's page keeps
// its own scrolling (no rule outside .bsc applies there): an embedded widget can still show a
// note field partly under the bar when it is reached going back up.
for (const [width, height] of [[844, 390], [640, 360]]) {
  for (const lang of ['zh-CN', 'en']) {
    test(`landscape ${width}×${height}, ${lang}: a note field that gets the focus going back up is not under the score bar`,
      { timeout: 60_000 }, async () => {
        const { page, context } = await open(browser, server, lang === 'en' ? '?lang=en' : '',
          { contextOptions: { viewport: { width, height }, serviceWorkers: 'block' } });
        await toStepA3(page);
        const f = await focusCovered(page);
        assert.deepEqual(f.text, []);
        await context.close();
      });
  }
}
