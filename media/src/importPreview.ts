// The CSV-import preview (webview side). All rows arrive once; only the rows on screen exist in the DOM, so
// 100,000 rows scroll smoothly. Row text only ever goes into textContent. Keyboard: Tab reaches the filters,
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

let rows: PreviewRowView[] = [];
let visible: PreviewRowView[] = [];
const excluded = new Set<number>();
const shown = new Set<RowStatus>(Object.keys(STATUS_LABELS) as RowStatus[]);
const results = new Map<number, string>();
let focusedIndex = 0;
let busy = false;

const app = document.getElementById('app')!;
const summary = el('p', { className: 'summary', attrs: { role: 'status', 'aria-live': 'polite' } });
const filters = el('div', { className: 'toolbar', attrs: { role: 'group', 'aria-label': 'Show rows' } });
const table = el('div', { className: 'table', attrs: { role: 'grid', tabindex: '0', 'aria-label': 'Import rows' } });
const spacer = el('div');
const applyButton = el('button', { text: 'Apply' });
const cancelButton = el('button', { className: 'secondary', text: 'Close' });

function applicable(): number {
  return rows.filter((r) => r.status === 'change' && !excluded.has(r.line)).length;
}

function renderSummary(): void {
  applyButton.textContent = `Apply ${applicable().toLocaleString(displayLocale())} change${applicable() === 1 ? '' : 's'}…`;
  applyButton.disabled = busy || applicable() === 0;
}

function renderFilters(): void {
  filters.replaceChildren();
  const counts = new Map<RowStatus, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  for (const status of Object.keys(STATUS_LABELS) as RowStatus[]) {
    const box = el('input', { attrs: { type: 'checkbox' } });
    box.checked = shown.has(status);
    box.addEventListener('change', () => {
      if (box.checked) shown.add(status);
      else shown.delete(status);
      refilter();
    });
    filters.append(el('label', {}, box, `${STATUS_LABELS[status]} (${(counts.get(status) ?? 0).toLocaleString(displayLocale())})`));
  }
}

function refilter(): void {
  visible = rows.filter((r) => shown.has(r.status));
  spacer.style.height = `${visible.length * ROW_HEIGHT}px`;
  focusedIndex = Math.min(focusedIndex, Math.max(0, visible.length - 1));
  renderRows();
}

function rowElement(r: PreviewRowView, index: number): HTMLElement {
  const box = el('input', { attrs: { type: 'checkbox', 'aria-label': `Include line ${r.line}`, tabindex: '-1' } });
  box.checked = !excluded.has(r.line);
  box.disabled = r.status !== 'change';
  box.addEventListener('change', () => toggle(r));
  const result = results.get(r.line);
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
  table.setAttribute('aria-rowcount', String(visible.length + 1));
  // The header comes first and sticks (CSS); the spacer after it gives the scroll height, rows sit on top of it.
  table.replaceChildren(head, spacer, ...visible.slice(first, first + count).map((r, i) => rowElement(r, first + i)));
  const focused = visible[focusedIndex];
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
    focusedIndex = Math.max(0, Math.min(visible.length - 1, focusedIndex + moves[e.key]));
    const top = (focusedIndex + 1) * ROW_HEIGHT;
    if (top < table.scrollTop + ROW_HEIGHT || top > table.scrollTop + table.clientHeight - ROW_HEIGHT) table.scrollTop = top - table.clientHeight / 2;
    renderRows();
    e.preventDefault();
  } else if (e.key === ' ' && visible[focusedIndex]) {
    toggle(visible[focusedIndex]);
    e.preventDefault();
  }
});
applyButton.addEventListener('click', () => channel.post({ type: 'apply', requestId: applies.next(), excluded: [...excluded] }));
cancelButton.addEventListener('click', () => channel.post({ type: 'cancel' }));

function handle(m: ImportExtensionMessage): void {
  if (m.type === 'rows') {
    rows = m.rows;
    app.removeAttribute('aria-busy');
    app.replaceChildren(
      el(
        'header',
        { className: 'page-header' },
        el('h1', { text: `Import preview: ${m.file}` }),
        el('p', { className: 'counts', text: 'Nothing has been sent. Untick rows to leave them out, then Apply.' }),
      ),
      filters,
      el('div', { className: 'toolbar' }, applyButton, cancelButton),
      summary,
      table,
    );
    renderFilters();
    refilter();
  } else if (m.type === 'applied') {
    if (!applies.settle(m.requestId)) return; // a reply to an apply this page did not send
    for (const r of m.results) results.set(r.line, r.result);
    summary.textContent = m.summary;
    renderRows();
  } else if (m.type === 'busy') {
    busy = m.busy;
    renderSummary();
  }
}
channel.ready();
