// The platform colours of the overview's stacked version bars (media/overview.css) stay apart for people with the
// common colour-vision deficiencies: each theme variant is simulated for protanopia, deuteranopia and tritanopia
// (Machado, Oliveira & Fernandes 2009, severity 1) and compared in CIELAB. Linux and ChromeOS must differ clearly.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const CSS = fs.readFileSync(path.join(__dirname, '..', '..', 'media', 'overview.css'), 'utf8');
const OKABE_ITO = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7'];
const PLATFORMS = ['windows', 'mac', 'linux', 'chromeos'];

type Matrix = readonly (readonly number[])[];
const VISION: Record<string, Matrix> = {
  typical: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** The `--cbcm-platform-*` tokens of the CSS block whose selector list starts with `selector`. */
function tokens(selector: string): Record<string, string> {
  const block = new RegExp(`(?:^|\\n)${selector.replace(/[.]/g, '\\.')}[^{]*\\{([^}]*)\\}`).exec(CSS);
  assert.ok(block, `overview.css has a ${selector} block`);
  return Object.fromEntries([...block[1].matchAll(/--cbcm-platform-([a-z0-9-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2].toLowerCase()]));
}

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
function lab(hex: string, vision: Matrix): [number, number, number] {
  const rgb = [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16) / 255));
  const [r, g, b] = vision.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])));
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const deltaE = (a: string, b: string, v: Matrix) => Math.hypot(...lab(a, v).map((c, i) => c - lab(b, v)[i]));

describe('overview platform colours', () => {
  for (const [theme, selector] of [
    ['dark', 'body'],
    ['light', 'body.vscode-light'],
  ] as const) {
    describe(`${theme} themes`, () => {
      // Read in each test, so a missing block fails the tests rather than the loading of the file.
      let t: Record<string, string> = {};
      beforeEach(() => (t = tokens(selector)));

      it('give each platform its own Okabe-Ito colour', () => {
        for (const p of PLATFORMS) assert.ok(OKABE_ITO.includes(t[p]), `${p}: ${t[p]}`);
        assert.strictEqual(new Set(PLATFORMS.map((p) => t[p])).size, PLATFORMS.length);
      });

      for (const [vision, matrix] of Object.entries(VISION)) {
        it(`keep Linux and ChromeOS clearly apart, and every platform distinct, with ${vision} vision`, () => {
          assert.ok(deltaE(t.linux, t.chromeos, matrix) >= 60, `Linux/ChromeOS ΔE ${deltaE(t.linux, t.chromeos, matrix).toFixed(0)}`);
          for (let i = 0; i < PLATFORMS.length; i++) {
            for (let j = i + 1; j < PLATFORMS.length; j++) {
              const d = deltaE(t[PLATFORMS[i]], t[PLATFORMS[j]], matrix);
              assert.ok(d >= 20, `${PLATFORMS[i]}/${PLATFORMS[j]} ΔE ${d.toFixed(0)}`);
            }
          }
        });
      }
    });
  }

  it('the old palette order failed this (yellow next to orange for Linux and ChromeOS)', () => {
    // --vscode-charts-yellow and -orange of Dark Modern, which Linux and ChromeOS used to get by rank.
    assert.ok(deltaE('#cca700', '#d18616', VISION.deuteranopia) < 20);
  });
});
