// The records of the change history (one JSON object per line). Kept apart from the file handling so the
// history view, undo planning and tests share one definition of what was written.
import type { AnnotationValues } from '../model/annotations';

/** What an operation did, as the history lists it. */
export type OperationAction = 'annotate' | 'move' | 'delete' | 'createToken' | 'revokeToken' | 'import' | 'undo';

export interface OperationRecord {
  t: 'op';
  op: string;
  at: string;
  /** The signed-in account (admin e-mail or service-account subject): who did it. */
  account: string;
  action: OperationAction;
  /** What the admin asked for, in words ("Move 212 browsers to /Mac"). */
  title: string;
  /** How many targets the confirmation named. */
  planned: number;
  /** The operation this one undoes. */
  undoOf?: string;
}

/** Token records hold identifiers only: the token value is a secret and never reaches the history. */
export interface TokenFacts {
  tokenPermanentId: string;
  orgUnitPath?: string;
  createTime?: string;
  expireTime?: string;
}

export type ItemChange =
  | { kind: 'annotations'; before: AnnotationValues; after: AnnotationValues }
  | { kind: 'move'; before: string | undefined; after: string }
  /** `record` is the browser's FULL record, read just before the delete: Google cannot undelete. */
  | { kind: 'delete'; record: unknown }
  | { kind: 'createToken'; token: TokenFacts }
  | { kind: 'revokeToken'; token: TokenFacts };

export interface ItemRecord {
  t: 'item';
  op: string;
  at: string;
  /** Device id or token permanent id. */
  target: string;
  change: ItemChange;
  ok: boolean;
  /** Why it failed or was skipped (conflict, API error...); absent when ok. */
  reason?: string;
  /**
   * Written just before the request (a delete's FULL record must be safe before Google forgets it); the outcome
   * follows as a second record for the same target. A pending record with no outcome means the extension stopped
   * in between: the request may or may not have reached Google.
   */
  pending?: true;
  /**
   * A write, move or delete cancelled or lost in flight: Google may have applied it. Undo includes a move or an
   * annotation write (it checks where the browser is, or its annotations, before changing anything).
   */
  uncertain?: true;
}

export interface EndRecord {
  t: 'end';
  op: string;
  at: string;
  done: number;
  failed: number;
  notTried: number;
  /** Why the operation stopped before trying everything (cancelled, quota, permission). */
  stoppedBy?: string;
}

export type JournalRecord = OperationRecord | ItemRecord | EndRecord;

/** One operation with its items, as read back from the file. */
export interface JournalOperation {
  record: OperationRecord;
  items: ItemRecord[];
  /** Absent when the extension stopped (crash, reload) before the operation ended. */
  end?: EndRecord;
}

const SECRET_KEYS = new Set(['token', 'access_token', 'refresh_token', 'private_key', 'client_secret']);

/**
 * Drops every key that could hold a secret (a string or array under such a name), at any depth: the types already keep token values out, but a FULL
 * record or a future field must not smuggle one in (the history is a plain file in global storage).
 */
export function withoutSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutSecrets) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // A token item's `token` is its TokenFacts (an object, kept: the history must say which token); a secret
    // itself is a string, dropped. An object is cleaned like any other, so a value inside it is dropped too.
    const facts = v !== null && typeof v === 'object' && !Array.isArray(v);
    if (!SECRET_KEYS.has(k) || facts) out[k] = withoutSecrets(v);
  }
  return out as T;
}

export function isJournalRecord(v: unknown): v is JournalRecord {
  if (v === null || typeof v !== 'object') return false;
  const r = v as { t?: unknown; op?: unknown; at?: unknown };
  return (r.t === 'op' || r.t === 'item' || r.t === 'end') && typeof r.op === 'string' && typeof r.at === 'string';
}
