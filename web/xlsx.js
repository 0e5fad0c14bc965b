// The spreadsheet writer, loaded only when the user exports a spreadsheet: src/xlsx.rs adds it as a
// classic <script> the first time, so a first visit never downloads it. scripts/postbuild.mjs
// bundles this file with write-excel-file and fflate (esbuild, one minified IIFE) into the build as
// lazy-xlsx-<hash>.js and names it in index.html (<meta name="bsc-xlsx">); the service worker does
// not precache it but keeps it once fetched, so exports work offline after the first one.
//
// It defines one global: BrandSelfCheckXlsx.write(workbookJson) → Promise<Blob>. The description:
//   {"sheets": [{"name": "行动计划", "columns": [8, 40], "freeze": 1,
//                "rows": [[{"s": "序号", "b": true}, {"s": "事项", "b": true}],
//                         [{"n": 1}, {"s": "多行\n文本"}, {"d": "2026-12-31"}, null]]}]}
// A cell is {"s": text}, {"n": number}, {"d": "YYYY-MM-DD"} (shown as yyyy-mm-dd) or null (empty);
// "b": true makes it bold. "columns" are widths in characters and "freeze" the number of top rows
// kept visible, both optional. Text wraps in columns 30 or more characters wide and wherever it
// holds a line break. Sheet names are made valid here (31 characters, none of []:*?/\, unique).
// A description that breaks these rules is refused: the promise rejects with a message saying where.
//
// The library's public entry points zip with fflate's asynchronous zip(), which moves any file
// over 160 kB into a Worker made from a blob: URL — refused under the site's strict CSP
// (script-src 'self'). So this uses the library's synchronous variant (fflate's zipSync), taken
// from its module path: the version is pinned exactly in package.json.
import { generateXlsxFileSync } from '../node_modules/write-excel-file/modules/export/writeXlsxFileUniversal.js';
import blobToBytes from '../node_modules/write-excel-file/modules/export/convertFileContentToUint8ArrayUniversal.js';

/** Columns at least this wide wrap their text. */
var WRAP_WIDTH = 30;
/** Excel's limit on the characters in one cell; longer text is cut there. */
var CELL_MAX = 32767;

/** A valid, unique sheet name for `name`: Excel allows 31 characters and none of []:*?/\. */
function sheetName(name, index, used) {
  var base = String(name == null ? '' : name).replace(/[\[\]:*?\/\\\s\u0000-\u001f]+/g, ' ').replace(/^[\s']+|[\s']+$/g, '');
  if (!base || base.toLowerCase() === 'history') base = 'Sheet' + (index + 1);
  for (var n = 1; ; n++) {
    var suffix = n === 1 ? '' : ' (' + n + ')';
    // Cut by code points, so a character outside the BMP is never split.
    var chars = Array.from(base);
    while (chars.join('').length + suffix.length > 31) chars.pop();
    var candidate = chars.join('').replace(/[\s']+$/, '') + suffix;
    if (used.indexOf(candidate.toLowerCase()) < 0) {
      used.push(candidate.toLowerCase());
      return candidate;
    }
  }
}

/** A date 'YYYY-MM-DD' as the UTC midnight the library counts from, or null. Excel's serial dates
 * are exact from 1900-03-01 (its 1900 leap-year bug comes before). */
function day(text) {
  var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  var date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (date.getUTCFullYear() !== +m[1] || date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3]) return null;
  return text >= '1900-03-01' ? date : null;
}

function cell(c, width, where) {
  if (c == null) return null;
  var out;
  if (typeof c !== 'object') {
    out = null;
  } else if (typeof c.s === 'string') {
    var text = c.s.length > CELL_MAX ? c.s.slice(0, CELL_MAX) : c.s;
    out = { type: String, value: text };
    if (width >= WRAP_WIDTH || text.indexOf('\n') >= 0) out.wrap = true;
  } else if (typeof c.n === 'number' && isFinite(c.n)) {
    out = { type: Number, value: c.n };
  } else if (typeof c.d === 'string' && day(c.d)) {
    out = { type: Date, value: day(c.d), format: 'yyyy-mm-dd' };
  }
  if (!out) throw new Error(where + ': a cell is {"s": text}, {"n": number}, {"d": "YYYY-MM-DD"} or null, not ' + JSON.stringify(c));
  // Wrapped neighbours make rows tall: every cell starts at the top.
  out.alignVertical = 'top';
  if (c.b === true) out.fontWeight = 'bold';
  return out;
}

function sheets(workbook) {
  if (!workbook || !Array.isArray(workbook.sheets) || workbook.sheets.length === 0) throw new Error('the workbook has no "sheets"');
  var used = [];
  return workbook.sheets.map(function (sheet, i) {
    var name = sheetName(sheet && sheet.name, i, used);
    var where = 'sheet ' + (i + 1) + ' (' + name + ')';
    var widths = (sheet && sheet.columns) || [];
    var rows = sheet && sheet.rows;
    if (!Array.isArray(widths) || widths.some(function (w) { return typeof w !== 'number' || !(w > 0 && w <= 255); })) {
      throw new Error(where + ': "columns" are widths in characters, 1 to 255');
    }
    if (!Array.isArray(rows)) throw new Error(where + ': no "rows"');
    var out = {
      sheet: name,
      data: rows.map(function (row, r) {
        if (!Array.isArray(row)) throw new Error(where + ', row ' + (r + 1) + ': a row is a list of cells');
        return row.map(function (c, k) { return cell(c, widths[k] || 0, where + ', row ' + (r + 1) + ', column ' + (k + 1)); });
      }),
      columns: widths.map(function (w) { return { width: w }; }),
    };
    if (sheet.freeze > 0 && sheet.freeze <= rows.length) out.stickyRowsCount = Math.floor(sheet.freeze);
    return out;
  });
}

globalThis.BrandSelfCheckXlsx = {
  /** The .xlsx file for a workbook description (JSON text), as a Blob. */
  write: function (workbookJson) {
    return new Promise(function (resolve) {
      resolve(generateXlsxFileSync(sheets(JSON.parse(workbookJson)), {}, undefined, blobToBytes));
    }).catch(function (e) {
      // A message, which src/xlsx.rs takes as it is (no Error object to look into).
      throw String((e && e.message) || e);
    });
  },
};
