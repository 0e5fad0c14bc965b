// What the release build weighs: every file raw / gzip -9 / brotli -q11, the total a first visit
// transfers (the service worker precaches every file of the build but the lazy-* ones and the
// OTHERS, which the widget's page never fetches: embed.js is for a host's page, legacy.js for a
// browser without modules, which never registers the service worker), the lazy
// files (code fetched only when its feature is used, e.g. the spreadsheet writer; not in the
// total), and the critical path to a working first screen (the page, its style sheet, the boot
// module, the wasm bindings, the modules they import and the wasm). Shared by the benchmark (scripts/bench.mjs) and the
// size budget test (e2e/size.test.mjs).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const OTHERS = ['embed.js', 'legacy.js'];
export const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } });
export const gz = (b) => zlib.gzipSync(b, { level: 9 });
export function sizes(dir) {
  const files = fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
  const rows = files.map((f) => {
    const b = fs.readFileSync(path.join(dir, f));
    return { file: f, raw: b.length, gzip: gz(b).length, brotli: br(b).length };
  });
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  // The critical path: the page, its style sheet, the boot module and what it imports, the wasm.
  const boot = html.match(/<script type="module" src="\.\/([^"]+)"/)[1];
  const bootSrc = fs.readFileSync(path.join(dir, boot), 'utf8');
  const critical = new Set(['index.html', boot,
    ...[...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+)"/g)].map((m) => m[1]),
    ...[...bootSrc.matchAll(/'\.\/([^']+\.(?:js|wasm))'/g)].map((m) => m[1]).filter((f) => f !== 'sw.js')]);
  // And what those modules import in turn (the bindings import the split points' loader).
  for (const f of [...critical].filter((f) => f.endsWith('.js') && f !== boot)) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of src.matchAll(/(?:^|[;\s}])import\s*(?:[^'"]*?\sfrom\s*)?['"]\.\/([^'"]+\.js)['"]/g)) critical.add(m[1]);
  }
  const sum = (list, k) => list.reduce((n, r) => n + r[k], 0);
  const crit = rows.filter((r) => critical.has(r.file));
  const isLazy = (r) => r.file.startsWith('lazy-');
  const isOther = (r) => OTHERS.includes(r.file);
  const first = rows.filter((r) => !isLazy(r) && !isOther(r));
  const lazy = rows.filter(isLazy);
  const others = rows.filter(isOther);
  return {
    files: rows.map((r) => ({ ...r, critical: critical.has(r.file), lazy: isLazy(r), other: isOther(r) })),
    others: { files: others.map((r) => r.file), raw: sum(others, 'raw'), brotli: sum(others, 'brotli') },
    total: { raw: sum(first, 'raw'), gzip: sum(first, 'gzip'), brotli: sum(first, 'brotli') },
    lazy: { files: lazy.map((r) => r.file), raw: sum(lazy, 'raw'), gzip: sum(lazy, 'gzip'), brotli: sum(lazy, 'brotli') },
    critical: { files: [...critical].sort(), raw: sum(crit, 'raw'), gzip: sum(crit, 'gzip'), brotli: sum(crit, 'brotli') },
  };
}

