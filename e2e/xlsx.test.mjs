// The spreadsheet export's writer (web/xlsx.js → lazy-xlsx-<hash>.js) in the built site: loaded
// the way src/xlsx.rs loads it (a <script> with the src the page's <meta name="bsc-xlsx"> names,
// awaited through its load / error events), under the strict CSP; a workbook of four sheets with
// Chinese text, numbers, dates, a bold frozen header, wrapped and multi-line text and one sheet
// over fflate's 160 kB worker threshold, read back with read-excel-file and unzipped for the
// styles; the read-back rendered as a table (e2e/artifacts/xlsx-readback.png). Offline: the
// service worker does not precache the writer, so before its first use loading it fails (what
// src/xlsx.rs reports as XlsxError::Unavailable); after one online use it comes from the cache, also
// after an update to a new version. And the same workbook in Chromium 86, the supported floor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import puppeteer from 'puppeteer-core';
import readExcelFile from 'read-excel-file/node';
import { kernel, ARGS } from '../scripts/kernels.mjs';
import { serve, launch, open, root, dist, CSP, CSP_OLDER, copyBuild } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const LONG = '品牌建设'.repeat(250); // 1,000 characters, 3,000 bytes of UTF-8
const WORKBOOK = {
  sheets: [
    {
      name: '行动计划', columns: [8, 40, 16, 12, 10, 30], freeze: 1,
      rows: [
        ['序号', '事项', '截止日期', '分值', '状态', '备注'].map((s) => ({ s, b: true })),
        [{ n: 1 }, { s: '写明证据：B2.1 质量管理体系认证证书' }, { d: '2026-12-31' }, { n: 12.5 }, null, { s: '多行\n文本' }],
        [{ n: 2 }, { s: '研发投入占营业收入的比例 ≥ 3 %（近三年）' }, { d: '2027-03-01' }, { n: 0 }, { s: '进行中' }, { s: ' 前后有空格 ' }],
      ],
    },
    {
      name: '证据清单', columns: [12, 50],
      rows: [
        [{ s: '指标', b: true }, { s: '证据', b: true }, { s: '数值', b: true }],
        [{ s: 'B2.1' }, { s: '营业执照、ISO 9001 证书 🏅' }, { n: -1234.56 }],
        [{ s: 'C1' }, null, { n: 1e-7 }],
      ],
    },
    // Excel's rules: at most 31 characters, none of []:*?/\ — the writer makes the name valid.
    { name: 'Plan: Q1/Q2 [draft]? — 品牌自评行动计划附录说明材料', rows: [[{ s: '=1+1' }, { s: '<b>&amp;</b>' }]] },
    // A name already used, and 400 cells of 3 kB: over 160 kB, fflate's async zip would use a
    // Worker from a blob: URL, which the CSP refuses.
    { name: '行动计划', columns: [120], rows: Array.from({ length: 400 }, (_, i) => [{ s: `${i + 1}. ${LONG}` }]) },
  ],
};
const NAMES = ['行动计划', '证据清单', 'Plan Q1 Q2 draft — 品牌自评行动计划附录说明', '行动计划 (2)']; // the third cut to 31 characters

/** In the page: loads the writer as src/xlsx.rs does; resolves, or rejects with 'error' (the
 * script's error event). */
function loadWriter() {
  return new Promise((resolve, reject) => {
    const meta = document.querySelector('meta[name=bsc-xlsx]');
    if (!meta) return reject(new Error('no <meta name="bsc-xlsx">'));
    const script = document.createElement('script');
    script.setAttribute('src', meta.getAttribute('content'));
    script.onload = () => resolve(script.src);
    script.onerror = () => reject(new Error('error'));
    meta.parentNode.appendChild(script);
  });
}

/** In the page: the workbook written, as base64 (FileReader: Chromium 86 too). */
function writeWorkbook(json) {
  return globalThis.BrandSelfCheckXlsx.write(json).then((blob) => new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ type: blob.type, data: reader.result.split(',')[1] });
    reader.readAsDataURL(blob);
  }));
}

/** Asserts the written file reads back as WORKBOOK; returns the read-back sheets. */
async function checkWorkbook(bytes) {
  const sheets = await readExcelFile(bytes, { trim: false });
  assert.deepEqual(sheets.map((s) => s.sheet), NAMES);
  const [plan, evidence, third, big] = sheets.map((s) => s.data);
  assert.deepEqual(plan[0], ['序号', '事项', '截止日期', '分值', '状态', '备注']);
  assert.deepEqual(plan[1], [1, '写明证据：B2.1 质量管理体系认证证书', new Date('2026-12-31T00:00:00Z'), 12.5, null, '多行\n文本']);
  assert.deepEqual(plan[2], [2, '研发投入占营业收入的比例 ≥ 3 %（近三年）', new Date('2027-03-01T00:00:00Z'), 0, '进行中', ' 前后有空格 ']);
  assert.deepEqual(evidence, [['指标', '证据', '数值'], ['B2.1', '营业执照、ISO 9001 证书 🏅', -1234.56], ['C1', null, 1e-7]]);
  // Text, never a formula or markup.
  assert.deepEqual(third, [['=1+1', '<b>&amp;</b>']]);
  assert.equal(big.length, 400);
  assert.equal(big[399][0], `400. ${LONG}`);

  // What read-excel-file does not report: the XML is UTF-8 (strictly decodable, no other
  // encoding declared), the header bold and frozen, the dates formatted, long text wrapped.
  const files = unzipSync(new Uint8Array(bytes));
  const xml = (name) => new TextDecoder('utf-8', { fatal: true }).decode(files[name]);
  for (const name of Object.keys(files).filter((f) => f.endsWith('.xml'))) {
    assert.doesNotMatch(xml(name).slice(0, 100), /encoding="(?!UTF-8)/i, name);
  }
  assert.ok(files['xl/sharedStrings.xml'].length > 160_000);
  assert.match(xml('xl/sharedStrings.xml'), /写明证据：B2\.1/);
  const sheet1 = xml('xl/worksheets/sheet1.xml');
  assert.match(sheet1, /<pane ySplit="1"[^>]*state="frozen"/);
  assert.match(sheet1, /<col min="2" max="2" width="40" customWidth="1"\/>/);
  assert.doesNotMatch(xml('xl/worksheets/sheet2.xml'), /state="frozen"/);
  const styles = xml('xl/styles.xml');
  assert.match(styles, /formatCode="yyyy-mm-dd"/);
  const xfs = [...styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)[1].matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
  const fonts = [...styles.match(/<fonts[^>]*>([\s\S]*?)<\/fonts>/)[1].matchAll(/<font>[\s\S]*?<\/font>/g)].map((m) => m[0]);
  const style = (ref) => xfs[Number(sheet1.match(new RegExp(`<c r="${ref}" s="(\\d+)"`))[1])];
  const bold = (ref) => /<b\/>/.test(fonts[Number((style(ref).match(/fontId="(\d+)"/) || [0, 0])[1])]);
  assert.ok(bold('A1') && bold('F1'), 'the header is bold');
  assert.ok(!bold('B2'), 'a body cell is not bold');
  assert.match(style('B2'), /wrapText="1"/); // 40 wide
  assert.doesNotMatch(style('A2'), /wrapText/); // 8 wide
  assert.match(style('E3'), /vertical="top"/);
  assert.doesNotMatch(style('E3'), /wrapText/); // 10 wide, one line
  assert.match(style('F2'), /wrapText="1"/);
  assert.match(style('C2'), /numFmtId="(\d+)"/);
  return sheets;
}

/** Waits until a service worker controls the page (reloading once after the first install). */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

/** In the page: every URL in every cache of the service worker, by cache name. */
function cached() {
  return caches.keys().then((keys) => Promise.all(keys.map((k) => caches.open(k).then((c) => c.keys())
    .then((requests) => [k, requests.map((r) => new URL(r.url).pathname)])))).then(Object.fromEntries);
}

const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const shown = (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null ? '' : String(v));

test('the writer, loaded as the app loads it under the strict CSP, writes four sheets that read back intact', { timeout: 90_000 }, async () => {
  const server = await serve({ base: '/portal/tools/brand/', headers: { 'content-security-policy': CSP } });
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const { page, problems } = await open(browser, server, '', { context });
  assert.equal(await page.evaluate(() => typeof globalThis.BrandSelfCheckXlsx), 'undefined', 'loaded before it was asked for');
  const src = await page.evaluate(loadWriter);
  assert.match(src, /^http:\/\/127\.0\.0\.1:\d+\/portal\/tools\/brand\/lazy-xlsx-[0-9a-f]{16}\.js$/);
  const written = await page.evaluate(writeWorkbook, JSON.stringify(WORKBOOK));
  assert.equal(written.type, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const sheets = await checkWorkbook(Buffer.from(written.data, 'base64'));
  // A description that breaks the format is refused with a message saying where (XlsxError::Failed).
  const refused = await page.evaluate((json) => globalThis.BrandSelfCheckXlsx.write(json).then(() => 'written', (e) => e),
    JSON.stringify({ sheets: [{ name: '计划', rows: [[{ s: 'a' }, { d: '2026-02-30' }]] }] }));
  assert.equal(typeof refused, 'string');
  assert.match(refused, /^sheet 1 \(计划\), row 1, column 2: a cell is/);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);

  // The read-back, as a table: e2e/artifacts/xlsx-readback.png.
  const table = sheets.map(({ sheet, data }) => `<h2>${escape(sheet)}</h2><table>${data.slice(0, 4).map((row) =>
    `<tr>${row.map((v) => `<td>${escape(shown(v).slice(0, 60))}</td>`).join('')}</tr>`).join('')}</table>`).join('');
  const view = await context.newPage();
  await view.setViewportSize({ width: 1100, height: 800 });
  await view.setContent(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
    body { font: 14px "Noto Sans CJK SC", sans-serif; margin: 16px; } h2 { font-size: 16px; margin: 16px 0 4px; }
    table { border-collapse: collapse; } td { border: 1px solid #999; padding: 2px 6px; white-space: pre-wrap; vertical-align: top; }
    </style><h1 style="font-size:18px">read-excel-file, reading what the writer wrote</h1>${table}`);
  fs.mkdirSync(path.join(root, 'e2e', 'artifacts'), { recursive: true });
  await view.screenshot({ path: path.join(root, 'e2e', 'artifacts', 'xlsx-readback.png'), fullPage: true });
  await context.close();
  await server.close();
});

test('offline: not precached, so unavailable before its first use; from the cache after one, and after an update', { timeout: 120_000 }, async () => {
  const v1 = copyBuild();
  const server = await serve({ dir: v1 });
  const { page, context, problems } = await open(browser, server);
  await controlled(page);
  const lazy = await page.evaluate(() => document.querySelector('meta[name=bsc-xlsx]').getAttribute('content').slice(1));
  assert.match(lazy, /^\/lazy-xlsx-[0-9a-f]{16}\.js$/);
  const [first] = Object.entries(await page.evaluate(cached));
  assert.ok(first[1].some((p) => p.endsWith('_bg.wasm')), 'the build is precached');
  assert.ok(!first[1].includes(lazy), 'the writer is precached');

  // Offline before the first export: the script's error event, which src/xlsx.rs reports as
  // XlsxError::Unavailable (and forgets, so the next export tries again).
  await context.setOffline(true);
  assert.equal(await page.evaluate(`(${loadWriter})().then(() => 'loaded', (e) => e.message)`), 'error');
  assert.equal(await page.evaluate(() => typeof globalThis.BrandSelfCheckXlsx), 'undefined');

  // Back online: loaded, written, and kept in the service worker's cache.
  await context.setOffline(false);
  await page.evaluate(loadWriter);
  await checkWorkbook(Buffer.from((await page.evaluate(writeWorkbook, JSON.stringify(WORKBOOK))).data, 'base64'));
  assert.ok(Object.values(await page.evaluate(cached)).flat().includes(lazy), 'the writer was not cached on its first use');

  // Offline again, a new page load: served by the service worker.
  await context.setOffline(true);
  await page.reload();
  await page.locator('[data-mounted] .bsc-start').waitFor();
  const served = page.waitForResponse((r) => r.url().endsWith(lazy));
  await page.evaluate(loadWriter);
  assert.ok((await served).fromServiceWorker());
  await checkWorkbook(Buffer.from((await page.evaluate(writeWorkbook, JSON.stringify(WORKBOOK))).data, 'base64'));

  // A new version (another file changed, the writer the same): its cache starts with the writer.
  await context.setOffline(false);
  const v2 = copyBuild((dir) => fs.appendFileSync(path.join(dir, 'legacy.js'), '\n/* v2 */\n'));
  server.setDir(v2);
  const before = Object.keys(await page.evaluate(cached));
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then(async (reg) => {
    await reg.update();
    const worker = reg.waiting || await new Promise((resolve) => {
      const w = reg.installing;
      w.addEventListener('statechange', () => { if (w.state === 'installed') resolve(w); });
    });
    const changed = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    worker.postMessage({ type: 'bsc-skip-waiting' });
    await changed;
    await navigator.serviceWorker.ready;
  }));
  await page.waitForFunction((old) => caches.keys().then((keys) => keys.length === 1 && !old.includes(keys[0])), before);
  const after = await page.evaluate(cached);
  assert.ok(Object.values(after)[0].includes(lazy), `the new version's cache lacks the writer: ${JSON.stringify(after)}`);
  await context.setOffline(true);
  await page.reload();
  await page.locator('[data-mounted] .bsc-start').waitFor();
  await page.evaluate(loadWriter);
  await checkWorkbook(Buffer.from((await page.evaluate(writeWorkbook, JSON.stringify(WORKBOOK))).data, 'base64'));

  assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), []);
  await context.close();
  await server.close();
  fs.rmSync(v1, { recursive: true });
  fs.rmSync(v2, { recursive: true });
});

test('Chromium 86 (the floor) writes the same workbook, under the older strict CSP', { timeout: 120_000 }, async () => {
  const k = kernel(86);
  const old = await puppeteer.launch({ executablePath: k.executablePath, env: k.env, args: ARGS, headless: true, timeout: 60_000 });
  const server = await serve({ headers: { 'content-security-policy': CSP_OLDER } });
  try {
    const page = await old.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    await page.goto(server.url);
    await page.waitForSelector('[data-mounted] .bsc-start');
    await page.evaluate(loadWriter);
    const written = await page.evaluate(writeWorkbook, JSON.stringify(WORKBOOK));
    await checkWorkbook(Buffer.from(written.data, 'base64'));
    // Chromium 86 says it ignores 'wasm-unsafe-eval' (README, "Hosting"); nothing else.
    assert.deepEqual(problems.filter((p) => !p.includes("invalid source: ''wasm-unsafe-eval''")), []);
  } finally {
    await old.close();
    await server.close();
  }
});

test('the page names the writer the build ships, with its licences, and no eval or worker in it', () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const name = html.match(/<meta name="bsc-xlsx" content="\.\/(lazy-xlsx-[0-9a-f]{16}\.js)"/)?.[1];
  assert.ok(name && fs.existsSync(path.join(dist, name)), `index.html names ${name}`);
  const js = fs.readFileSync(path.join(dist, name), 'utf8');
  assert.match(js, /^\/\*! Brand Self-Check's spreadsheet writer[\s\S]*?write-excel-file \d[\s\S]*?MIT License[\s\S]*?fflate \d/);
  // No eval, no workers from blob: URLs (the strict CSP refuses both).
  assert.doesNotMatch(js, /\beval\(|new Function\b|\bWorker\(/);
});
