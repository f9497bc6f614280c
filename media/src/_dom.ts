// Tiny DOM helpers for the details webview. Device data only ever goes into `textContent` or attribute
// values set through the DOM API (never through HTML parsing), so it cannot become markup or script.

import { hasBidiControls, type TimeText } from '../../src/webview/details/detailsModel';

type Child = Node | string | undefined | false;

export interface ElOptions {
  className?: string;
  /** Text content (untrusted data is fine here). */
  text?: string;
  /** Attribute values are set with setAttribute; names are always constants of this script. */
  attrs?: Record<string, string>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, o: ElOptions = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (o.className) e.className = o.className;
  if (o.attrs) for (const [k, v] of Object.entries(o.attrs)) e.setAttribute(k, v);
  if (o.text !== undefined) e.textContent = o.text;
  append(e, ...children);
  return e;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/**
 * Untrusted text: isolated from its surroundings (<bdi>), so direction-override characters inside cannot
 * reorder the page around it, and flagged when it carries such characters.
 */
export function value(text: string | undefined, absentText = 'Not reported'): Node {
  if (text === undefined) return el('span', { className: 'absent', text: absentText });
  const v = el('bdi', { className: 'value', text });
  if (!hasBidiControls(text)) return v;
  const f = document.createDocumentFragment();
  append(
    f,
    v,
    el('span', {
      className: 'bidi-warning',
      text: ' ⚠ hidden direction characters',
      attrs: { title: 'This text contains invisible characters that change its reading direction; it may not read as it is stored.' },
    }),
  );
  return f;
}

export function time(t: TimeText | undefined): Node {
  if (t === undefined) return el('span', { className: 'absent', text: 'Not reported' });
  return el(
    'span',
    { className: 'time', attrs: { title: t.iso } },
    el('bdi', { className: 'value', text: t.absolute }),
    el('span', { className: 'relative', text: ` (${t.relative})` }),
  );
}

export interface Column<T> {
  header: string;
  cell: (row: T) => Node;
  className?: string;
}

/** Rows the filter box can hide, with the lower-case text they match. */
export type SearchIndex = { row: HTMLElement; key: string }[];

export interface TableOptions<T> {
  rowClass?: (row: T) => string | undefined;
  search?: (row: T) => string;
  index?: SearchIndex;
}

/** A plain table: fast for hundreds of rows and read well by screen readers. */
export function table<T>(caption: string, rows: readonly T[], columns: Column<T>[], o: TableOptions<T> = {}): HTMLElement {
  if (rows.length === 0) return el('p', { className: 'absent', text: `No ${caption.toLowerCase()} reported.` });
  const thead = el('thead', {}, el('tr', {}, ...columns.map((c) => el('th', { text: c.header, attrs: { scope: 'col' } }))));
  const tbody = el('tbody');
  for (const r of rows) {
    const tr = el('tr', { className: o.rowClass?.(r) ?? '' });
    for (const c of columns) tr.appendChild(el('td', { className: c.className ?? '' }, c.cell(r)));
    if (o.search && o.index) {
      tr.classList.add('filterable');
      o.index.push({ row: tr, key: o.search(r) });
    }
    tbody.appendChild(tr);
  }
  return el('div', { className: 'table-wrap' }, el('table', {}, el('caption', { className: 'visually-hidden', text: caption }), thead, tbody));
}

/**
 * A vscode-button that stays in the Tab order: the component remembers the tabIndex it had when it was
 * first disabled and restores that on enable, so it must be 0 before `disabled` is ever set. Clicks on a
 * disabled button are ignored here too (the component still dispatches them).
 */
export function button(text: string, onClick: () => void, o: { secondary?: boolean; id?: string } = {}): HTMLElementTagNameMap['vscode-button'] {
  const b = document.createElement('vscode-button');
  b.tabIndex = 0;
  b.textContent = text;
  if (o.secondary) b.secondary = true;
  if (o.id) b.id = o.id;
  b.addEventListener('click', () => {
    if (!b.disabled) onClick();
  });
  return b;
}

/**
 * Enables/disables a vscode-button. The component saves and restores its tabIndex around `disabled`, but
 * when `disabled` flips twice before it re-renders it saves -1 and the button never returns to the Tab
 * order; so the tabIndex is set here after each render.
 */
export function setDisabled(b: HTMLElementTagNameMap['vscode-button'], disabled: boolean): void {
  if (b.disabled === disabled && b.tabIndex === (disabled ? -1 : 0)) return;
  b.disabled = disabled;
  void b.updateComplete.then(() => {
    b.tabIndex = b.disabled ? -1 : 0;
  });
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** 16×16 outlines in the codicon style; drawn inline (no icon font to load under the CSP) in `currentColor`. */
const ICON_PATHS = {
  // A triangle with the exclamation mark cut out (even-odd fill).
  warning:
    'M7.13 1.5a1 1 0 0 1 1.74 0l6.5 11.5a1 1 0 0 1-.87 1.5h-13a1 1 0 0 1-.87-1.5l6.5-11.5ZM7.25 5.5v4.5h1.5V5.5h-1.5Zm0 5.75v1.5h1.5v-1.5h-1.5Z',
} as const;

export type IconName = keyof typeof ICON_PATHS;

/** A decorative icon: hidden from screen readers, so the text next to it must say the same. */
export function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', `icon icon-${name}`);
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICON_PATHS[name]);
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('fill-rule', 'evenodd');
  svg.appendChild(path);
  return svg;
}
