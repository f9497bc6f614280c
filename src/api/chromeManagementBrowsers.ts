// Chrome Management API v1 customers.chromeBrowsers: list, get, patch (annotations), :move, delete, mapped onto
// the same domain types and options as the v1.1beta1 client. The UI's v1.1beta1 query is translated into the v1
// filter (src/query/chromeManagementFilter.ts); what has no equivalent is refused before any request.
import { V1_ORDER_BY_OF } from '../query/chromeManagementFields';
import { convertToChromeManagementFilter } from '../query/chromeManagementFilter';
import { wholeWordFilter } from '../query/chromeManagementWordMatch';
import { resolveRelativeDates } from '../query/relativeDates';
import { inputError } from './errors';
import type { HttpTransport } from './http';
import { cmBrowsersPath } from './chromeManagementPaths';
import type { OrgUnitIndex } from './chromeManagementOrgUnits';
import { browserFromWire } from './chromeManagementWire';
import { listPages } from './listPages';
import { mapPages } from './paging';
import { seg } from './paths';
import {
  ANNOTATION_FIELDS,
  type BrowserAnnotations,
  type BrowserListPage,
  BROWSER_SORT_KEYS,
  type BrowserSortKey,
  type ChromeBrowser,
  type ListBrowsersOptions,
  type Projection,
} from './types';
import { checkListBrowsers, requireId } from './validation';

type Wire = Record<string, unknown>;

/**
 * UI sort key → v1 orderBy, from the one v1 field table (src/query/chromeManagementFields.ts): only documented
 * names are sent; last_sync is sent as last_policy_fetch_time, its name in the current reference. Undefined: v1
 * cannot sort by it (`save_browsing_clickthrough`: the count was removed).
 */
export const CM_ORDER_BY: Readonly<Record<BrowserSortKey, string | undefined>> = Object.fromEntries(
  BROWSER_SORT_KEYS.map((k) => [k, V1_ORDER_BY_OF.get(k)]),
) as Record<BrowserSortKey, string | undefined>;

/** Columns of a BASIC row, for the standard `fields` partial response (v1 has no projection). */
const BASIC_FIELDS = [
  'name',
  'browserPermanentId',
  'machineName',
  'annotatedUser',
  'annotatedLocation',
  'annotatedAssetId',
  'annotatedNotes',
  'orgUnitId',
  'osPlatform',
  'osArchitecture',
  'osVersion',
  'osPlatformVersion',
  'lastPolicyFetchTime',
  'lastRegistrationTime',
  'lastStatusReportTime',
  'lastActivityTime',
  'extensionCount',
  'policyCount',
  'lastDeviceUser',
  'browserVersions',
  'serialNumber',
  'virtualDeviceId',
];

export class ChromeManagementBrowsersApi {
  constructor(
    private readonly http: HttpTransport,
    private readonly customerId: string,
    private readonly orgUnits: OrgUnitIndex,
    private readonly maxPageRestarts: number,
    private readonly log?: (line: string) => void,
  ) {}

  /** Validates and translates eagerly, so a query the v1 API cannot express fails before any request. */
  list(options: ListBrowsersOptions, signal?: AbortSignal): AsyncIterable<BrowserListPage> {
    checkListBrowsers(options);
    const { filter, untranslatable, wholeWords, caveats } = convertToChromeManagementFilter(resolveRelativeDates(options.query ?? ''), {
      orgUnitPath: options.orgUnitPath,
    });
    if (untranslatable.length > 0) {
      throw inputError(
        'browsers.list',
        `This query cannot be sent to the Chrome Management API v1: ${untranslatable.join(' ')} Change the query, or switch the setting "cbcm.apiVersion" back to v1.1beta1.`,
      );
    }
    // Text terms may have been widened (a `"*word*"` substring, or a substring reading of `:`): keep what the
    // v1.1beta1 query meant, whole words. Field names only in the log (values stay out of logs).
    const keep = wholeWordFilter(wholeWords);
    if (caveats.length > 0) {
      this.log?.(
        `browsers.list: ${caveats.length} text term(s) have no documented wildcard; if the v1 ":" compares whole values they find only exact values.`,
      );
    }
    let orderBy: string | undefined;
    if (options.orderBy !== undefined) {
      const mapped = CM_ORDER_BY[options.orderBy];
      if (!mapped)
        throw inputError('browsers.list', `Sorting by ${options.orderBy} is not available in the Chrome Management API v1; choose another column.`);
      orderBy = options.sortOrder === 'DESCENDING' ? `${mapped} desc` : mapped;
    }
    const projection: Projection = options.projection ?? 'BASIC';
    const query = {
      filter: filter || undefined,
      orderBy,
      pageSize: options.maxResults,
      fields: projection === 'BASIC' ? `nextPageToken,chromeBrowsers(${BASIC_FIELDS.join(',')})` : undefined,
    };
    const path = cmBrowsersPath(this.customerId);
    const pages = listPages<Wire, ChromeBrowser>(
      this.http,
      {
        operation: 'browsers.list',
        path,
        query,
        keyOf: (b) => b.deviceId,
        parse: async (wire, s) => {
          const items = Array.isArray(wire?.chromeBrowsers) ? (wire.chromeBrowsers as Wire[]) : [];
          await this.orgUnits.ensure(s, this.orgUnits.hasUnknown(items.map((w) => w.orgUnitId as string | undefined)));
          const next = typeof wire?.nextPageToken === 'string' && wire.nextPageToken ? wire.nextPageToken : undefined;
          return { items: items.map((w) => browserFromWire(w, this.orgUnits.pathOf, projection)), nextPageToken: next };
        },
      },
      { pageToken: options.pageToken, maxRestarts: this.maxPageRestarts, signal, log: this.log },
    );
    return mapPages(pages, (p) => ({ browsers: keep ? p.items.filter(keep) : p.items, nextPageToken: p.nextPageToken }));
  }

  async get(deviceId: string, projection: Projection, signal?: AbortSignal): Promise<ChromeBrowser> {
    requireId('browsers.get', 'device ID', deviceId);
    const wire = await this.http.send<Wire>(
      { operation: 'browsers.get', method: 'GET', path: this.namePath(deviceId), idempotency: 'idempotent', target: deviceId },
      signal,
    );
    return this.toDomain(wire ?? {}, projection, signal);
  }

  /**
   * PATCH with an explicit updateMask of the annotations given (camelCase [I]); "" clears a field [I]. Fields
   * left out of `annotations` are neither in the mask nor the body, so they stay as they are.
   */
  async updateAnnotations(deviceId: string, annotations: BrowserAnnotations, signal?: AbortSignal): Promise<ChromeBrowser> {
    requireId('browsers.update', 'device ID', deviceId);
    const body: Record<string, string> = {};
    for (const field of ANNOTATION_FIELDS) {
      const value = annotations[field];
      if (value !== undefined) body[field] = String(value);
    }
    const mask = Object.keys(body);
    if (mask.length === 0) {
      // An empty mask could mean "update everything" (AIP-134); nothing to change means no request at all.
      return this.get(deviceId, 'BASIC', signal);
    }
    const wire = await this.http.send<Wire>(
      {
        operation: 'browsers.update',
        method: 'PATCH',
        path: this.namePath(deviceId),
        query: { updateMask: mask.join(',') },
        body,
        idempotency: 'idempotent',
        target: deviceId,
      },
      signal,
    );
    return this.toDomain(wire ?? {}, 'BASIC', signal);
  }

  async delete(deviceId: string, signal?: AbortSignal): Promise<void> {
    requireId('browsers.delete', 'device ID', deviceId);
    await this.http.send<unknown>(
      {
        operation: 'browsers.delete',
        method: 'DELETE',
        path: this.namePath(deviceId),
        idempotency: 'idempotent',
        target: deviceId,
        doneIfAfterRetry: (err) => err.kind === 'notFound',
      },
      signal,
    );
  }

  /** One all-or-nothing `:move` batch (≤600 ids); MoveApi does the batching and the bisection. */
  async moveBatch(ids: string[], orgUnitPath: string, signal?: AbortSignal): Promise<void> {
    const destinationOrgUnitId = await this.orgUnits.idOf('browsers.move', orgUnitPath, signal);
    await this.http.send<unknown>(
      {
        operation: 'browsers.move',
        method: 'POST',
        path: `${cmBrowsersPath(this.customerId)}:move`,
        // [I] A bare id, as in Google's samples; whether `id:` is accepted too is not documented.
        body: { destinationOrgUnitId, resourceIds: ids },
        idempotency: 'idempotent',
        target: orgUnitPath,
      },
      signal,
    );
  }

  private namePath(deviceId: string): string {
    return `${cmBrowsersPath(this.customerId)}/${seg(deviceId)}`;
  }

  private async toDomain(wire: Wire, projection: Projection, signal?: AbortSignal): Promise<ChromeBrowser> {
    await this.orgUnits.ensure(signal, this.orgUnits.hasUnknown([wire.orgUnitId as string | undefined]));
    return browserFromWire(wire, this.orgUnits.pathOf, projection);
  }
}
