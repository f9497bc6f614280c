// Wire and domain types of the Admin SDK Directory API v1.1beta1 (Chrome browsers, enrollment tokens)
// and the Directory API v1 org units. Field names follow the reference exactly; every field the API
// may omit is optional, because BASIC projections and end machines leave gaps.

// The sort columns live in src/model (src/query names them too, and must not import src/api).
import type { BrowserSortKey, SortOrder } from '../model/browserSortKeys';
export {
  BROWSER_ORDER_BY,
  BROWSER_SORT_KEYS,
  V1_ONLY_SORT_KEYS,
  v1beta1OrderByName,
  type BrowserOrderBy,
  type BrowserSortKey,
  type SortOrder,
} from '../model/browserSortKeys';

export type Projection = 'BASIC' | 'FULL';

export interface Policy {
  source?: string;
  name?: string;
  value?: string;
  error?: string;
}

export interface ExtensionIcon {
  size?: number;
  url?: string;
}

export interface BrowserExtension {
  extensionId?: string;
  version?: string;
  permissions?: string[];
  name?: string;
  description?: string;
  appType?: string;
  homepageUrl?: string;
  installType?: string;
  configuredAppPolicy?: string;
  disabled?: boolean;
  icons?: ExtensionIcon[];
  /** Chrome Management API v1 only. */
  manifestVersion?: number;
}

export interface ExtensionPolicies {
  extensionId?: string;
  extensionName?: string;
  policies?: Policy[];
}

export interface BrowserProfile {
  name?: string;
  id?: string;
  lastStatusReportTime?: string;
  lastPolicyFetchTime?: string;
  safeBrowsingWarnings?: number;
  safeBrowsingWarningsClickThrough?: number;
  chromeSignedinUserEmail?: string;
  extensionPolicies?: ExtensionPolicies[];
  extensions?: BrowserExtension[];
  userPolicies?: Policy[];
  safeBrowsingWarningsResetTime?: string;
}

export interface BrowserPlugin {
  name?: string;
  description?: string;
  fileName?: string;
}

/** One Chrome install on a machine (the `browsers` array of a FULL projection). */
export interface BrowserInstall {
  browserVersion?: string;
  channel?: string;
  lastStatusReportTime?: string;
  lastPolicyFetchTime?: string;
  executablePath?: string;
  installedBrowserVersion?: string;
  plugins?: BrowserPlugin[];
  profiles?: BrowserProfile[];
}

export interface DeviceUser {
  userName?: string;
  lastStatusReportTime?: string;
}

export interface DeviceIdentifiersRecord {
  identifiers?: { machineName?: string; serialNumber?: string };
  firstRecordTime?: string;
  lastActivityTime?: string;
}

export interface DeviceIdentifiersHistory {
  records?: DeviceIdentifiersRecord[];
  /** The reference sends this as the string "true"/"false"; see `hasDeviceIdCollision()`. */
  has_device_id_collision?: string | boolean;
  /** Chrome Management API v1 only: when the last collision was detected. */
  lastDeviceIdCollisionDetectionTime?: string;
}

/** `admin#directory#browserdevice` */
export interface ChromeBrowser {
  kind?: string;
  deviceId: string;
  osPlatform?: string;
  osPlatformVersion?: string;
  osArchitecture?: string;
  osVersion?: string;
  machineName?: string;
  annotatedLocation?: string;
  annotatedUser?: string;
  annotatedAssetId?: string;
  annotatedNotes?: string;
  lastPolicyFetchTime?: string;
  lastRegistrationTime?: string;
  lastActivityTime?: string;
  lastStatusReportTime?: string;
  virtualDeviceId?: string;
  serialNumber?: string;
  orgUnitPath?: string;
  extensionCount?: number;
  policyCount?: number;
  safeBrowsingClickThroughCount?: number;
  lastDeviceUser?: string;
  browserVersions?: string[];
  lastDeviceUsers?: DeviceUser[];
  machinePolicies?: Policy[];
  browsers?: BrowserInstall[];
  deviceIdentifiersHistory?: DeviceIdentifiersHistory;
  /** Chrome Management API v1 only: extension policies set at machine level. */
  machineExtensionPolicies?: ExtensionPolicies[];
  /** Chrome Management API v1 only: when the updater (Omaha) last fetched, refreshed daily. */
  omahaRecentFetchTime?: string;
  /** Chrome Management API v1 only: the Device Trust connector's key (type, trust level, public key, rotation time), as sent. */
  attestationCredential?: Record<string, unknown>;
}

/** Which API serves browsers and enrollment tokens: the values of the setting `cbcm.apiVersion`. */
export type ApiVersion = 'v1.1beta1' | 'chromemanagement-v1';

/** The four fields an administrator may write (PUT). */
export interface BrowserAnnotations {
  annotatedUser?: string;
  annotatedLocation?: string;
  annotatedAssetId?: string;
  annotatedNotes?: string;
}
export const ANNOTATION_FIELDS = ['annotatedUser', 'annotatedLocation', 'annotatedAssetId', 'annotatedNotes'] as const;
export type AnnotationField = (typeof ANNOTATION_FIELDS)[number];

export interface BrowserListPage {
  kind?: string;
  browsers: ChromeBrowser[];
  nextPageToken?: string;
}

export interface ListBrowsersOptions {
  projection?: Projection;
  query?: string;
  /** A v1-only key (V1_ONLY_SORT_KEYS) is refused by the v1.1beta1 backend. */
  orderBy?: BrowserSortKey;
  sortOrder?: SortOrder;
  orgUnitPath?: string;
  /** 1..100 */
  maxResults?: number;
  pageToken?: string;
}

export type TokenState = 'active' | 'expired' | 'revoked';

/**
 * An enrollment token, normalised: the reference shows the same fields in camelCase and snake_case
 * (`creatorId`/`creator_id`, `creationTime`/`create_time`, `state`/`tokenState`); the client maps both here.
 */
export interface EnrollmentToken {
  kind?: string;
  tokenId?: string;
  tokenPermanentId: string;
  /** The secret value put on machines. Never log it. */
  token?: string;
  customerId?: string;
  orgUnitPath?: string;
  state?: TokenState;
  tokenType?: string;
  creatorId?: string;
  createTime?: string;
  expireTime?: string;
  ttl?: string;
  revokerId?: string;
  revokeTime?: string;
}

export interface TokenListPage {
  tokens: EnrollmentToken[];
  nextPageToken?: string;
}

export interface ListTokensOptions {
  query?: string;
  orgUnitPath?: string;
  /** 1..100 */
  pageSize?: number;
  pageToken?: string;
}

/** Exactly one of `ttlSeconds`/`expireTime` may be given; neither means the token never expires. */
export interface CreateTokenOptions {
  orgUnitPath?: string;
  ttlSeconds?: number;
  /** RFC 3339 UTC, e.g. 2026-12-31T23:59:59Z */
  expireTime?: string;
}

/** Directory API v1 `admin#directory#orgUnit`. */
export interface OrgUnit {
  kind?: string;
  name: string;
  description?: string;
  orgUnitPath: string;
  orgUnitId: string;
  parentOrgUnitPath?: string;
  parentOrgUnitId?: string;
  blockInheritance?: boolean;
}

/** Outcome of a batched move: every requested id lands in exactly one of the three lists. */
export interface MoveResult {
  moved: string[];
  failed: { id: string; reason: string }[];
  notTried: string[];
  /**
   * Part of `notTried`: ids whose batch was sent and then cancelled or lost (network, time-out) before Google
   * answered, so Google may have moved them. Callers that keep a history record them as "may have moved".
   */
  uncertain?: string[];
  /** Why the move stopped early (cancelled, permission, quota...), when it did; `notTried` holds the rest. */
  stoppedBy?: { kind: string; message: string };
}

export function hasDeviceIdCollision(b: ChromeBrowser): boolean {
  const v = b.deviceIdentifiersHistory?.has_device_id_collision;
  return v === true || v === 'true';
}
