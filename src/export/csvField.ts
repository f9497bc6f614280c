// One CSV field, quoted and neutralised against spreadsheet formulas. No vscode import. A file of its own
// because code loaded at activation writes CSV too (the bulk report, the failed rows of an import), while the
// export writers load on first use (src/export/index.ts).

/**
 * Characters that make a spreadsheet read a cell as a formula: = + - @ (Excel runs all four, LibreOffice Calc runs
 * "=", including DDE calls like `=cmd|' /C calc'!A0`), and, as a precaution, their fullwidth forms, which East
 * Asian input methods produce and which an import that normalises Unicode could turn into the ASCII ones.
 */
const TRIGGER = '=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20';
/**
 * Where a spreadsheet may start a new cell inside our text: after "," and ";" (Excel's list separator is one or the
 * other depending on the locale; LibreOffice's import dialog splits on "," ";" and tab by default), tab (Excel's
 * text import wizard and .tsv), "|" (offered by both as another separator) and line breaks (a new row). Both
 * programs keep a quoted field whole, but an import with the text delimiter switched off, a paste, or another tool
 * may split anyway, so a trigger after one of these (and any spaces) is neutralised too. A plain space is not on
 * the list: treating it as a break would rewrite ordinary text such as "Room 4 - floor 2".
 */
const CELL_START = new RegExp(`(^|[,;|\\t\\r\\n])(\\s*)(?=[${TRIGGER}])`, 'g');

/**
 * One CSV field, always quoted. Device data comes from end machines, so text that a spreadsheet could run as a
 * formula gets an apostrophe right before the trigger — at the start of the field, after leading spaces (which an
 * import may trim), and after every cell break above — and a field starting with a tab or carriage return gets one
 * in front (some imports drop leading whitespace). Written by hand rather than with a CSV library because this
 * neutralisation is the part that matters, and quoting every field is one replace.
 */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '""';
  // The exported columns are strings, numbers, booleans or arrays of strings; anything else reads as String() does.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  let text = Array.isArray(value) ? value.join(' ') : String(value);
  // A number from the API (a count) is not text a spreadsheet could run, even when negative.
  if (typeof value !== 'number') {
    text = text.replace(CELL_START, "$1$2'");
    if (/^[\t\r]/.test(text)) text = `'${text}`;
  }
  return `"${text.replace(/"/g, '""')}"`;
}
