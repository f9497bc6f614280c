// The CSV-import preview (webview side). The rows stay in the extension host; this page asks for the pages on
// screen (a few cached, see PAGE_ROWS and MAX_CACHED_PAGES) and only the rows on screen exist in the DOM, so
// 100,000 rows scroll smoothly and cost neither side a copy of them all. Row text only ever goes into textContent. Keyboard: Tab reaches the filters,
// the table (arrows move, Space excludes/includes the focused row) and the buttons.
import type { RowStatus } from '../../src/operations/csvImport';
import {
  parseImportExtensionMessage,
  type ImportExtensionMessage,
  type ImportWebviewMessage,
  type PreviewRowView,
} from '../../src/webview/importPreview/protocol';
import { el } from './_dom';
import { connect, Requests } from './_webview';
import { displayLocale } from './_locale';

const channel = connect<ImportExtensionMessage, ImportWebviewMessage>('importPreview', parseImportExtensionMessage, handle);
const applies = new Requests();

const ROW_HEIGHT = 24;
const STATUS_LABELS: Record<RowStatus, string> = {
  change: 'Will change',
  unchanged: 'Unchanged',
  noMatch: 'No match',
  ambiguous: 'Several matches',
  invalid: 'Invalid',
  duplicate: 'Duplicate',
};

const PAGE_ROWS = 100;
const MAX_CACHED_PAGES = 30;

let file = '';
let counts: Record<RowStatus, number> | undefined;
/** How many rows the filters show (from the counts; each page reply says it again). */
let total = 0;
/** Pages of the rows the filters show, by page number; cleared when the filters change or Apply reports. */
const pages = new Map<number, PreviewRowView[]>();
/** Page requests in flight: request id → page number, for the filter generation they were asked for. */
const inflight = new Map<number, { page: number; generation: number }>();
let generation = 0;
let nextRequest = 0;
const excluded = new Set<number>();
const shown = new Set<RowStatus>(Object.keys(STATUS_LABELS) as RowStatus[]);
let focusedIndex = 0;
let busy = false;

const app = document.getElementById('app')!;
const summary = el('p', { className: 'summary', attrs: { role: 'status', 'aria-live': 'polite' } });
const filters = el('div', { className: 'toolbar', attrs: { role: 'group', 'aria-label': 'Show rows' } });
const table = el('div', { className: 'table', attrs: { role: 'grid', tabindex: '0', 'aria-label': 'Import rows' } });
const spacer = el('div');
const applyButton = el('button', { text: 'Apply' });
const cancelButton = el('button', { className: 'secondary', text: 'Close' });

/** Only rows that will change can be left out, so this is exact without seeing every row. */
function applicable(): number {
  return (counts?.change ?? 0) - excluded.size;
}

function rowAt(index: number): PreviewRowView | undefined {
  return pages.get(Math.floor(index / PAGE_ROWS))?.[index % PAGE_ROWS];
}

/** Asks for a page not cached or asked for yet (in this filter generation). */
function want(page: number): void {
  if (pages.has(page) || page * PAGE_ROWS >= total) return;
  for (const r of inflight.values()) if (r.page === page && r.generation === generation) return;
  const requestId = ++nextRequest;
  inflight.set(requestId, { page, generation });
  channel.post({ type: 'page', requestId, statuses: [...shown], offset: page * PAGE_ROWS, limit: PAGE_ROWS });
}

/** Drops the cached pages farthest from the one on screen. */
function trimCache(around: number): void {
  const far = [...pages.keys()].sort((a, b) => Math.abs(b - around) - Math.abs(a - around));
  while (pages.size > MAX_CACHED_PAGES) pages.delete(far.shift()!);
}

/** Everything shown is stale (filters changed, or results came): ask again. */
function reload(): void {
  generation++;
  pages.clear();
  inflight.clear();
  renderRows();
}

function renderSummary(): void {
  applyButton.textContent = `Apply ${applicable().toLocaleString(displayLocale())} change${applicable() === 1 ? '' : 's'}…`;
  applyButton.disabled = busy || applicable() === 0;
}

function renderFilters(): void {
  filters.replaceChildren();
  for (const status of Object.keys(STATUS_LABELS) as RowStatus[]) {
    const box = el('input', { attrs: { type: 'checkbox' } });
    box.checked = shown.has(status);
    box.addEventListener('change', () => {
      if (box.checked) shown.add(status);
      else shown.delete(status);
      refilter();
    });
    filters.append(el('label', {}, box, `${STATUS_LABELS[status]} (${(counts?.[status] ?? 0).toLocaleString(displayLocale())})`));
  }
}

function refilter(): void {
  total = [...shown].reduce((n, s) => n + (counts?.[s] ?? 0), 0);
  focusedIndex = Math.min(focusedIndex, Math.max(0, total - 1));
  reload();
}

function rowElement(r: PreviewRowView, index: number): HTMLElement {
  const box = el('input', { attrs: { type: 'checkbox', 'aria-label': `Include line ${r.line}`, tabindex: '-1' } });
  box.checked = !excluded.has(r.line);
  box.disabled = r.status !== 'change';
  box.addEventListener('change', () => toggle(r));
  const result = r.result;
  const row = el(
    'div',
    {
      className: `row${excluded.has(r.line) ? ' excluded' : ''}${index === focusedIndex ? ' focused' : ''}`,
      attrs: { role: 'row', 'aria-rowindex': String(index + 2), 'data-line': String(r.line) },
    },
    el('span', { attrs: { role: 'gridcell' } }, box),
    el('span', { text: String(r.line), attrs: { role: 'gridcell' } }),
    el('span', { text: r.key, attrs: { role: 'gridcell', title: r.key } }),
    el('span', { text: r.browser ?? '—', attrs: { role: 'gridcell', title: r.browser ?? '' } }),
    el('span', { className: `status-${r.status}`, text: STATUS_LABELS[r.status], attrs: { role: 'gridcell' } }),
    el('span', {
      className: result && result !== 'done' ? 'result-failed' : '',
      text: result ? `${result === 'done' ? '✓ done' : `✗ ${result}`} — ${r.text}` : r.text,
      attrs: { role: 'gridcell', title: r.text },
    }),
  );
  row.style.top = `${(index + 1) * ROW_HEIGHT}px`;
  return row;
}

function renderRows(): void {
  const first = Math.max(0, Math.floor(table.scrollTop / ROW_HEIGHT) - 5);
  const count = Math.ceil(table.clientHeight / ROW_HEIGHT) + 10;
  const head = el(
    'div',
    { className: 'row head', attrs: { role: 'row', 'aria-rowindex': '1' } },
    ...['Use', 'Line', 'Key', 'Browser', 'Status', 'Change'].map((h) => el('span', { text: h, attrs: { role: 'columnheader' } })),
  );
  const last = Math.min(total, first + count);
  for (let p = Math.floor(first / PAGE_ROWS); p * PAGE_ROWS < last; p++) want(p);
  trimCache(Math.floor(first / PAGE_ROWS));
  const shownRows: HTMLElement[] = [];
  for (let i = first; i < last; i++) {
    const r = rowAt(i);
    // A row whose page has not come yet is drawn when it comes.
    if (r) shownRows.push(rowElement(r, i));
  }
  spacer.style.height = `${total * ROW_HEIGHT}px`;
  table.setAttribute('aria-rowcount', String(total + 1));
  table.setAttribute('aria-busy', String(shownRows.length < last - first));
  // The header comes first and sticks (CSS); the spacer after it gives the scroll height, rows sit on top of it.
  table.replaceChildren(head, spacer, ...shownRows);
  const focused = rowAt(focusedIndex);
  // The grid keeps the focus itself (rows come and go as it scrolls), so its label names the focused row.
  if (focused) table.setAttribute('aria-label', `Import rows; line ${focused.line}: ${STATUS_LABELS[focused.status]}, ${focused.text}`);
  renderSummary();
}

function toggle(r: PreviewRowView): void {
  if (r.status !== 'change' || busy) return;
  if (excluded.has(r.line)) excluded.delete(r.line);
  else excluded.add(r.line);
  renderRows();
}

table.addEventListener('scroll', () => renderRows());
table.addEventListener('keydown', (e) => {
  const page = Math.max(1, Math.floor(table.clientHeight / ROW_HEIGHT) - 1);
  const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
  if (e.key in moves) {
    focusedIndex = Math.max(0, Math.min(total - 1, focusedIndex + moves[e.key]));
    const top = (focusedIndex + 1) * ROW_HEIGHT;
    if (top < table.scrollTop + ROW_HEIGHT || top > table.scrollTop + table.clientHeight - ROW_HEIGHT) table.scrollTop = top - table.clientHeight / 2;
    renderRows();
    e.preventDefault();
  } else if (e.key === ' ' && rowAt(focusedIndex)) {
    toggle(rowAt(focusedIndex)!);
    e.preventDefault();
  }
});
applyButton.addEventListener('click', () => channel.post({ type: 'apply', requestId: applies.next(), excluded: [...excluded] }));
cancelButton.addEventListener('click', () => channel.post({ type: 'cancel' }));

function handle(m: ImportExtensionMessage): void {
  if (m.type === 'init') {
    [file, counts] = [m.file, m.counts];
    app.removeAttribute('aria-busy');
    app.replaceChildren(
      el(
        'header',
        { className: 'page-header' },
        el('h1', { text: `Import preview: ${file}` }),
        el('p', { className: 'counts', text: 'Nothing has been sent. Untick rows to leave them out, then Apply.' }),
      ),
      filters,
      el('div', { className: 'toolbar' }, applyButton, cancelButton),
      summary,
      table,
    );
    renderFilters();
    refilter();
  } else if (m.type === 'page') {
    const asked = inflight.get(m.requestId);
    inflight.delete(m.requestId);
    if (!asked || asked.generation !== generation) return; // for filters no longer shown
    total = m.total;
    pages.set(asked.page, m.rows);
    renderRows();
  } else if (m.type === 'applied') {
    if (!applies.settle(m.requestId)) return; // a reply to an apply this page did not send
    summary.textContent = m.summary;
    reload(); // the rows come again with their results
  } else if (m.type === 'busy') {
    busy = m.busy;
    renderSummary();
  }
}
channel.ready();
