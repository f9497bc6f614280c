// Shared types of the filter query language. Everything here is plain data (no vscode), so the
// same engine serves the editor, the tree's input box, tests and the benchmark.

/**
 * Which list endpoint a query is written for. Each dialect has its own field table (fields.ts).
 * 'chromemanagement' is the Chrome Management API v1 `filter` of chromeBrowsers.list (chromeManagementFields.ts,
 * chromeManagementRules.ts); the explorer itself always takes v1.1beta1 queries and translates them.
 */
export type Dialect = 'browsers' | 'tokens' | 'chromemanagement';

/** Half-open range of UTF-16 offsets into the query text: [start, end). */
export interface Range {
  start: number;
  end: number;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A quick fix is data: the language layer turns it into a CodeAction with a WorkspaceEdit. */
export interface QuickFix {
  title: string;
  edits: TextEdit[];
  /** The one fix VS Code may apply with "auto fix" (at most one per diagnostic). */
  preferred?: boolean;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export type DiagnosticCode =
  | 'unknown-field'
  | 'field-case'
  | 'bad-operator'
  | 'empty-value'
  | 'unbalanced-quote'
  | 'bad-time'
  | 'bad-range'
  | 'numeric-range'
  | 'bad-number'
  | 'bad-enum'
  | 'enum-case'
  | 'or-unsupported'
  | 'and-keyword'
  | 'not-unsupported'
  | 'grouping-unsupported'
  | 'partial-word'
  | 'word-split'
  | 'free-term-ignored'
  | 'missing-field'
  | 'conflicting-values'
  | 'bad-function'
  | 'plain-value';

export interface DiagnoseOptions {
  /** Values seen in the fleet, by field; enables the "only part of a word" hint and fleet-word fixes. */
  recentValues?: Readonly<Record<string, readonly string[]>>;
}

export interface QueryDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  range: Range;
  fixes: QuickFix[];
}

export type FieldType = 'text' | 'time' | 'number' | 'boolean' | 'enum';

export interface FieldSpec {
  name: string;
  type: FieldType;
  /** Accepted values for 'enum' and 'boolean', spelled as the API documents them. */
  values?: readonly string[];
  /** Markdown shown in completions and hover. */
  doc: string;
  example?: string;
  /** Names used for this field by orderBy or by the Chrome Management API, reported with a fix. */
  aliases?: readonly string[];
}

export interface DialectSpec {
  id: Dialect;
  /** Human name used as "<label> queries", e.g. "Chrome browser". */
  label: string;
  fields: readonly FieldSpec[];
  /** Operators between field and value; v1.1beta1 has only ':'. */
  operators: readonly string[];
  /**
   * How the API treats words without a field: 'all-fields' (browsers: every word must appear in some
   * indexed field) or 'ignored' (tokens: such words do not narrow anything).
   */
  freeTerms: 'all-fields' | 'ignored';
}

// ---------------------------------------------------------------------------------------------
// Syntax tree. Every node keeps its source range so diagnostics, hover and fixes can point at it.

export interface Token {
  kind: 'field' | 'operator' | 'value';
  text: string;
  range: Range;
  /** For 'value' tokens: the value with its quoting details. */
  value?: ValueNode;
}

export interface ValueNode {
  /** Source text as written, quotes included. */
  raw: string;
  /** The value with quotes removed (what the API matches). */
  text: string;
  /** Whether any part of the value was written inside double quotes. */
  quoted: boolean;
  /** True when a double quote opened in this value is never closed. */
  unterminated: boolean;
  range: Range;
}

export interface FieldTerm {
  kind: 'field';
  field: { name: string; range: Range };
  operator: { text: string; range: Range };
  /** Missing when nothing follows the operator. */
  value?: ValueNode;
  range: Range;
}

export interface FreeTerm {
  kind: 'free';
  value: ValueNode;
  range: Range;
}

/** A bare OR / AND / NOT (or ||, &&, |): parsed so diagnostics can explain them. */
export interface KeywordTerm {
  kind: 'keyword';
  keyword: 'OR' | 'AND' | 'NOT';
  text: string;
  range: Range;
}

export type Term = FieldTerm | FreeTerm | KeywordTerm;

export interface ParsedQuery {
  text: string;
  dialect: Dialect;
  tokens: Token[];
  terms: Term[];
}

/** Part of a time value split on `..`. */
export interface RangeParts {
  lower?: { text: string; range: Range };
  upper?: { text: string; range: Range };
  /** Number of `..` separators (1 for a well-formed range). */
  separators: number;
}

// ---------------------------------------------------------------------------------------------
// Editor features

export type CompletionKind = 'field' | 'value' | 'enum' | 'boolean' | 'time' | 'recent' | 'snippet';

export interface QueryCompletion {
  label: string;
  kind: CompletionKind;
  /** Plain text, or a snippet (`$1`, `${1:default}`) when `isSnippet`. */
  insertText: string;
  isSnippet?: boolean;
  /** Text replaced by the insertion. */
  range: Range;
  detail?: string;
  documentation?: string;
  sortText?: string;
  filterText?: string;
  /** Reopen the suggest widget after insertion (e.g. after `field:`). */
  retrigger?: boolean;
}

export interface CompletionContext {
  /** "Today" for date templates; injected so tests are deterministic. Dates are computed in UTC. */
  now: Date;
  /** Values recently seen in the fleet, by field name (e.g. machine_name → ["LAB-PC-01", ...]). */
  recentValues?: Readonly<Record<string, readonly string[]>>;
}

export interface QueryHover {
  /** Markdown. */
  contents: string;
  range: Range;
}
