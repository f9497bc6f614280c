// Words for how much of a listing is loaded and for an org unit's count. No vscode import.
import { count, relativeTime } from '../util/relativeTime';
import type { OrgUnitCount } from './orgUnitCounts';
import { displayLocale } from '../util/displayLocale';
import { clock } from '../util/clock';

/** "212" when the listing is complete, "100 loaded, more…" while the API has more pages. */
export function loadedText(loaded: number, complete: boolean): string {
  return complete ? loaded.toLocaleString(displayLocale()) : `${loaded.toLocaleString(displayLocale())} loaded, more…`;
}

/** The same for a tooltip, in a sentence. */
export function loadedSentence(loaded: number, complete: boolean, noun: string): string {
  return complete
    ? `${count(loaded, noun)}: all of them are loaded.`
    : `${count(loaded, noun)} loaded; the API has more (use "Load more…" at the end of the list).`;
}

/** "212 browsers · 5 minutes ago" */
export function countAgeText(c: OrgUnitCount, now: number = clock.now()): string {
  return `${count(c.browsers, 'browser')} · ${relativeTime(new Date(c.countedAt).toISOString(), now) ?? 'just now'}`;
}
