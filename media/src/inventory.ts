// The fleet inventory webview. It starts empty, says `ready`, and draws whatever state the extension sends: a
// sortable, filterable table of extensions with a detail pane, and a table of policies (errors and conflicts
// first). A click on an extension, a version, a permission or a policy only names the entry; the extension
// looks up its browsers and lists them in the explorer. Text goes in with textContent only (via _dom.ts).
import type { ExtensionSummary, FacetCount, Inventory, PolicySummary } from '../../src/inventory/model';
import type { InventoryTarget } from '../../src/inventory/selection';
import {
  parseInventoryExtensionMessage,
  type ExtensionPlaces,
  type InventoryExtensionMessage,
  type InventoryViewState,
  type InventoryWebviewMessage,
} from '../../src/webview/inventory/inventoryProtocol';
import { append, el } from './_dom';
import { diffHeading, diffList, timeText } from './_snapshotDiff';
import { connect } from './_webview';
import { displayLocale } from './_locale';

const channel = connect<InventoryExtensionMessage, InventoryWebviewMessage>('inventory', parseInventoryExtensionMessage, receive);
const post = (m: InventoryWebviewMessage) => channel.post(m);
const select = (target: InventoryTarget) => post({ type: 'select', target });
const app = document.getElementById('app')!;
const nf = new Intl.NumberFormat(displayLocale());
/** Rows drawn at most (a fleet can report thousands of extensions); the filter narrows the rest. */
const MAX_ROWS = 300;

// ---------------------------------------------------------------- page skeleton

function btn(text: string, onClick: () => void, o: { id?: string; secondary?: boolean; label?: string; className?: string } = {}): HTMLButtonElement {
  const b = el('button', { text, className: [o.secondary ? 'secondary' : '', o.className ?? ''].join(' ').trim(), attrs: { type: 'button' } });
  if (o.id) b.id = o.id;
  if (o.label) b.setAttribute('aria-label', o.label);
  b.addEventListener('click', onClick);
  return b;
}

const heading = el('h1', { text: 'Extension inventory' });
const status = el('span', { className: 'status muted', attrs: { role: 'status', 'aria-live': 'polite', id: 'status' } });
const refreshButton = btn('Refresh', () => post({ type: 'refresh' }), { id: 'refresh' });
const cancelButton = btn('Cancel', () => post({ type: 'cancel' }), { id: 'cancel' });
const saveButton = btn('Save snapshot', () => post({ type: 'saveSnapshot' }), { id: 'save-snapshot', secondary: true });
const compareButton = btn('Compare with snapshot', () => post({ type: 'compareSnapshot' }), { id: 'compare-snapshot', secondary: true });
const exportButton = btn('Export one row per extension…', () => post({ type: 'exportExtensions' }), { id: 'export-extensions', secondary: true });
const errorBox = el('div', { className: 'error', attrs: { role: 'alert' } });
const partialBox = el('p', { className: 'partial warning', attrs: { id: 'partial' } });
const warnings = el('ul', { className: 'warnings' });
const summary = el('div', { className: 'summary' });
const diffBox = el('section', { className: 'diff', attrs: { 'aria-label': 'Comparison with a snapshot' } });
const empty = el('p', { className: 'muted', text: 'No inventory yet. Refresh to list the fleet.' });

// Tabs (WAI-ARIA tabs pattern: arrow keys move between them, Tab goes into the panel).
const extensionsTab = el('button', {
  text: 'Extensions',
  attrs: { role: 'tab', id: 'tab-extensions', type: 'button', 'aria-controls': 'panel-extensions' },
});
const policiesTab = el('button', { text: 'Policies', attrs: { role: 'tab', id: 'tab-policies', type: 'button', 'aria-controls': 'panel-policies' } });
const tabs = el('div', { className: 'tabs', attrs: { role: 'tablist', 'aria-label': 'Inventory' } }, extensionsTab, policiesTab);
const extensionsPanel = el('section', {
  className: 'tab-panel',
  attrs: { role: 'tabpanel', id: 'panel-extensions', 'aria-labelledby': 'tab-extensions' },
});
const policiesPanel = el('section', { className: 'tab-panel', attrs: { role: 'tabpanel', id: 'panel-policies', 'aria-labelledby': 'tab-policies' } });
let activeTab: 'extensions' | 'policies' = 'extensions';

function showTab(which: 'extensions' | 'policies', focus = false): void {
  activeTab = which;
  for (const [tab, panel, name] of [
    [extensionsTab, extensionsPanel, 'extensions'],
    [policiesTab, policiesPanel, 'policies'],
  ] as const) {
    const on = name === which;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    panel.hidden = !on;
    if (on && focus) tab.focus();
  }
}
extensionsTab.addEventListener('click', () => showTab('extensions'));
policiesTab.addEventListener('click', () => showTab('policies'));
tabs.addEventListener('keydown', (e) => {
  if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'Home' && e.key !== 'End') return;
  e.preventDefault();
  showTab(activeTab === 'extensions' ? 'policies' : 'extensions', true);
});

// ---------------------------------------------------------------- extension filters and sorting

const nameFilter = el('input', {
  attrs: { type: 'search', id: 'filter-name', placeholder: 'Name or id', 'aria-label': 'Filter extensions by name or id' },
});
const permissionFilter = el('select', { attrs: { id: 'filter-permission', 'aria-label': 'Filter extensions by permission' } });
const installTypeFilter = el('select', { attrs: { id: 'filter-install-type', 'aria-label': 'Filter extensions by install type' } });
const minBrowsersFilter = el('input', {
  attrs: { type: 'number', min: '0', id: 'filter-min-browsers', placeholder: '0', 'aria-label': 'Only extensions on at least this many browsers' },
});
const filterCount = el('span', { className: 'muted', attrs: { id: 'filter-count', 'aria-live': 'polite' } });
const extensionFilters = el(
  'div',
  { className: 'filters', attrs: { role: 'search', 'aria-label': 'Filter extensions' } },
  el('label', {}, 'Search ', nameFilter),
  el('label', {}, 'Permission ', permissionFilter),
  el('label', {}, 'Install type ', installTypeFilter),
  el('label', {}, 'At least ', minBrowsersFilter, ' browsers'),
  filterCount,
);
const extensionTable = el('div', { className: 'table-wrap' });
const detailPane = el('aside', { className: 'detail', attrs: { id: 'extension-detail', 'aria-label': 'Extension details', tabindex: '-1' } });
detailPane.hidden = true;
append(extensionsPanel, extensionFilters, el('div', { className: 'split' }, extensionTable, detailPane));

const policyFilter = el('input', {
  attrs: { type: 'search', id: 'filter-policy', placeholder: 'Policy name', 'aria-label': 'Filter policies by name' },
});
const problemsOnly = el('input', { attrs: { type: 'checkbox', id: 'filter-problems' } });
const policyTable = el('div', { className: 'table-wrap' });
append(
  policiesPanel,
  el(
    'div',
    { className: 'filters', attrs: { role: 'search', 'aria-label': 'Filter policies' } },
    el('label', {}, 'Search ', policyFilter),
    el('label', {}, problemsOnly, ' Only with errors or conflicts'),
  ),
  policyTable,
);

type SortKey = 'name' | 'id' | 'versions' | 'installTypes' | 'permissions' | 'disabled' | 'browsers' | 'profiles';
let sortKey: SortKey = 'browsers';
let sortDescending = true;

app.replaceChildren(
  el(
    'header',
    { className: 'page-header' },
    heading,
    el('div', { className: 'toolbar' }, refreshButton, cancelButton, saveButton, compareButton, exportButton, status),
  ),
  errorBox,
  partialBox,
  warnings,
  summary,
  diffBox,
  empty,
  tabs,
  extensionsPanel,
  policiesPanel,
);
app.removeAttribute('aria-busy');
showTab('extensions');

// ---------------------------------------------------------------- state

let current: Inventory | undefined;
/** The last inventory the extension sent (it is not repeated with every state message). */
let received: Inventory | undefined;
let openKey: string | undefined;
let places: ExtensionPlaces | undefined;
/** Any inventory shown can list its browsers: a partial one (streaming, cancelled) lists those counted so far. */
let canSelect = false;
/** The shown inventory is partial: the list buttons say their lists are too. */
let partialShown = false;
const soFar = () => (partialShown ? ' (counted so far: the inventory is partial)' : '');

const disabledCount = (e: ExtensionSummary) => e.states.find((s) => s.value === 'disabled')?.browsers ?? 0;
const enabledCount = (e: ExtensionSummary) => e.states.find((s) => s.value === 'enabled')?.browsers ?? 0;
const shown = (v: string, absent = 'not reported') => v || absent;

function sortValue(e: ExtensionSummary, key: SortKey): string | number {
  switch (key) {
    case 'name':
      return (e.name || e.key).toLowerCase();
    case 'id':
      return e.extensionId ?? '';
    case 'versions':
      return e.versions.length;
    case 'installTypes':
      return e.installTypes.map((t) => t.value).join(' ');
    case 'permissions':
      return e.permissions.length;
    case 'disabled':
      return disabledCount(e);
    case 'browsers':
      return e.browsers;
    case 'profiles':
      return e.profiles;
  }
}

function filteredExtensions(inv: Inventory): ExtensionSummary[] {
  const text = nameFilter.value.trim().toLowerCase();
  const permission = permissionFilter.value;
  const installType = installTypeFilter.value;
  const min = Number(minBrowsersFilter.value) || 0;
  const rows = inv.extensions.filter(
    (e) =>
      (!text ||
        e.name.toLowerCase().includes(text) ||
        e.key.toLowerCase().includes(text) ||
        e.otherNames.some((n) => n.toLowerCase().includes(text))) &&
      (!permission || e.permissions.some((p) => p.value === permission)) &&
      (installType === '' || e.installTypes.some((t) => t.value === installType)) &&
      e.browsers >= min,
  );
  rows.sort((a, b) => {
    const x = sortValue(a, sortKey);
    const y = sortValue(b, sortKey);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return (sortDescending ? -c : c) || b.browsers - a.browsers || a.key.localeCompare(b.key);
  });
  return rows;
}

/** Options of a filter <select> from the values seen, keeping the current choice. */
function fillOptions(sel: HTMLSelectElement, values: string[], anyLabel: string): void {
  const keep = sel.value;
  sel.replaceChildren(
    el('option', { text: anyLabel, attrs: { value: '' } }),
    ...values.map((v) => el('option', { text: v || '(not reported)', attrs: { value: v } })),
  );
  sel.value = values.includes(keep) ? keep : '';
}

function facetText(list: FacetCount[], max = 3): string {
  const head = list
    .slice(0, max)
    .map((f) => `${shown(f.value)} (${nf.format(f.browsers)})`)
    .join(', ');
  return list.length > max ? `${head}, +${list.length - max} more` : head;
}

const COLUMNS: { key: SortKey; title: string; numeric?: boolean }[] = [
  { key: 'name', title: 'Name' },
  { key: 'id', title: 'ID' },
  { key: 'versions', title: 'Versions', numeric: true },
  { key: 'installTypes', title: 'Install types' },
  { key: 'permissions', title: 'Permissions', numeric: true },
  { key: 'disabled', title: 'Enabled / disabled', numeric: true },
  { key: 'browsers', title: 'Browsers', numeric: true },
  { key: 'profiles', title: 'Profiles', numeric: true },
];

function renderExtensions(inv: Inventory): void {
  fillOptions(permissionFilter, [...new Set(inv.extensions.flatMap((e) => e.permissions.map((p) => p.value)))].sort(), 'Any permission');
  fillOptions(installTypeFilter, [...new Set(inv.extensions.flatMap((e) => e.installTypes.map((t) => t.value)))].sort(), 'Any install type');
  const rows = filteredExtensions(inv);
  filterCount.textContent = `${nf.format(rows.length)} of ${nf.format(inv.extensions.length)} extensions${rows.length > MAX_ROWS ? `, first ${MAX_ROWS} shown` : ''}`;
  if (inv.extensions.length === 0) {
    extensionTable.replaceChildren(el('p', { className: 'muted', text: 'No extension reported by these browsers.' }));
    return;
  }
  const head = el(
    'tr',
    {},
    ...COLUMNS.map((c) => {
      const th = el('th', {
        attrs: { scope: 'col', 'aria-sort': c.key === sortKey ? (sortDescending ? 'descending' : 'ascending') : 'none' },
        className: c.numeric ? 'num' : '',
      });
      th.appendChild(
        btn(
          `${c.title}${c.key === sortKey ? (sortDescending ? ' ▼' : ' ▲') : ''}`,
          () => {
            if (sortKey === c.key) sortDescending = !sortDescending;
            else {
              sortKey = c.key;
              sortDescending = Boolean(c.numeric);
            }
            renderExtensions(inv);
            extensionTable.querySelector<HTMLButtonElement>(`th button[data-sort="${c.key}"]`)?.focus();
          },
          { className: 'sort', label: `Sort by ${c.title}` },
        ),
      );
      th.querySelector('button')!.dataset.sort = c.key;
      th.title = c.title; // the full header also as a tooltip (the sort arrow is not read out)
      return th;
    }),
    // In the flow (only its text hidden): the fixed table layout takes this column's width from it.
    el('th', { attrs: { scope: 'col' } }, el('span', { text: 'Browsers', className: 'visually-hidden' })),
  );
  const body = el('tbody');
  for (const e of rows.slice(0, MAX_ROWS)) {
    const title = e.name || e.extensionId || e.key;
    const tr = el('tr', { attrs: { 'data-key': e.key }, className: e.key === openKey ? 'open' : '' });
    const nameButton = btn(title, () => openDetail(e.key), { className: 'link', label: `Details of ${title}` });
    nameButton.dataset.role = 'details';
    const hosts = e.permissions.filter((p) => p.host).length;
    append(
      tr,
      el('th', { attrs: { scope: 'row' } }, nameButton),
      el('td', { className: 'mono', text: e.extensionId ?? '(no id)', attrs: { title: e.extensionId ?? '' } }),
      el('td', {
        className: 'num',
        text: `${nf.format(e.versions.length)}${e.untrackedVersions ? '+' : ''}`,
        attrs: { title: facetText(e.versions, 10) },
      }),
      el('td', { className: 'ellipsis', text: facetText(e.installTypes), attrs: { title: facetText(e.installTypes, 10) } }),
      el('td', {
        className: 'num',
        text: `${nf.format(e.permissions.length)}${hosts ? ` (${nf.format(hosts)} host)` : ''}`,
        attrs: { title: e.permissions.map((p) => p.value).join(', ') },
      }),
      el('td', { className: 'num', text: `${nf.format(enabledCount(e))} / ${nf.format(disabledCount(e))}` }),
      el('td', { className: 'num', text: nf.format(e.browsers) }),
      el('td', { className: 'num', text: nf.format(e.profiles) }),
    );
    const list = btn('List browsers', () => listExtensionBrowsers(e.key), {
      secondary: true,
      label: `List the ${nf.format(e.browsers)} browsers with ${title} in the explorer${soFar()}`,
    });
    if (partialShown) list.title = 'Lists the browsers counted so far: the inventory is partial.';
    list.dataset.role = 'list';
    list.disabled = !canSelect;
    tr.appendChild(el('td', {}, list));
    body.appendChild(tr);
  }
  extensionTable.replaceChildren(
    el(
      'table',
      { attrs: { id: 'extensions-table' } },
      el('caption', { className: 'visually-hidden', text: 'Extensions seen in the fleet; sort with the column buttons' }),
      el('thead', {}, head),
      body,
    ),
  );
}

/**
 * Lists an extension's browsers from its row. Focusing the button at the row's end must not leave the table
 * scrolled sideways (Name and ID out of view), should a narrow editor still make it scroll.
 */
function listExtensionBrowsers(key: string): void {
  select({ kind: 'extension', key });
  extensionTable.scrollLeft = 0;
}

function openDetail(key: string): void {
  openKey = key;
  places = undefined;
  post({ type: 'describe', key });
  if (current) {
    renderExtensions(current);
    renderDetail(current);
  }
  detailPane.focus();
}

/** A list of facet buttons: each lists the browsers of that one value. */
function facetButtons(e: ExtensionSummary, dimension: 'version' | 'installType' | 'state', list: FacetCount[], noun: string): HTMLElement {
  if (list.length === 0) return el('p', { className: 'muted', text: 'Not reported.' });
  return el(
    'ul',
    { className: 'facets' },
    ...list.map((f) => {
      const b = btn(
        `${shown(f.value)}: ${nf.format(f.browsers)} browsers, ${nf.format(f.profiles)} profiles`,
        () => select({ kind: 'extension', key: e.key, dimension, value: f.value }),
        { className: 'link', label: `List the browsers with ${noun} ${shown(f.value)} in the explorer` },
      );
      b.dataset.value = f.value;
      b.disabled = !canSelect;
      return el('li', { attrs: { 'data-dimension': dimension } }, b);
    }),
  );
}

function renderDetail(inv: Inventory): void {
  const e = openKey === undefined ? undefined : inv.extensions.find((x) => x.key === openKey);
  detailPane.hidden = !e;
  if (!e) {
    detailPane.replaceChildren();
    return;
  }
  const title = e.name || e.extensionId || e.key;
  const close = btn(
    'Close',
    () => {
      openKey = undefined;
      renderDetail(inv);
      renderExtensions(inv);
    },
    { secondary: true, label: 'Close the extension details', id: 'close-detail' },
  );
  const listAll = btn(
    `List the ${nf.format(e.browsers)} browsers${partialShown ? ' counted so far' : ''}`,
    () => select({ kind: 'extension', key: e.key }),
    {
      id: 'detail-list',
    },
  );
  listAll.disabled = !canSelect;
  const permissions =
    e.permissions.length === 0
      ? el('p', { className: 'muted', text: 'No permission reported.' })
      : el(
          'ul',
          { className: 'facets' },
          ...e.permissions.map((p) => {
            const mine = btn(
              `${p.value}${p.host ? ' (host)' : ''}: ${nf.format(p.browsers)} browsers`,
              () => select({ kind: 'extension', key: e.key, dimension: 'permission', value: p.value }),
              { className: 'link', label: `List the browsers where ${title} asks for ${p.value}` },
            );
            const any = btn('any extension', () => select({ kind: 'permission', permission: p.value }), {
              secondary: true,
              className: 'small',
              label: `List the browsers with any extension asking for ${p.value}`,
            });
            mine.disabled = !canSelect;
            any.disabled = !canSelect;
            mine.dataset.value = p.value;
            return el('li', { attrs: { 'data-dimension': 'permission' } }, mine, ' ', any);
          }),
        );
  const where =
    places && places.key === e.key
      ? el(
          'table',
          { attrs: { id: 'detail-org-units' } },
          el('caption', { className: 'visually-hidden', text: `Browsers with ${title} per org unit` }),
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              el('th', { text: 'Org unit', attrs: { scope: 'col' } }),
              el('th', { text: 'Browsers', attrs: { scope: 'col' }, className: 'num' }),
            ),
          ),
          el(
            'tbody',
            {},
            ...places.orgUnits.map((o) =>
              el('tr', {}, el('td', { text: o.orgUnitPath || '(not reported)' }), el('td', { className: 'num', text: nf.format(o.browsers) })),
            ),
          ),
        )
      : el('p', { className: 'muted', text: 'Counting per org unit…' });
  detailPane.replaceChildren();
  append(
    detailPane,
    el('div', { className: 'detail-head' }, el('h2', { text: title }), close),
    el('p', { className: 'mono muted', text: e.extensionId ?? 'Reported without an id' }),
    e.otherNames.length ? el('p', { className: 'muted', text: `Also reported as: ${e.otherNames.join(', ')}` }) : undefined,
    el('p', { text: `${nf.format(e.browsers)} browsers, ${nf.format(e.profiles)} profiles.` }),
    listAll,
    el('h3', { text: 'Versions' }),
    facetButtons(e, 'version', e.versions, 'version'),
    e.untrackedVersions
      ? el('p', { className: 'muted', text: `${nf.format(e.untrackedVersions)} browsers run versions beyond the ones tracked.` })
      : undefined,
    el('h3', { text: 'Install types' }),
    facetButtons(e, 'installType', e.installTypes, 'install type'),
    el('h3', { text: 'Enabled / disabled' }),
    facetButtons(e, 'state', e.states, 'state'),
    el('h3', { text: 'Permissions and host permissions' }),
    permissions,
    el('h3', { text: 'Where it is installed' }),
    where,
  );
}

// ---------------------------------------------------------------- policies

function renderPolicies(inv: Inventory): void {
  const text = policyFilter.value.trim().toLowerCase();
  const rows = inv.policies.filter(
    (p) =>
      (!text || p.name.toLowerCase().includes(text) || (p.extensionName ?? '').toLowerCase().includes(text)) &&
      (!problemsOnly.checked || p.errors + p.conflicts > 0),
  );
  if (inv.policies.length === 0) {
    policyTable.replaceChildren(el('p', { className: 'muted', text: 'No policy reported by these browsers.' }));
    return;
  }
  const body = el('tbody');
  for (const p of rows.slice(0, MAX_ROWS)) body.appendChild(policyRow(p));
  policyTable.replaceChildren(
    el('p', {
      className: 'muted',
      text: `${nf.format(rows.length)} of ${nf.format(inv.policies.length)} policies${rows.length > MAX_ROWS ? `, first ${MAX_ROWS} shown` : ''}; errors and conflicts first.`,
    }),
    el(
      'table',
      { attrs: { id: 'policies-table' } },
      el('caption', { className: 'visually-hidden', text: 'Policies set in the fleet, errors and conflicts first' }),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...['Policy', 'Scope', 'Source', 'Values seen', 'Browsers', 'Errors', 'Conflicts', 'List'].map((h) =>
            el('th', { text: h, attrs: { scope: 'col' } }),
          ),
        ),
      ),
      body,
    ),
  );
}

function policyRow(p: PolicySummary): HTMLElement {
  const problems = p.errors + p.conflicts;
  const title = p.extensionId !== undefined ? `${p.name} (${p.extensionName || p.extensionId})` : p.name;
  const tr = el('tr', { attrs: { 'data-key': p.key }, className: problems ? 'problem' : '' });
  const values =
    p.values
      .slice(0, 3)
      .map((v) => `${shown(v.value, '(empty)')} (${nf.format(v.browsers)})`)
      .join(', ') + (p.values.length > 3 || p.otherValueBrowsers ? `, +${p.values.length - 3 > 0 ? p.values.length - 3 : 0} more` : '');
  const all = btn(`${nf.format(p.browsers)} browsers`, () => select({ kind: 'policy', key: p.key }), {
    secondary: true,
    label: `List the ${nf.format(p.browsers)} browsers with ${title}`,
  });
  all.dataset.role = 'list';
  all.disabled = !canSelect;
  const cell = el('td', {}, all);
  if (problems) {
    const bad = btn('with problems', () => select({ kind: 'policy', key: p.key, problems: true }), {
      className: 'small',
      label: `List the browsers where ${title} reports an error or a conflict`,
    });
    bad.dataset.role = 'problems';
    bad.disabled = !canSelect;
    append(cell, ' ', bad);
  }
  append(
    tr,
    el(
      'th',
      { attrs: { scope: 'row' } },
      problems ? el('span', { className: 'problem-mark', text: '⚠ ', attrs: { 'aria-hidden': 'true' } }) : undefined,
      title,
      p.errorMessages.length
        ? el('div', {
            className: 'muted small',
            text: p.errorMessages
              .slice(0, 2)
              .map((m) => m.value)
              .join('; '),
          })
        : undefined,
    ),
    el('td', { text: p.scopes.map((s) => `${s.scope} (${nf.format(s.browsers)})`).join(', ') }),
    el('td', { text: p.sources.map((s) => shown(s.value)).join(', ') }),
    el('td', { className: 'values', text: values }),
    el('td', { className: 'num', text: nf.format(p.browsers) }),
    el('td', { className: 'num', text: p.errors ? `${nf.format(p.errors)} with errors` : '0' }),
    el('td', { className: 'num', text: p.conflicts ? `${nf.format(p.conflicts)} in conflict` : '0' }),
    cell,
  );
  return tr;
}

// ---------------------------------------------------------------- summary, diff, render

function stat(label: string, value: string): HTMLElement {
  return el('div', { className: 'stat' }, el('div', { className: 'stat-value', text: value }), el('div', { className: 'stat-label', text: label }));
}

function renderDiff(state: InventoryViewState): void {
  const d = state.diff;
  diffBox.hidden = !d;
  if (!d) {
    diffBox.replaceChildren();
    return;
  }
  const list = (title: string, items: { key: string; name: string; before: number; after: number }[]) =>
    diffList(
      title,
      items.slice(0, 200).map((i) => `${i.name || i.key} — ${nf.format(i.before)} → ${nf.format(i.after)} browsers`),
      { total: items.length, open: true },
    );
  const versions = diffList(
    'Version changes',
    d.extensions.versionChanges
      .slice(0, 200)
      .map(
        (v) =>
          `${v.name || v.key}: ${[
            ...v.added.map((c) => `+${c.value} (${nf.format(c.after)})`),
            ...v.removed.map((c) => `−${c.value} (${nf.format(c.before)})`),
            ...v.changed.map((c) => `${c.value} ${nf.format(c.before)}→${nf.format(c.after)}`),
          ].join(', ')}`,
      ),
    { total: d.extensions.versionChanges.length },
  );
  const policies = diffList(
    'Policies',
    [
      ...d.policies.added.map((p) => `new: ${p.name}`),
      ...d.policies.removed.map((p) => `removed: ${p.name}`),
      ...d.policies.changed.map(
        (p) =>
          `${p.name}: ${nf.format(p.browsers.before)}→${nf.format(p.browsers.after)} browsers, errors ${nf.format(p.errors.before)}→${nf.format(p.errors.after)}`,
      ),
    ].slice(0, 300),
    {
      summary: `Policies: ${nf.format(d.policies.added.length)} new, ${nf.format(d.policies.removed.length)} removed, ${nf.format(d.policies.changed.length)} changed`,
    },
  );
  diffBox.replaceChildren();
  append(
    diffBox,
    ...diffHeading(d),
    d.partial ? el('p', { className: 'warning', text: d.partial }) : undefined,
    list('New extensions', d.extensions.added),
    list('Removed extensions', d.extensions.removed),
    versions,
    policies,
    btn('Close comparison', () => post({ type: 'closeDiff' }), { id: 'close-diff', secondary: true }),
  );
}

/** The inventory and selectability last drawn: the tables are rebuilt only when one of them changed. */
let drawnInventory: Inventory | undefined;
let drawnCanSelect = false;
let drawnPartial = false;

function render(state: InventoryViewState): void {
  channel.setState({ scope: state.scope });
  const scope = state.scope.kind === 'account' ? 'whole account' : `org unit ${state.scope.orgUnitPath}`;
  heading.textContent = `Extension inventory — ${scope}`;
  const inv = state.inventory;
  current = inv;
  canSelect = Boolean(inv);
  // While a refresh waits for its first browsers the previous (complete) inventory stays: not partial.
  partialShown = Boolean(inv) && !inv?.complete;
  if (state.loading) {
    status.textContent = `Listing… ${nf.format(state.loading.browsers)} browsers so far (${nf.format(state.loading.pages)} pages). Cancel keeps what was counted.`;
  } else if (inv) {
    status.textContent = `As of ${timeText(state.loadedAt ?? inv.generatedAt)}${inv.complete ? '' : ' — partial'}.`;
  } else {
    status.textContent = '';
  }
  cancelButton.hidden = !state.loading;
  const complete = Boolean(inv?.complete) && !state.loading;
  saveButton.disabled = !complete;
  compareButton.disabled = !complete;
  errorBox.textContent = state.error ?? '';
  errorBox.hidden = !state.error;
  partialBox.hidden = !partialShown;
  partialBox.textContent =
    inv && partialShown
      ? `Partial inventory: the counts cover only the ${nf.format(inv.totals.browsers)} browsers listed${state.loading ? ' so far' : ''}. ` +
        'A click lists the browsers counted so far; the explorer marks that list partial.'
      : '';
  warnings.replaceChildren(...(inv?.warnings ?? []).map((w) => el('li', { className: 'warning', text: w })));
  empty.hidden = Boolean(inv) || Boolean(state.loading);
  tabs.hidden = !inv;
  extensionsPanel.hidden = !inv || activeTab !== 'extensions';
  policiesPanel.hidden = !inv || activeTab !== 'policies';
  if (inv) {
    const t = inv.totals;
    const problems = inv.policies.filter((p) => p.errors + p.conflicts > 0).length;
    summary.replaceChildren(
      stat(inv.complete ? 'Browsers' : 'Browsers so far', nf.format(t.browsers)),
      stat('Profiles', nf.format(t.profiles)),
      stat('Extensions', nf.format(t.extensions)),
      stat('Policies', nf.format(t.policies)),
      stat('Policies with errors or conflicts', nf.format(problems)),
    );
    extensionsTab.textContent = `Extensions (${nf.format(t.extensions)})`;
    policiesTab.textContent = `Policies (${nf.format(t.policies)})`;
    if (inv !== drawnInventory || canSelect !== drawnCanSelect || partialShown !== drawnPartial) {
      // A new partial: the open pane's places are counted again from the browsers listed by now.
      if (inv !== drawnInventory && openKey !== undefined && drawnInventory !== undefined) post({ type: 'describe', key: openKey });
      renderExtensions(inv);
      renderDetail(inv);
      renderPolicies(inv);
    }
  } else {
    summary.replaceChildren();
  }
  drawnInventory = inv;
  drawnCanSelect = canSelect;
  drawnPartial = partialShown;
  renderDiff(state);
  document.body.dataset.state = state.loading ? 'loading' : inv?.complete ? 'complete' : inv ? 'partial' : 'empty';
}

for (const input of [nameFilter, minBrowsersFilter]) input.addEventListener('input', () => current && renderExtensions(current));
for (const sel of [permissionFilter, installTypeFilter]) sel.addEventListener('change', () => current && renderExtensions(current));
policyFilter.addEventListener('input', () => current && renderPolicies(current));
problemsOnly.addEventListener('change', () => current && renderPolicies(current));

function receive(msg: InventoryExtensionMessage): void {
  if (msg.type === 'places') {
    places = msg.places;
    if (current) renderDetail(current);
    return;
  }
  if (msg.type === 'inventory') {
    received = msg.inventory;
    return; // drawn with the state message that follows
  }
  render({ ...msg.state, inventory: msg.hasInventory ? received : undefined });
}

/** For E2E tests: the inventory the webview shows. */
(window as unknown as { cbcmInventory: unknown }).cbcmInventory = { inventory: () => current };

channel.ready();
