// What a browser row shows after its machine name (`cbcm.browserRow.description`).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { ChromeBrowser } from '../../src/api/types';
import { BROWSER_ROW_FIELDS, browserRowDescription, browserRowFields, DEFAULT_BROWSER_ROW } from '../../src/tree/browserRow';

const NOW = Date.parse('2026-10-10T12:00:00Z');
const browser: ChromeBrowser = {
  deviceId: 'd1',
  machineName: 'LAB-01',
  lastActivityTime: '2026-10-07T11:00:00Z',
  browserVersions: ['131.0.6778.85'],
  osPlatform: 'Windows',
  osVersion: '10.0.19045',
  osPlatformVersion: 'Windows 10',
  lastDeviceUser: 'jdoe',
  annotatedUser: 'Jane',
  annotatedLocation: 'Front desk',
  annotatedAssetId: 'A-1',
  serialNumber: 'SN9',
  orgUnitPath: '/Sales',
};

describe('browser row description', () => {
  it('starts with the last activity by default, so a narrow sidebar cuts the version, not the age', () => {
    assert.deepStrictEqual(browserRowFields(undefined), ['lastActivity', 'chromeVersion']);
    assert.strictEqual(browserRowDescription(browser, DEFAULT_BROWSER_ROW, NOW), '3 days ago · Chrome 131.0.6778.85');
  });

  it('shows the chosen fields in the chosen order, leaving out what the browser did not report', () => {
    const fields = browserRowFields(['lastUser', 'os', 'assetId', 'serialNumber', 'orgUnit', 'annotatedUser', 'annotatedLocation']);
    assert.strictEqual(browserRowDescription(browser, fields, NOW), 'jdoe · Windows 10 · A-1 · SN9 · /Sales · Jane · Front desk');
    assert.strictEqual(browserRowDescription({ deviceId: 'd2' }, fields, NOW), '');
    assert.strictEqual(browserRowDescription({ deviceId: 'd3', osPlatform: 'Linux', osVersion: '6.1' }, ['os'], NOW), 'Linux 6.1');
  });

  it('drops unknown names and repeats from a hand-edited setting; an empty list shows nothing', () => {
    assert.deepStrictEqual(browserRowFields(['chromeVersion', 'nonsense', 3, 'chromeVersion', 'lastActivity']), ['chromeVersion', 'lastActivity']);
    assert.deepStrictEqual(browserRowFields([]), []);
    assert.deepStrictEqual(browserRowFields('lastActivity'), [...DEFAULT_BROWSER_ROW]);
  });

  it('matches the setting declared in package.json (enum and default)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const setting = pkg.contributes.configuration.properties['cbcm.browserRow.description'];
    assert.deepStrictEqual(setting.items.enum, [...BROWSER_ROW_FIELDS]);
    assert.strictEqual(setting.items.enumDescriptions.length, BROWSER_ROW_FIELDS.length);
    assert.deepStrictEqual(setting.default, [...DEFAULT_BROWSER_ROW]);
  });
});
