// `npm run l10n`: l10n/bundle.l10n.json from every l10n.t string of src/ and media/src/. @vscode/l10n-dev sees only
// calls whose `l10n` comes from 'vscode' (or '@vscode/l10n'); modules without vscode (pure code, webview scripts)
// import it from src/util/l10n.ts, so their import is read as vscode's for the export (never for the build).
// Usage: node scripts/l10n-export.mjs [--outDir <dir>] (default: l10n).
import { getL10nJson } from '@vscode/l10n-dev';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE_DIRS = ['src', 'media/src'];
/** `import { l10n } from '../util/l10n'`, `'../../src/util/l10n'`, … */
const OWN_IMPORT = /import\s*\{\s*l10n\s*\}\s*from\s*'(?:\.\.?\/)+(?:src\/)?util\/l10n';/g;

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|jsx)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The English message → itself, for every l10n.t call in the sources. */
export async function exportStrings(base = root) {
  const files = SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(base, d))).sort();
  const contents = files.map((f) => ({
    extension: path.extname(f),
    contents: fs.readFileSync(f, 'utf8').replace(OWN_IMPORT, "import { l10n } from 'vscode';"),
  }));
  return getL10nJson(contents);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--outDir');
  const outDir = path.resolve(root, at >= 0 ? process.argv[at + 1] : 'l10n');
  const strings = await exportStrings();
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'bundle.l10n.json'), JSON.stringify(strings, undefined, 2));
  console.log(`${Object.keys(strings).length} strings written to ${path.relative(root, path.join(outDir, 'bundle.l10n.json'))}`);
}
