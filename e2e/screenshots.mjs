// Takes screenshots of the built site in both languages at desktop and phone width, into
// e2e/artifacts/. Not a test: a way to look at what we build. `node e2e/screenshots.mjs`.
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, ready, root } from './support.mjs';

const out = path.join(root, 'e2e', 'artifacts');
fs.mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launch();
for (const lang of ['zh-CN', 'en']) {
  for (const [name, width, height] of [['desktop', 1280, 900], ['phone', 390, 844]]) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${server.url}?lang=${lang}`);
    await ready(page);
    // Answer a little so the panel shows a score, a tier and a plan.
    await page.locator('#bsc-profile-sector-manufacturing').check();
    await page.locator('[id="bsc-q-A1.1-l4"]').check();
    await page.locator('[id="bsc-q-B1.1-l3"]').check();
    await page.locator('#bsc-gate-G1-yes').check();
    for (const [where, y] of [['top', 0], ['gates', 1e6]]) {
      await page.evaluate((y) => window.scrollTo(0, y), y);
      const file = path.join(out, `${lang}-${name}-${where}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    }
    await page.close();
  }
}
await browser.close();
await server.close();
