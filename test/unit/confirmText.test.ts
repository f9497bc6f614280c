// The modal questions before deletes and moves, and the delete's log line.
import * as assert from 'assert';
import type { ChromeBrowser } from '../../src/api/types';
import {
  browserLines,
  bulkDeleteQuestion,
  bulkMoveQuestion,
  deleteLogLine,
  deleteQuestion,
  keepButton,
  keepPlaceButton,
  moveQuestion,
} from '../../src/commands/confirmText';

const b = (i: number, extra: Partial<ChromeBrowser> = {}): ChromeBrowser => ({
  deviceId: `dev-${i}`,
  machineName: `PC-${i}`,
  serialNumber: `SN${i}`,
  orgUnitPath: '/Sales',
  ...extra,
});

describe('write confirmations', () => {
  it('a delete names each browser’s machine name, serial number and org unit', () => {
    const q = deleteQuestion([b(1), b(2, { serialNumber: undefined, orgUnitPath: '/Eng' })]);
    assert.strictEqual(q.message, 'Delete 2 browsers?');
    assert.match(q.detail, /• PC-1 — SN1 — \/Sales\n• PC-2 — dev-2 — \/Eng\n/);
  });

  it('a delete’s default (first) button does not delete', () => {
    const q = deleteQuestion([b(1)]);
    assert.strictEqual(q.message, 'Delete browser?');
    assert.strictEqual(q.action, 'Delete');
    assert.strictEqual(q.buttons[0], keepButton());
    assert.notStrictEqual(q.buttons[0], q.action);
    assert.ok(q.buttons.includes('Delete'));
  });

  it('a move names the target org unit and the count', () => {
    const q = moveQuestion([b(1), b(2), b(3)], '/Sales/EMEA');
    assert.strictEqual(q.message, 'Move 3 browsers to /Sales/EMEA?');
    assert.strictEqual(q.action, 'Move');
    assert.strictEqual(moveQuestion([b(1)], '/X').message, 'Move 1 browser to /X?');
  });

  it('a bulk delete states the exact count, and its default (first) button deletes nothing, as a single delete', () => {
    const q = bulkDeleteQuestion(1234, 'the sample');
    assert.strictEqual(q.message, 'Delete 1,234 browsers?');
    assert.strictEqual(q.action, 'Delete 1,234');
    assert.deepStrictEqual(q.buttons, [keepButton(), 'Delete 1,234']);
    assert.strictEqual(q.detail, 'the sample');
  });

  it('a bulk move names the target and the count, and its default (first) button moves nothing', () => {
    const q = bulkMoveQuestion(3, '/Mac', 'from where');
    assert.strictEqual(q.message, 'Move 3 browsers to /Mac?');
    assert.strictEqual(q.action, 'Move 3');
    assert.deepStrictEqual(q.buttons, [keepPlaceButton(), 'Move 3']);
    assert.notStrictEqual(q.buttons[0], q.action);
  });

  it('lists ten browsers and counts the rest', () => {
    const text = browserLines(Array.from({ length: 13 }, (_, i) => b(i)));
    assert.strictEqual(text.split('\n').length, 11);
    assert.match(text, /… and 3 more$/);
    assert.match(browserLines([b(1, { machineName: undefined, orgUnitPath: undefined })]), /• \(no name\) — SN1 — \(org unit not reported\)/);
  });

  it('the delete’s log line names the device IDs', () => {
    assert.strictEqual(deleteLogLine(['dev-1', 'dev-2'], 1, 0), 'Deleted 2 browser(s) (dev-1, dev-2); 1 failed; 0 not tried.');
    assert.strictEqual(deleteLogLine([], 0, 2), 'Deleted 0 browser(s); 0 failed; 2 not tried.');
  });
});
