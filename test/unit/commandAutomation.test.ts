// Automation arguments (`{ confirmed }`, presets) count only outside Production: an installed extension ignores them.
import * as assert from 'assert';
import { automationAllowed, automationArgs, tokenForCaller } from '../../src/commands/automation';

// vscode.ExtensionMode (a const-like enum of the vscode module, which unit tests do not load).
const Production = 1;
const Development = 2;
const Test = 3;

describe('command automation arguments', () => {
  it('are allowed in Development and Test mode only', () => {
    assert.strictEqual(automationAllowed(Production), false);
    assert.strictEqual(automationAllowed(Development), true);
    assert.strictEqual(automationAllowed(Test), true);
  });

  it('are ignored in Production, whatever they say', () => {
    assert.strictEqual(automationArgs(Production, { confirmed: true }), undefined);
    assert.strictEqual(automationArgs(Production, { destination: '/Sales' }), undefined);
  });

  it('are passed through outside Production', () => {
    const args = { confirmed: true, destination: '/Sales' };
    assert.strictEqual(automationArgs(Development, args), args);
    assert.strictEqual(automationArgs(Test, args), args);
  });

  it('are only objects: menu arguments (nodes lists, nothing, strings) do not count', () => {
    assert.strictEqual(automationArgs(Test, undefined), undefined);
    assert.strictEqual(automationArgs(Test, null), undefined);
    assert.strictEqual(automationArgs(Test, 'confirmed'), undefined);
    assert.strictEqual(automationArgs(Test, true), undefined);
    assert.strictEqual(automationArgs(Test, [{ confirmed: true }]), undefined);
  });

  it('a created enrollment token reaches the caller without its value in Production', () => {
    const created = { tokenPermanentId: 'tok-1', orgUnitPath: '/Sales', token: 'SECRET-ENROLLMENT-VALUE' };
    const given = tokenForCaller(Production, created);
    assert.strictEqual(given.token, undefined);
    assert.deepStrictEqual(Object.keys(given).sort(), ['orgUnitPath', 'tokenPermanentId']);
    assert.strictEqual(given.tokenPermanentId, 'tok-1');
    assert.strictEqual(created.token, 'SECRET-ENROLLMENT-VALUE', 'the original is untouched');
    assert.strictEqual(tokenForCaller(Test, created).token, 'SECRET-ENROLLMENT-VALUE');
  });
});
