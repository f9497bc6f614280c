import * as assert from 'assert';
import { e2e } from '../harness/fixture';

describe('Workbench with the installed extension', () => {
  it('"CBCM: Show Output Log" shows the CBCM Explorer output channel', async () => {
    const { page, runCommand, screenshot } = e2e();
    await runCommand('CBCM: Show Output Log');
    // The Output view is open, and its channel picker shows our channel.
    const output = page.locator('.part.panel .output-view, .part.panel [id="workbench.panel.output"]').first();
    await output.waitFor({ state: 'visible', timeout: 15_000 });
    const picker = page.locator('.part.panel select.monaco-select-box').first();
    await picker.waitFor({ state: 'visible', timeout: 15_000 });
    const channel = await picker.evaluate((select: HTMLSelectElement) => select.options[select.selectedIndex]?.text ?? '');
    assert.strictEqual(channel, 'CBCM Explorer');
    await screenshot('output-log');
  });
});
