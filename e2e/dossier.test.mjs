// End-to-end: the application file (issue 14). A complete Qingdao manufacturer's assessment, for
// 青岛优品 and 好品山东: the checklist and the action plan edited, saved, reloaded, exported to a
// spreadsheet (read back with read-excel-file and rendered to a screenshot), printed, exported as
// answers and imported back, with broken entries each reported and nothing else lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readExcelFile from 'read-excel-file/node';
import { serve, launch, open, golden, root } from './support.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const artifacts = path.join(root, 'e2e', 'artifacts');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-dossier-'));

/** Imports an answers file from the start page and opens the report. */
async function importToReport(page, file, lang = 'zh') {
  await page.locator('#bsc-standard-enterprise').check();
  await page.locator('.bsc-start input[type=file]').setInputFiles(file);
  await page.locator('.bsc-dialog').waitFor();
  const dialog = await page.locator('.bsc-dialog').textContent();
  await page.locator('.bsc-dialog .bsc-button').first().click();
  await page.locator('.bsc-step').waitFor();
  await page.locator('.bsc-header__nav').getByRole('button', { name: lang === 'zh' ? '检查页' : 'Review page' }).click();
  await page.locator('.bsc-actions--nav .bsc-button').last().click();
  await page.locator('.bsc-report').waitFor();
  return dialog;
}

const plan = (page) => page.locator('[data-testid=programme-plan]');

async function pick(page, name) {
  await page.locator('#bsc-plan-for').selectOption({ label: name });
  await plan(page).locator('option:checked', { hasText: name }).waitFor({ state: 'attached' });
}

test('checklist and action plan: edit, save, reload, spreadsheet, print, export and import back', { timeout: 120_000 }, async () => {
  const g = golden('enterprise', '16-qingdao-manufacturer-youpin-ready');
  const seed = path.join(tmp, 'seed.json');
  fs.writeFileSync(seed, JSON.stringify(g));
  const { page, context, problems } = await open(browser, server);
  await importToReport(page, seed);

  for (const name of ['青岛优品·工业', '好品山东·制造']) {
    const label = await page.locator('#bsc-plan-for option').evaluateAll((os, n) => os.map((o) => o.textContent).find((t) => t.includes(n.split('·')[0])), name);
    assert.ok(label, `${name} is offered`);
    await pick(page, label);
    const docs = plan(page).locator('[data-testid=checklist] .bsc-doc');
    const n = await docs.count();
    assert.ok(n >= 5, `${label}: ${n} documents`);
    assert.match(await plan(page).locator('[data-testid=calendar]').textContent(), /以当年通知为准/);
    // Mark the first document as in hand with where it is: the counts follow.
    const first = docs.first();
    const id = await first.getAttribute('data-doc');
    await first.locator('[data-field=status]').selectOption('have');
    await plan(page).locator(`.bsc-doc[data-doc="${id}"][data-status=have]`).waitFor();
    await first.locator('[data-field=place]').fill('档案室 A-3');
    await first.locator('[data-field=place]').blur();
    assert.match(await plan(page).locator('[data-testid=checklist-counts]').textContent(), /已有 [1-9]/);
    // A document in hand leaves the plan; one still to prepare is an item.
    assert.equal(await plan(page).locator(`li[data-key="document:${id}"]`).count(), 0);
  }
  // The first item of 好品山东's plan: owner, a due date already past (allowed, marked), in progress.
  const item = plan(page).locator('li.bsc-plan__item').first();
  const key = await item.getAttribute('data-key');
  await item.locator('[data-field=owner]').fill('王芳');
  await item.locator('[data-field=owner]').blur();
  await item.locator('[data-field=due]').fill('2020-01-31');
  await item.locator('[data-field=status]').selectOption('doing');
  await plan(page).locator(`li[data-key="${key}"] [data-testid=overdue]`).waitFor();
  assert.match(await plan(page).locator('[data-testid=action-totals]').textContent(), /进行中 1 · .*已逾期 1/);

  // Saved: a reload brings it all back.
  await page.reload();
  await page.locator('[data-mounted]').waitFor();
  await page.locator('#bsc-standard-enterprise').check();
  await page.locator('.bsc-start .bsc-actions .bsc-button').first().click();
  await page.locator('.bsc-step, .bsc-report').first().waitFor();
  await page.locator('.bsc-header__nav').getByRole('button', { name: '检查页' }).click();
  await page.locator('.bsc-actions--nav .bsc-button').last().click();
  await page.locator('.bsc-report').waitFor();
  const label = await page.locator('#bsc-plan-for option').evaluateAll((os) => os.map((o) => o.textContent).find((t) => t.includes('好品山东')));
  await pick(page, label);
  const again = plan(page).locator(`li[data-key="${key}"]`);
  assert.equal(await again.locator('[data-field=owner]').inputValue(), '王芳');
  assert.equal(await again.locator('[data-field=due]').inputValue(), '2020-01-31');
  assert.equal(await again.locator('[data-field=status]').inputValue(), 'doing');

  // The spreadsheet: four sheets, Chinese intact, the record in its row.
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').first().click()]);
  assert.match(xlsx.suggestedFilename(), /^brand-self-check-plan-enterprise-\d{8}\.xlsx$/);
  const book = await readExcelFile(await xlsx.path());
  assert.deepEqual(book.map((s) => s.sheet), ['行动计划', '申报材料', '申报条件', '得分']);
  const actions = book[0].data;
  assert.deepEqual(actions[0].slice(0, 4), ['项目', '序号', '类别', '事项']);
  const row = actions.find((r) => r.includes('王芳'));
  assert.ok(row, 'the owner is in the actions sheet');
  assert.ok(row.includes('进行中') && row.includes('已逾期') && String(row[0]).includes('好品山东'), JSON.stringify(row));
  const due = row[5];
  assert.ok(due instanceof Date ? due.toISOString().startsWith('2020-01-31') : String(due).includes('2020'), `due ${due}`);
  assert.ok(book[1].data.some((r) => r.includes('档案室 A-3') && r.includes('已有')), 'the mark is in the documents sheet');
  assert.ok(book[2].data.length > 10 && book[3].data.some((r) => r[0] === '总分'));
  // Rendered, to look at.
  const view = await context.newPage();
  await view.setContent(`<meta charset="utf-8"><style>body{font:13px 'Noto Sans CJK SC',sans-serif}table{border-collapse:collapse;margin:0 0 16px}td{border:1px solid #999;padding:2px 6px;max-width:360px}</style>` +
    book.map((s) => `<h3>${s.sheet}</h3><table>${s.data.slice(0, 12).map((r) => `<tr>${r.map((c) => `<td>${c instanceof Date ? c.toISOString().slice(0, 10) : (c ?? '')}</td>`).join('')}</tr>`).join('')}</table>`).join(''));
  fs.mkdirSync(artifacts, { recursive: true });
  await view.screenshot({ path: path.join(artifacts, 'dossier-xlsx.png'), fullPage: true });
  await view.close();

  // Print: the records print as text, the editors do not.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await again.locator('.bsc-record').isVisible(), false);
  assert.match(await again.locator('.bsc-record__print').textContent(), /进行中 · 负责人：王芳 · 完成期限：2020-01-31/);
  await page.emulateMedia({ media: 'screen' });

  // Export the answers; they carry the marks and the records.
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出回答（JSON）' }).first().click()]);
  const exported = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.equal(exported.version, 4);
  assert.equal(exported.actions[key].owner, '王芳');
  assert.equal(exported.actions[key].due, '2020-01-31');
  assert.ok(Object.values(exported.checklist).some((m) => m.status === 'have' && m.where === '档案室 A-3'));

  // Broken by hand: an impossible date, an owner of 10,000 characters, a document the standard
  // does not know. Each gets its own line in the preview; everything else comes back.
  const broken = structuredClone(exported);
  broken.actions[key].due = '2027-02-30';
  broken.actions[key].owner = '长'.repeat(10_000);
  broken.checklist.passport = { status: 'have' };
  const brokenFile = path.join(tmp, 'broken.json');
  fs.writeFileSync(brokenFile, JSON.stringify(broken));
  await page.locator('.bsc-header__nav').getByRole('button', { name: '开始页' }).click();
  const dialog = await importToReport(page, brokenFile);
  assert.match(dialog, /2027-02-30.*不是真实存在的日期/);
  assert.match(dialog, /owner 有 10000 个字符，已截为 100 个/);
  assert.match(dialog, /材料 passport 不在本标准的清单中/);
  await pick(page, label);
  const back = plan(page).locator(`li[data-key="${key}"]`);
  assert.equal((await back.locator('[data-field=owner]').inputValue()).length, 100);
  assert.equal(await back.locator('[data-field=due]').inputValue(), '');
  assert.equal(await back.locator('[data-field=status]').inputValue(), 'doing');
  assert.equal(await total(page), String(g.golden.expect.total));
  assert.deepEqual(problems, []);
  await context.close();
});

test('in English the checklist and the plan speak English, and the spreadsheet too', { timeout: 90_000 }, async () => {
  const g = golden('enterprise', '16-qingdao-manufacturer-youpin-ready');
  const seed = path.join(tmp, 'seed-en.json');
  fs.writeFileSync(seed, JSON.stringify(g));
  const { page, context, problems } = await open(browser, server, '?lang=en');
  await importToReport(page, seed, 'en');
  assert.match(await plan(page).textContent(), /Application documents[^]*Action plan/);
  assert.doesNotMatch(await plan(page).locator('[data-testid=checklist]').textContent(), /[已待]有|待准备/);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').first().click()]);
  const book = await readExcelFile(await xlsx.path());
  assert.deepEqual(book.map((s) => s.sheet), ['Actions', 'Documents', 'Conditions', 'Scores']);
  assert.deepEqual(problems, []);
  await context.close();
});

const total = (page) => page.locator('.bsc-report [data-testid=total]').first().textContent();
