// How long opening a details panel took, split into the API, VS Code's webview creation and the panel's own
// work: logged for every command-opened panel ("Browser details rendered in …") and read by the benchmark.
// No vscode import.

/** Timings of the last open, for the log and the end-to-end benchmark. */
export interface RenderTiming {
  deviceId: string;
  totalMs: number;
  apiMs: number;
  /** Time from command to rendered panel that is not the API round-trip. */
  beyondApiMs: number;
  /** From the command to the webview's `ready`: VS Code creating the webview, then `bootMs`. */
  readyMs: number;
  /** The webview's own start-up: our HTML, CSS and script (counted inside the webview). */
  bootMs: number;
  /** What the panel itself costs beyond the API: start-up + rendering (VS Code's webview creation excluded). */
  ownMs: number;
  /** From the device message to the painted panel. */
  webviewRenderMs: number;
}

/** One open at a time: started by the command (or a preview changing device), finished by the first render. */
export class RenderTimer {
  private openedAt: number | undefined;
  private apiMs = 0;
  private readyAt: number | undefined;

  constructor(private readonly now: () => number = () => performance.now()) {}

  start(): void {
    this.openedAt = this.now();
    this.readyAt = undefined;
    this.apiMs = 0;
  }

  apiTook(ms: number): void {
    this.apiMs = ms;
  }

  webviewReady(): void {
    this.readyAt ??= this.now();
  }

  /** The timing of the open being measured, once; undefined for renders nobody is timing. */
  rendered(deviceId: string, renderMs: number, bootMs: number): RenderTiming | undefined {
    if (this.openedAt === undefined) return undefined;
    const totalMs = this.now() - this.openedAt;
    const timing: RenderTiming = {
      deviceId,
      totalMs: Math.round(totalMs),
      apiMs: Math.round(this.apiMs),
      beyondApiMs: Math.round(totalMs - this.apiMs),
      readyMs: Math.round((this.readyAt ?? this.now()) - this.openedAt),
      bootMs: Math.round(bootMs),
      ownMs: Math.round(bootMs + renderMs),
      webviewRenderMs: Math.round(renderMs),
    };
    this.openedAt = undefined;
    return timing;
  }
}

export function describeTiming(t: RenderTiming): string {
  return (
    `Browser details rendered in ${t.totalMs} ms (API ${t.apiMs} ms, beyond it ${t.beyondApiMs} ms; ` +
    `webview ready after ${t.readyMs} ms, of which its own start-up ${t.bootMs} ms; render ${t.webviewRenderMs} ms; ` +
    `panel's own work ${t.ownMs} ms).`
  );
}
