// The fleet overview webview. It starts empty, says `ready`, and draws whatever state the extension sends:
// Chart.js bar charts (bundled, nothing from the network) in the theme's chart colours, each with a table of
// the same numbers (for screen readers, keyboards and copying). A click on a bar or a table button only names
// the bar; the extension decides what it does. A click anywhere in a bar's column counts (a one-browser bar is
// a sliver), and on a stacked bar it acts on the whole bar, not the segment under the pointer. Text goes in
// with textContent only. A right-click on a bar (or, on a focused chart, the arrow keys to choose a bar and
// Shift+F10 or the menu key) opens VS Code's own context menu for it: filter, or move / annotate / delete every
// browser the bar counts (src/webview/overview/barMenu.ts).

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
  type ChartEvent,
  type ActiveElement,
  type TooltipItem,
} from 'chart.js';
import type { ChartModel, FleetFigures, ItemAction } from '../../src/overview/figures';
import {
  parseOverviewExtensionMessage,
  type OverviewExtensionMessage,
  type OverviewState,
  type OverviewWebviewMessage,
} from '../../src/webview/overview/protocol';
import { barContext } from '../../src/webview/overview/barContext';
import type { OverviewScope } from '../../src/overview/figures';
import { append, el } from './_dom';
import { diffHeading, diffList, timeText } from './_snapshotDiff';
import { connect } from './_webview';
import { displayLocale } from './_locale';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const channel = connect<OverviewExtensionMessage, OverviewWebviewMessage>('overview', parseOverviewExtensionMessage, (msg) => render(msg.state));
const post = (m: OverviewWebviewMessage) => channel.post(m);
const app = document.getElementById('app')!;
const nf = new Intl.NumberFormat(displayLocale());
const pct = new Intl.NumberFormat(displayLocale(), { style: 'percent', maximumFractionDigits: 1 });

// ---------------------------------------------------------------- theme colours

const PALETTE_VARS = ['blue', 'green', 'yellow', 'orange', 'purple', 'red'] as const;
/** Platforms with their own colour token in overview.css (`--cbcm-platform-<name>`); others take the extra ones. */
const PLATFORM_TOKENS: Record<string, string> = { Windows: 'windows', Mac: 'mac', Linux: 'linux', ChromeOS: 'chromeos' };
const EXTRA_PLATFORM_TOKENS = ['extra-1', 'extra-2', 'extra-3'];
interface Theme {
  palette: string[];
  /** Okabe–Ito platform colours of the stacked version bars, by token name. */
  platforms: Record<string, string>;
  red: string;
  green: string;
  yellow: string;
  orange: string;
  grey: string;
  foreground: string;
  lines: string;
  font: string;
}

/** Read on <body>: VS Code sets --vscode-* on <html> (inherited), overview.css sets the platform tokens per body theme class. */
function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function readTheme(): Theme {
  const c = (n: string, f: string) => cssVar(`--vscode-charts-${n}`, f);
  const foreground = c('foreground', cssVar('--vscode-foreground', '#cccccc'));
  return {
    palette: PALETTE_VARS.map((n) => c(n, '#3794ff')),
    platforms: Object.fromEntries(
      [...Object.values(PLATFORM_TOKENS), ...EXTRA_PLATFORM_TOKENS].map((t) => [t, cssVar(`--cbcm-platform-${t}`, '#56b4e9')]),
    ),
    red: c('red', '#f14c4c'),
    green: c('green', '#89d185'),
    yellow: c('yellow', '#cca700'),
    orange: c('orange', '#d18616'),
    grey: cssVar('--vscode-descriptionForeground', foreground),
    foreground,
    lines: c('lines', 'rgba(128,128,128,0.35)'),
    font: getComputedStyle(document.body).fontFamily || 'sans-serif',
  };
}

let theme = readTheme();

/** The colour with reduced opacity (bars that cannot be clicked); colours in other notations stay as they are. */
function faded(color: string): string {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  return m ? `#${m[1]}66` : color;
}

// ---------------------------------------------------------------- page skeleton

const heading = el('h1', { text: 'Fleet overview' });
const status = el('span', { className: 'status muted', attrs: { role: 'status', 'aria-live': 'polite' } });
const refreshButton = btn('Refresh', () => post({ type: 'refresh' }), 'refresh');
const cancelButton = btn('Cancel', () => post({ type: 'cancel' }), 'cancel');
const saveButton = btn('Save snapshot', () => post({ type: 'saveSnapshot' }), 'save-snapshot', true);
const compareButton = btn('Compare with snapshot', () => post({ type: 'compareSnapshot' }), 'compare-snapshot', true);
const tablesButton = btn('Show tables', toggleTables, 'toggle-tables', true);
const stableMajorButton = btn('Set stable major…', () => post({ type: 'openStableMajorSetting' }), 'set-stable-major', true);
tablesButton.setAttribute('aria-pressed', 'false');
const errorBox = el('div', { className: 'error', attrs: { role: 'alert' } });
const warnings = el('ul', { className: 'warnings' });
const summary = el('div', { className: 'summary' });
const diffBox = el('section', { className: 'diff', attrs: { 'aria-label': 'Comparison with a snapshot' } });
const grid = el('div', { className: 'grid' });
const empty = el('p', { className: 'muted', text: 'No figures yet. Refresh to list the fleet.' });

function btn(text: string, onClick: () => void, id: string, secondary = false): HTMLButtonElement {
  const b = el('button', { text, className: secondary ? 'secondary' : '', attrs: { id, type: 'button' } });
  b.addEventListener('click', onClick);
  return b;
}

app.replaceChildren(
  el(
    'header',
    { className: 'page-header' },
    heading,
    el('div', { className: 'toolbar' }, refreshButton, cancelButton, saveButton, compareButton, tablesButton, status),
  ),
  errorBox,
  warnings,
  summary,
  diffBox,
  empty,
  grid,
);
app.removeAttribute('aria-busy');

let tablesOpen = false;
function toggleTables(): void {
  tablesOpen = !tablesOpen;
  tablesButton.textContent = tablesOpen ? 'Hide tables' : 'Show tables';
  tablesButton.setAttribute('aria-pressed', String(tablesOpen));
  for (const d of grid.querySelectorAll('details.table')) (d as HTMLDetailsElement).open = tablesOpen;
}

// ---------------------------------------------------------------- charts

interface Card {
  section: HTMLElement;
  canvas: HTMLCanvasElement;
  /** Announces the bar chosen with the keyboard. */
  live: HTMLElement;
  /** The bar chosen with the keyboard or the last right-click: what Enter and the context menu act on. */
  selected?: number;
  wrap: HTMLElement;
  note: HTMLElement;
  table: HTMLElement;
  chart: Chart<'bar'>;
  model: ChartModel;
}

const cards = new Map<string, Card>();
let currentFigures: FleetFigures | undefined;
let currentScope: OverviewScope = { kind: 'account' };

const HORIZONTAL = new Set(['platforms', 'osVersions', 'orgUnits']);

function isClickable(a: ItemAction | undefined): boolean {
  return a !== undefined && a.kind !== 'none';
}

function actionText(a: ItemAction): string {
  switch (a.kind) {
    case 'filter':
      return `Click to filter the explorer${a.dialect === 'tokens' ? ' (enrollment tokens)' : ''}: ${a.query}${a.orgUnitPath ? ` in ${a.orgUnitPath}` : ''}`;
    case 'revealOrgUnit':
      return `Click to show ${a.orgUnitPath} in the explorer`;
    case 'none':
      return `Not clickable: ${a.reason}`;
  }
}

/** Bar colours of a single-series chart: by meaning where there is one (activity, token state). */
function seriesColors(model: ChartModel): string[] {
  const byKey: Record<string, string> = {
    week: theme.green,
    month: theme.palette[0],
    quarter: theme.yellow,
    older: theme.red,
    never: theme.grey,
    active: theme.green,
    expired: theme.yellow,
    revoked: theme.red,
  };
  return model.categories.map((c) => {
    const base = byKey[c.key] ?? theme.palette[0];
    return isClickable(c.action) ? base : faded(base);
  });
}

/** Each platform keeps its colour whatever its rank; platforms without a token of their own share the extra ones. */
function seriesColor(series: readonly string[], index: number): string {
  const name = series[index];
  if (name === 'Other') return theme.grey;
  const own = PLATFORM_TOKENS[name];
  if (own) return theme.platforms[own];
  const extras = series.filter((n) => n !== 'Other' && !PLATFORM_TOKENS[n]);
  return theme.platforms[EXTRA_PLATFORM_TOKENS[extras.indexOf(name) % EXTRA_PLATFORM_TOKENS.length]];
}

function datasetsOf(model: ChartModel): ChartConfiguration<'bar'>['data']['datasets'] {
  if (model.stacks) {
    const s = model.stacks;
    return s.series.map((name, i) => {
      const color = seriesColor(s.series, i);
      return {
        label: name,
        data: s.values[i],
        // A bar's segments share its action, so they fade together when the bar cannot be clicked.
        backgroundColor: model.categories.map((c) => (isClickable(c.action) ? color : faded(color))),
        stack: 'platform',
      };
    });
  }
  return [{ label: model.unit, data: model.categories.map((c) => c.count), backgroundColor: seriesColors(model) }];
}

function actionOf(model: ChartModel, index: number): ItemAction | undefined {
  return model.categories[index]?.action;
}

/** `current` returns the card's model of the moment: callbacks must see the figures as they stream in. */
function chartConfig(current: () => ChartModel): ChartConfiguration<'bar'> {
  const model = current();
  const horizontal = HORIZONTAL.has(model.id);
  const grid = { color: theme.lines };
  const ticks = { color: theme.foreground, font: { family: theme.font } };
  return {
    type: 'bar',
    data: { labels: model.categories.map((c) => c.label), datasets: datasetsOf(model) },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      // The whole column (row, for horizontal charts) of a bar is its hit area, and a stacked bar is one target:
      // the nearest category along the index axis, never the segment under the pointer.
      interaction: { mode: 'index', intersect: false, axis: horizontal ? 'y' : 'x' },
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { stacked: Boolean(model.stacks), grid, ticks, beginAtZero: true },
        y: { stacked: Boolean(model.stacks), grid, ticks, beginAtZero: true },
      },
      plugins: {
        legend: { display: Boolean(model.stacks), labels: { color: theme.foreground, font: { family: theme.font } } },
        tooltip: {
          // A stacked bar's tooltip lists the segments it has, not every platform at 0.
          filter: (item: TooltipItem<'bar'>) => !current().stacks || Number(item.raw) > 0,
          callbacks: {
            label: (item: TooltipItem<'bar'>) => `${current().stacks ? `${item.dataset.label}: ` : ''}${counted(Number(item.raw), current().unit)}`,
            footer: (items: TooltipItem<'bar'>[]) => {
              const i = items[0];
              if (!i) return '';
              const m = current();
              const a = actionOf(m, i.dataIndex);
              const total = m.stacks ? `Total: ${counted(m.categories[i.dataIndex]?.count ?? 0, m.unit)}\n` : '';
              const more =
                a?.kind === 'filter' && a.dialect === 'browsers' ? '\nRight-click (or Shift+F10) to move, annotate or delete them all' : '';
              return a ? `${total}${actionText(a)}${more}` : total;
            },
          },
        },
      },
      onHover: (event: ChartEvent, elements: ActiveElement[]) => {
        const target = event.native?.target as HTMLElement | undefined;
        const e = elements[0];
        if (target) target.style.cursor = e && isClickable(actionOf(current(), e.index)) ? 'pointer' : 'default';
      },
      onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
        const e = elements[0];
        if (e) activate(current(), e.index);
      },
    },
  };
}

/** "1 browser", "2,000 browsers" (units are plural nouns: "browsers", "enrollment tokens"). */
function counted(n: number, unit: string): string {
  return `${nf.format(n)} ${n === 1 ? unit.replace(/s$/, '') : unit}`;
}

function activate(model: ChartModel, category: number): void {
  post({ type: 'activate', chart: model.id, category });
}

/** How a table row's button is announced: after its row, with what the chart counts where the label alone is a number. */
function rowName(model: ChartModel, item: ChartModel['categories'][number]): string {
  switch (model.id) {
    case 'versions':
      return `Chrome ${item.label}`;
    case 'activity':
      return `last activity ${item.label}`;
    case 'extensions':
      return `${item.label} extensions`;
    case 'tokens':
      return `${item.label} enrollment tokens`;
    default:
      return item.label;
  }
}

function canvasHeight(model: ChartModel): number {
  return HORIZONTAL.has(model.id) ? Math.max(120, 26 * model.categories.length + 40) : 260;
}

function ariaSummary(model: ChartModel): string {
  const top = model.categories
    .slice(0, 6)
    .map((c) => `${c.label}: ${nf.format(c.count)}`)
    .join('; ');
  return `${model.title}, bar chart of ${model.unit}. ${top}${model.categories.length > 6 ? '; …' : ''}. The table below has every figure.`;
}

// ---------------------------------------------------------------- choosing a bar: keyboard and context menu

const KEY_HINT = 'Arrow keys choose a bar, Enter filters the explorer to it, Shift+F10 opens its actions (move, annotate or delete all).';

/** Marks `index` as the card's chosen bar: highlighted with its tooltip, named in the canvas' context menu data. */
function selectBar(card: Card, index: number | undefined, announce: boolean): void {
  const n = card.model.categories.length;
  card.selected = index === undefined || n === 0 ? undefined : Math.max(0, Math.min(n - 1, index));
  const i = card.selected;
  if (i === undefined) {
    card.canvas.removeAttribute('data-vscode-context');
    delete card.canvas.dataset.selected;
    card.chart.setActiveElements([]);
    card.chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
    card.chart.update('none');
    return;
  }
  const c = card.model.categories[i];
  card.canvas.setAttribute('data-vscode-context', JSON.stringify(barContext(currentScope, card.model.id, i, c.action)));
  card.canvas.dataset.selected = String(i);
  const active = card.chart.data.datasets.map((_, datasetIndex) => ({ datasetIndex, index: i }));
  card.chart.setActiveElements(active);
  const center = barCenterOf(card, i) ?? { x: 0, y: 0 };
  card.chart.tooltip?.setActiveElements(active, center);
  card.chart.update('none');
  if (announce) {
    const what =
      c.action.kind === 'filter' && c.action.dialect === 'browsers'
        ? 'Enter filters the explorer; Shift+F10 to move, annotate or delete them all.'
        : actionText(c.action);
    card.live.textContent = `${rowName(card.model, c)}: ${counted(c.count, card.model.unit)}. ${what}`;
  }
}

function barCenterOf(card: Card, index: number): { x: number; y: number } | undefined {
  const bar = card.chart.getDatasetMeta(0).data[index] as unknown as { getCenterPoint?: () => { x: number; y: number } } | undefined;
  return bar?.getCenterPoint?.();
}

function onChartKey(card: Card, e: KeyboardEvent): void {
  const n = card.model.categories.length;
  if (n === 0) return;
  const i = card.selected;
  let next: number | undefined;
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowDown':
      next = i === undefined ? 0 : i + 1;
      break;
    case 'ArrowLeft':
    case 'ArrowUp':
      next = i === undefined ? n - 1 : i - 1;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = n - 1;
      break;
    case 'Enter':
    case ' ':
      e.preventDefault();
      if (i !== undefined) activate(card.model, i);
      return;
    case 'ContextMenu':
    case 'F10':
      if (e.key === 'F10' && !e.shiftKey) return;
      // The menu opens at the chosen bar (a keyboard menu would open at the canvas' corner); the webview's
      // context-menu handler reads the canvas' data-vscode-context.
      e.preventDefault();
      if (i === undefined) selectBar(card, 0, true);
      openMenuAtBar(card);
      return;
    case 'Escape':
      selectBar(card, undefined, false);
      return;
    default:
      return;
  }
  e.preventDefault();
  selectBar(card, next, true);
}

function openMenuAtBar(card: Card): void {
  const rect = card.canvas.getBoundingClientRect();
  const center = (card.selected !== undefined && barCenterOf(card, card.selected)) || { x: 0, y: 0 };
  card.canvas.dispatchEvent(
    new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: rect.left + center.x, clientY: rect.top + center.y }),
  );
}

/** A right-click chooses the bar of the column under the pointer (the same hit area as a click). */
function onChartContextMenu(card: Card, e: MouseEvent): void {
  const hits = card.chart.getElementsAtEventForMode(e, 'index', { intersect: false, axis: HORIZONTAL.has(card.model.id) ? 'y' : 'x' }, false);
  selectBar(card, hits[0]?.index, false);
}

function renderCard(model: ChartModel, total: number): void {
  let card = cards.get(model.id);
  if (!card) {
    const canvas = el('canvas', { attrs: { role: 'img', 'data-chart': model.id, tabindex: '0', 'aria-describedby': `hint-${model.id}` } });
    const wrap = el('div', { className: 'canvas-wrap' }, canvas);
    const hint = el('span', { className: 'visually-hidden', text: KEY_HINT, attrs: { id: `hint-${model.id}` } });
    const live = el('div', { className: 'visually-hidden', attrs: { role: 'status', 'aria-live': 'polite' } });
    const note = el('p', { className: 'note muted' });
    const table = el('div');
    const h2 = el('h2', { text: model.title, attrs: { id: `title-${model.id}` } });
    const section = el(
      'section',
      { className: `card card-${model.id}`, attrs: { 'aria-labelledby': `title-${model.id}`, id: `chart-${model.id}` } },
      h2,
      wrap,
      hint,
      live,
      note,
      table,
    );
    grid.appendChild(section);
    const created: Card = { section, canvas, live, wrap, note, table, chart: undefined as unknown as Chart<'bar'>, model };
    created.chart = new Chart(
      canvas,
      chartConfig(() => created.model),
    );
    canvas.addEventListener('keydown', (e) => onChartKey(created, e));
    canvas.addEventListener('contextmenu', (e) => onChartContextMenu(created, e));
    card = created;
    cards.set(model.id, card);
  }
  card.model = model;
  card.wrap.style.height = `${canvasHeight(model)}px`;
  card.canvas.setAttribute('aria-label', ariaSummary(model));
  card.note.textContent = model.note ?? '';
  card.note.hidden = !model.note;
  card.chart.data.labels = model.categories.map((c) => c.label);
  card.chart.data.datasets = datasetsOf(model);
  card.chart.update('none');
  // The chosen bar's menu data follows the figures as they stream in (its action may change).
  if (card.selected !== undefined) selectBar(card, card.selected, false);
  // Streaming re-renders the table often: keep it open if the admin opened it.
  const wasOpen = (card.table.firstElementChild as HTMLDetailsElement | null)?.open;
  const table = renderTable(model, total);
  if (wasOpen !== undefined) table.open = wasOpen;
  card.table.replaceChildren(table);
}

function renderTable(model: ChartModel, total: number): HTMLDetailsElement {
  const details = el('details', { className: 'table' });
  details.open = tablesOpen;
  const copy = btn('Copy table', () => post({ type: 'copy', text: tsv(model) }), `copy-${model.id}`, true);
  const series = model.stacks?.series ?? [];
  const head = el(
    'tr',
    {},
    el('th', { text: model.id === 'versions' ? 'Chrome major' : 'Category', attrs: { scope: 'col' } }),
    el('th', { text: `Number of ${model.unit}`, attrs: { scope: 'col' }, className: 'num' }),
    el('th', { text: 'Share', attrs: { scope: 'col' }, className: 'num' }),
    ...series.map((s) => el('th', { text: s, attrs: { scope: 'col' }, className: 'num' })),
    el('th', { text: 'Action', attrs: { scope: 'col' } }),
  );
  const body = el('tbody');
  model.categories.forEach((c, i) => {
    const action = isClickable(c.action)
      ? btn(c.action.kind === 'revealOrgUnit' ? 'Show in explorer' : 'Filter explorer', () => activate(model, i), `act-${model.id}-${i}`, true)
      : el('span', { className: 'muted', text: c.action.kind === 'none' ? c.action.reason : '' });
    if (isClickable(c.action)) {
      action.title = actionText(c.action);
      action.setAttribute(
        'aria-label',
        c.action.kind === 'revealOrgUnit' ? `Show ${c.label} in explorer` : `Filter explorer to ${rowName(model, c)}`,
      );
    }
    // Bulk work on what a browser filter matches; the extension asks which (move, annotate, delete) and confirms.
    const bulk =
      c.action.kind === 'filter' && c.action.dialect === 'browsers'
        ? btn('Act on all…', () => post({ type: 'actOnAll', chart: model.id, category: i }), `bulk-${model.id}-${i}`, true)
        : undefined;
    bulk?.setAttribute('aria-label', `Move, annotate or delete all ${nf.format(c.count)} browsers of ${rowName(model, c)}`);
    body.appendChild(
      el(
        'tr',
        {},
        el('th', { text: c.label, attrs: { scope: 'row' } }),
        el('td', { text: nf.format(c.count), className: 'num' }),
        el('td', { text: total > 0 ? pct.format(c.count / total) : '–', className: 'num' }),
        ...series.map((_, s) => el('td', { text: nf.format(model.stacks!.values[s][i]), className: 'num' })),
        el('td', {}, action, ...(bulk ? [' ', bulk] : [])),
      ),
    );
  });
  details.append(
    el('summary', { text: `Table: ${model.title}` }),
    el('div', { className: 'table-tools' }, copy),
    el(
      'div',
      { className: 'table-wrap' },
      el('table', {}, el('caption', { className: 'visually-hidden', text: model.title }), el('thead', {}, head), body),
    ),
  );
  return details;
}

function tsv(model: ChartModel): string {
  const series = model.stacks?.series ?? [];
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  const lines = [[model.id === 'versions' ? 'Chrome major' : 'Category', model.unit, ...series, 'Filter'].join('\t')];
  model.categories.forEach((c, i) => {
    const filter = c.action.kind === 'filter' ? c.action.query : '';
    lines.push([clean(c.label), String(c.count), ...series.map((_, s) => String(model.stacks!.values[s][i])), clean(filter)].join('\t'));
  });
  return lines.join('\n');
}

// ---------------------------------------------------------------- summary, status, diff

function stat(label: string, value: string, detail?: string, action?: HTMLElement): HTMLElement {
  return el(
    'div',
    { className: 'stat' },
    el('div', { className: 'stat-value', text: value }),
    el('div', { className: 'stat-label', text: label }),
    detail ? el('div', { className: 'stat-detail muted', text: detail }) : undefined,
    action,
  );
}

function renderSummary(f: FleetFigures): void {
  const t = f.totals;
  const stable = t.stableMajor;
  const share = stable && t.withVersion > 0 ? pct.format(t.onCurrentMajors / t.withVersion) : '–';
  const collisionAction = t.collisions ? btn('Filter explorer', () => post({ type: 'filterCollisions' }), 'filter-collisions', true) : undefined;
  collisionAction?.setAttribute('aria-label', 'Filter explorer to device-id collisions');
  const stableStat = stat(
    'On stable or the major before',
    share,
    stable
      ? `Chrome ${stable.major - 1} or newer (newer majors are beta, dev or canary), by each browser's newest install.`
      : 'No browser reports a Chrome version yet.',
    stableMajorButton,
  );
  stableStat.id = 'stat-stable';
  if (stable) {
    stableStat.insertBefore(
      el('div', { className: 'stat-detail muted', text: stable.explanation, attrs: { id: 'stable-major', 'data-source': stable.source } }),
      stableMajorButton,
    );
  }
  summary.replaceChildren(
    stat('Browsers', nf.format(t.browsers), f.complete ? undefined : 'so far'),
    stableStat,
    stat('Silent > 90 days or never', nf.format(t.silent)),
    stat('Device-id collisions', t.collisions === undefined ? '–' : nf.format(t.collisions), 'has_device_id_collision:true', collisionAction),
    stat('Enrollment tokens', t.tokens === undefined ? '–' : nf.format(t.tokens)),
  );
}

function renderDiff(state: OverviewState): void {
  const d = state.diff;
  diffBox.hidden = !d;
  if (!d) {
    diffBox.replaceChildren();
    return;
  }
  const c = d.counts;
  const close = btn('Close comparison', () => post({ type: 'closeDiff' }), 'close-diff', true);
  const list = (title: string, items: { deviceId: string; from?: number; to?: number }[], total: number) =>
    diffList(
      title,
      items.map((i) => `${i.deviceId}${i.from !== undefined || i.to !== undefined ? ` — Chrome ${i.from ?? '?'} → ${i.to ?? '?'}` : ''}`),
      { total, listClass: 'device-list' },
    );
  const changed = d.charts.flatMap((ch) => ch.rows.filter((r) => r.before !== r.after).map((r) => ({ chart: ch.id, ...r })));
  const rows = changed.map((r) =>
    el(
      'tr',
      {},
      el('td', { text: cards.get(r.chart)?.model.title ?? r.chart }),
      el('th', { text: r.label, attrs: { scope: 'row' } }),
      el('td', { text: nf.format(r.before), className: 'num' }),
      el('td', { text: nf.format(r.after), className: 'num' }),
      el('td', { text: `${r.after - r.before > 0 ? '+' : ''}${nf.format(r.after - r.before)}`, className: 'num' }),
    ),
  );
  diffBox.replaceChildren();
  append(
    diffBox,
    ...diffHeading(d),
    !d.before.complete
      ? el('p', { className: 'warning', text: 'The snapshot was taken from a cancelled listing: it covers only part of the fleet.' })
      : undefined,
    el(
      'div',
      { className: 'summary' },
      stat('New', nf.format(c.new)),
      stat('Gone', nf.format(c.gone)),
      stat('Upgraded', nf.format(c.upgraded)),
      stat('Downgraded', nf.format(c.downgraded)),
      stat('Unchanged', nf.format(c.unchanged)),
    ),
    list('New browsers', d.lists.new, c.new),
    list('Gone browsers', d.lists.gone, c.gone),
    list('Upgraded (newest Chrome major went up)', d.lists.upgraded, c.upgraded),
    list('Downgraded', d.lists.downgraded, c.downgraded),
    changed.length === 0
      ? el('p', { className: 'muted', text: 'No figure of the charts changed.' })
      : el(
          'details',
          {},
          el('summary', { text: `Figures that changed: ${changed.length}` }),
          el(
            'div',
            { className: 'table-wrap' },
            el(
              'table',
              {},
              el(
                'thead',
                {},
                el('tr', {}, ...['Chart', 'Category', 'Before', 'Now', 'Change'].map((h) => el('th', { text: h, attrs: { scope: 'col' } }))),
              ),
              el('tbody', {}, ...rows),
            ),
          ),
        ),
    close,
  );
}

function render(state: OverviewState): void {
  channel.setState({ scope: state.scope });
  currentScope = state.scope;
  const scope = state.scope.kind === 'account' ? 'whole account' : `org unit ${state.scope.orgUnitPath} (browsers directly in it)`;
  heading.textContent = `Fleet overview — ${scope}`;
  const f = state.figures;
  currentFigures = f;
  if (state.loading) {
    status.textContent = `Listing… ${nf.format(state.loading.browsers)} browsers so far (${nf.format(state.loading.pages)} pages).`;
  } else if (f) {
    status.textContent = `Figures of ${timeText(f.generatedAt)}${f.complete ? '' : ' — partial'}.`;
  } else {
    status.textContent = '';
  }
  cancelButton.hidden = !state.loading;
  refreshButton.disabled = false;
  const canSnapshot = Boolean(f?.complete) && !state.loading;
  saveButton.disabled = !canSnapshot;
  compareButton.disabled = !canSnapshot;
  errorBox.textContent = state.error ?? '';
  errorBox.hidden = !state.error;
  warnings.replaceChildren(...(f?.warnings ?? []).map((w) => el('li', { className: 'warning', text: w })));
  empty.hidden = Boolean(f) || Boolean(state.loading);
  if (f) {
    renderSummary(f);
    const seen = new Set<string>();
    for (const model of f.charts) {
      seen.add(model.id);
      renderCard(model, model.id === 'tokens' ? (f.totals.tokens ?? 0) : f.totals.browsers);
    }
    for (const [id, card] of cards) {
      if (seen.has(id)) continue;
      card.chart.destroy();
      card.section.remove();
      cards.delete(id);
    }
  }
  renderDiff(state);
  document.body.dataset.state = state.loading ? 'loading' : f?.complete ? 'complete' : f ? 'partial' : 'empty';
}

// ---------------------------------------------------------------- theme changes, messages, test hook

const themeObserver = new MutationObserver(() => {
  const next = readTheme();
  if (JSON.stringify(next) === JSON.stringify(theme)) return;
  theme = next;
  for (const card of cards.values()) {
    card.chart.destroy();
    card.chart = new Chart(
      card.canvas,
      chartConfig(() => card.model),
    );
    if (card.selected !== undefined) selectBar(card, card.selected, false);
  }
});
// VS Code switches the body's theme class and rewrites the --vscode-* variables on <html> when the theme changes.
themeObserver.observe(document.body, { attributes: true, attributeFilter: ['class'] });
themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });

/** For E2E tests: where a bar is on its canvas (CSS pixels from the canvas' top-left corner). */
(window as unknown as { cbcmOverview: unknown }).cbcmOverview = {
  barCenter(chartId: string, index: number, series = 0): { x: number; y: number } | undefined {
    const card = cards.get(chartId);
    const bar = card?.chart.getDatasetMeta(series).data[index] as unknown as { getCenterPoint?: () => { x: number; y: number } } | undefined;
    return bar?.getCenterPoint?.();
  },
  figures: () => currentFigures,
  /** The fill of a bar, to check it follows the theme. */
  barColor(chartId: string, index: number, series = 0): string | undefined {
    const bg = cards.get(chartId)?.chart.data.datasets[series]?.backgroundColor;
    return Array.isArray(bg) ? String(bg[index]) : typeof bg === 'string' ? bg : undefined;
  },
  /** A point in a bar's column (its row, for horizontal charts) but off the bar itself: the empty end of the axis. */
  offBarPoint(chartId: string, index: number): { x: number; y: number } | undefined {
    const chart = cards.get(chartId)?.chart;
    const bar = chart?.getDatasetMeta(0).data[index] as unknown as { getCenterPoint?: () => { x: number; y: number } } | undefined;
    const center = bar?.getCenterPoint?.();
    if (!chart || !center) return undefined;
    const area = chart.chartArea;
    return chart.options.indexAxis === 'y' ? { x: area.right - 4, y: center.y } : { x: center.x, y: area.top + 4 };
  },
  /** The drawn height (vertical charts) or width of a whole bar, in CSS pixels. */
  barLength(chartId: string, index: number): number | undefined {
    const chart = cards.get(chartId)?.chart;
    if (!chart) return undefined;
    let length = 0;
    for (let s = 0; s < chart.data.datasets.length; s++) {
      const bar = chart.getDatasetMeta(s).data[index] as unknown as { height?: number; width?: number } | undefined;
      length += Math.abs((chart.options.indexAxis === 'y' ? bar?.width : bar?.height) ?? 0);
    }
    return length;
  },
  /** The colour of a stacked chart's series by its name ("Linux"), and the token it should have. */
  seriesColor(chartId: string, name: string): { color: string; token: string } | undefined {
    const card = cards.get(chartId);
    const dataset = card?.chart.data.datasets.find((d) => d.label === name);
    const token = PLATFORM_TOKENS[name];
    if (!card || !dataset || !token) return undefined;
    const bg = dataset.backgroundColor;
    const clickable = Math.max(
      0,
      card.model.categories.findIndex((c) => isClickable(c.action)),
    );
    return { color: Array.isArray(bg) ? String(bg[clickable]) : typeof bg === 'string' ? bg : '', token: cssVar(`--cbcm-platform-${token}`, '') };
  },
};

channel.ready();
