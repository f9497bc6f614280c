// What the fleet overview's E2E files share: finding the overview's webview frame once its figures are complete,
// and the test hook its script exposes (window.cbcmOverview, media/src/overview.ts) to read figures and bar places.
import * as assert from 'assert';
import type { Frame } from 'playwright-core';
import type { FleetFigures } from '../../../src/overview/figures';
import { e2e } from '../harness/fixture';

export interface OverviewHook {
  barCenter(chart: string, index: number, series?: number): { x: number; y: number } | undefined;
  barColor(chart: string, index: number, series?: number): string | undefined;
  offBarPoint(chart: string, index: number): { x: number; y: number } | undefined;
  barLength(chart: string, index: number): number | undefined;
  seriesColor(chart: string, name: string): { color: string; token: string } | undefined;
  figures(): FleetFigures | undefined;
}

/** The first webview frame (of any panel) for which `matches` holds, looked for every 200 ms. */
export async function webviewFrameWhere(what: string, matches: (frame: Frame) => Promise<boolean>, timeoutMs: number): Promise<Frame> {
  const { page } = e2e();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame() || frame.isDetached()) continue;
      if (await matches(frame).catch(() => false)) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no ${what} after ${timeoutMs / 1000} s`);
    await page.waitForTimeout(200);
  }
}

/** The overview webview whose heading names `text`, once its figures are complete. */
export function overviewFrameFor(text: string, timeoutMs = 60_000): Promise<Frame> {
  return webviewFrameWhere(
    `complete overview of ${text}`,
    (frame) =>
      frame.evaluate((t) => document.body?.dataset.state === 'complete' && (document.querySelector('h1')?.textContent ?? '').includes(t), text),
    timeoutMs,
  );
}

/** The figures the overview webview draws. */
export async function figuresIn(frame: Frame): Promise<FleetFigures> {
  const f = await frame.evaluate(() => (window as unknown as { cbcmOverview: OverviewHook }).cbcmOverview.figures());
  assert.ok(f, 'the webview has no figures');
  return f;
}

/** Where a bar is drawn (its centre, in the canvas's coordinates), for a click or a hover. */
export function barCenterIn(frame: Frame, chart: string, index: number, series?: number): Promise<{ x: number; y: number } | undefined> {
  return frame.evaluate(([c, n, s]) => (window as unknown as { cbcmOverview: OverviewHook }).cbcmOverview.barCenter(c, n, s), [
    chart,
    index,
    series,
  ] as const);
}
