#!/usr/bin/env node
// The benchmark behind `make bench` (issue 6). Not a test: it measures and reports, it asserts
// nothing (the size budget is a test of its own, e2e/size.test.mjs). It reads the release build
// in dist/ (make bench builds it first) and prints one table; the same figures go to
// bench/results/<date>-<commit>.json for comparison over time.
//
//   sizes     every file raw / gzip -9 / brotli -q11; the total a first visit transfers (the service
//             worker precaches every file) and the critical path to a working first screen
//   lighthouse  mobile, simulated throttling (Lighthouse 12 defaults), median of N runs, against a
//             local server that compresses like a production host (brotli, else gzip)
//   browser   Playwright + Chromium, median of N runs: navigation → first screen painted (FCP),
//             → widget interactive (the app's `bsc-interactive` mark), → first question clickable;
//             a click on the prerendered start page as soon as it is painted: navigation → the
//             enterprise card clicked → that click honoured (the app shows the questionnaire's
//             profile form); answer click → DOM updated and → next frame painted on the largest
//             standard, and whether that is within one frame (16.7 ms); a repeat
//             visit served by the service worker; WASM memory after a complete assessment
//   core      parse / import / assess / combine ten respondents / compare two, both shipped standards, natively
//             (crates/core/examples/timing.rs)
//
// Usage: node scripts/bench.mjs [--runs N] [--dir DIR] [--no-lighthouse] [--lighthouse-only] [--no-core]
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { root, dist, launch, golden, enterThroughUi } from '../e2e/support.mjs';
import { sizes, br, gz } from './sizes.mjs';

const args = process.argv.slice(2);
// --dir DIR measures another build (e.g. an older commit's dist/) with the same code.
const dir = args.includes('--dir') ? path.resolve(args[args.indexOf('--dir') + 1]) : dist;
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
// A golden answer set used for the timed flows: a complete manufacturer (enterprise 04).
const g04 = fs.readdirSync(path.join(root, 'standards/golden/enterprise')).find((f) => f.startsWith('04-')).slice(0, -5);
const say = (m) => process.stderr.write(`bench: ${m}\n`);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const kb = (n) => (n / 1024).toFixed(1);
const ms = (n) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '–');

// ---- a compressing server ------------------------------------------------------------------
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };
function compressingServer(dir = dist) {
  const cache = new Map();
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '');
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) { res.writeHead(404); res.end(); return; }
    const ext = path.extname(file);
    const accept = String(req.headers['accept-encoding'] || '');
    const enc = ext === '.png' ? null : accept.includes('br') ? 'br' : accept.includes('gzip') ? 'gzip' : null;
    const key = `${file}|${enc}`;
    if (!cache.has(key)) { const b = fs.readFileSync(file); cache.set(key, enc === 'br' ? br(b) : enc === 'gzip' ? gz(b) : b); }
    res.writeHead(200, { 'content-type': types[ext] || 'application/octet-stream', 'cache-control': 'no-cache',
      ...(enc ? { 'content-encoding': enc, vary: 'accept-encoding' } : {}) });
    res.end(cache.get(key));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  })));
}

// ---- Lighthouse ----------------------------------------------------------------------------
// Asynchronous: the server answering Lighthouse's Chromium runs in this very process.
async function lighthouse(url) {
  const cli = path.join(root, 'node_modules', 'lighthouse', 'cli', 'index.js');
  const { stdout: out } = await promisify(execFile)(process.execPath, [cli, url, '--quiet', '--output=json', '--output-path=stdout',
    '--only-categories=performance',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage'],
  { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
  const r = JSON.parse(out);
  const a = (id) => r.audits[id].numericValue;
  const observed = r.audits.metrics.details.items[0];
  const lcpNode = r.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
  return { observedFcp: observed.observedFirstContentfulPaint, observedLcp: observed.observedLargestContentfulPaint,
    observedLoad: observed.observedLoad, lcpElement: lcpNode?.selector,
    score: r.categories.performance.score, fcp: a('first-contentful-paint'), lcp: a('largest-contentful-paint'),
    tbt: a('total-blocking-time'), tti: a('interactive'), si: a('speed-index'), cls: a('cumulative-layout-shift') };
}

// ---- browser timings -----------------------------------------------------------------------
const markTime = (page) => page.evaluate(() => new Promise((resolve) => {
  const found = () => performance.getEntriesByName('bsc-interactive')[0];
  if (found()) return resolve(found().startTime);
  new PerformanceObserver((l, o) => { o.disconnect(); resolve(l.getEntries()[0].startTime); }).observe({ type: 'mark', buffered: true });
}));
const fcpTime = (page) => page.evaluate(() => new Promise((resolve) => {
  new PerformanceObserver((l) => {
    const e = l.getEntries().find((x) => x.name === 'first-contentful-paint');
    if (e) resolve(e.startTime);
  }).observe({ type: 'paint', buffered: true });
}));

/** From the start page of the enterprise questionnaire, the quickest way to its first question:
 * the profile (the choices of golden set 04), then Begin. */
async function toFirstQuestion(page) {
  for (const [p, o] of Object.entries(golden('enterprise', g04).profile)) await page.locator(`[id="bsc-profile-${p}-${o}"]`).check();
  await page.locator('.bsc-start .bsc-actions .bsc-button').first().click();
  await page.locator('.bsc-step [data-question] input[type=radio]').first().waitFor();
}

async function firstVisit(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url + '?standard=enterprise');
  const interactive = await markTime(page);
  const fcp = await fcpTime(page);
  const mount = await page.evaluate(() => performance.getEntriesByName('bsc-interactive')[0].startTime - performance.getEntriesByName('bsc-mount')[0].startTime);
  await toFirstQuestion(page);
  const question = await page.evaluate(() => performance.now());
  await context.close();
  return { fcp, interactive, mount, question };
}

/** A user clicks a questionnaire card on the prerendered start page as soon as it is painted,
 * usually before the wasm has taken over (web/boot.js records the choice on the host element and
 * the app replays it when it mounts). Per run, all from navigation start: the enterprise card
 * painted — the task after the first animation frame in which it is in the page with a box (no
 * frame runs before the style sheet has arrived); at that moment the page calls the harness,
 * which clicks the card's radio at once with a real (trusted) mouse click (Playwright's
 * page.mouse: no actionability waits, which retry for 100 ms and more) — the click as the page
 * received it (its event's timestamp) — and the moment that click has taken effect: the app's
 * profile form of that questionnaire in the page (a MutationObserver) and the frame with it
 * painted. A click the page lost would leave the form absent: that run is counted as lost. */
async function earlyClick(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.exposeBinding('__bscCardPainted', async ({ page }, x, y) => { await page.mouse.click(x, y); });
  await context.addInitScript(() => {
    const w = window.__early = {};
    addEventListener('click', (e) => {
      if (w.click !== undefined || !e.target || e.target.id !== 'bsc-standard-enterprise') return;
      w.click = e.timeStamp;
      w.beforeApp = !document.querySelector('[data-mounted]');
    }, true);
    const painted = () => {
      const card = document.getElementById('bsc-standard-enterprise');
      const r = card && card.getBoundingClientRect();
      if (!r || r.width === 0 || r.bottom > innerHeight) { requestAnimationFrame(painted); return; }
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        w.cardPainted = performance.now();
        w.beforeAppPainted = !document.querySelector('[data-mounted]');
        window.__bscCardPainted(r.left + r.width / 2, r.top + r.height / 2);
      };
      ch.port2.postMessage(0);
    };
    requestAnimationFrame(painted);
    const mo = new MutationObserver(() => {
      if (!document.querySelector('[data-mounted] [aria-labelledby=bsc-profile-h]')) return;
      mo.disconnect();
      w.dom = performance.now();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { w.painted = performance.now(); };
        ch.port2.postMessage(0);
      });
    });
    mo.observe(document, { subtree: true, childList: true, attributes: true });
  });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const honoured = await page.waitForFunction(() => window.__early.painted !== undefined && window.__early.click !== undefined,
    null, { timeout: 15_000 }).then(() => true, () => false);
  const r = await page.evaluate(() => ({ ...window.__early,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    interactive: performance.getEntriesByName('bsc-interactive')[0]?.startTime }));
  await context.close();
  return { ...r, honoured };
}

async function clicks(browser, url, n) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url + '?standard=enterprise');
  await markTime(page);
  await toFirstQuestion(page);
  // Per click: the event's timestamp → the widget's DOM changed (a MutationObserver, which runs
  // as soon as Yew's update has finished) → the frame with that change painted (the task after
  // the next requestAnimationFrame), and whether the score shown changed (the levels below make it).
  await page.evaluate(() => {
    window.__lat = [];
    const root = document.querySelector('.bsc');
    document.addEventListener('click', (e) => {
      if (!(e.target instanceof HTMLInputElement)) return;
      const t0 = e.timeStamp;
      const before = document.querySelector('[data-testid=total]')?.textContent;
      const mo = new MutationObserver(() => {
        mo.disconnect();
        const script = performance.now() - t0;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => window.__lat.push({ script, paint: performance.now() - t0,
            changed: document.querySelector('[data-testid=total]')?.textContent !== before });
          ch.port2.postMessage(0);
        });
      });
      mo.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    }, true);
  });
  const ids = await page.locator('.bsc-step [data-question]').evaluateAll((els) => els.map((e) => e.dataset.question));
  for (let i = 0; i < n; i++) {
    const id = ids[i % ids.length];
    // Each question alternates between levels 3 and 0, so every click changes the score (4 and 5
    // would be capped to 3 without evidence, and change nothing).
    const level = Math.floor(i / ids.length) % 2 === 0 ? 3 : 0;
    await page.locator(`[id="bsc-q-${id}-l${level}"]`).click();
    await page.waitForFunction((k) => window.__lat.length > k, i);
  }
  const lat = await page.evaluate(() => window.__lat);
  await context.close();
  return lat;
}

async function repeatVisit(browser, url, n) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await markTime(page);
  // The worker has cached the build; it controls the pages loaded from now on (it does not claim
  // the page that installed it).
  await page.evaluate(() => navigator.serviceWorker.ready);
  const times = [];
  let fromSw = true;
  for (let i = 0; i < n; i++) {
    await page.goto(url);
    times.push(await markTime(page));
    fromSw &&= await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => /\.(wasm|js|css)$/.test(r.name))
      .every((r) => r.deliveryType === 'cache' || r.workerStart > 0) && !!navigator.serviceWorker.controller);
  }
  await context.close();
  return { times, fromSw };
}

async function memory(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
  const page = await context.newPage();
  await page.goto(url);
  await markTime(page);
  const initial = await page.evaluate(() => window.__wasm.memory.buffer.byteLength);
  await enterThroughUi(page, golden('enterprise', g04));
  const after = await page.evaluate(() => window.__wasm.memory.buffer.byteLength);
  await context.close();
  return { initial, after };
}

// ---- main ----------------------------------------------------------------------------------
const result = { date: new Date().toISOString(), commit: '', runs };
try { result.commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim(); } catch { /* not a checkout */ }
result.sizes = sizes(dir);

const server = await compressingServer(dir);
if (!args.includes('--no-lighthouse')) {
  const lh = [];
  for (let i = 0; i < Math.max(3, Math.min(runs, 5)); i++) { say(`lighthouse ${i + 1}`); lh.push(await lighthouse(server.url)); }
  const pick = (k) => median(lh.map((r) => r[k]));
  result.lighthouse = { runs: lh.length, each: lh.map((r) => ({ score: r.score, fcp: Math.round(r.fcp), lcp: Math.round(r.lcp), tbt: Math.round(r.tbt), si: Math.round(r.si) })), lcpElement: lh[0].lcpElement, observedFcp: pick('observedFcp'),
    observedLcp: pick('observedLcp'), observedLoad: pick('observedLoad'), score: pick('score'), fcp: pick('fcp'), lcp: pick('lcp'), tbt: pick('tbt'), tti: pick('tti'), si: pick('si'), cls: pick('cls') };
}
if (args.includes('--lighthouse-only')) { console.log(JSON.stringify(result.lighthouse, null, 1)); await server.close(); process.exit(0); }
const browser = await launch();
const fv = [];
for (let i = 0; i < runs; i++) { say(`first visit ${i + 1}`); fv.push(await firstVisit(browser, server.url)); }
result.firstVisit = { fcp: median(fv.map((r) => r.fcp)), interactive: median(fv.map((r) => r.interactive)), mount: median(fv.map((r) => r.mount)), question: median(fv.map((r) => r.question)) };
const ec = [];
for (let i = 0; i < runs; i++) { say(`click on the first screen ${i + 1}`); ec.push(await earlyClick(browser, server.url)); }
const ecOk = ec.filter((r) => r.honoured);
result.earlyClick = { runs: ec.length, honoured: ecOk.length, beforeApp: ec.filter((r) => r.beforeApp).length,
  painted: median(ec.map((r) => r.cardPainted)), clicked: median(ec.map((r) => r.click)),
  shown: median(ecOk.map((r) => r.painted)), inDom: median(ecOk.map((r) => r.dom)),
  clickToShown: median(ecOk.map((r) => r.painted - r.click)), fcp: median(ec.map((r) => r.fcp)), interactive: median(ec.map((r) => r.interactive)),
  each: ec.map((r) => ({ painted: Math.round(r.cardPainted), click: Math.round(r.click), dom: Math.round(r.dom), shown: Math.round(r.painted),
    fcp: Math.round(r.fcp), interactive: Math.round(r.interactive), beforeApp: r.beforeApp, honoured: r.honoured })) };
say('clicks');
const lat = await clicks(browser, server.url, Math.max(21, runs * 4));
result.click = { n: lat.length, script: median(lat.map((l) => l.script)), paint: median(lat.map((l) => l.paint)),
  max: Math.max(...lat.map((l) => l.paint)), changed: lat.filter((l) => l.changed).length };
const FRAME = 1000 / 60;
result.click.frame = FRAME;
result.click.withinFrame = result.click.paint <= FRAME;
result.click.clicksWithinFrame = lat.filter((l) => l.paint <= FRAME).length;
say('repeat visits');
const rv = await repeatVisit(browser, server.url, runs);
result.repeatVisit = { interactive: median(rv.times), fromServiceWorker: rv.fromSw };
say('memory');
result.memory = await memory(browser, server.url);
await browser.close();
await server.close();

if (!args.includes('--no-core')) {
  const out = execFileSync('cargo', ['run', '--release', '-q', '-p', 'brand-core', '--example', 'timing'], { cwd: root }).toString();
  result.core = JSON.parse(out);
}

// ---- report --------------------------------------------------------------------------------
const lines = [];
const row = (...c) => lines.push(c.map((x, i) => (i === 0 ? String(x).padEnd(48) : String(x).padStart(10))).join(' '));
lines.push(`Brand Self-Check benchmark · ${result.date} · ${result.commit} · medians of ${runs}`);
row('file', 'raw KB', 'gzip KB', 'brotli KB');
for (const f of result.sizes.files) row((f.critical ? '* ' : f.lazy || f.other ? '- ' : '  ') + f.file, kb(f.raw), kb(f.gzip), kb(f.brotli));
row('first visit, all precached (- above: not in it)', kb(result.sizes.total.raw), kb(result.sizes.total.gzip), kb(result.sizes.total.brotli));
row('critical path (* above)', kb(result.sizes.critical.raw), kb(result.sizes.critical.gzip), kb(result.sizes.critical.brotli));
lines.push('');
if (result.lighthouse) {
  const l = result.lighthouse;
  row(`Lighthouse mobile (median of ${l.runs})`, 'score', 'FCP ms', 'LCP ms', 'TBT ms', 'TTI ms', 'CLS');
  row('', l.score, ms(l.fcp), ms(l.lcp), ms(l.tbt), ms(l.tti), l.cls.toFixed(3));
}
row('navigation → first paint (FCP), unthrottled', ms(result.firstVisit.fcp) + ' ms');
row('navigation → widget interactive', ms(result.firstVisit.interactive) + ' ms');
row('  of which mounting (first render + effects)', ms(result.firstVisit.mount) + ' ms');
row('navigation → first question clickable', ms(result.firstVisit.question) + ' ms');
const early = result.earlyClick;
row(`click on the start page as soon as painted (${early.beforeApp}/${early.runs} before the app ran)`, '');
row('  navigation → card clickable (painted)', ms(early.painted) + ' ms');
row('  navigation → card clicked (the click received)', ms(early.clicked) + ' ms');
row(`  navigation → the click honoured (profile shown)${early.honoured < early.runs ? `, ${early.runs - early.honoured} LOST` : ''}`, ms(early.shown) + ' ms');
row('  click → honoured', ms(early.clickToShown) + ' ms');
row(`answer click → DOM updated by the app (n=${result.click.n})`, ms(result.click.script) + ' ms');
row('answer click → next frame painted', ms(result.click.paint) + ' ms');
row(`  within one frame (${result.click.frame.toFixed(1)} ms)? median ${result.click.withinFrame ? 'yes' : 'NO'}; clicks`, `${result.click.clicksWithinFrame}/${result.click.n}`);
row(`  clicks that changed the score shown`, `${result.click.changed}/${result.click.n}`);
row('  slowest click → painted', ms(result.click.max) + ' ms');
row(`repeat visit → interactive (service worker: ${result.repeatVisit.fromServiceWorker ? 'yes' : 'NO'})`, ms(result.repeatVisit.interactive) + ' ms');
row('WASM memory: start → after a full assessment', `${kb(result.memory.initial)} KB`, `${kb(result.memory.after)} KB`);
for (const c of result.core || []) {
  row(`core ${c.standard} (${c.questions} q): parse / import / assess`, `${c.parse_us} µs`, `${c.import_us} µs`, `${c.assess_us} µs`);
  row(`core ${c.standard}: combine 10 respondents / compare two`, `${c.combine10_us} µs`, `${c.compare_us} µs`);
}
console.log(lines.join('\n'));

const resultsDir = path.join(root, 'bench', 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `${result.date.slice(0, 10)}-${result.commit || 'local'}.json`);
fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
console.log(`\nJSON: ${path.relative(root, file)}`);
