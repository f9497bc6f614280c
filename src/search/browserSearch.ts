// "Find Browser": turns what the admin typed into one documented listing query and runs it through the backend.
// No vscode import: the quick pick (src/commands/findBrowserCommand.ts) debounces and cancels; this module only
// answers one search. Both backends take the v1.1beta1 query syntax (the v1 backend translates it, reference §5.5).
import type { CbcmBackend } from '../api/backend';
import type { ChromeBrowser } from '../api/types';

/** Rows one search shows: the first page only, so a vague word never pages through a whole fleet. */
export const SEARCH_RESULT_LIMIT = 25;

/**
 * Device ids are UUID-like; a typed or pasted one is looked up directly (get), as the listing query has no
 * documented device-id field in v1.1beta1.
 */
const DEVICE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function looksLikeDeviceId(text: string): boolean {
  return DEVICE_ID.test(text.trim());
}

/**
 * The listing `query` for free text: each whitespace-separated word becomes a quoted free term. A free term is
 * searched in every indexed text field (machine name, serial number, annotated user and asset ID, last user…) and
 * all terms must match (reference "Filter Query Language"). Quoting keeps a typed `a:b` from being read as a field
 * and keeps `alice@example.com` one phrase. Matching is on whole words (the reference's Note 1), so "LAB" finds
 * "LAB-0042" but "LA" does not. Undefined when nothing searchable was typed.
 */
export function searchQueryFor(text: string): string | undefined {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/"/g, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return undefined;
  return words.map((w) => `"${w}"`).join(' ');
}

export interface SearchResult {
  browsers: ChromeBrowser[];
  /** True when the API had more than SEARCH_RESULT_LIMIT matches (the admin should type more). */
  more: boolean;
  /** The query that was sent ('' for a device-id lookup), for the log. */
  query: string;
}

/** One token that could be a device id (no space, nothing a URL path would refuse): worth a direct lookup. */
function couldBeDeviceId(text: string): boolean {
  return text.length >= 8 && text.length <= 200 && !/[\s/?#\\"]/.test(text);
}

/**
 * One search, one request at a time: a UUID is looked up directly first; other text is one listing page, and when
 * that finds nothing and the text is a single id-shaped token, a direct lookup follows (device ids are not always
 * UUIDs). Rejects with AbortError on abort.
 */
export async function searchBrowsers(backend: CbcmBackend, text: string, signal?: AbortSignal): Promise<SearchResult> {
  const trimmed = text.trim();
  const byId = async (): Promise<ChromeBrowser | undefined> => {
    try {
      return await backend.getBrowser(trimmed, 'BASIC', signal);
    } catch (error) {
      // Not a device of this account: the words may still match (a UUID-like asset ID or note).
      if ((error as { status?: number }).status === 404) return undefined;
      throw error;
    }
  };
  if (looksLikeDeviceId(trimmed)) {
    const found = await byId();
    if (found) return { browsers: [found], more: false, query: '' };
  }
  const query = searchQueryFor(trimmed);
  let listed: SearchResult = { browsers: [], more: false, query: query ?? '' };
  if (query !== undefined) {
    for await (const page of backend.listBrowsers({ query, projection: 'BASIC', maxResults: SEARCH_RESULT_LIMIT }, signal)) {
      listed = { browsers: page.browsers.slice(0, SEARCH_RESULT_LIMIT), more: Boolean(page.nextPageToken), query };
      break;
    }
  }
  if (listed.browsers.length === 0 && !looksLikeDeviceId(trimmed) && couldBeDeviceId(trimmed)) {
    const found = await byId();
    if (found) return { browsers: [found], more: false, query: '' };
  }
  return listed;
}
