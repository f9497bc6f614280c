// The export's file name: typing "x.csv" over the save dialog's selected stem must not give "x.csv.csv".
import * as assert from 'assert';
import { targetPath, withSingleExtension } from '../../src/export/exportTarget';

describe('export target name', () => {
  it('turns a doubled extension of the chosen format into one', () => {
    assert.strictEqual(withSingleExtension('x.csv.csv', 'csv'), 'x.csv');
    assert.strictEqual(withSingleExtension('x.CSV.csv', 'csv'), 'x.CSV');
    assert.strictEqual(withSingleExtension('fleet.json.json', 'json'), 'fleet.json');
  });

  it('keeps every other name as the admin chose it', () => {
    for (const name of ['x.csv', 'x', 'x.json.csv', 'x.csv.json', '.csv.csv', 'report.csv.bak']) {
      assert.strictEqual(withSingleExtension(name, name.endsWith('json') ? 'json' : 'csv'), name, name);
    }
  });

  it('changes only the last path segment', () => {
    assert.strictEqual(targetPath('/home/a.csv.csv/exports/x.csv.csv', 'csv'), '/home/a.csv.csv/exports/x.csv');
    assert.strictEqual(targetPath('/home/exports/x.csv', 'csv'), '/home/exports/x.csv');
  });
});
