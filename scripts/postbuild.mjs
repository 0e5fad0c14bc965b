#!/usr/bin/env node
// Post-build step (a Trunk post_build hook; also runnable as `node scripts/postbuild.mjs DIR`).
//  0. Gives the names the wasm and its bindings share (wasm-bindgen's, each with a 16-digit hash)
//     short forms, in both (shortNames, below).
//  1. Replaces Trunk's inline module loader with an external, hashed boot-*.js (web/boot.js: no
//     top-level await; checks the WebAssembly features the module uses, detected here, and that
//     the page's CSP lets it compile; says why when the browser cannot run the widget), followed
//     by the service-worker client, so the page runs under `script-src 'self'` with no inline script.
//  2. Puts the first screen, rendered natively by the app's own components (src/bin/prerender.rs,
//     Yew's server renderer), into the host element, so it paints before the WASM arrives.
//  3. Copies the shipped standards next to index.html (the app fetches them when opened).
//  4. Bundles the spreadsheet writer (web/xlsx.js with write-excel-file and fflate, esbuild) into
//     one classic script, lazy-xlsx-<hash>.js, named in the page by <meta name="bsc-xlsx"> for
//     src/xlsx.rs, which loads it only when the user exports a spreadsheet.
//     Writes the English catalog (printed by the prerender binary) as catalog-en-<hash>.json,
//     named by <meta name="bsc-en">: the release wasm carries only the Chinese one.
//  5. Minifies what is on the critical path and written by tools (esbuild, for the widget's
//     floor): the wasm-bindgen bindings, the style sheet (its integrity attribute recomputed) and
//     the boot script's code (its first lines, which name the module, stay as they are).
//     The page loses its comments and indentation.
//  6. Writes sw.js from web/sw.js with the list of every file in the build (hashed names, not a
//     hand list) except the lazy-* files, which it caches on their first use, and the two the
//     widget's page never fetches (embed.js, legacy.js), and a version that is a hash of all their
//     contents.
// Idempotent: run twice, it changes nothing the second time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { execFile, execFileSync } from 'node:child_process';

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.join(here, '..', 'web');
const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) {
  console.error('postbuild: no index.html in', dir);
  process.exit(1);
}
const hash = (data) => crypto.createHash('sha256').update(data).digest('hex');
let esbuild;
try {
  esbuild = await import('esbuild');
} catch (e) {
  console.error('postbuild: esbuild is missing (scripts/setup.sh installs it with npm ci):', e.message);
  process.exit(1);
}
// The widget's floor (README, "Supported browsers"): esbuild writes nothing newer.
const TARGET = ['chrome86', 'firefox102', 'safari16'];
const minify = async (text, loader) =>
  (await esbuild.transform(text, { loader, minify: true, target: TARGET, legalComments: 'none', logLevel: 'error' })).code;

// 1. The loader.
const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const ours = /<script type="module" src="\.\/(boot-[0-9a-f]{16}\.js)"><\/script>/;
let jsPath, wasmPath, oldBoot;
const m = html.match(inline);
if (m) {
  // Trunk's inline loader: our own instead (web/boot.js), external for the strict CSP.
  jsPath = (m[1].match(/from '(\.\/[^']+\.js)'/) || [])[1];
  wasmPath = (m[1].match(/module_or_path: '(\.\/[^']+\.wasm)'/) || [])[1];
  if (!jsPath || !wasmPath) {
    console.error('postbuild: Trunk loader not recognised:', m[1]);
    process.exit(1);
  }
  // Trunk preloads the wasm and its bindings from <head>; the boot script fetches them after the
  // first paint instead.
  html = html.replace(/<link rel="preload" href="[^"]+_bg\.wasm"[^>]*>/, '').replace(/<link rel="modulepreload"[^>]*>/, '');
  html = html.replace(inline, '<script type="module" src="./boot-0000000000000000.js"></script>');
} else if ((oldBoot = (html.match(ours) || [])[1])) {
  // A folder this step has already processed (a copy of a build, changed): written again from
  // the module it now holds, so the same module gives the same boot script.
  const src = fs.readFileSync(path.join(dir, oldBoot), 'utf8');
  jsPath = (src.match(/^var BINDINGS = '([^']+)';$/m) || [])[1];
  wasmPath = (src.match(/^var WASM = '([^']+)';$/m) || [])[1];
  if (!jsPath || !wasmPath) {
    console.error('postbuild: no module named in', oldBoot);
    process.exit(1);
  }
} else {
  console.error('postbuild: index.html has neither Trunk\'s loader nor ours');
  process.exit(1);
}
// 0. Short names between the wasm and its bindings (before the module's hash is taken, so a
// folder processed again finds the same module): wasm-bindgen names each import after its
// function plus a 16-digit hash (`__wbg_setTimeout_01207b745d9585ca`), 201 of them, written once
// in the wasm's import section and once as a key of the bindings' import object, and a closure's
// entry point `…invoke__h<16 hex>`; the hashes are incompressible. Each becomes a name of one
// or two letters, in the wasm and in the bindings alike.
if (m) await splitParts();
shortNames(path.join(dir, wasmPath), path.join(dir, jsPath));

// The features are detected once per module (a few seconds of wasm-opt): a boot script written
// for the same module bytes (its first line records their hash) keeps its list.
const moduleHash = hash(fs.readFileSync(path.join(dir, wasmPath))).slice(0, 16);
const previous = oldBoot ? fs.readFileSync(path.join(dir, oldBoot), 'utf8') : '';
const known = previous.startsWith(`// module sha256:${moduleHash};`) && previous.match(/^var FEATURES = (.*);$/m);
const features = known ? JSON.parse(known[1]) : await requiredFeatures(path.join(dir, wasmPath));
// Whole-line comments are the sources' (web/), not shipped: the boot script is on the critical path.
const uncommented = (file) => fs.readFileSync(path.join(web, file), 'utf8').replace(/^\s*(\/\/.*|\/\*\*.*\*\/)\n/gm, '');
// The three lines naming the module stay readable (a copy of a build is processed again from
// them, above); the code after them is minified.
const [head, code] = (uncommented('boot.js') + '\n' + uncommented('sw-client.js')).split(/(?<=^var FEATURES = __FEATURES__;\n)/m);
if (!code) {
  console.error('postbuild: web/boot.js does not declare WASM, BINDINGS and FEATURES first');
  process.exit(1);
}
const boot = `// module sha256:${moduleHash}; generated by scripts/postbuild.mjs from web/boot.js and web/sw-client.js\n` + head
  .replace("'__WASM__'", () => `'${wasmPath}'`)
  .replace("'__BINDINGS__'", () => `'${jsPath}'`)
  .replace('__FEATURES__', () => JSON.stringify(features.map(({ name, since, probe }) => ({ name, since, probe }))))
  + await minify(code, 'js');
const bootName = `boot-${hash(boot).slice(0, 16)}.js`;
if (oldBoot && oldBoot !== bootName) fs.rmSync(path.join(dir, oldBoot));
fs.writeFileSync(path.join(dir, bootName), boot);
html = html.replace(ours, `<script type="module" src="./${bootName}"></script>`);
fs.writeFileSync(indexPath, html);
console.log(`postbuild: ${wasmPath} uses ${features.map((f) => f.name).join(', ') || 'WebAssembly 1.0 only'}`);
await checkParts(features);

// 2. The first screen.
const host = /<div id="brand-self-check">[\s\S]*?<!--\/bsc-->\s*<\/div>|<div id="brand-self-check"><\/div>/;
if (!host.test(html)) {
  console.error('postbuild: no empty <div id="brand-self-check"></div> in index.html');
  process.exit(1);
}
const markup = execFileSync('cargo', ['run', '--quiet', '--features', 'prerender', '--bin', 'prerender'],
  { cwd: path.join(here, '..'), stdio: ['ignore', 'pipe', 'inherit'] }).toString();
if (!markup.includes('class="bsc"')) {
  console.error('postbuild: the prerendered first screen looks wrong:', markup.slice(0, 200));
  process.exit(1);
}
html = html.replace(host, `<div id="brand-self-check">${markup}<!--/bsc--></div>`);
fs.writeFileSync(indexPath, html);

const leftover = html.match(/<script(?![^>]*\bsrc=)[^>]*>[\s\S]{0,120}/);
if (leftover) {
  console.error('postbuild: index.html still has an inline script:', leftover[0]);
  process.exit(1);
}

// 3. The shipped standards, byte for byte (their SHA-256 is recorded with every result, so it must
// match the source file's): fetched when opened, precached below, not compiled into the wasm.
// The list is the app's own (src/standards.rs), printed by the prerender binary.
const shipped = execFileSync('cargo', ['run', '--quiet', '--features', 'prerender', '--bin', 'prerender', '--', '--standards'],
  { cwd: path.join(here, '..'), stdio: ['ignore', 'pipe', 'inherit'] }).toString().split('\n').filter(Boolean);
if (shipped.length === 0) {
  console.error('postbuild: the app lists no shipped standards');
  process.exit(1);
}
for (const id of shipped) {
  fs.copyFileSync(path.join(here, '..', 'standards', `${id}.json`), path.join(dir, `standard-${id}.json`));
}

// 4. The spreadsheet writer, bundled afresh from web/xlsx.js each time (esbuild's output is
// deterministic, so the same sources give the same name). Its licences go with it: the bundle is
// a copy of the two libraries.
const modules = path.join(here, '..', 'node_modules');
const licences = ['write-excel-file', 'fflate'].map((name) => {
  const { version } = JSON.parse(fs.readFileSync(path.join(modules, name, 'package.json'), 'utf8'));
  return `${name} ${version}\n\n${fs.readFileSync(path.join(modules, name, 'LICENSE'), 'utf8').trim()}`;
}).join('\n\n');
const bundled = await esbuild.build({
  entryPoints: [path.join(web, 'xlsx.js')], bundle: true, minify: true, format: 'iife', write: false,
  target: TARGET, legalComments: 'none', logLevel: 'error',
  banner: { js: `/*! Brand Self-Check's spreadsheet writer (web/xlsx.js), with:\n\n${licences.replaceAll('*/', '* /')}\n*/` },
});
/**
 * Writes `data` as `<stem>-<16 hex of its hash>.<ext>` (removing an older one of that stem) and
 * names it in the page as `<meta name="<meta>" content="./…">` (replacing an older name): how the
 * app finds a file it loads on demand. Returns the file's name.
 */
function named(stem, ext, data, meta) {
  const name = `${stem}-${hash(data).slice(0, 16)}.${ext}`;
  const old = new RegExp(`^${stem}-[0-9a-f]{16}\\.${ext}$`);
  for (const f of fs.readdirSync(dir)) if (old.test(f) && f !== name) fs.rmSync(path.join(dir, f));
  fs.writeFileSync(path.join(dir, name), data);
  const tag = `<meta name="${meta}" content="./${name}" />`;
  const was = new RegExp(`<meta name="${meta}" content="[^"]*" />`);
  html = was.test(html) ? html.replace(was, tag) : html.replace('</head>', `  ${tag}\n  </head>`);
  fs.writeFileSync(indexPath, html);
  return name;
}
const xlsx = bundled.outputFiles[0].contents;
const xlsxName = named('lazy-xlsx', 'js', xlsx, 'bsc-xlsx');
console.log(`postbuild: ${xlsxName} (${xlsx.length} bytes raw), loaded on the first spreadsheet export`);

// 4b. The English catalog, printed by the prerender binary from src/i18n.rs: the release wasm
// carries only the Chinese one and reads this file when English is first wanted. Precached like
// the rest (English works offline), off the critical path of a page in Chinese. Named in the page
// by <meta name="bsc-en">, the same way as the spreadsheet writer.
const english = execFileSync('cargo', ['run', '--quiet', '--features', 'prerender', '--bin', 'prerender', '--', '--catalog-en'],
  { cwd: path.join(here, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
if (!JSON.parse(english.toString()).strings?.length) {
  console.error('postbuild: the English catalog printed by the prerender binary is empty');
  process.exit(1);
}
const englishName = named('catalog-en', 'json', english, 'bsc-en');
console.log(`postbuild: ${englishName} (${english.length} bytes raw), read when English is first wanted`);

// 5. Minified: the bindings wasm-bindgen wrote (indented; esbuild's output has no indented line,
// so a folder already processed is left as it is) and the style sheet (esbuild's CSS output is
// its own fixed point), whose integrity attribute is written anew.
const bindingsPath = path.join(dir, jsPath);
const bindings = fs.readFileSync(bindingsPath, 'utf8');
if (/\n {2,}\S/.test(bindings)) fs.writeFileSync(bindingsPath, await minify(bindings, 'js'));
const sheet = /<link rel="stylesheet" href="\.\/(app-[0-9a-f]{16}\.css)"( integrity="sha384-[^"]*")?/;
const css = html.match(sheet);
if (!css) {
  console.error('postbuild: no style sheet app-<hash>.css linked from index.html');
  process.exit(1);
}
const cssPath = path.join(dir, css[1]);
const minCss = await minify(fs.readFileSync(cssPath, 'utf8'), 'css');
fs.writeFileSync(cssPath, minCss);
if (css[2]) {
  const sri = crypto.createHash('sha384').update(minCss).digest('base64');
  html = html.replace(sheet, (all) => all.replace(css[2], ` integrity="sha384-${sri}"`));
  fs.writeFileSync(indexPath, html);
}
console.log(`postbuild: ${jsPath} and ${css[1]} minified (${bindings.length} → ${fs.statSync(bindingsPath).size}, ${minCss.length} bytes raw)`);
// The page itself, on the critical path too: its comments (the sources', in index.html) and the
// indentation after each line break go; a line break stays wherever there was one, so no two
// words or inline elements are joined (the page has no <pre> or <textarea>). The marker that
// ends the prerendered screen stays: a folder processed again finds it.
const page = html.replace(/<!--(?!\/bsc-->)[\s\S]*?-->/g, '').replace(/\n\s+/g, '\n');
if (/<(pre|textarea)\b/.test(html)) {
  console.error('postbuild: index.html has a <pre> or <textarea>, whose text the whitespace step would change');
  process.exit(1);
}
if (page !== html) {
  html = page;
  fs.writeFileSync(indexPath, html);
}

// 6. The service worker, its comments left in web/sw.js (it counts towards the first visit).
const files = fs.readdirSync(dir).filter((f) => f !== 'sw.js' && !f.startsWith('.') && fs.statSync(path.join(dir, f)).isFile()).sort();
const version = hash(files.map((f) => f + '\0' + hash(fs.readFileSync(path.join(dir, f)))).join('\n')).slice(0, 16);
const lazy = files.filter((f) => f.startsWith('lazy-'));
// Files the widget's page never asks for (scripts/sizes.mjs, OTHERS): embed.js is loaded by a
// host's page, which this worker does not control; legacy.js only by a browser without modules,
// where the boot module that registers this worker never runs. Precaching them would only cost.
const others = ['embed.js', 'legacy.js'];
const precache = ['./', ...files.filter((f) => f !== 'index.html' && !lazy.includes(f) && !others.includes(f)).map((f) => './' + f)];
const sw = '// generated by scripts/postbuild.mjs from web/sw.js\n' + uncommented('sw.js')
  .replace('__VERSION__', () => version)
  .replace('__PRECACHE__', () => JSON.stringify(precache))
  .replace('__LAZY__', () => JSON.stringify(lazy.map((f) => './' + f)));
fs.writeFileSync(path.join(dir, 'sw.js'), sw);
const bytes = files.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
console.log(`postbuild: ${precache.length} URLs precached, ${lazy.length} cached on first use (${bytes} bytes raw), version ${version}`);

/**
 * 0a. The split points (src/parts.rs). With them, Trunk's bindings import their loaders from
 * wasm-split-cli's placeholder module, and the module Trunk built cannot run as it is. Cut from
 * cargo's output (linked with its relocations, .cargo/config.toml): wasm-split-cli writes the main
 * module, one wasm file per split point and one per set of split points sharing code, and the
 * loader module that fetches them; wasm-bindgen then writes the bindings and the main module
 * (keeping the function table exported: the split-off modules put their functions in it)
 * under Trunk's names. In a release build every module is optimised here, as Trunk would
 * (data-wasm-opt="0" in index.html leaves it to this step). The files get hashed names: a file
 * that the assessment's screens need is part-<hash>.wasm (precached: they work offline), a file
 * only the team screen or the comparison needs is lazy-part-<hash>.wasm (issue 16: not in the
 * first visit; cached on first use); the loader is parts-<hash>.js, minified, each fetch reading the response
 * as bytes (a server that labels wasm wrongly still works) and refusing one that is not ok, and a
 * failure logged as a warning (the app says it to the user).
 */
async function splitParts() {
  // The split points whose files are fetched on first use, not precached (issue 16: team merging
  // and the comparison out of the first visit).
  const LAZY_PARTS = ['team', 'compare'];
  const release = (process.env.TRUNK_PROFILE || 'release') === 'release';
  const optimise = (files) => Promise.all(files.map((f) => new Promise((resolve, reject) =>
    execFile(path.join(here, '..', 'node_modules', '.bin', 'wasm-opt'),
      [f, '-o', f, '-Oz', '--flatten', '--rereloop', '-Oz', '--low-memory-unused', '--converge'],
      (err, _out, stderr) => (err ? reject(new Error(`wasm-opt ${f}: ${stderr}`)) : resolve())))));
  const bindingsFile = path.join(dir, jsPath);
  if (!fs.readFileSync(bindingsFile, 'utf8').includes('__wasm_split_placeholder__')) {
    if (release) await optimise([path.join(dir, wasmPath)]);
    return;
  }
  const target = process.env.CARGO_TARGET_DIR || path.join(here, '..', 'target');
  const input = path.join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'brand-self-check.wasm');
  const stem = path.basename(jsPath, '.js');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-split-'));
  execFileSync('wasm-split-cli', [input, tmp, '--out-name', stem], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('wasm-bindgen', ['--target=web', `--out-dir=${tmp}/out`, `--out-name=${stem}`, '--no-typescript', '--keep-lld-exports',
    path.join(tmp, `${stem}.wasm`)], { stdio: ['ignore', 'ignore', 'inherit'] });
  let loader = fs.readFileSync(path.join(tmp, '__wasm_split.js'), 'utf8');
  const chunks = fs.readdirSync(tmp).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
  if (release) await optimise([path.join(tmp, 'out', `${stem}_bg.wasm`), ...chunks.map((f) => path.join(tmp, f))]);
  // Which split points each file serves: a split point's own file is split_<name>.wasm; a shared
  // one is declared after a comment listing its split points.
  for (const f of fs.readdirSync(dir)) if (/^(lazy-)?parts?-[0-9a-f]{16}\.(wasm|js)$/.test(f)) fs.rmSync(path.join(dir, f));
  for (const chunk of chunks) {
    const own = chunk.match(/^split_(\w+)\.wasm$/);
    const shared = loader.match(new RegExp(`/\\* ([\\w, ]+) \\*/\\s*const \\w+ = makeLoad\\(\\(\\) => \\{\\s*const src = fetch\\(new URL\\("\\./${chunk.replace('.', '\\.')}"`));
    const serves = own ? [own[1]] : shared ? shared[1].split(', ') : null;
    if (!serves || !loader.includes(`"./${chunk}"`)) {
      console.error(`postbuild: wasm-split-cli's loader does not name ${chunk} as expected`);
      process.exit(1);
    }
    const data = fs.readFileSync(path.join(tmp, chunk));
    const name = `${serves.every((p) => LAZY_PARTS.includes(p)) ? 'lazy-' : ''}part-${hash(data).slice(0, 16)}.wasm`;
    fs.writeFileSync(path.join(dir, name), data);
    loader = loader.replace(`"./${chunk}"`, `"./${name}"`);
  }
  const streaming = 'WebAssembly.instantiateStreaming(src, imports)';
  if (!loader.includes(streaming)) {
    console.error('postbuild: wasm-split-cli\'s loader does not fetch its modules as expected');
    process.exit(1);
  }
  // A load that fails is the app's to report (src/parts.rs: a message and a retry); the console
  // gets a warning, not an error: a reload while the report's file is on its way aborts it.
  if (!loader.includes('console.error(e);')) {
    console.error('postbuild: wasm-split-cli\'s loader does not report failures as expected');
    process.exit(1);
  }
  loader = loader.replace('console.error(e);', 'console.warn(e);');
  loader = loader.replaceAll(streaming,
    'src.then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${r.url}: ${r.status}`)))).then((b) => WebAssembly.instantiate(b, imports))');
  loader = await minify(loader, 'js');
  const loaderName = `parts-${hash(loader).slice(0, 16)}.js`;
  fs.writeFileSync(path.join(dir, loaderName), loader);
  const bindings = fs.readFileSync(path.join(tmp, 'out', `${stem}.js`), 'utf8');
  // Only where the bindings import it: the wasm's import object keeps the module's own name.
  if (!/\bfrom\s*['"]\.\/__wasm_split\.js['"]/.test(bindings)) {
    console.error('postbuild: the split bindings do not import wasm-split-cli\'s loader');
    process.exit(1);
  }
  fs.writeFileSync(bindingsFile, bindings.replace(/(\bfrom\s*)(['"])\.\/__wasm_split\.js\2/g, (_, from) => `${from}'./${loaderName}'`));
  fs.copyFileSync(path.join(tmp, 'out', `${stem}_bg.wasm`), path.join(dir, wasmPath));
  fs.rmSync(tmp, { recursive: true });
  console.log(`postbuild: split points cut into ${chunks.length} files, loaded by ${loaderName}`);
}

/**
 * Every split-off file (`part-*`, `lazy-part-*`) validates with the WebAssembly features the main
 * module uses, which the boot script checks: none needs another.
 */
async function checkParts(features) {
  // A list the boot script kept for the same module (no binaryen names): its parts were checked.
  if (!features.every((f) => f.key)) return;
  const wasmOpt = path.join(here, '..', 'node_modules', '.bin', 'wasm-opt');
  const parts = fs.readdirSync(dir).filter((f) => /^(lazy-)?part-[0-9a-f]{16}\.wasm$/.test(f));
  const flags = ['--mvp-features', ...features.flatMap((f) => (f.key === 'bulk-memory' ? ['bulk-memory', 'bulk-memory-opt'] : [f.key])).map((k) => `--enable-${k}`)];
  const bad = (await Promise.all(parts.map((f) => new Promise((resolve) =>
    execFile(wasmOpt, [path.join(dir, f), ...flags], (err) => resolve(err ? f : null)))))).filter(Boolean);
  if (bad.length) {
    console.error(`postbuild: ${bad.join(', ')} need WebAssembly features the main module does not (${flags.join(' ')})`);
    process.exit(1);
  }
}

/**
 * Renames the imports wasm-bindgen named `__wbg…` / `__wbindgen…` and the exports named
 * `…__h<16 hex>` to short names (imports a, b, …, Z, aa, …; exports $a, $b, …) in the wasm's
 * import and export sections (every other section byte for byte) and wherever the bindings name
 * them as a whole word. Fails the build if a name to change is not in the bindings as expected
 * (an import exactly once, as its key; an export at least once). A module already renamed has
 * no such names left, so a second run changes nothing.
 */
function shortNames(wasmFile, jsFile) {
  const b = fs.readFileSync(wasmFile);
  let js = fs.readFileSync(jsFile, 'utf8');
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const short = (k) => (k < letters.length ? letters[k] : short(Math.floor(k / letters.length) - 1) + letters[k % letters.length]);
  const leb = (n) => { const out = []; do { let x = n & 0x7f; n >>>= 7; if (n) x |= 0x80; out.push(x); } while (n); return Buffer.from(out); };
  const name = (t) => { const bytes = Buffer.from(t); return Buffer.concat([leb(bytes.length), bytes]); };
  let i = 8;
  const read = () => { let r = 0, s = 0, x; do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return r; };
  const str = () => { const n = read(); const t = b.subarray(i, i + n).toString(); i += n; return t; };
  const renames = [];
  const rename = (old, fresh, once) => {
    const word = new RegExp(`(?<![\\w$])${old.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
    const count = (js.match(word) || []).length;
    if (once ? count !== 1 : count < 1) {
      console.error(`postbuild: ${old} is in the bindings ${count} times, not ${once ? 'once' : 'at least once'}`);
      process.exit(1);
    }
    js = js.replace(word, fresh);
    renames.push(old);
    return fresh;
  };
  const out = [b.subarray(0, 8)];
  while (i < b.length) {
    const id = b[i++], size = read(), body = i, end = body + size;
    let content = b.subarray(body, end);
    if (id === 2 || id === 7) {
      const parts = [];
      const n = read();
      for (let k = 0; k < n; k++) {
        if (id === 2) {
          const module = str(), field = str(), from = i;
          const kind = b[i++];
          if (kind === 0) read();
          else if (kind === 1) { i++; if (read() & 1) { read(); read(); } else read(); }
          else if (kind === 2) { if (read() & 1) { read(); read(); } else read(); }
          else if (kind === 3) i += 2;
          else { console.error(`postbuild: import kind ${kind} not understood`); process.exit(1); }
          const fresh = /^__wbg|^__wbindgen/.test(field) ? rename(field, short(k), true) : field;
          parts.push(name(module), name(fresh), b.subarray(from, i));
        } else {
          const field = str(), from = i;
          i++; read();
          const fresh = /__h[0-9a-f]{16}$/.test(field) ? rename(field, '$' + short(k), false) : field;
          parts.push(name(fresh), b.subarray(from, i));
        }
      }
      if (i !== end) { console.error(`postbuild: section ${id} of ${wasmFile} not read to its end`); process.exit(1); }
      content = Buffer.concat([leb(n), ...parts]);
    }
    out.push(Buffer.from([id]), leb(content.length), content);
    i = end;
  }
  if (renames.length === 0) return;
  fs.writeFileSync(wasmFile, Buffer.concat(out));
  fs.writeFileSync(jsFile, js);
  console.log(`postbuild: ${renames.length} imports and exports between the wasm and its bindings given short names`);
}

/**
 * The WebAssembly features beyond 1.0 that the module really uses, each with the oldest Chromium
 * that has it and a minimal module needing it, for the boot script to probe with
 * WebAssembly.validate. The linker's target_features section lists what the compiler *allowed*
 * (the precompiled std is built with rustc's defaults); a listed feature is used when the module
 * no longer validates without it (wasm-opt, with the section itself removed, since binaryen
 * would otherwise take the features from it). Fails the build for a feature without a probe.
 */
async function requiredFeatures(file) {
  const PROBES = {
    // binaryen's name: [the name users and the README use, oldest Chromium, a module needing it]
    'sign-ext': ['sign-extension operators', 'Chromium 74',
      [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 127, 1, 127, 3, 2, 1, 0, 10, 7, 1, 5, 0, 32, 0, 192, 11]],
    'mutable-globals': ['mutable globals', 'Chromium 74',
      [0, 97, 115, 109, 1, 0, 0, 0, 2, 8, 1, 1, 97, 1, 98, 3, 127, 1]],
    'nontrapping-float-to-int': ['non-trapping float-to-int', 'Chromium 75',
      [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 125, 1, 127, 3, 2, 1, 0, 10, 8, 1, 6, 0, 32, 0, 252, 0, 11]],
    'bulk-memory': ['bulk memory', 'Chromium 75',
      [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 3, 1, 0, 1, 10, 13, 1, 11, 0, 65, 0, 65, 0, 65, 0, 252, 11, 0, 11]],
    'multivalue': ['multi-value', 'Chromium 85',
      [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 0, 2, 127, 127, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 65, 0, 11]],
    'reference-types': ['reference types', 'Chromium 96',
      [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 111, 3, 2, 1, 0, 10, 6, 1, 4, 0, 208, 111, 11]],
  };
  // target_features names → binaryen's flags.
  const flag = { nontrapping_fptoint: 'nontrapping-float-to-int', 'nontrapping-fptoint': 'nontrapping-float-to-int', simd128: 'simd', atomics: 'threads' };
  const bytes = fs.readFileSync(file);
  const sections = [];
  let listed = [];
  let i = 8;
  const leb = () => { let r = 0, s = 0, x; do { x = bytes[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return r; };
  while (i < bytes.length) {
    const begin = i, id = bytes[i++], size = leb(), body = i;
    let name = '';
    if (id === 0) { const n = leb(); name = bytes.subarray(i, i + n).toString(); i += n; }
    if (name === 'target_features') {
      for (let n = leb(); n > 0; n--) {
        const prefix = String.fromCharCode(bytes[i++]), len = leb(), f = bytes.subarray(i, i + len).toString();
        i += len;
        if (prefix === '+') listed.push(flag[f] || f);
      }
    } else sections.push(bytes.subarray(begin, body + size));
    i = body + size;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-features-'));
  const bare = path.join(tmp, 'module.wasm');
  fs.writeFileSync(bare, Buffer.concat([bytes.subarray(0, 8), ...sections]));
  const wasmOpt = path.join(here, '..', 'node_modules', '.bin', 'wasm-opt');
  const validates = (args) => new Promise((resolve) => execFile(wasmOpt, [bare, ...args], (err) => resolve(!err)));
  listed = [...new Set(listed)].filter((f) => f !== 'call-indirect-overlong'); // an encoding; wasm-opt rewrites it
  if (!(await validates(['--mvp-features', ...listed.map((f) => `--enable-${f}`)]))) {
    fs.rmSync(tmp, { recursive: true });
    console.error(`postbuild: ${file} does not validate with the features it lists (${listed.join(', ')})`);
    process.exit(1);
  }
  // binaryen's bulk-memory implies its bulk-memory-opt (memory.copy / fill): one proposal to
  // engines, so they are taken out together.
  const group = (f) => (f === 'bulk-memory-opt' ? 'bulk-memory' : f);
  const candidates = [...new Set(listed.map(group))];
  const without = await Promise.all(candidates.map((c) =>
    validates(['--mvp-features', ...listed.filter((g) => group(g) !== c).map((g) => `--enable-${g}`)])));
  const used = candidates.filter((c, k) => !without[k]);
  fs.rmSync(tmp, { recursive: true });
  const out = [];
  for (const f of used) {
    if (!PROBES[f]) {
      console.error(`postbuild: the module uses the WebAssembly feature ${f}, which web/boot.js cannot check yet: add a probe`);
      process.exit(1);
    }
    const [name, since, probe] = PROBES[f];
    if (!out.some((o) => o.name === name)) out.push({ name, since, probe, key: f });
  }
  return out;
}
