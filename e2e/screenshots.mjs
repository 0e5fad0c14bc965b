// Screenshots of every screen of the built site in both languages at desktop (1366×768), phone
// (390×844, 360×640) and phone landscape (844×390, 640×360) sizes, into e2e/artifacts/. Not a
// test: a way to look at what we build.
//   node e2e/screenshots.mjs                      every size
//   node e2e/screenshots.mjs landscape landscape-small   only the sizes named
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, root } from './support.mjs';

const out = path.join(root, 'e2e', 'artifacts');
fs.mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launch();
const shots = [];
const sizes = [['desktop', 1366, 768], ['phone', 390, 844], ['small', 360, 640], ['landscape', 844, 390], ['landscape-small', 640, 360]];
const only = process.argv.slice(2);
for (const lang of ['zh-CN', 'en']) {
  for (const [size, width, height] of sizes.filter(([s]) => only.length === 0 || only.includes(s))) {
    const page = await browser.newPage({ viewport: { width, height } });
    const snap = async (name, full = false) => {
      const file = path.join(out, `${lang}-${size}-${name}.png`);
      await page.screenshot({ path: file, fullPage: full });
      shots.push(file);
    };
    await page.goto(`${server.url}?lang=${lang}`);
    await page.locator('[data-mounted] .bsc-start').waitFor();
    await snap('1-start');
    await page.locator('#bsc-standard-enterprise').check();
    await page.locator('#bsc-profile-sector-manufacturing').check();
    await snap('2-start-chosen');
    await page.locator('.bsc-start .bsc-actions .bsc-button').first().click();
    await page.locator('[id="bsc-q-A1.1-l4"]').check();
    await page.locator('[id="bsc-q-A1.5-l3"]').check();
    await page.locator('[id="bsc-q-A1.3-l5"]').check();
    await page.locator('[id="bsc-q-A1.3-note"]').fill('品牌战略规划（2024—2028）');
    await page.evaluate(() => window.scrollTo(0, 0));
    await snap('3-step');
    if (size.startsWith('landscape')) {
      // Held sideways the window is short: the step scrolled (the bar stuck to the top), the
      // contents opened, and the panel the bar leads to.
      await page.locator('[id="bsc-q-A1.5-l3"]').scrollIntoViewIfNeeded();
      await snap('3a-step-scrolled');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator('.bsc-toc__toggle').click();
      await snap('3b-contents-open');
      await page.locator('.bsc-toc__toggle').click();
      await page.locator('.bsc-scorebar__open').click();
      await page.waitForFunction(() => document.activeElement?.classList.contains('bsc-panel'));
      await snap('3c-score-panel');
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    // Jump to the gates, answer them, then review and report.
    await page.locator('.bsc-toc__link').last().click({ force: true }).catch(() => {});
    if (size !== 'desktop') {
      await page.locator('.bsc-toc__toggle').click();
      await page.locator('.bsc-toc__link').last().click();
    }
    // The facts the programmes need, one of them typed wrong (its message shows), then the gates.
    await page.locator('#bsc-fact-city-qingdao').check();
    await page.locator('#bsc-fact-founded').fill('2015');
    await page.locator('#bsc-fact-revenue').fill('-5');
    await page.locator('#bsc-fact-rd_ratio').fill('2.6');
    await page.locator('#bsc-fact-staff').fill('120');
    await page.locator('#bsc-fact-titles-wellknown_tm').check();
    await page.locator('.bsc-fact__error').scrollIntoViewIfNeeded();
    await snap('4-facts');
    await page.locator('#bsc-fact-revenue').fill('2600');
    for (const g of ['G1a', 'G1b', 'G1c', 'G2L', 'G2T', 'G4']) await page.locator(`#bsc-gate-${g}-yes`).check();
    await page.locator('#bsc-gate-G1d-unsure').check();
    await snap('4-gates');
    await page.locator('.bsc-actions--nav .bsc-button').last().click();
    await page.locator('.bsc-step h2').waitFor();
    await snap('5-review', true);
    await page.locator('.bsc-actions--nav .bsc-button').last().click();
    await page.locator('.bsc-report').waitFor();
    await snap('6-report', true);
    await page.getByRole('button', { name: /关于这些标准|About these standards/ }).click();
    await page.locator('.bsc-about').waitFor();
    await snap('7-about');
    if (size === 'desktop') {
      await page.locator('.bsc-about .bsc-button').click();
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: path.join(out, `${lang}-report.pdf`), format: 'A4', printBackground: true });
      await page.emulateMedia({ media: 'screen' });
    }
    await page.close();
    await extraScreens(lang, size, width, height);
  }
}

/** The notices and panels of issues 13 and 18: storage full, a long import preview, another tab's
 * unreadable value, and the report in WeChat with its hand-over link. */
async function extraScreens(lang, size, width, height) {
  const name = (n) => path.join(out, `${lang}-${size}-${n}.png`);
  const KEY = 'brand-self-check:v1:answers:enterprise';
  // Storage full: the original cannot be kept aside.
  let context = await browser.newContext({ viewport: { width, height } });
  await context.addInitScript(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(k).includes(':damaged')) throw new DOMException('full', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  });
  let page = await context.newPage();
  await page.goto(`${server.url}?lang=${lang}`);
  await page.evaluate((k) => localStorage.setItem(k, '{"format":"brand-self-check/answers","version":1,"questions":{"A1.1"'), KEY);
  await page.goto(`${server.url}?lang=${lang}&standard=enterprise`);
  await page.locator('.bsc-notice').first().waitFor();
  await page.screenshot({ path: name('8-storage-full') });
  shots.push(name('8-storage-full'));
  await context.close();
  // A long import preview.
  context = await browser.newContext({ viewport: { width, height } });
  page = await context.newPage();
  await page.goto(`${server.url}?lang=${lang}&standard=enterprise`);
  await page.locator('[data-mounted] #bsc-profile-sector-services').check();
  const questions = {};
  for (let i = 0; i < 500; i++) questions[`X${i}.1`] = { level: 3 };
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-shot-')), 'long.json');
  fs.writeFileSync(file, JSON.stringify({ format: 'brand-self-check/answers', version: 1, standard: { id: 'enterprise', version: '1.0.0', hash: '' }, profile: {}, questions, gates: {} }));
  await page.locator('.bsc-start input[type=file]').setInputFiles(file);
  await page.locator('.bsc-dialog').waitFor();
  await page.screenshot({ path: name('9-import-long'), fullPage: true });
  shots.push(name('9-import-long'));
  // Another tab writes what this version cannot read.
  await page.getByRole('button', { name: /取消|Cancel/ }).click();
  const other = await context.newPage();
  await other.goto(`${server.url}?lang=${lang}`);
  await other.evaluate((k) => localStorage.setItem(k, '{"format":"brand-self-check/answers","version":99}'), KEY);
  await page.locator('.bsc-conflict').waitFor();
  await page.screenshot({ path: name('10-other-tab-unreadable') });
  shots.push(name('10-other-tab-unreadable'));
  await context.close();
  // WeChat: the hint and the hand-over link on the report.
  context = await browser.newContext({ viewport: { width, height }, userAgent: 'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/111.0 Mobile Safari/537.36 MicroMessenger/8.0.42.2460 WeChat/arm64' });
  page = await context.newPage();
  await page.goto(`${server.url}?lang=${lang}&standard=enterprise`);
  await page.locator('[data-mounted] #bsc-profile-sector-services').check();
  await page.locator('.bsc-start .bsc-actions .bsc-button').first().click();
  await page.locator('[id="bsc-q-A1.1-l4"]').check();
  if (size !== 'desktop') await page.locator('.bsc-toc__toggle').click();
  await page.locator('.bsc-toc__link').last().click();
  await page.locator('.bsc-actions--nav .bsc-button').last().click();
  await page.locator('.bsc-actions--nav .bsc-button').last().click();
  await page.locator('.bsc-handover').waitFor();
  await page.screenshot({ path: name('11-wechat-start-hint'), clip: { x: 0, y: 0, width, height } });
  await page.locator('.bsc-handover').scrollIntoViewIfNeeded();
  await page.screenshot({ path: name('12-wechat-handover') });
  shots.push(name('11-wechat-start-hint'), name('12-wechat-handover'));
  await context.close();
}
await browser.close();
await server.close();
console.log(shots.join('\n'));
