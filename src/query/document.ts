// A .cbcmq document: one query per line, '#' starts a comment line, and a first line
// `# dialect: tokens` (or a file name ending in .tokens.cbcmq) selects the dialect.
import type { Dialect } from './types';

const DIALECT_LINE = /^\s*#\s*dialect\s*:\s*([A-Za-z_]+)\s*$/i;
const KNOWN: readonly Dialect[] = ['browsers', 'tokens', 'chromemanagement'];

/** The dialect named on a `# dialect: x` line, or undefined (unknown names included). */
export function dialectFromLine(line: string): Dialect | undefined {
  const m = DIALECT_LINE.exec(line);
  const name = m?.[1].toLowerCase();
  if (name === 'token' || name === 'enrollmenttokens') return 'tokens';
  if (name === 'browser') return 'browsers';
  if (name === 'chrome_management' || name === 'filter') return 'chromemanagement';
  return KNOWN.find((d) => d === name);
}

/**
 * The first line wins; otherwise a file named `*.tokens.cbcmq` (or `tokens.cbcmq`) is a tokens query;
 * everything else is a browsers query.
 */
export function dialectFromDocument(firstLine: string, fileName = ''): Dialect {
  const fromLine = dialectFromLine(firstLine);
  if (fromLine) return fromLine;
  const base = fileName.replace(/\\/g, '/').split('/').pop()?.toLowerCase() ?? '';
  if (base === 'tokens.cbcmq' || base.endsWith('.tokens.cbcmq')) return 'tokens';
  return 'browsers';
}

export function isCommentOrBlank(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('#');
}

const FILE_STEMS: Readonly<Record<Dialect, string>> = {
  browsers: 'browser-queries',
  // `*.tokens.cbcmq` is a tokens query by its name too (dialectFromDocument).
  tokens: 'token-queries',
  chromemanagement: 'chrome-management-filters',
};

/**
 * The file name a new query file proposes on Save As (issue 20 item 16: an untitled document is named after
 * its first line, so "# dialect: browsers.cbcmq" was proposed). `taken` says whether a name is in use (an open
 * document or a file in the folder); the first free one of name, name-2, name-3, ... is returned.
 */
export function newQueryFileName(dialect: Dialect, taken: (name: string) => boolean = () => false): string {
  const stem = FILE_STEMS[dialect] ?? FILE_STEMS.browsers;
  const suffix = dialect === 'tokens' ? '.tokens.cbcmq' : '.cbcmq';
  for (let n = 1; ; n++) {
    const name = `${stem}${n === 1 ? '' : `-${n}`}${suffix}`;
    if (!taken(name)) return name;
  }
}
