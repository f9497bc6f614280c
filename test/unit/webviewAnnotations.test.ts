import * as assert from 'assert';
import {
  ANNOTATION_MAX_LENGTH,
  normalizeAnnotation,
  normalizeChangedAnnotations,
  planSave,
  validateAnnotation,
  validateChangedAnnotations,
} from '../../src/model/annotations';
import type { AnnotationValues } from '../../src/model/annotations';

const EMPTY: AnnotationValues = { annotatedUser: '', annotatedLocation: '', annotatedAssetId: '', annotatedNotes: '' };
const v = (o: Partial<AnnotationValues>): AnnotationValues => ({ ...EMPTY, ...o });

describe('annotation normalisation and validation', () => {
  it('trims, unifies line endings and keeps single-line fields on one line', () => {
    assert.strictEqual(normalizeAnnotation('annotatedUser', '  alice  '), 'alice');
    assert.strictEqual(normalizeAnnotation('annotatedNotes', ' a\r\nb\rc \n'), 'a\nb\nc');
    assert.strictEqual(normalizeAnnotation('annotatedLocation', 'a\nb'), 'a b');
  });

  const cases: [string, Parameters<typeof validateAnnotation>[0], string, RegExp | undefined][] = [
    ['plain user', 'annotatedUser', 'alice@example.com', undefined],
    ['user at the limit', 'annotatedUser', 'x'.repeat(ANNOTATION_MAX_LENGTH.annotatedUser), undefined],
    ['user over the limit', 'annotatedUser', 'x'.repeat(ANNOTATION_MAX_LENGTH.annotatedUser + 1), /too long \(201 characters\).*at most 200/],
    ['notes at the limit', 'annotatedNotes', 'y'.repeat(1000), undefined],
    ['notes over the limit', 'annotatedNotes', 'y'.repeat(1001), /at most 1000/],
    ['astral characters count once', 'annotatedAssetId', '😀'.repeat(200), undefined],
    ['newline in notes', 'annotatedNotes', 'line 1\nline 2', undefined],
    ['tab in notes', 'annotatedNotes', 'a\tb', /control characters.*only line breaks/],
    ['NUL in asset id', 'annotatedAssetId', 'a\u0000b', /control characters/],
    ['C1 control in location', 'annotatedLocation', 'a\u0085b', /control characters/],
    ['DEL in user', 'annotatedUser', 'a\u007fb', /control characters/],
    ['newline in location', 'annotatedLocation', 'a\nb', /single line/],
    ['right-to-left override', 'annotatedUser', 'abc\u202Etxt.exe', /text-direction/],
    ['markup is just text', 'annotatedNotes', '<script>alert(1)</script>', undefined],
    ['non-Latin text', 'annotatedLocation', 'תל אביב — 東京', undefined],
  ];
  for (const [name, field, value, expected] of cases) {
    it(`${expected ? 'rejects' : 'accepts'} ${name}`, () => {
      const problem = validateAnnotation(field, value);
      if (expected) assert.match(problem ?? '', expected);
      else assert.strictEqual(problem, undefined);
    });
  }

  it('judges only fields the admin changed', () => {
    const base = v({ annotatedUser: 'evil\u202Eman', annotatedNotes: ' padded ' });
    assert.deepStrictEqual(validateChangedAnnotations(base, base), {});
    const errors = validateChangedAnnotations({ ...base, annotatedAssetId: 'a\tb' }, base);
    assert.deepStrictEqual(Object.keys(errors), ['annotatedAssetId']);
  });

  it('reports nothing for a valid change, and exact messages for invalid ones', () => {
    const base = v({});
    assert.deepStrictEqual(validateChangedAnnotations({ ...base, annotatedUser: 'bob', annotatedNotes: 'two\nlines' }, base), {});
    assert.deepStrictEqual(validateChangedAnnotations({ ...base, annotatedUser: 'a\tb', annotatedNotes: 'a\tb' }, base), {
      annotatedUser: 'User contains control characters (such as tabs). Remove them.',
      annotatedNotes: 'Notes contains control characters (such as tabs); only line breaks are allowed. Remove them.',
    });
    assert.strictEqual(validateAnnotation('annotatedLocation', 'x'.repeat(201)), 'Location is too long (201 characters); shorten it to at most 200.');
    assert.strictEqual(validateAnnotation('annotatedLocation', 'x'.repeat(200)), undefined);
    assert.strictEqual(validateAnnotation('annotatedAssetId', 'a\nb'), 'Asset ID must be a single line.');
  });

  it('leaves untouched values byte-for-byte, normalises edited ones', () => {
    const base = v({ annotatedNotes: ' padded ' });
    const out = normalizeChangedAnnotations({ ...base, annotatedUser: '  bob ' }, base);
    assert.deepStrictEqual(out, v({ annotatedUser: 'bob', annotatedNotes: ' padded ' }));
  });
});

describe('planSave (three-way merge)', () => {
  const base = v({ annotatedUser: 'alice', annotatedLocation: 'HQ', annotatedAssetId: 'A-1', annotatedNotes: '' });

  it('writes the admin change when nothing changed remotely', () => {
    const mine = { ...base, annotatedUser: 'bob' };
    assert.deepStrictEqual(planSave(base, mine, base), { kind: 'write', result: mine, refreshed: [] });
  });

  it('takes remote changes of untouched fields silently', () => {
    const mine = { ...base, annotatedUser: 'bob' };
    const remote = { ...base, annotatedLocation: 'Branch' };
    assert.deepStrictEqual(planSave(base, mine, remote), {
      kind: 'write',
      result: { ...base, annotatedUser: 'bob', annotatedLocation: 'Branch' },
      refreshed: ['annotatedLocation'],
    });
  });

  it('reports a conflict when both sides changed the same field differently, and writes nothing', () => {
    const mine = { ...base, annotatedUser: 'bob', annotatedAssetId: 'A-2' };
    const remote = { ...base, annotatedUser: 'carol' };
    const plan = planSave(base, mine, remote);
    assert.strictEqual(plan.kind, 'conflict');
    assert.deepStrictEqual(plan.kind === 'conflict' && plan.fields, [{ field: 'annotatedUser', base: 'alice', yours: 'bob', theirs: 'carol' }]);
    assert.deepStrictEqual(plan.kind === 'conflict' && plan.remote, remote);
  });

  it('is not a conflict when both sides made the same change', () => {
    const mine = { ...base, annotatedUser: 'bob' };
    assert.deepStrictEqual(planSave(base, mine, mine), { kind: 'unchanged', result: mine });
  });

  it('needs no request when the admin changed nothing', () => {
    const remote = { ...base, annotatedNotes: 'added elsewhere' };
    assert.deepStrictEqual(planSave(base, base, remote), { kind: 'unchanged', result: remote });
  });

  it('clearing a field is a change like any other', () => {
    const mine = { ...base, annotatedLocation: '' };
    assert.deepStrictEqual(planSave(base, mine, base), { kind: 'write', result: mine, refreshed: [] });
    const remote = { ...base, annotatedLocation: 'Moved' };
    assert.strictEqual(planSave(base, mine, remote).kind, 'conflict');
  });

  it('after the admin chose, a second save with the remote copy as base goes through', () => {
    const mine = { ...base, annotatedUser: 'bob' };
    const remote = { ...base, annotatedUser: 'carol' };
    assert.strictEqual(planSave(base, mine, remote).kind, 'conflict');
    // "keep yours": base becomes the remote copy, the value stays the admin's.
    assert.deepStrictEqual(planSave(remote, mine, remote), { kind: 'write', result: mine, refreshed: [] });
    // "use theirs": nothing left to write.
    assert.strictEqual(planSave(remote, remote, remote).kind, 'unchanged');
  });
});

describe('planSave: conflicts on every field, remote clears, several at once', () => {
  const base = v({ annotatedUser: 'alice', annotatedLocation: 'HQ', annotatedAssetId: 'A-1', annotatedNotes: 'old note' });
  const FIELDS = ['annotatedUser', 'annotatedLocation', 'annotatedAssetId', 'annotatedNotes'] as const;

  for (const field of FIELDS) {
    it(`a conflict on ${field} alone`, () => {
      const mine = { ...base, [field]: 'mine' };
      const remote = { ...base, [field]: 'theirs' };
      assert.deepStrictEqual(planSave(base, mine, remote), {
        kind: 'conflict',
        fields: [{ field, base: base[field], yours: 'mine', theirs: 'theirs' }],
        remote,
      });
    });

    it(`a remote clear of ${field} the admin also edited is a conflict`, () => {
      const mine = { ...base, [field]: 'mine' };
      const remote = { ...base, [field]: '' };
      assert.deepStrictEqual(planSave(base, mine, remote), {
        kind: 'conflict',
        fields: [{ field, base: base[field], yours: 'mine', theirs: '' }],
        remote,
      });
    });

    it(`a remote clear of ${field} the admin did not touch is kept (not written back)`, () => {
      const other = FIELDS.find((f) => f !== field)!;
      const mine = { ...base, [other]: 'edited' };
      const remote = { ...base, [field]: '' };
      assert.deepStrictEqual(planSave(base, mine, remote), {
        kind: 'write',
        result: { ...base, [field]: '', [other]: 'edited' },
        refreshed: [field],
      });
    });
  }

  it('two conflicts at once are both reported, in field order, and nothing is written', () => {
    const mine = { ...base, annotatedNotes: 'my note', annotatedUser: 'bob', annotatedLocation: 'Lab' };
    const remote = { ...base, annotatedNotes: '', annotatedUser: 'carol', annotatedAssetId: 'A-9' };
    assert.deepStrictEqual(planSave(base, mine, remote), {
      kind: 'conflict',
      fields: [
        { field: 'annotatedUser', base: 'alice', yours: 'bob', theirs: 'carol' },
        { field: 'annotatedNotes', base: 'old note', yours: 'my note', theirs: '' },
      ],
      remote,
    });
  });

  it('the admin clearing a field the remote left alone writes the clear', () => {
    const mine = { ...base, annotatedNotes: '' };
    assert.deepStrictEqual(planSave(base, mine, base), { kind: 'write', result: mine, refreshed: [] });
  });
});
