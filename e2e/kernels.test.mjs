// End-to-end in the old Chromium kernels the widget supports (README, "Supported browsers"):
// headless Chromium 86 (the floor), 88, 90 and 92 from the npm registry (scripts/kernels.mjs), the versions that
// domestic-OS browsers and older 360 / QQ / Sogou builds run. Playwright's injected scripts need
// a newer engine (Element.checkVisibility, Chromium 105), so these are driven by puppeteer-core 10
// over the DevTools protocol of their own era: real mouse clicks and typed text.
// In each: a whole assessment from a golden set to the report, reload and continue, export, start
// over, import and the same report; a team combined and two results compared; several assessments
// (a copy started, renamed, deleted and brought back, compared with the first); the message for a
// build that needs a feature the kernel lacks;
// the strict CSP in its older form (works) and in its current form (blocked, and said so).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { kernel, ARGS, KERNELS } from '../scripts/kernels.mjs';
import { serve, golden, root, CSP, CSP_OLDER, copyBuild, requireReferenceTypes } from './support.mjs';

const q = (id) => `[id="${id}"]`;
const tierName = (std, id) => JSON.parse(fs.readFileSync(path.join(root, 'standards', `${std}.json`), 'utf8'))
  .tiers.find((t) => t.id === id).name.zh;

/** A fresh profile (incognito context) with the page's problems collected, as support.mjs's open(). */
async function openPage(browser, server, urlPath = '', { mounted = true } = {}) {
  const context = await browser.createIncognitoBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const problems = [];
  const origin = new URL(server.url).origin;
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) problems.push(`request: ${r.url()}`);
  });
  await page.goto(server.url + urlPath);
  if (mounted) await page.waitForSelector('[data-mounted] .bsc-start, [data-mounted] .bsc-step, [data-mounted] .bsc-report');
  return { page, context, problems };
}

/** Waits for `selector` to be visible, then clicks it (a real mouse click), as Playwright's check(). */
async function click(page, selector) {
  const el = await page.waitForSelector(selector, { visible: true });
  await el.click();
}

/** Clicks (a real mouse click) the first element matching `selector` whose text matches `re`. */
async function clickText(page, selector, re) {
  const handle = await page.waitForFunction((sel, src, flags) => {
    const r = new RegExp(src, flags);
    return [...document.querySelectorAll(sel)].find((e) => r.test(e.textContent) && e.offsetParent) || null;
  }, {}, selector, re.source, re.flags);
  const el = handle.asElement();
  assert.ok(el, `no ${selector} matching ${re}`);
  await el.click();
}

/** Clicks the last element matching `selector`. */
async function clickLast(page, selector) {
  const all = await page.$$(selector);
  assert.ok(all.length, `no ${selector}`);
  await all[all.length - 1].click();
}

/** Clicks "next" and waits until the step heading has changed (the app rendered the next step). */
async function next(page) {
  const before = await page.$eval('.bsc-step > h2', (h) => h.textContent);
  await clickLast(page, '.bsc-actions--nav .bsc-button');
  await page.waitForFunction((t) => { const h = document.querySelector('.bsc-step > h2'); return !h || h.textContent !== t; }, {}, before);
}

/** Enters a golden answer set through the UI, from the start page to the report (support.mjs's enterThroughUi). */
async function enterThroughUi(page, g) {
  await click(page, q(`bsc-standard-${g.standard.id}`));
  for (const [p, o] of Object.entries(g.profile)) await click(page, q(`bsc-profile-${p}-${o}`));
  await click(page, '.bsc-start .bsc-actions .bsc-button');
  for (;;) {
    await page.waitForSelector('.bsc-step > h2');
    const cards = await page.$$eval('.bsc-step [data-question]', (els) => els.map((e) => e.dataset.question));
    if (cards.length === 0) break; // the gates step
    for (const id of cards) {
      const e = g.questions[id];
      if (!e) continue;
      if (e.na) await click(page, q(`bsc-q-${id}-na`));
      if (e.level !== undefined) await click(page, q(`bsc-q-${id}-l${e.level}`));
      if (e.note) { await page.focus(q(`bsc-q-${id}-note`)); await page.keyboard.sendCharacter(e.note); }
    }
    await next(page);
  }
  for (const [gate, a] of Object.entries(g.gates)) {
    if (await page.$(q(`bsc-gate-${gate}-${a}`))) await click(page, q(`bsc-gate-${gate}-${a}`));
  }
  await clickLast(page, '.bsc-actions--nav .bsc-button'); // to review
  await page.waitForSelector('[data-testid=unanswered], .bsc-ok');
  await clickLast(page, '.bsc-actions--nav .bsc-button'); // to the report
  await page.waitForSelector('.bsc-report');
}

const text = (page, sel) => page.$eval(sel, (e) => e.textContent);

/** The text of the visible fallback message, with which of its paragraphs remain. */
async function message(page) {
  await page.waitForSelector('#bsc-unsupported.is-shown');
  return page.$eval('#bsc-unsupported', (el) => ({
    zh: el.querySelector('[lang=zh-CN]').textContent.replace(/\s+/g, ' ').trim(),
    en: el.querySelector('[lang=en]').textContent.replace(/\s+/g, ' ').trim(),
    reasons: [...el.querySelectorAll('[data-why]')].map((p) => p.getAttribute('data-why')),
    hidden: [...el.querySelectorAll('[data-why]')].filter((p) => p.hidden || !p.offsetParent).length,
    widget: document.querySelectorAll('.bsc').length,
  }));
}

// The build made to need reference types (support.mjs): made once, on first use, for every kernel.
let variant;
const needsReferenceTypes = () => (variant ??= copyBuild(requireReferenceTypes));
after(() => { if (variant) fs.rmSync(variant, { recursive: true, force: true }); });

for (const major of Object.keys(KERNELS).map(Number)) {
  describe(`Chromium ${major}`, () => {
    let browser, server, downloads;
    before(async () => {
      const k = kernel(major);
      browser = await puppeteer.launch({ executablePath: k.executablePath, env: k.env, args: ARGS, headless: true, timeout: 60_000,
        defaultViewport: { width: 1366, height: 768 } });
      assert.match(await browser.version(), new RegExp(`^HeadlessChrome/${major}\\.`));
      server = await serve();
      downloads = fs.mkdtempSync(path.join(os.tmpdir(), `bsc-downloads-${major}-`));
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
    });

    test('a whole assessment to the report, reload and continue, export, start over, import: the same report', { timeout: 180_000 }, async () => {
      const g = golden('enterprise', '13-quality-award-and-brand-value-tracks');
      const e = g.golden.expect;
      const { page, context, problems } = await openPage(browser, server);
      assert.match(await page.evaluate(() => navigator.userAgent), new RegExp(`Chrome/${major}\\.`));
      await enterThroughUi(page, g);
      assert.equal(await text(page, '.bsc-report [data-testid=total]'), String(e.total));
      assert.ok((await text(page, '.bsc-report [data-testid=tier]')).includes(tierName('enterprise', e.outcome)));
      const report = await text(page, '.bsc-report');
      for (const [part, score] of Object.entries(e.parts)) assert.ok(report.includes(`${score.toFixed(1)} /`), `part ${part} ${score}`);
      assert.match(report, /自评参考分/);

      // Export, from the report: the answers file with the computed result.
      const cdp = await page.target().createCDPSession();
      await cdp.send('Page.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
      // Chromium writes a download under a temporary name and renames it when complete; the file
      // can still be filling when it is first seen, so it counts only once it reads as JSON.
      const saved = new Promise((resolve) => {
        const check = () => {
          const f = fs.readdirSync(downloads).find((n) => n.endsWith('.json'));
          if (!f) return;
          try { JSON.parse(fs.readFileSync(path.join(downloads, f), 'utf8')); } catch { return; }
          watcher.close();
          resolve(path.join(downloads, f));
        };
        const watcher = fs.watch(downloads, check);
      });
      await clickText(page, '.bsc-report-page .bsc-button', /导出回答/);
      const file = await saved;
      const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
      assert.equal(exported.standard.id, 'enterprise');
      assert.match(exported.standard.hash, /^sha256:[0-9a-f]{64}$/);
      assert.equal(exported.result.total, e.total);

      // Reload: the start page offers to continue, with every answer in place.
      await page.reload();
      await page.waitForSelector('[data-mounted] .bsc-start');
      await click(page, '#bsc-standard-enterprise');
      await clickText(page, '.bsc-start .bsc-button', /继续自评/);
      // It opens where the work stands (a complete set: the conditions step or the review).
      await page.waitForSelector('.bsc-step');
      assert.equal(await text(page, '[data-testid=total]'), String(e.total));
      await clickText(page, '.bsc-header__nav button', /开始页/);
      await page.waitForSelector('.bsc-start');

      // Start over (confirmed): everything cleared.
      page.once('dialog', (d) => d.accept());
      await clickText(page, '.bsc-start .bsc-button', /重新开始/);
      await page.waitForFunction(() => !/继续自评/.test(document.querySelector('.bsc-start').textContent));
      await click(page, '#bsc-profile-sector-services');
      await clickText(page, '.bsc-start .bsc-button', /开始自评/);
      await page.waitForSelector('.bsc-step');
      assert.equal(await text(page, '[data-testid=total]'), '0');

      // Import: a preview first, then the same report as before.
      await clickText(page, '.bsc-button', /首页/);
      const input = await page.waitForSelector('.bsc-start input[type=file]');
      await input.uploadFile(file);
      await page.waitForSelector('.bsc-dialog');
      assert.match(await text(page, '.bsc-dialog'), /将有 \d+ 处更改/);
      await clickText(page, '.bsc-dialog .bsc-button', /用文件中的回答替换/);
      await page.waitForFunction(() => !document.querySelector('.bsc-dialog'));
      // The import opens where the imported work stands; the review from there.
      await page.waitForSelector('.bsc-step');
      await clickText(page, '.bsc-header__nav button', /检查页/);
      await clickText(page, 'button', /查看报告/);
      await page.waitForSelector('.bsc-report');
      assert.equal(await text(page, '.bsc-report'), report);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test('a team combined (one override with a reason) and two results compared, with a damaged file among them', { timeout: 120_000 }, async () => {
      const g = golden('enterprise', '16-qingdao-manufacturer-youpin-ready');
      delete g.golden;
      const write = (name, shift, assessor, role) => {
        const f = JSON.parse(JSON.stringify(g));
        for (const q of Object.values(f.questions)) if (typeof q.level === 'number') q.level = Math.max(0, Math.min(5, q.level + shift));
        f.about = { assessor, role };
        const p = path.join(downloads, name);
        fs.writeFileSync(p, JSON.stringify(f));
        return p;
      };
      const files = [write('a.json', 0, '王芳', 'staff'), write('b.json', 1, '李雷', 'leader'), write('c.json', -2, '陈静', 'staff')];
      const broken = path.join(downloads, 'broken.json');
      fs.writeFileSync(broken, '{"format": "brand-self-check/answers", "version":');
      const { page, context, problems } = await openPage(browser, server);
      page.on('dialog', (d) => d.accept());
      await click(page, '#bsc-standard-enterprise');
      await page.waitForSelector('[data-testid=open-team]');
      await click(page, '[data-testid=open-team]');
      const input = await page.waitForSelector('[data-testid=team-files]');
      await input.uploadFile(...files, broken);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=team-lines] li').length === 4);
      assert.match(await text(page, '[data-testid=team-lines]'), /broken\.json：.*JSON/);
      assert.match(await text(page, '[data-testid=team-summary]'), /^3 位答卷人/);
      // A1.1: 3, 4, 1 → proposal 3; overridden to 2 with a reason.
      assert.equal(await page.$eval('tr[data-question="A1.1"]', (tr) => tr.querySelectorAll('td')[3].textContent), '3');
      await page.select('tr[data-question="A1.1"] select', '2');
      await page.waitForSelector('tr[data-question="A1.1"] input');
      await page.type('tr[data-question="A1.1"] input', '会上议定');
      await page.waitForFunction(() => !/写明理由后才生效/.test(document.querySelector('tr[data-question="A1.1"]').textContent));
      await click(page, '[data-testid=team-use]');
      await page.waitForSelector('[data-testid=report-team]');
      assert.match(await text(page, '[data-testid=report-team]'), /李雷（管理层）、王芳（员工）、陈静（员工）.*A1\.1：会上议定/);
      // Compare the first respondent's file with the combined result now open.
      await clickText(page, '.bsc-report-page .bsc-button', /对比两次结果/);
      const side = await page.waitForSelector('[data-testid=compare-side-0] input[type=file]');
      await side.uploadFile(files[0]);
      await page.waitForFunction(() => /a\.json/.test(document.querySelector('[data-testid=compare-side-0]').textContent));
      await clickText(page, '[data-testid=compare-side-1] button', /用当前自评/);
      await page.waitForSelector('[data-testid=compare-result]');
      assert.match(await text(page, '[data-testid=compare-answers]'), /A1\.1 /);
      assert.match(await text(page, '[data-testid=compare-common]'), /100%/);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test('several assessments: a single save listed, a copy started from it, the copy renamed and deleted and brought back, the two compared', { timeout: 120_000 }, async () => {
      const g = golden('enterprise', '16-qingdao-manufacturer-youpin-ready');
      delete g.golden;
      g.about = { name: '2025 年度', date: '2025-11-20' };
      const first = 'brand-self-check:v1:answers:enterprise';
      const { page, context, problems } = await openPage(browser, server);
      await page.evaluate((k, v) => { localStorage.clear(); localStorage.setItem(k, v); }, first, JSON.stringify(g));
      await page.reload();
      await page.waitForSelector('[data-mounted] .bsc-start');
      await click(page, '#bsc-standard-enterprise');
      await page.waitForSelector('[data-testid=saved-item]');
      assert.match(await text(page, '.bsc-assess__item.is-open'), /2025 年度.*开始于 2025年11月20日.*已答 54 \/ 54 题/);
      await click(page, '.bsc-assess__item.is-open [data-testid=saved-duplicate]');
      await page.waitForFunction(() => /2025 年度（副本）/.test(document.querySelector('.bsc-assess__item.is-open')?.textContent));
      await click(page, '.bsc-assess__item.is-open [data-testid=saved-rename]');
      const field = await page.waitForSelector('[data-testid=saved-name-input]');
      // One click and a select(): a triple click (clickCount 3) closes headless Chromium 90's target.
      await field.click();
      await page.$eval('[data-testid=saved-name-input]', (e) => e.select());
      await page.type('[data-testid=saved-name-input]', '2026 年度');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /^2026 年度$/.test(document.querySelector('.bsc-assess__item.is-open [data-testid=saved-name]')?.textContent));
      const copy = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('brand-self-check:v1:answers:enterprise~')));
      const kept = await page.evaluate((k) => localStorage.getItem(k), copy);
      page.once('dialog', (d) => d.accept());
      await click(page, '.bsc-assess__item.is-open [data-testid=saved-delete]');
      await page.waitForSelector('[data-testid=deleted-undo]');
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), copy), null);
      await click(page, '[data-testid=deleted-undo]');
      await page.waitForFunction(() => /2026 年度/.test(document.querySelector('.bsc-assess__item.is-open')?.textContent));
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), copy), kept);
      // The two compared: the saved 2025 one against the one open.
      await click(page, '[data-testid=open-compare]');
      await page.waitForSelector('[data-testid=compare-side-0] select');
      const value = await page.$eval('[data-testid=compare-side-0] select option:nth-child(2)', (o) => o.value);
      await page.select('[data-testid=compare-side-0] select', value);
      await page.waitForFunction(() => /2025 年度 · 2025-11-20/.test(document.querySelector('[data-testid=compare-side-0] .bsc-compare__file')?.textContent));
      await clickText(page, '[data-testid=compare-side-1] button', /用当前自评/);
      await page.waitForSelector('[data-testid=compare-result]');
      assert.match(await text(page, '[data-testid=compare-result]'), /两份结果完全相同/);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test('a build that needs reference types: the message names what is missing, the kernel, and what works', { timeout: 90_000 }, async () => {
      const broken = await serve({ dir: needsReferenceTypes() });
      try {
        const { page, context, problems } = await openPage(browser, broken, '', { mounted: false });
        const m = await message(page);
        assert.equal(m.widget, 0, 'the prerendered first screen is removed');
        assert.deepEqual([...new Set(m.reasons)].sort(), ['features', 'features modules wasm ie', 'kernel'].sort());
        assert.equal(m.hidden, 0);
        assert.ok(m.zh.includes('您的浏览器无法运行本工具'), m.zh);
        assert.ok(m.zh.includes(`您的浏览器内核：Chromium ${major}。`), m.zh);
        assert.ok(m.zh.includes('缺少本工具所需的 WebAssembly 功能（reference types）'), m.zh);
        assert.ok(m.zh.includes('Chromium 86 或更新的内核'), m.zh);
        assert.ok(!m.zh.includes('请切换到') && !m.zh.includes('兼容模式'), `no "switch mode" advice outside IE: ${m.zh}`);
        assert.ok(m.en.includes(`Your browser's engine: Chromium ${major}.`) && m.en.includes('(reference types)'), m.en);
        // The operator learns the same in the console; nothing was downloaded.
        assert.deepEqual(problems.length, 1, problems.join('\n'));
        assert.match(problems[0], new RegExp(`could not start in Chromium ${major}: .*reference types: Chromium 96`));
        await context.close();
      } finally {
        await broken.close();
      }
    });

    test("under the strict CSP in its older form ('unsafe-eval') the widget works; in its current form it says the CSP blocks it", { timeout: 120_000 }, async () => {
      const older = await serve({ base: '/portal/tools/brand/', headers: { 'content-security-policy': CSP_OLDER } });
      try {
        const { page, context, problems } = await openPage(browser, older);
        await enterThroughUi(page, golden('regional', '05-tourism-area-just-above-city'));
        assert.equal(await text(page, '.bsc-report [data-testid=total]'), '503');
        // These kernels predate 'wasm-unsafe-eval' and say they ignore it; nothing else.
        const ignored = /^console: The source list for (the )?Content Security Policy directive 'script-src' contains an invalid source: ''wasm-unsafe-eval''\. It will be ignored\.$/;
        assert.deepEqual(problems.filter((p) => !ignored.test(p)), []);
        await context.close();
      } finally { await older.close(); }

      const current = await serve({ headers: { 'content-security-policy': CSP } });
      try {
        const { page, context, problems } = await openPage(browser, current, '', { mounted: false });
        const m = await message(page);
        assert.equal(m.widget, 0);
        assert.deepEqual([...new Set(m.reasons)].sort(), ['csp csp-old', 'csp-old', 'kernel']);
        assert.ok(m.zh.includes('本网站的安全设置不允许本工具运行') && m.zh.includes(`Chromium ${major}`), m.zh);
        assert.ok(!m.zh.includes('您的浏览器无法运行本工具') && !m.zh.includes('极速模式'), m.zh);
        assert.ok(m.en.includes("This site's security settings do not let the tool run"), m.en);
        // The operator's console line names the fix for this browser.
        const line = problems.find((p) => p.includes('brand-self-check could not start'));
        assert.ok(line && line.includes("'unsafe-eval'") && line.includes("'wasm-unsafe-eval'"), problems.join('\n'));
        await context.close();
      } finally { await current.close(); }
    });
  });
}
