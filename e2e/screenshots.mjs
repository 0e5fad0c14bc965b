// Screenshots of every screen of the built site in both languages at desktop (1280) and phone
// (390) width, into e2e/artifacts/. Not a test: a way to look at what we build.
//   node e2e/screenshots.mjs
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, root } from './support.mjs';

const out = path.join(root, 'e2e', 'artifacts');
fs.mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launch();
const shots = [];
for (const lang of ['zh-CN', 'en']) {
  for (const [size, width, height] of [['desktop', 1280, 900], ['phone', 390, 844]]) {
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
    await page.locator('[id="bsc-q-A1.2-l3"]').check();
    await page.locator('[id="bsc-q-A1.3-l5"]').check();
    await page.locator('[id="bsc-q-A1.3-note"]').fill('品牌战略规划（2024—2028）');
    await page.evaluate(() => window.scrollTo(0, 0));
    await snap('3-step');
    // Jump to the gates, answer them, then review and report.
    await page.locator('.bsc-toc__link').last().click({ force: true }).catch(() => {});
    if (size === 'phone') {
      await page.locator('.bsc-toc__toggle').click();
      await page.locator('.bsc-toc__link').last().click();
    }
    await page.locator('#bsc-gate-G1-yes').check();
    await page.locator('#bsc-gate-G4-yes').check();
    await snap('4-gates');
    await page.locator('.bsc-actions--nav .bsc-button').last().click();
    await page.locator('.bsc-step h2').waitFor();
    await snap('5-review');
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
  }
}
await browser.close();
await server.close();
console.log(shots.join('\n'));
