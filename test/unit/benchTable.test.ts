// The README's performance table is generated from the benchmark report (scripts/benchTable.ts). Runs the
// generator on a fixed report: no benchmark runs and no time is asserted, only that the table says what the JSON says.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { renderPerformanceSection, replaceBetweenMarkers, TABLE_END, TABLE_START, updateReadme, type BenchReport } from '../../scripts/benchTable';

const fixture = path.join(__dirname, 'fixtures', 'benchReport.json');
const report = JSON.parse(fs.readFileSync(fixture, 'utf8')) as BenchReport;

/** The table's data lines as arrays of trimmed cells. */
function tableCells(section: string): string[][] {
  return section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| Benchmark'))
    .map((l) =>
      l
        .slice(2, -2)
        .split(/ (?<!\\)\| /)
        .map((c) => c.trim()),
    );
}

describe('benchmark table generator (scripts/benchTable.ts)', () => {
  it('shows each row with ours, its baseline, the ratio, the target and the result', () => {
    const rows = tableCells(renderPerformanceSection(report));
    assert.deepStrictEqual(rows[0], [
      '1a. Fleet listing, 20,000 browsers',
      '5.60 s (5.50–5.90, n=3)',
      'quota-bound ideal (computed): 5.25 s',
      '1.07×',
      '≤ 1.15× ideal',
      'pass',
    ]);
    // No stored ratio: computed from the medians. A "|" in a name is escaped so the row keeps its six cells.
    assert.deepStrictEqual(rows[1], [
      '2. Client overhead \\| CPU',
      '1200 ms (1100–1300, n=9)',
      'bare fetch loop: 1000 ms (900–1100, n=9)',
      '1.20×',
      '≤ 1.10× bare loop',
      '**FAIL**',
    ]);
    assert.deepStrictEqual(rows[2], ['5b. Peak RSS exporting', '127 MB (125–129, n=3)', '—', '—', '< 200 MB', 'n/a']);
    assert.strictEqual(rows.length, report.rows.length);
  });

  it('says which run the figures come from and lists the notes', () => {
    const section = renderPerformanceSection(report);
    assert.match(
      section,
      /^Figures of a full run on 2026-12-01: 2 cores \(Test CPU\), 8 GB, Node v20\.0\.0, load average 1\.5 1\.2 1 at start, 2\.5 2 1\.5 at end; 9 min/,
    );
    assert.match(section, /\n- 1a: 212 requests \(sequential paging: 200\)$/);
    assert.match(renderPerformanceSection({ ...report, quick: true }), /^Figures of a --quick run/);
  });

  it('replaces only what lies between the markers, and refuses a README without them', () => {
    const readme = `# Title\n\nBefore.\n${TABLE_START}\nold table\n${TABLE_END}\nAfter.\n`;
    const out = replaceBetweenMarkers(readme, 'NEW');
    assert.strictEqual(out, `# Title\n\nBefore.\n${TABLE_START}\nNEW\n${TABLE_END}\nAfter.\n`);
    assert.strictEqual(replaceBetweenMarkers(out, 'NEW'), out);
    assert.throws(() => replaceBetweenMarkers('# no markers\n', 'NEW'), /has no/);
  });

  it('rewrites a README file from a report file, and the repository README has the markers', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-table-'));
    try {
      const readme = path.join(dir, 'README.md');
      fs.writeFileSync(readme, `x\n${TABLE_START}\n${TABLE_END}\ny\n`);
      assert.strictEqual(updateReadme(fixture, readme), true);
      const text = fs.readFileSync(readme, 'utf8');
      assert.ok(text.includes('| 1a. Fleet listing, 20,000 browsers'));
      assert.ok(text.startsWith(`x\n${TABLE_START}\nFigures of a full run`) && text.endsWith(`${TABLE_END}\ny\n`));
      assert.strictEqual(updateReadme(fixture, readme), false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const repoReadme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    assert.ok(repoReadme.includes(TABLE_START) && repoReadme.includes(TABLE_END), 'README.md lacks the generated-table markers');
  });
});
