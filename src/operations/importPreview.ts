// The import preview of "Import Annotations from CSV", kept compact: for 100,000 rows a PreviewRow object each
// (changes, after values, problem text) costs ~60 MB of heap, most of it repeating what the parsed rows and the
// fleet index already hold. So per row only its status (one byte) and the matched browser's device id (a
// reference to the index's own string) are kept, plus the first line of a duplicate (rare). A whole PreviewRow is
// built again on demand, for the rows on screen and for the rows being applied, by the same pure functions the
// matching used: the parsed rows, the index and the options never change, so the row is the same as at matching.
import { ANNOTATION_LABELS, normalizeAnnotation, validateAnnotation } from '../model/annotations';
import { l10n } from '../util/l10n';
import type { BulkTarget } from './bulkTargets';
import {
  idsFor,
  type FieldChangePreview,
  type FleetIndex,
  type ImportRow,
  type MatchOptions,
  type ParsedImport,
  type PreviewRow,
  type RowStatus,
} from './csvImport';

/** The status codes, in the order the preview's filters list them. */
export const ROW_STATUSES: readonly RowStatus[] = ['change', 'unchanged', 'noMatch', 'ambiguous', 'invalid', 'duplicate'];
const CODE = new Map(ROW_STATUSES.map((s, i) => [s, i]));

/** The browsers a row's key names, as matching sees them. */
function lookup(parsed: ParsedImport, index: FleetIndex, key: string): readonly string[] {
  if (parsed.key === 'deviceId') return index.byId.has(key) ? [key] : [];
  return idsFor(parsed.key === 'serialNumber' ? index.bySerial : index.byName, key);
}

type Evaluated = Pick<PreviewRow, 'status' | 'changes' | 'problem' | 'after'>;

/** The status `evaluate` would give, without building its changes (matching 100,000 rows makes no garbage). */
function statusOf(parsed: ParsedImport, row: ImportRow, target: BulkTarget, options: MatchOptions): RowStatus {
  const current = target.annotations!;
  let changed = false;
  for (const f of parsed.fields) {
    const raw = row.values[f];
    if (raw === undefined && !options.emptyCellsClear) continue;
    const v = normalizeAnnotation(f, raw ?? '');
    if (validateAnnotation(f, v)) return 'invalid';
    if (v !== current[f]) changed = true;
  }
  if (row.orgUnitPath && row.orgUnitPath !== target.orgUnitPath) {
    if (options.orgUnits && !options.orgUnits.has(row.orgUnitPath)) return 'invalid';
    changed = true;
  }
  return changed ? 'change' : 'unchanged';
}

/** What a matched row (one browser, first row for it) would change on that browser, or why it is invalid. */
function evaluate(parsed: ParsedImport, row: ImportRow, target: BulkTarget, options: MatchOptions): Evaluated {
  const current = target.annotations!;
  const after = { ...current };
  const changes: FieldChangePreview[] = [];
  for (const f of parsed.fields) {
    const raw = row.values[f];
    if (raw === undefined && !options.emptyCellsClear) continue;
    const v = normalizeAnnotation(f, raw ?? '');
    const problem = validateAnnotation(f, v);
    if (problem) return { status: 'invalid', changes: [], problem: l10n.t('{0}: {1}', ANNOTATION_LABELS[f], problem) };
    if (v !== current[f]) changes.push({ field: f, from: current[f], to: v });
    after[f] = v;
  }
  if (row.orgUnitPath && row.orgUnitPath !== target.orgUnitPath) {
    if (options.orgUnits && !options.orgUnits.has(row.orgUnitPath)) {
      return { status: 'invalid', changes: [], problem: l10n.t('There is no org unit "{0}".', row.orgUnitPath) };
    }
    changes.push({ field: 'orgUnitPath', from: target.orgUnitPath ?? '', to: row.orgUnitPath });
  }
  return { status: changes.length ? 'change' : 'unchanged', changes, after };
}

/** Matches every row of the file to the browsers (by the file's key column) and keeps the outcome compactly. */
export function matchImport(parsed: ParsedImport, index: FleetIndex, options: MatchOptions = {}): ImportPreview {
  return new ImportPreview(parsed, index, options);
}

export class ImportPreview implements Iterable<PreviewRow> {
  readonly length: number;
  readonly counts: Record<RowStatus, number> = { change: 0, unchanged: 0, noMatch: 0, ambiguous: 0, invalid: 0, duplicate: 0 };
  /** Per row, its status as an index into ROW_STATUSES. */
  private readonly codes: Uint8Array;
  /** Per row, the one browser it matched (invalid, unchanged, change and duplicate rows), else a hole. */
  private readonly deviceIds: (string | undefined)[];
  /** Duplicate rows: the line of the first row that sets the same browser. */
  private readonly firstLines = new Map<number, number>();
  /** The positions of the last filter `page` was asked for. */
  private filterKey = '';
  private filtered: Int32Array | undefined;

  constructor(
    readonly parsed: ParsedImport,
    readonly index: FleetIndex,
    private readonly options: MatchOptions = {},
  ) {
    const rows = parsed.rows;
    this.length = rows.length;
    this.codes = new Uint8Array(rows.length);
    this.deviceIds = new Array<string | undefined>(rows.length);
    // Which row claimed a browser first; only needed while matching.
    const claimed = new Map<string, number>();
    for (let i = 0; i < rows.length; i++) {
      const status = this.match(i, claimed);
      this.codes[i] = CODE.get(status)!;
      this.counts[status]++;
    }
  }

  private match(i: number, claimed: Map<string, number>): RowStatus {
    const row = this.parsed.rows[i];
    if (!row.key) return 'invalid';
    const ids = lookup(this.parsed, this.index, row.key);
    if (ids.length !== 1) return ids.length === 0 ? 'noMatch' : 'ambiguous';
    const deviceId = ids[0];
    this.deviceIds[i] = deviceId;
    const first = claimed.get(deviceId);
    if (first !== undefined) {
      this.firstLines.set(i, first);
      return 'duplicate';
    }
    claimed.set(deviceId, row.line);
    return statusOf(this.parsed, row, this.index.byId.get(deviceId)!, this.options);
  }

  status(i: number): RowStatus {
    return ROW_STATUSES[this.codes[i]];
  }

  /** The file line of row `i` (the header is line 1). */
  line(i: number): number {
    return this.parsed.rows[i].line;
  }

  deviceId(i: number): string | undefined {
    return this.deviceIds[i];
  }

  /** Row `i` in full, built again from the parsed row and the index (what it was at matching). */
  row(i: number): PreviewRow {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`no row ${i} in a preview of ${this.length}`);
    const { line, key } = this.parsed.rows[i];
    const base = { line, key, changes: [] as FieldChangePreview[] };
    const status = this.status(i);
    const deviceId = this.deviceIds[i];
    const k = this.parsed.key;
    if (status === 'noMatch') return { ...base, status, problem: l10n.t('No browser has {0} "{1}".', k, key) };
    if (status === 'ambiguous') {
      const candidates = [...lookup(this.parsed, this.index, key)];
      return { ...base, status, candidates, problem: l10n.t('{0} browsers have {1} "{2}"; use deviceId for them.', candidates.length, k, key) };
    }
    if (deviceId === undefined) return { ...base, status: 'invalid', problem: l10n.t('The {0} cell is empty.', k) };
    if (status === 'duplicate')
      return { ...base, deviceId, status, problem: l10n.t('Line {0} already sets this browser.', String(this.firstLines.get(i))) };
    const evaluated = evaluate(this.parsed, this.parsed.rows[i], this.index.byId.get(deviceId)!, this.options);
    return { ...base, deviceId, ...evaluated };
  }

  /** The positions of the rows whose status is one of `statuses`, in file order. */
  select(statuses: Iterable<RowStatus>): Int32Array {
    const wanted = new Set([...statuses].map((s) => CODE.get(s)));
    let n = 0;
    for (const s of ROW_STATUSES) if (wanted.has(CODE.get(s))) n += this.counts[s];
    const out = new Int32Array(n);
    let j = 0;
    for (let i = 0; i < this.length; i++) if (wanted.has(this.codes[i])) out[j++] = i;
    return out;
  }

  /**
   * One page of the rows with `statuses` (the preview's filters): the positions of the `offset`-th to the
   * `offset + limit - 1`-th of them (fewer at the end, none past it) and how many there are. The last filter's
   * positions are kept, so scrolling through it is one slice each time.
   */
  page(statuses: Iterable<RowStatus>, offset: number, limit: number): { total: number; positions: number[] } {
    const wanted = new Set(statuses);
    const key = ROW_STATUSES.filter((s) => wanted.has(s)).join(',');
    if (key !== this.filterKey || !this.filtered) [this.filterKey, this.filtered] = [key, this.select(wanted)];
    const start = Math.max(0, offset);
    return { total: this.filtered.length, positions: Array.from(this.filtered.subarray(start, Math.max(start, start + limit))) };
  }

  /** Every row in full, one at a time (nothing is kept). */
  *[Symbol.iterator](): Iterator<PreviewRow> {
    for (let i = 0; i < this.length; i++) yield this.row(i);
  }
}

/** Counts per status, for rows held some other way (an ImportPreview has them as `counts`). */
export function countByStatus(rows: Iterable<PreviewRow>): Record<RowStatus, number> {
  const counts: Record<RowStatus, number> = { change: 0, unchanged: 0, noMatch: 0, ambiguous: 0, invalid: 0, duplicate: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}
