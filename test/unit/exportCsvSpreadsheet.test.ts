// A real spreadsheet as the oracle for CSV formula injection: LibreOffice Calc (Debian's libreoffice-calc-nogui,
// installed by scripts/ensure-test-env.sh) imports the export headless with formulas evaluated, under the import
// settings an admin may have — its dialog's defaults, every separator with spaces trimmed, and quotes ignored — and
// converts it to flat ODF, whose cells say whether they hold a formula. The writer before the fix is run through the
// same imports as a control, so the oracle is seen to catch formulas.
import * as assert from 'assert';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { writeBrowserExport } from '../../src/export/browserExport';
import { HOSTILE_VALUES } from './csvHostileValues';

/** LibreOffice CSV filter options (sc/source/ui/dbgui/asciiopt.cxx): separators, text delimiter, UTF-8, first line,
 *  column formats, language, quoted-as-text, detect special numbers, as shown, formulas, trim spaces, sheet,
 *  evaluate formulas. */
const IMPORTS: Record<string, string> = {
  "the import dialog's defaults (, ; tab), formulas evaluated": '44/59/9,34,76,1,,0,false,true,true,false,false,0,true',
  'every separator (, ; tab | space) with spaces trimmed': '44/59/9/124/32,34,76,1,,0,false,true,true,false,true,0,true',
  'quotes ignored (no text delimiter), , ; tab | separators, spaces trimmed': '44/59/9/124,0,76,1,,0,false,true,true,false,true,0,true',
};

function soffice(): string {
  for (const candidate of ['soffice', '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice']) {
    if (candidate.includes('/') ? fs.existsSync(candidate) : (process.env.PATH ?? '').split(':').some((d) => fs.existsSync(path.join(d, candidate))))
      return candidate;
  }
  throw new Error('LibreOffice (soffice) is missing: run bash scripts/ensure-test-env.sh (it installs libreoffice-calc-nogui)');
}

function run(file: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 90_000 }, (err, _out, stderr) =>
      err ? reject(new Error(`${file} failed: ${err.message}\n${stderr}`)) : resolve(),
    );
  });
}

/** Imports each CSV with `options` and returns, per file, the number of cells holding a formula. */
async function formulaCells(work: string, csvFiles: string[], options: string): Promise<number[]> {
  const out = fs.mkdtempSync(path.join(work, 'out-'));
  await run(soffice(), [
    '--headless',
    '--norestore',
    '--nolockcheck',
    `-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`,
    `--infilter=CSV:${options}`,
    '--convert-to',
    'fods',
    '--outdir',
    out,
    ...csvFiles,
  ]);
  return csvFiles.map((csv) => {
    const fods = path.join(out, `${path.basename(csv, '.csv')}.fods`);
    assert.ok(fs.existsSync(fods), `LibreOffice wrote no ${fods}`);
    const xml = fs.readFileSync(fods, 'utf8');
    assert.ok(/<table:table-cell/.test(xml), 'the converted sheet has no cells');
    return (xml.match(/<table:table-cell[^>]*\btable:formula=/g) ?? []).length;
  });
}

async function exportText(values: readonly string[]): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  async function* pages() {
    yield { browsers: values.map((v, i) => ({ deviceId: `dev-${i}`, machineName: v, annotatedNotes: v })) };
  }
  await writeBrowserExport(pages(), out, 'csv');
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

/** What the writer did before: a leading = + - @ tab CR got an apostrophe, quotes only when needed. */
function oldExportText(values: readonly string[]): string {
  const field = (v: string) => {
    const t = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return ['deviceId,machineName,annotatedNotes', ...values.map((v, i) => [`dev-${i}`, v, v].map(field).join(','))].join('\n') + '\n';
}

describe('CSV export opened in LibreOffice Calc', function () {
  this.timeout(180_000);
  let work: string;
  let exported: string;
  let control: string;

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cbcm-csv-oracle-'));
    exported = path.join(work, 'export.csv');
    control = path.join(work, 'control.csv');
    fs.writeFileSync(exported, await exportText(HOSTILE_VALUES));
    fs.writeFileSync(control, oldExportText(HOSTILE_VALUES));
  });
  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  for (const [name, options] of Object.entries(IMPORTS)) {
    it(`holds no formula with ${name} (the old writer's file does)`, async () => {
      const [ours, old] = await formulaCells(work, [exported, control], options);
      assert.strictEqual(ours, 0, `${ours} cell(s) of the export became formulas`);
      assert.ok(old > 0, 'the control file produced no formula: the oracle would not catch a regression');
    });
  }
});
