#!/usr/bin/env node
// The old Chromium kernels the widget is tested in (README, "Supported browsers"): headless
// Chromium builds shipped inside the npm package chrome-aws-lambda, installed by `npm ci` under the
// aliases in package.json. Each package holds bin/chromium.br (the browser, brotli-compressed) and
// bin/aws.tar.br + bin/swiftshader.tar.br (the shared libraries it needs that Debian 12 lacks, and a
// software GL). This unpacks them once into node_modules/.cache/old-kernels/<major>/ (so `npm ci`,
// which empties node_modules, also resets them) and tells how to start each.
//   node scripts/kernels.mjs   — unpack what is missing and print each kernel's version (setup.sh)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Chromium major → the npm alias that ships it (package.json). */
export const KERNELS = { 86: 'chrome-aws-lambda-86', 88: 'chrome-aws-lambda-88', 90: 'chrome-aws-lambda-90', 92: 'chrome-aws-lambda-92' };

/** How these builds run here: headless (they have no other mode), as root without the sandbox,
 * without GPU. Not --single-process: Chromium 88 then cannot open a second browser context. */
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Unpacks kernel `major` if needed; returns { major, executablePath, env }. */
export function kernel(major) {
  const pkg = KERNELS[major];
  if (!pkg) throw new Error(`no old kernel ${major} (known: ${Object.keys(KERNELS).join(', ')})`);
  const bin = path.join(root, 'node_modules', pkg, 'bin');
  if (!fs.existsSync(path.join(bin, 'chromium.br'))) {
    throw new Error(`${pkg} is not installed (scripts/setup.sh test runs npm ci)`);
  }
  const dir = path.join(root, 'node_modules', '.cache', 'old-kernels', String(major));
  const exe = path.join(dir, 'chromium');
  // The stamp names the package's own version, so a changed pin unpacks again.
  const version = JSON.parse(fs.readFileSync(path.join(bin, '..', 'package.json'), 'utf8')).version;
  const stamp = path.join(dir, '.unpacked');
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== version) {
    console.log(`[setup] unpacking headless Chromium ${major} from ${pkg}@${version} into ${path.relative(root, dir)}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(exe, zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, 'chromium.br'))), { mode: 0o755 });
    for (const t of ['aws', 'swiftshader']) {
      fs.mkdirSync(path.join(dir, t));
      execFileSync('tar', ['-x', '-C', path.join(dir, t)], { input: zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, `${t}.tar.br`))) });
    }
    fs.writeFileSync(stamp, version);
  }
  return {
    major: Number(major),
    executablePath: exe,
    // aws/lib: NSS, expat, uuid … of the build's own era; swiftshader/: its software GL (Chromium
    // also looks for it there, next to the executable). Fonts are Debian's (fonts-noto-cjk).
    env: { ...process.env, LD_LIBRARY_PATH: [path.join(dir, 'aws', 'lib'), path.join(dir, 'swiftshader'),
      process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const major of Object.keys(KERNELS)) {
    const k = kernel(major);
    // These headless builds have no --version: ask the page for the user agent.
    const dom = execFileSync(k.executablePath, [...ARGS, '--dump-dom',
      'data:text/html,<script>document.write(navigator.userAgent)</script>'], { env: k.env, stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 }).toString();
    const v = (dom.match(/HeadlessChrome\/[\d.]+/) || ['nothing'])[0];
    if (!v.startsWith(`HeadlessChrome/${major}.`)) { console.error(`kernels: ${k.executablePath} reports ${v}, expected ${major}`); process.exit(1); }
    console.log(`${major}: ${v} (${path.relative(root, k.executablePath)})`);
  }
}
