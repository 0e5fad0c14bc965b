// The size budget of the release build (issue 6), deterministic: brotli -q11 of the files in dist/.
// The targets are the issue's; the build does not meet them yet (see bench/budget.json and the
// README's performance section), so the test enforces the ceiling the build has reached, which a
// change may only lower, and reports the distance to the targets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root, dist } from './support.mjs';
import { sizes } from '../scripts/sizes.mjs';

const budget = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'budget.json'), 'utf8'));
const kb = (n) => `${n} bytes`;

test('what a first visit transfers and the critical path stay within the size budget (brotli)', () => {
  const s = sizes(dist);
  const report = `first visit ${kb(s.total.brotli)} (target ${kb(budget.target.total)}, ceiling ${kb(budget.ceiling.total)}); ` +
    `critical path ${kb(s.critical.brotli)} (target ${kb(budget.target.critical)}, ceiling ${kb(budget.ceiling.critical)})`;
  console.log(report);
  // The critical path is what the first screen needs to work: the page, its CSS, the boot script,
  // the bindings, the split points' loader they import and the wasm; nothing else may sneak onto
  // it (the split-off screens' files are not on it). (Trunk writes its file hash without leading zeros.)
  assert.deepEqual(s.critical.files.map((f) => f.replace(/-[0-9a-f]{1,16}(?=[._])/, '-HASH')).sort(),
    ['app-HASH.css', 'boot-HASH.js', 'brand-self-check-HASH.js', 'brand-self-check-HASH_bg.wasm', 'index.html', 'parts-HASH.js']);
  assert.ok(s.total.brotli <= budget.ceiling.total, `first visit too large: ${report}`);
  assert.ok(s.critical.brotli <= budget.ceiling.critical, `critical path too large: ${report}`);
  // Every file a first visit transfers is precached, so the total above is what offline costs.
  const sw = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const precache = JSON.parse(sw.match(/^const PRECACHE = (.*);$/m)[1]);
  for (const f of s.files.filter((r) => !r.lazy && !r.other).map((r) => r.file).filter((f) => f !== 'index.html' && f !== 'sw.js')) {
    assert.ok(precache.includes(`./${f}`), `${f} is not precached`);
  }
  // The two files outside the total are exactly the ones the widget's page never fetches, and
  // the service worker does not download them either.
  assert.deepEqual(s.others.files, ['embed.js', 'legacy.js']);
  for (const f of s.others.files) assert.ok(!precache.includes(`./${f}`), `${f} is precached but not counted`);
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  assert.ok(!/<script(?![^>]*\bnomodule\b)[^>]*src="[^"]*(embed|legacy)\.js"/.test(html), 'the page loads embed.js or legacy.js as a module-capable browser would');
});

test('the lazy files (the spreadsheet writer, the team screen\'s and the comparison\'s code) are not precached and stay within their own ceiling (brotli)', () => {
  const s = sizes(dist);
  const report = `lazy files ${kb(s.lazy.brotli)} (${s.lazy.raw} raw; ceiling ${kb(budget.ceiling.lazy)}): ${s.lazy.files.join(', ')}`;
  console.log(report);
  const kinds = s.lazy.files.map((f) => f.replace(/-[0-9a-f]{16}/, '-HASH'));
  assert.deepEqual([...new Set(kinds)], ['lazy-part-HASH.wasm', 'lazy-xlsx-HASH.js']);
  assert.equal(kinds.filter((k) => k === 'lazy-xlsx-HASH.js').length, 1);
  assert.ok(s.lazy.brotli <= budget.ceiling.lazy, `lazy files too large: ${report}`);
  const sw = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const precache = JSON.parse(sw.match(/^const PRECACHE = (.*);$/m)[1]);
  const lazy = JSON.parse(sw.match(/^const LAZY = (.*);$/m)[1]);
  for (const f of s.lazy.files) {
    assert.ok(!precache.includes(`./${f}`), `${f} is precached: a first visit would download it`);
    assert.ok(lazy.includes(`./${f}`), `${f} is not in the service worker's LAZY list`);
    assert.ok(!s.critical.files.includes(f), `${f} is on the critical path`);
  }
  // The page names the writer for src/xlsx.rs, relative, so it resolves at any sub-path.
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  assert.equal(html.match(/<meta name="bsc-xlsx" content="([^"]+)"/)?.[1], `./${s.lazy.files.find((f) => f.startsWith('lazy-xlsx-'))}`);
});

test('the split-off screens: every file is named by the loader, the assessment\'s precached, the team\'s and the comparison\'s lazy', () => {
  const s = sizes(dist);
  const files = fs.readdirSync(dist);
  const loader = files.find((f) => /^parts-[0-9a-f]{16}\.js$/.test(f));
  assert.ok(loader, 'no parts-<hash>.js');
  const src = fs.readFileSync(path.join(dist, loader), 'utf8');
  const parts = files.filter((f) => /^(lazy-)?part-[0-9a-f]{16}\.wasm$/.test(f));
  const named = [...src.matchAll(/"\.\/((?:lazy-)?part-[0-9a-f]{16}\.wasm)"/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(named)].sort(), parts.sort(), 'the loader and the folder disagree');
  // Fetched as bytes and instantiated (no instantiateStreaming, which needs the wasm MIME type).
  assert.ok(!src.includes('instantiateStreaming'));
  // The three split points and their loaders, by name.
  for (const p of ['assessment', 'team', 'compare']) assert.match(src, new RegExp(`__wasm_split_load_${p}\\b`));
  // At least one precached file (the assessment's screens) and one lazy one (team, comparison).
  assert.ok(parts.some((f) => f.startsWith('part-')) && parts.some((f) => f.startsWith('lazy-part-')), parts.join(', '));
  // None of them on the critical path; each is a valid module.
  for (const f of parts) {
    assert.ok(!s.critical.files.includes(f), `${f} is on the critical path`);
    assert.ok(WebAssembly.validate(fs.readFileSync(path.join(dist, f))), `${f} is not a valid module`);
  }
});

test('the shipped standards are not compiled into the wasm', () => {
  const wasm = Buffer.concat(fs.readdirSync(dist).filter((f) => f.endsWith('.wasm')).map((f) => fs.readFileSync(path.join(dist, f))));
  // A long, distinctive string of each standard file.
  // The shipped standards are the files the build copied (the list is the app's, src/standards.rs).
  const ids = fs.readdirSync(dist).map((f) => f.match(/^standard-(.+)\.json$/)?.[1]).filter(Boolean);
  assert.ok(ids.length >= 2, `shipped standards: ${ids}`);
  for (const id of ids) {
    const st = JSON.parse(fs.readFileSync(path.join(root, 'standards', `${id}.json`), 'utf8'));
    const probe = Buffer.from(JSON.stringify(st.disclaimer.zh).slice(1, 40));
    assert.equal(wasm.includes(probe), false, `${id}'s text is in the wasm`);
  }
});
