import * as assert from 'assert';
import { annotationValuesOf, type AnnotationValues } from '../../src/model/annotations';
import { parseExtensionMessage, parseWebviewMessage } from '../../src/webview/details/protocol';
import { MAX_COPY_LENGTH } from '../../src/webview/messageGuards';

const A: AnnotationValues = { annotatedUser: 'u', annotatedLocation: 'l', annotatedAssetId: 'a', annotatedNotes: 'n' };
const B: AnnotationValues = { annotatedUser: '', annotatedLocation: '', annotatedAssetId: '', annotatedNotes: '' };

describe('webview protocol: messages from the webview', () => {
  const valid: [string, unknown][] = [
    ['ready', { type: 'ready' }],
    ['revert', { type: 'revert' }],
    ['refresh', { type: 'refresh' }],
    ['save', { type: 'save', requestId: 1, annotations: A, base: B }],
    ['copy', { type: 'copy', text: 'abc' }],
    ['draft', { type: 'draft', draft: { annotations: A, base: B } }],
    ['draft cleared', { type: 'draft', draft: null }],
    ['restoreDraft', { type: 'restoreDraft' }],
    ['discardDraft', { type: 'discardDraft' }],
    ['rendered', { type: 'rendered', loadedAt: 1700000000000, renderMs: 12.5, bootMs: 80 }],
  ];
  for (const [name, msg] of valid) {
    it(`accepts ${name}`, () => assert.deepStrictEqual(parseWebviewMessage(msg), msg));
  }

  const invalid: [string, unknown][] = [
    ['null', null],
    ['a string', 'ready'],
    ['an array', [{ type: 'ready' }]],
    ['no type', { requestId: 1 }],
    ['unknown type', { type: 'openExternal', url: 'javascript:alert(1)' }],
    ['prototype key as type', { type: 'toString' }],
    ['save without requestId', { type: 'save', annotations: A, base: B }],
    ['save with negative requestId', { type: 'save', requestId: -1, annotations: A, base: B }],
    ['save with fractional requestId', { type: 'save', requestId: 1.5, annotations: A, base: B }],
    ['save with a missing field', { type: 'save', requestId: 1, annotations: { ...A, annotatedNotes: undefined }, base: B }],
    ['save with a number field', { type: 'save', requestId: 1, annotations: { ...A, annotatedUser: 5 }, base: B }],
    ['save with an extra field', { type: 'save', requestId: 1, annotations: { ...A, orgUnitPath: '/x' }, base: B }],
    ['save without base', { type: 'save', requestId: 1, annotations: A }],
    ['copy without text', { type: 'copy' }],
    ['copy with an object', { type: 'copy', text: { toString: 'x' } }],
    ['copy too long', { type: 'copy', text: 'x'.repeat(MAX_COPY_LENGTH + 1) }],
    ['draft malformed', { type: 'draft', draft: { annotations: A } }],
    ['rendered with NaN', { type: 'rendered', loadedAt: NaN, renderMs: 1, bootMs: 1 }],
    ['rendered negative', { type: 'rendered', loadedAt: 1, renderMs: -1, bootMs: 1 }],
    ['rendered without bootMs', { type: 'rendered', loadedAt: 1, renderMs: 1 }],
  ];
  for (const [name, msg] of invalid) {
    it(`drops ${name}`, () => assert.strictEqual(parseWebviewMessage(msg), undefined));
  }

  it('returns fresh objects that carry only the known keys', () => {
    const parsed = parseWebviewMessage({ type: 'ready', extra: 'x' });
    assert.deepStrictEqual(parsed, { type: 'ready' });
    const save = parseWebviewMessage({ type: 'save', requestId: 2, annotations: A, base: B, sneaky: true });
    assert.deepStrictEqual(Object.keys(save!).sort(), ['annotations', 'base', 'requestId', 'type']);
  });
});

describe('webview protocol: messages from the extension', () => {
  const browser = { deviceId: 'd1', machineName: '<script>' };
  const valid: [string, unknown][] = [
    ['device', { type: 'device', browser, loadedAt: 1 }],
    ['device with draft', { type: 'device', browser, loadedAt: 1, draft: { annotations: A, base: B }, readOnly: true }],
    ['saved', { type: 'saveResult', requestId: 3, ok: true, browser }],
    ['save error', { type: 'saveResult', requestId: 3, ok: false, error: 'Quota exceeded' }],
    [
      'conflict',
      {
        type: 'saveResult',
        requestId: 3,
        ok: false,
        conflict: { fields: [{ field: 'annotatedUser', base: '', yours: 'a', theirs: 'b' }], remote: B, browser },
      },
    ],
    ['error', { type: 'error', deviceId: 'd1', message: 'Signed out' }],
    [
      'device with an offered draft',
      { type: 'device', browser, loadedAt: 1, offeredDraft: { draft: { annotations: A, base: B }, savedAt: 1700000000000 } },
    ],
    ['blank', { type: 'blank', deviceId: 'd1', message: 'This browser was deleted.' }],
    ['requestSave', { type: 'requestSave' }],
  ];
  for (const [name, msg] of valid) {
    it(`accepts ${name}`, () => assert.deepStrictEqual(parseExtensionMessage(msg), msg));
  }

  const invalid: [string, unknown][] = [
    ['unknown type', { type: 'eval', code: 'alert(1)' }],
    ['device without deviceId', { type: 'device', browser: { machineName: 'x' }, loadedAt: 1 }],
    ['device with empty deviceId', { type: 'device', browser: { deviceId: '' }, loadedAt: 1 }],
    ['device without loadedAt', { type: 'device', browser }],
    ['device with bad draft', { type: 'device', browser, loadedAt: 1, draft: 'x' }],
    ['device with bad readOnly', { type: 'device', browser, loadedAt: 1, readOnly: 'yes' }],
    ['saveResult without ok', { type: 'saveResult', requestId: 3, browser }],
    ['saved without browser', { type: 'saveResult', requestId: 3, ok: true }],
    ['failure without reason', { type: 'saveResult', requestId: 3, ok: false }],
    [
      'conflict on an unknown field',
      {
        type: 'saveResult',
        requestId: 3,
        ok: false,
        conflict: { fields: [{ field: 'orgUnitPath', base: '', yours: 'a', theirs: 'b' }], remote: B, browser },
      },
    ],
    ['conflict with no fields', { type: 'saveResult', requestId: 3, ok: false, conflict: { fields: [], remote: B, browser } }],
    ['error without message', { type: 'error', deviceId: 'd1' }],
    ['error without deviceId', { type: 'error', message: 'x' }],
    ['offered draft without savedAt', { type: 'device', browser, loadedAt: 1, offeredDraft: { draft: { annotations: A, base: B } } }],
    ['offered draft malformed', { type: 'device', browser, loadedAt: 1, offeredDraft: { draft: { annotations: A }, savedAt: 1 } }],
    ['blank without message', { type: 'blank', deviceId: 'd1' }],
  ];
  for (const [name, msg] of invalid) {
    it(`drops ${name}`, () => assert.strictEqual(parseExtensionMessage(msg), undefined));
  }
});

describe('annotationValuesOf', () => {
  it('maps absent and non-string annotations to empty strings', () => {
    assert.deepStrictEqual(annotationValuesOf({ annotatedUser: 'x', annotatedNotes: 5 as unknown as string }), {
      annotatedUser: 'x',
      annotatedLocation: '',
      annotatedAssetId: '',
      annotatedNotes: '',
    });
  });
});
