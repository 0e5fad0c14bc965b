// Shared helpers for the end-to-end tests and the screenshot script: a static server for dist/
// on loopback (optionally under a sub-path, with extra headers such as a CSP), and a Chromium
// launched the way this machine needs (Debian's build, no background networking).
import http from 'node:http';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const dist = path.join(root, 'dist');
/** The strict Content-Security-Policy a portal may serve the widget under (issue 5, README). */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
/** The same for browsers with kernels older than 'wasm-unsafe-eval' (Chromium 86–96, README). */
export const CSP_OLDER = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};

/** Serves `dir` at http://127.0.0.1:<port><base>. Resolves to { url, close, setDir }: setDir
 * switches the directory served, which is how a test deploys a new build. */
export function serve({ dir = dist, base = '/', headers = {}, port = 0 } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(base)) { res.writeHead(404); res.end(); return; }
    let rel = decodeURIComponent(url.pathname.slice(base.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end('not found'); return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream',
      'cache-control': 'no-cache', ...headers });
    fs.createReadStream(file).pipe(res);
  });
  // A test that fails before closing its server must not keep its file's process alive: the run
  // then reports the failure instead of hanging until CI's time limit.
  server.unref();
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => {
    const { port } = server.address();
    resolve({ url: `http://127.0.0.1:${port}${base}`, origin: `http://127.0.0.1:${port}`,
      close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
      setDir: (d) => { dir = d; } });
  }));
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** Waits until the widget has mounted and rendered its first question. */
export async function ready(page) {
  await page.locator('.bsc [data-question]').first().waitFor();
}

/** Opens the site and collects console errors, page errors and requests to other origins. */
export async function open(browser, server, path = '', options = {}) {
  const context = options.context || await browser.newContext(options.contextOptions || {});
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const origin = new URL(server.url).origin;
    if (!r.url().startsWith(origin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) problems.push(`request: ${r.url()}`);
  });
  await page.goto(server.url + path);
  // The live app: the first screen is in the page before the WASM runs (prerendered), inert until then.
  await page.locator('[data-mounted] .bsc-start, [data-mounted] .bsc-step, [data-mounted] .bsc-report').first().waitFor();
  return { page, context, problems };
}

/** Reads a golden answer set (an answers file with its expected result). */
export function golden(standard, name) {
  return JSON.parse(fs.readFileSync(path.join(root, 'standards', 'golden', standard, name + '.json'), 'utf8'));
}

const q = (id) => `[id="${id}"]`;

/** Enters a golden answer set through the UI, from the start page to the report. */
export async function enterThroughUi(page, g) {
  await page.locator(q(`bsc-standard-${g.standard.id}`)).check();
  for (const [p, o] of Object.entries(g.profile)) await page.locator(q(`bsc-profile-${p}-${o}`)).check();
  await page.locator('.bsc-start .bsc-actions .bsc-button').first().click();
  for (;;) {
    await page.locator('.bsc-step > h2').waitFor();
    const cards = await page.locator('.bsc-step [data-question]').evaluateAll((els) => els.map((e) => e.dataset.question));
    if (cards.length === 0) break; // the gates step
    for (const id of cards) {
      const e = g.questions[id];
      if (!e) continue;
      if (e.na) await page.locator(q(`bsc-q-${id}-na`)).check();
      if (e.level !== undefined) await page.locator(q(`bsc-q-${id}-l${e.level}`)).check();
      if (e.note) await page.locator(q(`bsc-q-${id}-note`)).fill(e.note);
    }
    await page.locator('.bsc-actions--nav .bsc-button').last().click();
  }
  // The facts, on the conditions step: a choice by its radio, titles by their boxes, numbers typed.
  for (const [id, v] of Object.entries(g.facts || {})) {
    if (Array.isArray(v)) {
      for (const title of v) await page.locator(q(`bsc-fact-titles-${title}`)).check();
    } else if (typeof v === 'string' && await page.locator(q(`bsc-fact-${id}-${v}`)).count()) {
      await page.locator(q(`bsc-fact-${id}-${v}`)).check();
    } else {
      await page.locator(q(`bsc-fact-${id}`)).fill(String(v));
    }
  }
  for (const [gate, a] of Object.entries(g.gates)) {
    const input = page.locator(q(`bsc-gate-${gate}-${a}`));
    if (await input.count()) await input.check();
  }
  await page.locator('.bsc-actions--nav .bsc-button').last().click(); // to review
  await page.locator('[data-testid=unanswered], .bsc-ok').first().waitFor();
  await page.locator('.bsc-actions--nav .bsc-button').last().click(); // to the report
  await page.locator('.bsc-report').waitFor();
}

/** Runs axe-core on the page; returns the violations (WCAG 2.1 A and AA, and axe's best practices). */
export async function axe(page) {
  await page.addScriptTag({ path: path.join(root, 'node_modules', 'axe-core', 'axe.min.js') });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')} — ${v.help}`);
  });
}

/** A copy of the build in a temporary directory, changed by `change(dir)`, with the post-build step
 * run again on it (boot script, service worker). The caller removes it. */
export function copyBuild(change) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-build-'));
  for (const f of fs.readdirSync(dist)) if (fs.statSync(path.join(dist, f)).isFile()) fs.copyFileSync(path.join(dist, f), path.join(dir, f));
  if (change) change(dir);
  execFileSync('node', [path.join(root, 'scripts', 'postbuild.mjs'), dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  return dir;
}

/** Makes the build's module need WebAssembly reference types, as rustc's defaults do: one more
 * global, of type externref (unused), and "+reference-types" in its target_features section.
 * Engines without reference types refuse it ("invalid value type 'externref'"); others run it. */
export function requireReferenceTypes(dir) {
  const file = path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.wasm')));
  const b = fs.readFileSync(file);
  const leb = (n) => { const out = []; do { let x = n & 0x7f; n >>>= 7; if (n) x |= 0x80; out.push(x); } while (n); return Buffer.from(out); };
  const name = (s) => Buffer.concat([leb(s.length), Buffer.from(s)]);
  let i = 8;
  const read = () => { let r = 0, s = 0, x; do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return r; };
  const out = [b.subarray(0, 8)];
  while (i < b.length) {
    const id = b[i++], size = read(), body = i, end = body + size;
    let content = b.subarray(body, end);
    if (id === 6) { // globals: count, then the entries; one more: externref, immutable, ref.null extern
      const count = read();
      content = Buffer.concat([leb(count + 1), b.subarray(i, end), Buffer.from([0x6f, 0x00, 0xd0, 0x6f, 0x0b])]);
    } else if (id === 0) {
      const n = read();
      if (b.subarray(i, i + n).toString() === 'target_features') {
        i += n;
        const count = read();
        content = Buffer.concat([name('target_features'), leb(count + 1), b.subarray(i, end), Buffer.from('+'), name('reference-types')]);
      }
    }
    out.push(Buffer.from([id]), leb(content.length), content);
    i = end;
  }
  fs.writeFileSync(file, Buffer.concat(out));
}
