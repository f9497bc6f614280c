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
