// A ring buffer of recent requests (method, path, status) for asserting retries; never holds headers
// or bodies, and masks secret-bearing query parameters.
export interface LoggedRequest {
  seq: number;
  time: string;
  method: string;
  /** Path with query string; secrets (token, code, assertion, enrollment_token:… values) replaced by "***". */
  path: string;
  /** HTTP status, or 0 when the socket was reset on purpose. */
  status: number;
  durationMs: number;
  /** Set when the answer came from fault injection. */
  fault?: string;
}

const SECRET_PARAMS = ['token', 'access_token', 'refresh_token', 'code', 'assertion', 'client_secret', 'code_verifier', 'id_token'];

export function redactPath(pathWithQuery: string): string {
  const q = pathWithQuery.indexOf('?');
  if (q < 0) return pathWithQuery;
  const params = new URLSearchParams(pathWithQuery.slice(q + 1));
  for (const name of SECRET_PARAMS) if (params.has(name)) params.set(name, '***');
  // Enrollment token values are secrets too, even inside a list query.
  const query = params.get('query');
  if (query?.includes('enrollment_token:')) params.set('query', query.replace(/enrollment_token:("[^"]*"|\S+)/g, 'enrollment_token:***'));
  return `${pathWithQuery.slice(0, q)}?${params.toString()}`;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;
  /** Total requests since start (or the last clear), including control-API calls. */
  total = 0;
  /** API (non-control, non-OAuth) requests since start (or the last clear). */
  apiTotal = 0;

  constructor(private readonly capacity = 2000) {}

  add(entry: Omit<LoggedRequest, 'seq' | 'time'>, isApi: boolean): void {
    this.total++;
    if (isApi) this.apiTotal++;
    this.entries.push({ seq: ++this.seq, time: new Date().toISOString(), ...entry });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(sinceSeq = 0): LoggedRequest[] {
    return this.entries.filter((e) => e.seq > sinceSeq);
  }

  clear(): void {
    this.entries = [];
    this.total = 0;
    this.apiTotal = 0;
  }
}
