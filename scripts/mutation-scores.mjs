#!/usr/bin/env node
// Prints the mutation score per source folder from Stryker's JSON report(s) (`npm run test:mutation` writes
// reports/mutation/mutation.json). Several reports may be named (e.g. one per folder run with --mutate); a file
// in a later report replaces the same file in an earlier one.
//   node scripts/mutation-scores.mjs [report.json ...] [--files] [--survivors [folder]]
// Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker counts it; mutants that
// did not compile, errored or were ignored (static, or disabled with a reason) do not count.
import fs from 'node:fs';
import path from 'node:path';

const TARGETS = { 'src/api': 85, 'src/query': 85 };
const DEFAULT_TARGET = 75;
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const args = process.argv.slice(2);
const survivorsAt = args.indexOf('--survivors');
const survivorsFolder =
  survivorsAt >= 0 ? (args[survivorsAt + 1] && !args[survivorsAt + 1].endsWith('.json') ? args[survivorsAt + 1] : '') : undefined;
const reports = args.filter((a, i) => a.endsWith('.json') && !(survivorsAt >= 0 && i === survivorsAt + 1 && !a.endsWith('.json')));
if (reports.length === 0) reports.push('reports/mutation/mutation.json');

const files = new Map();
for (const report of reports) {
  if (!fs.existsSync(report)) {
    console.error(`No mutation report at ${report}: run \`npm run test:mutation\` first.`);
    process.exit(1);
  }
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  for (const [file, result] of Object.entries(json.files))
    files.set(path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/'), result);
}

/** src/webview/detailsModel.ts → src/webview */
const folderOf = (file) => file.split('/').slice(0, 2).join('/');

const rows = new Map();
for (const [file, result] of files) {
  const folder = folderOf(file);
  const row = rows.get(folder) ?? { detected: 0, undetected: 0, ignored: 0, invalid: 0, files: 0 };
  row.files++;
  for (const m of result.mutants) {
    if (DETECTED.has(m.status)) row.detected++;
    else if (UNDETECTED.has(m.status)) row.undetected++;
    else if (m.status === 'Ignored') row.ignored++;
    else row.invalid++;
  }
  rows.set(folder, row);
}

const pct = (r) => (r.detected + r.undetected === 0 ? 100 : (100 * r.detected) / (r.detected + r.undetected));
const total = { detected: 0, undetected: 0, ignored: 0, invalid: 0, files: 0 };
console.log('folder          files  killed  survived  ignored  invalid   score  target');
let missed = 0;
for (const [folder, r] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
  for (const k of Object.keys(total)) total[k] += r[k];
  const target = TARGETS[folder] ?? DEFAULT_TARGET;
  const ok = pct(r) >= target;
  if (!ok) missed++;
  console.log(
    `${folder.padEnd(15)} ${String(r.files).padStart(5)} ${String(r.detected).padStart(7)} ${String(r.undetected).padStart(9)} ${String(r.ignored).padStart(8)} ${String(r.invalid).padStart(8)} ${pct(r).toFixed(1).padStart(6)} %  ≥ ${target} %${ok ? '' : '  (not met)'}`,
  );
}
console.log(
  `${'all'.padEnd(15)} ${String(total.files).padStart(5)} ${String(total.detected).padStart(7)} ${String(total.undetected).padStart(9)} ${String(total.ignored).padStart(8)} ${String(total.invalid).padStart(8)} ${pct(total).toFixed(1).padStart(6)} %`,
);
if (missed) console.log(`${missed} folder(s) below target.`);

if (args.includes('--files')) {
  console.log('\nfile                                              killed  survived   score');
  for (const [file, result] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const r = { detected: 0, undetected: 0 };
    for (const m of result.mutants) {
      if (DETECTED.has(m.status)) r.detected++;
      else if (UNDETECTED.has(m.status)) r.undetected++;
    }
    console.log(`${file.padEnd(48)} ${String(r.detected).padStart(7)} ${String(r.undetected).padStart(9)} ${pct(r).toFixed(1).padStart(6)} %`);
  }
}

if (survivorsFolder !== undefined) {
  console.log('\nSurviving mutants:');
  for (const [file, result] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    if (survivorsFolder && !file.startsWith(survivorsFolder)) continue;
    const lines = result.source.split('\n');
    for (const m of result.mutants.filter((x) => UNDETECTED.has(x.status)).sort((a, b) => a.location.start.line - b.location.start.line)) {
      const line = lines[m.location.start.line - 1]?.trim() ?? '';
      console.log(
        `${file}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName} → ${JSON.stringify(m.replacement ?? '')}  | ${line.slice(0, 110)}`,
      );
    }
  }
}
