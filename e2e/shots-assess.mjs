// Temporary: screenshots of the screens changed for several assessments (not committed).
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, golden } from './support.mjs';

const out = '/tmp/shots-assess';
const server = await serve();
const browser = await launch();
const base = golden('enterprise', '16-qingdao-manufacturer-youpin-ready');
delete base.golden;
const file = (name, date, org, level) => {
  const f = structuredClone(base);
  f.version = 4;
  f.about = { name, date, organisation: org };
  if (level !== undefined) f.questions['A1.1'].level = level;
  return JSON.stringify(f, null, 2);
};
const K = 'brand-self-check:v1:answers:enterprise';
const sizes = [['desktop', 1366, 768], ['phone', 390, 844], ['small', 360, 640]];
for (const lang of ['zh-CN', 'en']) {
  for (const [size, width, height] of sizes) {
    const page = await browser.newPage({ viewport: { width, height } });
    const snap = async (name, full = true) => page.screenshot({ path: path.join(out, `${lang}-${size}-${name}.png`), fullPage: full });
    await page.goto(`${server.url}?lang=${lang}`);
    await page.locator('[data-mounted] .bsc-start').waitFor();
    await page.evaluate(([K, a, b, c]) => {
      localStorage.clear();
      localStorage.setItem(K, a); localStorage.setItem(K + '~b', b); localStorage.setItem(K + '~c', c);
      localStorage.setItem(K + '~d', '{"format":"brand-self-check/answers","version":4,"questions":{');
    }, [K, file('2025 年度品牌自评', '2025-11-20', '青岛海韵食品有限公司', 2), file('2026 年度品牌自评（与咨询顾问一起）', '2026-11-02', '青岛海韵食品有限公司', 4), file('', null, '')]);
    await page.reload();
    await page.locator('[data-mounted] .bsc-start').waitFor();
    await page.locator('#bsc-standard-enterprise').check();
    await page.locator('[data-testid="saved-item"]').nth(3).waitFor();
    await snap('1-list');
    await page.locator('.bsc-assess__item:not(.is-open) [data-testid="saved-rename"]').first().click();
    await snap('2-rename');
    await page.locator('.bsc-assess__rename .bsc-button--quiet').click();
    page.once('dialog', (d) => d.accept());
    await page.locator('.bsc-assess__item:not(.is-open) [data-testid="saved-delete"]').first().click();
    await page.locator('[data-testid="deleted-notice"]').waitFor();
    await snap('3-deleted', false);
    await page.locator('[data-testid="deleted-undo"]').click();
    await page.locator('[data-testid="open-compare"]').click();
    await page.locator('[data-testid="compare-side-0"] [data-testid="compare-saved"]').selectOption({ index: 1 });
    await page.locator('[data-testid="compare-side-1"] button').last().click();
    await page.locator('[data-testid="compare-result"]').waitFor();
    await snap('4-compare');
    await page.close();
  }
}
await browser.close();
await server.close();
