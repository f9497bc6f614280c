// Last-activity buckets and the exact queries that select them. All instants are UTC and relative to one
// `now` rounded down to the whole second: the query language's finest unit is a second
// (`YYYY-MM-DDThh:mm:ss`, inclusive at both ends), so a bucket's edges fall on whole seconds and a device
// lands in the same bucket here and in the API's answer.
import { isoDateTime } from '../query/time';
import { l10n } from '../util/l10n';

const DAY = 86_400_000;
const SECOND = 1000;

export interface ActivityBucket {
  key: 'week' | 'month' | 'quarter' | 'older' | 'never';
  label: string;
  /** Inclusive lower bound (epoch ms) of this bucket; -Infinity for "older". */
  from: number;
  query?: string;
  /** Why the bucket has no query. */
  reason?: string;
}

/** Bucket edges in days; a device active exactly `days` ago belongs to the younger bucket (≤). */
export const ACTIVITY_DAYS = [7, 30, 90] as const;

export function activityBuckets(now: Date): ActivityBucket[] {
  const n = Math.floor(now.getTime() / SECOND) * SECOND;
  const [w, m, q] = ACTIVITY_DAYS.map((d) => n - d * DAY);
  const at = (ms: number) => isoDateTime(new Date(ms));
  const field = 'last_activity';
  return [
    { key: 'week', label: l10n.t('≤ 7 days'), from: w, query: `${field}:${at(w)}..` },
    { key: 'month', label: l10n.t('≤ 30 days'), from: m, query: `${field}:${at(m)}..${at(w - SECOND)}` },
    { key: 'quarter', label: l10n.t('≤ 90 days'), from: q, query: `${field}:${at(q)}..${at(m - SECOND)}` },
    { key: 'older', label: l10n.t('> 90 days'), from: -Infinity, query: `${field}:..${at(q - SECOND)}` },
    {
      key: 'never',
      label: l10n.t('Never'),
      from: NaN,
      reason: l10n.t('Browsers that never reported an activity have no last_activity, and a query cannot ask for a missing value.'),
    },
  ];
}
