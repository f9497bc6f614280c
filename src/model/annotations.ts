// The four annotation values as every editor of them holds them (details form, tree edit, bulk runs, CSV
// import, the change history), and the pure rules for editing them: normalisation, validation and the three-way
// merge that keeps a save from silently overwriting someone else's change. No vscode import: the webview script
// uses the validation too, and unit tests run it in Node.

import { ANNOTATION_FIELDS, type AnnotationField, type BrowserAnnotations } from '../api/types';

/** The four annotation values as the form holds them: always strings, '' when empty. */
export type AnnotationValues = Record<AnnotationField, string>;

export const ANNOTATION_KEYS: readonly AnnotationField[] = ANNOTATION_FIELDS;

/** A field both the admin and someone else changed, to different values. */
export interface FieldConflict {
  field: AnnotationField;
  /** What the form was loaded with. */
  base: string;
  /** The admin's value. */
  yours: string;
  /** The value someone else saved meanwhile. */
  theirs: string;
}

/** The annotation values of a browser as the form shows them (absent or non-string → ''). */
export function annotationValuesOf(b: BrowserAnnotations): AnnotationValues {
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    annotatedUser: s(b.annotatedUser),
    annotatedLocation: s(b.annotatedLocation),
    annotatedAssetId: s(b.annotatedAssetId),
    annotatedNotes: s(b.annotatedNotes),
  };
}

/**
 * Maximum lengths. The API documents none; these are our own choice, generous for real use and small
 * enough that a paste accident (a log file into "asset id") is caught before the request.
 */
export const ANNOTATION_MAX_LENGTH: Record<AnnotationField, number> = {
  annotatedUser: 200,
  annotatedLocation: 200,
  annotatedAssetId: 200,
  annotatedNotes: 1000,
};

export const ANNOTATION_LABELS: Record<AnnotationField, string> = {
  annotatedUser: 'User',
  annotatedLocation: 'Location',
  annotatedAssetId: 'Asset ID',
  annotatedNotes: 'Notes',
};

// C0 controls, DEL and C1 controls; newline is allowed in notes only (checked separately).
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
// Direction overrides/isolates: invisible, and they make text read differently than it is stored.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

/** Trims and unifies line endings; what is validated and sent is the normalised value. */
export function normalizeAnnotation(field: AnnotationField, value: string): string {
  const unified = value.replace(/\r\n?/g, '\n');
  return field === 'annotatedNotes' ? unified.trim() : unified.replace(/\n/g, ' ').trim();
}

/**
 * Normalises the fields the admin changed; fields equal to `base` stay byte-for-byte as loaded, so an
 * untouched value with, say, trailing spaces does not count as an edit.
 */
export function normalizeChangedAnnotations(values: AnnotationValues, base: AnnotationValues): AnnotationValues {
  const out = { ...values };
  for (const k of ANNOTATION_KEYS) {
    if (values[k] !== base[k]) out[k] = normalizeAnnotation(k, values[k]);
  }
  return out;
}

/** An admin-facing problem with a normalised value, or undefined when it is acceptable. */
export function validateAnnotation(field: AnnotationField, normalized: string): string | undefined {
  const label = ANNOTATION_LABELS[field];
  const max = ANNOTATION_MAX_LENGTH[field];
  if ([...normalized].length > max) {
    return `${label} is too long (${[...normalized].length} characters); shorten it to at most ${max}.`;
  }
  if (CONTROL_CHARS.test(normalized)) {
    return `${label} contains control characters (such as tabs)${field === 'annotatedNotes' ? '; only line breaks are allowed' : ''}. Remove them.`;
  }
  if (field !== 'annotatedNotes' && normalized.includes('\n')) {
    return `${label} must be a single line.`;
  }
  if (BIDI_CONTROLS.test(normalized)) {
    return `${label} contains invisible text-direction characters (U+202A–U+202E, U+2066–U+2069). Remove them.`;
  }
  return undefined;
}

/**
 * Problems of the fields the admin changed (compared with `base`). Untouched fields are not judged: they
 * hold what the API already stores, even if an end machine or another tool put odd characters there.
 */
export function validateChangedAnnotations(values: AnnotationValues, base: AnnotationValues): Partial<Record<AnnotationField, string>> {
  const errors: Partial<Record<AnnotationField, string>> = {};
  const normalized = normalizeChangedAnnotations(values, base);
  for (const k of ANNOTATION_KEYS) {
    const v = normalized[k];
    if (v === base[k]) continue;
    const problem = validateAnnotation(k, v);
    if (problem) errors[k] = problem;
  }
  return errors;
}

export type SavePlan =
  /** Nothing differs from what the API holds now: no request needed. */
  | { kind: 'unchanged'; result: AnnotationValues }
  /** Write `result` (all four fields); `refreshed` lists fields taken from the remote copy silently. */
  | { kind: 'write'; result: AnnotationValues; refreshed: AnnotationField[] }
  | { kind: 'conflict'; fields: FieldConflict[]; remote: AnnotationValues };

/**
 * Three-way merge per field between what the form was loaded with (`base`), what the admin typed (`mine`)
 * and what the API holds now (`remote`):
 *  - admin didn't touch it → take the remote value (a remote change is refreshed silently);
 *  - admin changed it, remote didn't (or changed it to the same value) → the admin's value;
 *  - both changed it to different values → conflict; nothing is written until the admin chooses.
 * `mine` must already be normalised (normalizeChangedAnnotations).
 */
export function planSave(base: AnnotationValues, mine: AnnotationValues, remote: AnnotationValues): SavePlan {
  const result = { ...remote };
  const refreshed: AnnotationField[] = [];
  const conflicts: FieldConflict[] = [];
  for (const k of ANNOTATION_KEYS) {
    const mineChanged = mine[k] !== base[k];
    const remoteChanged = remote[k] !== base[k];
    if (!mineChanged) {
      if (remoteChanged) refreshed.push(k);
      continue; // result already holds remote[k]
    }
    if (remoteChanged && remote[k] !== mine[k]) {
      conflicts.push({ field: k, base: base[k], yours: mine[k], theirs: remote[k] });
      continue;
    }
    result[k] = mine[k];
  }
  if (conflicts.length > 0) return { kind: 'conflict', fields: conflicts, remote };
  if (ANNOTATION_KEYS.every((k) => result[k] === remote[k])) return { kind: 'unchanged', result };
  return { kind: 'write', result, refreshed };
}
