// Google's `fields` system parameter (partial response): `a,b(c,d),e/f`, `*` for everything at a level. The
// emulator applies it to the Chrome Management API v1 browser answers, so a field the client forgets to ask for is
// really missing from the answer, as it is at Google.
import { ApiError } from './errors';

/** field name → sub-mask (undefined: the whole value). */
export type FieldMask = Map<string, FieldMask | undefined>;

export function parseFieldMask(text: string): FieldMask {
  let i = 0;
  const fail = (why: string): never => {
    throw new ApiError(400, 'INVALID_ARGUMENT', `Invalid field selection "${text}": ${why}.`);
  };
  function list(): FieldMask {
    const mask: FieldMask = new Map();
    for (;;) {
      const start = i;
      while (i < text.length && /[A-Za-z0-9_*]/.test(text[i])) i++;
      const name = text.slice(start, i);
      if (!name) fail(`a field name is missing at character ${start + 1}`);
      let sub: FieldMask | undefined;
      if (text[i] === '(') {
        i++;
        sub = list();
        if (text[i] !== ')') fail('unbalanced parentheses');
        i++;
      } else if (text[i] === '/') {
        i++;
        sub = list1();
      }
      merge(mask, name, sub);
      if (text[i] !== ',') return mask;
      i++;
    }
  }
  /** After "a/": one path element (possibly with its own sub-selection). */
  function list1(): FieldMask {
    const start = i;
    while (i < text.length && /[A-Za-z0-9_*]/.test(text[i])) i++;
    const name = text.slice(start, i);
    if (!name) fail(`a field name is missing after "/" at character ${start}`);
    let sub: FieldMask | undefined;
    if (text[i] === '(') {
      i++;
      sub = list();
      if (text[i] !== ')') fail('unbalanced parentheses');
      i++;
    } else if (text[i] === '/') {
      i++;
      sub = list1();
    }
    return new Map([[name, sub]]);
  }
  const mask = list();
  if (i !== text.length) fail(`unexpected "${text[i]}" at character ${i + 1}`);
  return mask;
}

function merge(mask: FieldMask, name: string, sub: FieldMask | undefined): void {
  if (!mask.has(name)) return void mask.set(name, sub);
  const had = mask.get(name);
  if (had === undefined || sub === undefined) return void mask.set(name, undefined); // the whole value wins
  for (const [k, v] of sub) merge(had, k, v);
}

/** Keeps what `mask` selects; arrays are masked element by element. */
export function applyFieldMask(value: unknown, mask: FieldMask | undefined): unknown {
  if (mask === undefined || (mask.has('*') && mask.get('*') === undefined)) return value;
  if (Array.isArray(value)) return value.map((v) => applyFieldMask(v, mask));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const sub = mask.has(k) ? mask.get(k) : mask.has('*') ? mask.get('*') : null;
    if (sub === null) continue;
    out[k] = applyFieldMask(v, sub);
  }
  return out;
}
