// The rules behind the overview's stable major and OS releases, at their edges: the "half of the most common
// major" threshold, ties, settings that are not a positive whole number, and the Windows 11 build boundary.
import * as assert from 'assert';
import { OVERVIEW_STABLE_MAJOR, boundSetting } from '../../src/configurationBounds';
import { buildPrefix, osFieldValue, osRelease, windowsBuild } from '../../src/overview/osRelease';
import { chooseStableMajor, highestSubstantialMajor } from '../../src/overview/stableMajor';

const counts = (o: Record<number, number>) => new Map(Object.entries(o).map(([k, v]) => [Number(k), v]));
const none = new Map<number, number>();

describe('overview stable major', () => {
  it('takes the newest major held at least half as often as the most common one', () => {
    assert.deepStrictEqual(highestSubstantialMajor(counts({ 130: 40, 131: 100, 132: 49, 134: 20 })), { major: 131, mostCommon: 131 });
    assert.deepStrictEqual(highestSubstantialMajor(counts({ 130: 40, 131: 100, 132: 50 })), { major: 132, mostCommon: 131 });
    // A tie for most common goes to the newer major; an empty or all-zero map tells nothing.
    assert.deepStrictEqual(highestSubstantialMajor(counts({ 129: 10, 128: 10 })), { major: 129, mostCommon: 129 });
    assert.strictEqual(highestSubstantialMajor(counts({ 131: 0 })), undefined);
    assert.strictEqual(highestSubstantialMajor(none), undefined);
  });

  it('uses a positive whole-number setting, else the stable channel, else the installs', () => {
    const installs = counts({ 131: 10, 134: 9 });
    assert.strictEqual(chooseStableMajor({ setting: 142, stableChannel: none, installs })?.source, 'setting');
    for (const setting of [0, -3, 1.5, Number.NaN]) {
      assert.strictEqual(chooseStableMajor({ setting, stableChannel: none, installs })?.source, 'fleet', String(setting));
    }
    assert.deepStrictEqual(chooseStableMajor({ setting: 0, stableChannel: counts({ 130: 5 }), installs }), {
      major: 130,
      source: 'channel',
      explanation: chooseStableMajor({ setting: 0, stableChannel: counts({ 130: 5 }), installs })!.explanation,
    });
    assert.strictEqual(chooseStableMajor({ setting: 0, stableChannel: none, installs: none }), undefined);
    assert.strictEqual(chooseStableMajor({ setting: 142, stableChannel: none, installs: none })?.major, 142, 'a setting needs no fleet');
  });

  it('reads the setting as a whole number from 0 to 999', () => {
    assert.strictEqual(boundSetting('s', undefined, OVERVIEW_STABLE_MAJOR).value, 0);
    assert.strictEqual(boundSetting('s', 142.7, OVERVIEW_STABLE_MAJOR).value, 142);
    assert.strictEqual(boundSetting('s', -1, OVERVIEW_STABLE_MAJOR).value, 0);
    assert.strictEqual(boundSetting('s', '142', OVERVIEW_STABLE_MAJOR).value, 0);
    assert.match(boundSetting('s', 5000, OVERVIEW_STABLE_MAJOR).note ?? '', /from 0 to 999/);
  });
});

describe('overview OS releases', () => {
  it('splits Windows 10 and 11 at build 22000', () => {
    assert.strictEqual(osRelease('Windows', '10.0.21999.1', undefined), '10');
    assert.strictEqual(osRelease('Windows', '10.0.22000.1', undefined), '11');
    assert.strictEqual(osRelease('Windows', '10.0.22631', 'Windows 10 Pro'), '11', 'the build beats the product name');
    assert.strictEqual(osRelease('Windows', undefined, 'Windows 11 Home'), '11');
    assert.strictEqual(osRelease('Windows', '6.1.7601', 'Windows 7'), '6', 'not NT 10.0: the first number, as before');
    assert.strictEqual(osRelease('Mac', '10.0.22631', undefined), '10', 'only Windows has the build rule');
    assert.strictEqual(osRelease('Linux', undefined, undefined), undefined);
  });

  it('finds an NT 10.0 build only as a whole number group', () => {
    assert.strictEqual(windowsBuild('Windows 11 Pro 10.0.26100'), 26100);
    assert.strictEqual(windowsBuild('110.0.22631.1'), undefined);
    assert.strictEqual(windowsBuild('10.0.2'), undefined);
    assert.strictEqual(windowsBuild(undefined), undefined);
  });

  it('gives the value the `os` field reads and the build prefix of a version', () => {
    assert.strictEqual(osFieldValue('Windows', '10.0.22631.4460'), 'Windows 10');
    assert.strictEqual(osFieldValue('Windows', undefined), 'Windows');
    assert.strictEqual(buildPrefix('10.0.19045.5131'), '10.0.19045');
    assert.strictEqual(buildPrefix('6.8.0-49-generic'), '6.8.0');
    assert.strictEqual(buildPrefix('14.6'), undefined);
  });
});
