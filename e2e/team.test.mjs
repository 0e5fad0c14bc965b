// End-to-end: several assessments compared and combined (issue 15), and who the report is about
// (issue 17, item 6). Three respondents' files are combined — beside a damaged file, a second file of
// the same respondent and another questionnaire's file, each with its own line — one proposal is
// overridden with a reason, the combined result is checked against the consensus rule worked out
// here independently, exported, and imported back. Two years are compared across a version change
// of the questionnaire. The organisation and assessor typed on the report survive a reload and go
// into the exported file and the downloaded report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, golden, axe } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-team-'));
const base = golden('enterprise', '16-qingdao-manufacturer-youpin-ready');
delete base.golden;

/** A respondent's file: the golden answers with every level moved by `shift` (kept in 0–5, with
 * its note), except the questions in `set` ({id: level}). */
function respondent(file, assessor, role, shift, set = {}) {
  const f = structuredClone(base);
  for (const [id, q] of Object.entries(f.questions)) {
    if (typeof q.level === 'number') q.level = Math.max(0, Math.min(5, q.level + shift));
    if (id in set) q.level = set[id];
  }
  f.about = { assessor, ...(role ? { role } : {}) };
  const p = path.join(tmp, file);
  fs.writeFileSync(p, JSON.stringify(f, null, 2));
  return [p, f];
}

/** The consensus rule of ARCHITECTURE.md ("Comparing and combining"), written again here. */
function proposal(entries) {
  const levels = entries.filter((e) => typeof e?.level === 'number').map((e) => e.level).sort((a, b) => a - b);
  const na = entries.filter((e) => e?.na).length;
  if (na > levels.length) return 'na';
  const m = levels.length;
  if (m === 0) return null;
  return m % 2 ? levels[(m - 1) / 2] : Math.floor((levels[m / 2 - 1] + levels[m / 2]) / 2);
}

test('three respondents combined, one override with a reason, the result exported and imported back', { timeout: 120_000 }, async () => {
  const [pa, a] = respondent('wang.json', '王芳', 'staff', 0);
  const [pb, b] = respondent('li.json', '李雷', 'leader', 1, { 'A1.1': 5 });
  const [pc, c] = respondent('chen.json', '陈静', 'staff', -2);
  const [pdup] = respondent('wang-2.json', '王芳', 'staff', -1);
  const broken = path.join(tmp, 'broken.json');
  fs.writeFileSync(broken, fs.readFileSync(pa, 'utf8').slice(0, 300));
  const other = path.join(tmp, 'regional.json');
  const g = golden('regional', fs.readdirSync('standards/golden/regional')[0].replace(/\.json$/, ''));
  fs.writeFileSync(other, JSON.stringify(g));

  const { page, context, problems } = await open(browser, server);
  page.on('dialog', (d) => d.accept());
  await page.locator('#bsc-standard-enterprise').check();
  await page.getByTestId('open-team').click();
  await page.locator('.bsc-team').waitFor();
  await page.getByTestId('team-files').setInputFiles([pa, broken, pb, pdup, other, pc]);
  const lines = page.getByTestId('team-lines').locator('li');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=team-lines] li').length === 6);
  const text = await lines.allTextContents();
  assert.match(text[0], /^wang\.json：王芳，已答 \d+ 题/);
  assert.match(text.find((t) => t.startsWith('broken.json')), /不是有效的 JSON|JSON/);
  assert.match(text.find((t) => t.startsWith('wang-2.json')), /与 wang\.json 是同一位答卷人（王芳），未载入/);
  assert.match(text.find((t) => t.startsWith('regional.json')), /是另一份问卷（regional）的答卷，未载入/);
  assert.match(await page.getByTestId('team-summary').textContent(), /^3 位答卷人，\d+ 题意见不一。$/);
  // Leaders vs staff: one leader, two staff.
  assert.match(await page.getByTestId('team-roles').textContent(), /管理层（1 人）.*员工（2 人）/);

  // The proposal shown for every question is the rule's, worked out here.
  const table = page.getByTestId('team-table');
  const ids = Object.keys(a.questions);
  for (const id of ['A1.1', ids[Math.floor(ids.length / 2)], ids.at(-1)]) {
    const want = proposal([a, b, c].map((f) => f.questions[id]));
    const cells = await table.locator(`tr[data-question="${id}"] td`).allTextContents();
    assert.equal(cells[3], String(want ?? '—'), `${id}: ${cells}`);
  }
  // Override A1.1 (proposal 3 from 3, 5, 1) to 2: not applied until a reason is given.
  const row = table.locator('tr[data-question="A1.1"]');
  await row.locator('select').selectOption('2');
  await row.getByText('写明理由后才生效').waitFor();
  await row.locator('input').fill('评审会议定：证据只支持 2 级');
  await row.getByText('写明理由后才生效').waitFor({ state: 'detached' });
  assert.deepEqual(await axe(page), []);

  await page.getByTestId('team-use').click();
  await page.locator('.bsc-report').waitFor();
  const team = await page.getByTestId('report-team').textContent();
  assert.match(team, /本结果由 3 位答卷人的答卷合并而成：李雷（管理层）、王芳（员工）、陈静（员工）/);
  assert.match(team, /A1\.1：评审会议定：证据只支持 2 级/);

  // The export names the respondents and the override; every level is the consensus (or the override).
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出回答（JSON）' }).first().click()]);
  const out = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  assert.equal(out.version, 4);
  assert.deepEqual(out.team.respondents, [{ name: '李雷', role: 'leader' }, { name: '王芳', role: 'staff' }, { name: '陈静', role: 'staff' }]);
  assert.deepEqual(out.team.overrides, { 'A1.1': '评审会议定：证据只支持 2 级' });
  for (const id of Object.keys(a.questions)) {
    const want = id === 'A1.1' ? 2 : proposal([a, b, c].map((f) => f.questions[id]));
    const got = out.questions[id]?.na ? 'na' : out.questions[id]?.level ?? null;
    assert.equal(got, want, id);
  }
  // Notes gathered with who wrote them.
  assert.match(out.questions['A1.3'].note, /^李雷: 证明材料：A1\.3\n王芳: 证明材料：A1\.3\n陈静: 证明材料：A1\.3$/);

  // Start over, import the combined file: the same report, still naming its team.
  const exported = path.join(tmp, 'combined.json');
  fs.writeFileSync(exported, JSON.stringify(out));
  await page.locator('.bsc-header__nav').getByRole('button', { name: '开始页' }).click();
  await page.getByRole('button', { name: '重新开始' }).click();
  await page.locator('.bsc-start input[type=file]').first().setInputFiles(exported);
  await page.locator('.bsc-dialog').waitFor();
  await page.locator('.bsc-dialog .bsc-button').first().click();
  await page.locator('.bsc-header__nav').getByRole('button', { name: '检查页' }).click();
  await page.locator('.bsc-actions--nav .bsc-button').last().click();
  assert.match(await page.getByTestId('report-team').textContent(), /李雷（管理层）、王芳（员工）、陈静（员工）/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('two years compared across a version change, in English; the current assessment as one side', { timeout: 90_000 }, async () => {
  // Last year's file was answered against version 1.0.0: its migration carries some ids over and
  // maps others (A1.2, A1.4 …) to nothing; this year's raises A1.1 and B2.1.
  const last = structuredClone(base);
  last.standard.version = '1.0.0';
  last.questions['A1.2'] = { level: 2, note: '' };
  const now = structuredClone(base);
  now.questions['A1.1'] = { level: 5, note: '质量奖证书' };
  now.questions['B2.1'] = { level: 4, note: '检测报告' };
  const pLast = path.join(tmp, 'assessment-2025.json');
  const pNow = path.join(tmp, 'assessment-2026.json');
  fs.writeFileSync(pLast, JSON.stringify(last));
  fs.writeFileSync(pNow, JSON.stringify(now));

  const { page, context, problems } = await open(browser, server, '?lang=en');
  await page.locator('#bsc-standard-enterprise').check();
  await page.getByTestId('open-compare').click();
  await page.locator('.bsc-compare').waitFor();
  await page.getByTestId('compare-side-0').locator('input[type=file]').setInputFiles(pLast);
  await page.getByTestId('compare-side-0').getByText('assessment-2025.json (questionnaire version 1.0.0)').waitFor();
  // A damaged file for the later side: its own line, the earlier side untouched.
  const bad = path.join(tmp, 'bad.json');
  fs.writeFileSync(bad, '{"format": "brand-self-check/answers", "version": 99}');
  await page.getByTestId('compare-side-1').locator('input[type=file]').setInputFiles(bad);
  await page.getByTestId('compare-side-1').getByRole('status').waitFor();
  assert.match(await page.getByTestId('compare-side-1').textContent(), /bad\.json: .*newer/i);
  await page.getByTestId('compare-side-1').locator('input[type=file]').setInputFiles(pNow);
  await page.getByTestId('compare-result').waitFor();
  const changed = await page.getByTestId('compare-answers').textContent();
  assert.match(changed, /A1\.1 .*35/, 'A1.1 went from 3 to 5');
  assert.match(changed, /B2\.1 /);
  // A1.2 of the 1.0.0 file is not carried over by the migration: listed, never matched.
  assert.match(await page.getByTestId('compare-only-before').textContent(), /^Only in the earlier one \(not scored by the current version\): .*A1\.2/);
  assert.match(await page.getByTestId('compare-common').textContent(), /^Questions both have: \d+% \(\d+ of \d+\)$/);
  assert.match(await page.getByTestId('compare-summary').textContent(), /Provisional self-assessment score/);
  assert.deepEqual(await axe(page), []);
  // The current assessment (nothing answered yet) against last year's: every score falls.
  await page.getByTestId('compare-side-1').getByRole('button', { name: 'Use the current assessment' }).click();
  await page.getByTestId('compare-side-1').getByText('The current assessment on this device').waitFor();
  assert.match(await page.getByTestId('compare-summary').textContent(), /−\d+/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the organisation and assessor typed on the report are kept, exported and in the downloaded report', { timeout: 90_000 }, async () => {
  const seed = path.join(tmp, 'seed.json');
  fs.writeFileSync(seed, JSON.stringify(base));
  const { page, context } = await open(browser, server);
  await page.locator('#bsc-standard-enterprise').check();
  await page.locator('.bsc-start input[type=file]').first().setInputFiles(seed);
  await page.locator('.bsc-dialog .bsc-button').first().click();
  await page.locator('.bsc-header__nav').getByRole('button', { name: '检查页' }).click();
  await page.locator('.bsc-actions--nav .bsc-button').last().click();
  await page.getByTestId('who-organisation').fill('青岛某某食品有限公司');
  await page.getByTestId('who-organisation').blur();
  await page.getByTestId('who-assessor').fill('王芳');
  await page.getByTestId('who-assessor').blur();
  await page.getByTestId('who-role').selectOption('leader');
  await page.getByTestId('report-assessor').getByText('评估人：王芳（管理层）').waitFor();
  assert.equal(await page.getByTestId('report-organisation').textContent(), '受评组织：青岛某某食品有限公司');
  // Kept on the device: back after a reload.
  await page.reload();
  await page.locator('[data-mounted]').waitFor();
  await page.locator('#bsc-standard-enterprise').check();
  await page.locator('.bsc-start .bsc-actions .bsc-button').first().click();
  await page.locator('.bsc-header__nav').getByRole('button', { name: '检查页' }).click();
  await page.locator('.bsc-actions--nav .bsc-button').last().click();
  assert.equal(await page.getByTestId('report-organisation').textContent(), '受评组织：青岛某某食品有限公司');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出回答（JSON）' }).first().click()]);
  assert.deepEqual(JSON.parse(fs.readFileSync(await dl.path(), 'utf8')).about, { organisation: '青岛某某食品有限公司', assessor: '王芳', role: 'leader' });
  const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载报告' }).first().click()]);
  const doc = fs.readFileSync(await html.path(), 'utf8');
  assert.match(doc, /受评组织：青岛某某食品有限公司/);
  assert.match(doc, /评估人：王芳（管理层）/);
  assert.doesNotMatch(doc, /who-organisation/, 'the fields themselves stay out of the downloaded report');
  await context.close();
});
