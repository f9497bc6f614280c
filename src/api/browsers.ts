// Chrome browser devices: list, get, update annotations, delete (Directory API v1.1beta1).
import { normalizeEnumValues } from '../query/normalize';
import { resolveRelativeDates } from '../query/relativeDates';
import type { HttpTransport } from './http';
import { listPages } from './listPages';
import { mapPages } from './paging';
import { browsersPath, seg } from './paths';
import { ANNOTATION_FIELDS, BrowserAnnotations, BrowserListPage, ChromeBrowser, ListBrowsersOptions, Projection } from './types';
import { checkListBrowsers, requireId } from './validation';
import { inputError } from './errors';
import { v1beta1OrderByName } from './types';

interface BrowserListWire {
  kind?: string;
  browsers?: ChromeBrowser[];
  nextPageToken?: string;
}

export class BrowsersApi {
  constructor(
    private readonly http: HttpTransport,
    private readonly customerId: string,
    private readonly maxPageRestarts: number,
    private readonly log?: (line: string) => void,
  ) {}

  /** Validates eagerly (before the first `next()`), so bad options fail even if nobody iterates. */
  list(options: ListBrowsersOptions, signal?: AbortSignal): AsyncIterable<BrowserListPage> {
    checkListBrowsers(options);
    if (options.orderBy !== undefined && !v1beta1OrderByName(options.orderBy)) {
      throw inputError('browsers.list', `Sorting by ${options.orderBy} is only available in the Chrome Management API v1; choose another column.`);
    }
    const path = browsersPath(this.customerId);
    const query = {
      projection: options.projection,
      // Enum values as documented (`TRUE` → `true`): stricter servers refuse other spellings.
      // Relative times (`register:-7d..`) become absolute ones now: the API knows only absolute times.
      query: (options.query && normalizeEnumValues(resolveRelativeDates(options.query), 'browsers')) || undefined,
      orderBy: options.orderBy,
      sortOrder: options.sortOrder,
      orgUnitPath: options.orgUnitPath || undefined,
      maxResults: options.maxResults,
    };
    const pages = listPages<BrowserListWire, ChromeBrowser>(
      this.http,
      {
        operation: 'browsers.list',
        path,
        query,
        keyOf: (b) => b.deviceId,
        parse: (wire) => ({ items: wire?.browsers ?? [], nextPageToken: wire?.nextPageToken || undefined }),
      },
      { pageToken: options.pageToken, maxRestarts: this.maxPageRestarts, signal, log: this.log },
    );
    return mapPages(pages, (p) => ({ kind: 'directory#browserdevices', browsers: p.items, nextPageToken: p.nextPageToken }));
  }

  async get(deviceId: string, projection: Projection, signal?: AbortSignal): Promise<ChromeBrowser> {
    requireId('browsers.get', 'device ID', deviceId);
    return this.http.send<ChromeBrowser>(
      {
        operation: 'browsers.get',
        method: 'GET',
        path: `${browsersPath(this.customerId)}/${seg(deviceId)}`,
        query: { projection },
        idempotency: 'idempotent',
        target: deviceId,
      },
      signal,
    );
  }

  /** PUT with `deviceId` and only the annotation fields given (others are left as they are). */
  async updateAnnotations(deviceId: string, annotations: BrowserAnnotations, signal?: AbortSignal): Promise<ChromeBrowser> {
    requireId('browsers.update', 'device ID', deviceId);
    const body: Record<string, string> = { deviceId };
    for (const field of ANNOTATION_FIELDS) {
      const value = annotations[field];
      if (value !== undefined) body[field] = String(value);
    }
    return this.http.send<ChromeBrowser>(
      {
        operation: 'browsers.update',
        method: 'PUT',
        path: `${browsersPath(this.customerId)}/${seg(deviceId)}`,
        body,
        idempotency: 'idempotent',
        target: deviceId,
      },
      signal,
    );
  }

  async delete(deviceId: string, signal?: AbortSignal): Promise<void> {
    requireId('browsers.delete', 'device ID', deviceId);
    await this.http.send<unknown>(
      {
        operation: 'browsers.delete',
        method: 'DELETE',
        path: `${browsersPath(this.customerId)}/${seg(deviceId)}`,
        idempotency: 'idempotent',
        target: deviceId,
        doneIfAfterRetry: (err) => err.kind === 'notFound',
      },
      signal,
    );
  }
}
