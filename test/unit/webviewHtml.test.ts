import * as assert from 'assert';
import { contentSecurityPolicy, createNonce, renderShell } from '../../src/webview/html';

const CSP_SOURCE = 'https://*.vscode-cdn.net';

function shell(extra: Partial<Parameters<typeof renderShell>[0]> = {}): string {
  return renderShell({
    cspSource: CSP_SOURCE,
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/dist/details.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/details.css',
    title: 'Browser: host-1',
    ...extra,
  });
}

function cspOf(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'the shell has a CSP meta tag');
  return m[1];
}

function directives(csp: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of csp
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/);
    assert.ok(!map.has(name), `directive ${name} appears once`);
    map.set(name, values.join(' '));
  }
  return map;
}

describe('webview HTML shell', () => {
  it('has a CSP with default-src none, theme-origin styles/images/fonts and a nonce-only script-src', () => {
    const html = shell({ nonce: 'abc123' });
    const d = directives(cspOf(html));
    assert.deepStrictEqual([...d.keys()].sort(), ['default-src', 'font-src', 'img-src', 'script-src', 'style-src']);
    assert.strictEqual(d.get('default-src'), "'none'");
    assert.strictEqual(d.get('style-src'), CSP_SOURCE);
    assert.strictEqual(d.get('img-src'), CSP_SOURCE);
    assert.strictEqual(d.get('font-src'), CSP_SOURCE);
    assert.strictEqual(d.get('script-src'), "'nonce-abc123'");
  });

  it('never allows inline code or eval', () => {
    const html = shell();
    assert.ok(!/unsafe-inline|unsafe-eval|unsafe-hashes/.test(html));
    assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handlers');
    assert.ok(!/<style/i.test(html), 'no inline <style>');
    assert.ok(!/\sstyle=/i.test(html), 'no style attributes');
  });

  it('gives every script the nonce of its CSP and loads scripts only by src', () => {
    const html = shell();
    const nonce = /'nonce-([^']+)'/.exec(cspOf(html))![1];
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.strictEqual(scripts.length, 1);
    for (const [, attrs, body] of scripts) {
      assert.ok(attrs.includes(`nonce="${nonce}"`), 'script carries the nonce');
      assert.ok(/\ssrc="[^"]+"/.test(attrs), 'script is external');
      assert.strictEqual(body.trim(), '', 'script has no inline body');
    }
  });

  it('uses a fresh nonce on every render, 128 bits from crypto', () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 50; i++) nonces.add(/'nonce-([^']+)'/.exec(cspOf(shell()))![1]);
    assert.strictEqual(nonces.size, 50);
    const n = createNonce();
    assert.strictEqual(Buffer.from(n, 'base64').length, 16);
    assert.match(n, /^[A-Za-z0-9+/]+=*$/);
  });

  it("links the shared base stylesheet (media/base.css) before the panel's own", () => {
    const html = shell();
    const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
    assert.deepStrictEqual(links, [
      'https://file+.vscode-resource.vscode-cdn.net/ext/media/base.css',
      'https://file+.vscode-resource.vscode-cdn.net/ext/media/details.css',
    ]);
  });

  it('escapes the title and resource URIs', () => {
    const html = shell({ title: '</title><script>alert(1)</script>', scriptUri: 'x" onload="alert(1)' });
    assert.ok(!html.includes('<script>alert(1)'));
    assert.ok(!html.includes('" onload="'));
    assert.ok(html.includes('&#60;/title&#62;'));
  });

  it('puts no device data into the shell (everything arrives as messages)', () => {
    const html = shell();
    assert.ok(html.includes('id="app"'));
    assert.strictEqual(contentSecurityPolicy('a', 'n'), "default-src 'none'; style-src a; img-src a; font-src a; script-src 'nonce-n';");
  });

  it('carries VS Code’s translations to the page in a meta tag (none in English), escaped so they stay text', () => {
    assert.ok(!shell().includes('cbcm-l10n-bundle'), 'English: no bundle');
    const bundle = { 'Loading browser details…': 'Lade "Details" <b>&</b>', 'Copy {0}': '{0} kopieren' };
    const html = shell({ l10nBundle: bundle });
    const m = /<meta name="cbcm-l10n-bundle" content="([^"]*)">/.exec(html);
    assert.ok(m, 'the bundle meta tag');
    assert.ok(!m[1].includes('<') && !m[1].includes('"'));
    const decoded = m[1].replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
    assert.deepStrictEqual(JSON.parse(decoded), bundle);
  });
});
