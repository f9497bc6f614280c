// The HTML shell of the fleet overview webview: the device panel's CSP and nonce (html.ts), its own script
// and stylesheet. It carries no fleet data; figures arrive as messages and are drawn on canvases and written
// with textContent.
import { contentSecurityPolicy, createNonce, escapeHtml } from './html';

export interface OverviewShellOptions {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  title: string;
  nonce?: string;
}

export function renderOverviewShell(o: OverviewShellOptions): string {
  const nonce = o.nonce ?? createNonce();
  // escapeHtml also escapes `'`, which the HTML parser turns back into `'` inside the attribute.
  const attr = escapeHtml;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(o.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading" role="status">Loading the fleet overview…</p></main>
<script nonce="${attr(nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>`;
}
