import * as fs from 'fs';
import { Browser, chromium, Page } from 'playwright-core';
import { chromiumPath } from './paths';
import { onCleanup } from './processes';

export interface WorkbenchBrowser {
  browser: Browser;
  page: Page;
  /** Console errors and page errors seen so far (for the failure report). */
  errors: string[];
  close(): Promise<void>;
}

/** Flags that keep Chromium quiet and offline (no updates, sync, or first-run UI). */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Debian's Chromium via playwright-core, with every console message (the extension host's console is forwarded
 * to the workbench's) and page error appended to `logFile`.
 */
export async function launchWorkbenchBrowser(options: {
  logFile: string;
  headless?: boolean;
  viewport?: { width: number; height: number };
}): Promise<WorkbenchBrowser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: options.headless ?? true,
    args: chromiumArgs,
  });
  const unregister = onCleanup('chromium', () => browser.close());
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
  const page = await context.newPage();
  const log = fs.createWriteStream(options.logFile, { flags: 'a' });
  const errors: string[] = [];
  const stamp = () => new Date().toISOString().slice(11, 23);
  page.on('console', (message) => {
    const line = `${stamp()} [${message.type()}] ${message.text()}`;
    log.write(line + '\n');
    if (message.type() === 'error') errors.push(line);
  });
  page.on('pageerror', (error) => {
    const line = `${stamp()} [pageerror] ${error.stack ?? error.message}`;
    log.write(line + '\n');
    errors.push(line);
  });
  page.on('crash', () => log.write(`${stamp()} [crash] the page crashed\n`));
  return {
    browser,
    page,
    errors,
    async close() {
      unregister();
      await browser.close().catch(() => undefined);
      log.end();
    },
  };
}
