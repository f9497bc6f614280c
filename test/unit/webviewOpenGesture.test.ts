// Single click previews, double click or Enter pins (issue 20, item 6): the rules that tell the gestures apart.
import * as assert from 'assert';
import { DOUBLE_CLICK_MS, KEYBOARD_OPEN_MS, OpenGestures } from '../../src/webview/details/openGesture';

describe('details panel: open gestures', () => {
  let clock: number;
  let g: OpenGestures;
  beforeEach(() => {
    clock = 1_000_000;
    g = new OpenGestures(() => clock);
  });

  it('previews on a single click, pins on the second run for the same item within the double-click time', () => {
    assert.strictEqual(g.classify('a', 'singleClick'), 'preview');
    clock += DOUBLE_CLICK_MS - 1;
    assert.strictEqual(g.classify('a', 'singleClick'), 'pinned');
    // A third quick click is a new single click.
    clock += 50;
    assert.strictEqual(g.classify('a', 'singleClick'), 'preview');
  });

  it('keeps previewing for slow clicks and for clicks on different items', () => {
    assert.strictEqual(g.classify('a', undefined), 'preview');
    clock += DOUBLE_CLICK_MS + 1;
    assert.strictEqual(g.classify('a', undefined), 'preview');
    clock += 100;
    assert.strictEqual(g.classify('b', undefined), 'preview');
  });

  it('pins what Enter opens, once, and only if the tree ran the command right away', () => {
    g.keyboardOpen();
    clock += 20;
    assert.strictEqual(g.classify('a', 'singleClick'), 'pinned');
    clock += 20;
    assert.strictEqual(g.classify('b', 'singleClick'), 'preview', 'the Enter was used up');
    g.keyboardOpen(); // Enter on a folder: no browser command follows
    clock += KEYBOARD_OPEN_MS + 1;
    assert.strictEqual(g.classify('c', 'singleClick'), 'preview');
  });

  it('pins every open when VS Code opens tree items on double click only (workbench.list.openMode)', () => {
    assert.strictEqual(g.classify('a', 'doubleClick'), 'pinned');
    assert.strictEqual(g.classify('b', 'doubleClick'), 'pinned');
  });
});
