// How a tree gesture opens browser details, like VS Code's file explorer: a single click previews (one reused
// tab, the focus stays in the tree), a double click or Enter opens the browser pinned and focused.
//
// VS Code runs a tree item's command on the first click of a double click and again on the double click
// itself, without saying which (microsoft/vscode#39601, #210043 ask for a distinct double-click command); so
// the second run for the same item within the double-click interval is the double click. Enter is bound to a
// command of ours that runs the tree's own `list.select` (which runs the item's command) right after telling
// this class so. No vscode import: unit-tested in Node.

/** Windows' default double-click time; macOS and GNOME default to less. */
export const DOUBLE_CLICK_MS = 500;
/** `list.select` runs the item's command within milliseconds; anything later is another gesture. */
export const KEYBOARD_OPEN_MS = 1000;

export type OpenMode = 'preview' | 'pinned';

export class OpenGestures {
  private lastClick: { deviceId: string; at: number } | undefined;
  private keyboardOpenAt: number | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  /** Enter was pressed in the tree: the item command that follows comes from the keyboard. */
  keyboardOpen(): void {
    this.keyboardOpenAt = this.now();
  }

  /**
   * What a run of the tree item's command means. `workbenchOpenMode` is VS Code's `workbench.list.openMode`:
   * with "doubleClick" the tree runs the command only on a double click.
   */
  classify(deviceId: string, workbenchOpenMode: string | undefined): OpenMode {
    const at = this.now();
    const keyboard = this.keyboardOpenAt !== undefined && at - this.keyboardOpenAt <= KEYBOARD_OPEN_MS;
    this.keyboardOpenAt = undefined;
    if (keyboard || workbenchOpenMode === 'doubleClick') {
      this.lastClick = undefined;
      return 'pinned';
    }
    const last = this.lastClick;
    if (last && last.deviceId === deviceId && at - last.at <= DOUBLE_CLICK_MS) {
      // A third quick click starts a new gesture rather than counting as another double click.
      this.lastClick = undefined;
      return 'pinned';
    }
    this.lastClick = { deviceId, at };
    return 'preview';
  }
}
