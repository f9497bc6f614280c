// The parts of a "compare with snapshot" box that the fleet overview and the extension inventory share: the
// heading with the file and both times, the scope warning, and a collapsible list of what changed. Text goes in
// with textContent only (via _dom.ts).
import { el } from './_dom';
import { displayLocale } from './_locale';

const nf = new Intl.NumberFormat(displayLocale());

/** A time in the admin's locale with its UTC form, as both panels show their "as of". */
export function timeText(iso: string): string {
  const d = new Date(iso);
  return `${d.toLocaleString(displayLocale())} (${d.toISOString().slice(0, 19).replace('T', ' ')} UTC)`;
}

/** What the heading of a comparison needs. */
export interface DiffSides {
  file: string;
  before: { generatedAt: string; browsers: number };
  after: { browsers: number };
  scopeMismatch?: string;
}

/** "Changes since <file>", when the snapshot was taken and how many browsers then and now, the scope warning. */
export function diffHeading(d: DiffSides): (HTMLElement | undefined)[] {
  return [
    el('h2', { text: `Changes since ${d.file}` }),
    el('p', {
      className: 'muted',
      text: `Snapshot of ${timeText(d.before.generatedAt)}: ${nf.format(d.before.browsers)} browsers; now ${nf.format(d.after.browsers)}.`,
    }),
    d.scopeMismatch ? el('p', { className: 'warning', text: d.scopeMismatch }) : undefined,
  ];
}

/**
 * A collapsible list: "<title>: <total>", and "(first N shown)" when `lines` is cut short of `total`; `summary`
 * replaces that line.
 */
export function diffList(
  title: string,
  lines: string[],
  o: { total?: number; open?: boolean; listClass?: string; summary?: string } = {},
): HTMLElement {
  const total = o.total ?? lines.length;
  const counted = `${title}: ${nf.format(total)}${lines.length < total ? ` (first ${nf.format(lines.length)} shown)` : ''}`;
  return el(
    'details',
    o.open ? { attrs: { open: '' } } : {},
    el('summary', { text: o.summary ?? counted }),
    el('ul', o.listClass ? { className: o.listClass } : {}, ...lines.map((text) => el('li', { text }))),
  );
}
