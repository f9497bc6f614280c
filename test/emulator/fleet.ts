// The emulator's in-memory state: browsers, enrollment tokens, org units and users. Tests may read and
// change it directly; the HTTP handlers only go through this class.
import type { ChromeBrowser, TokenState } from '../../src/api/types';
import { OrgUnitTree } from './orgUnits';
import { Prng } from './prng';

/** A stored browser: the API fields plus a few facts the API does not show directly but queries use. */
export interface FleetBrowser extends ChromeBrowser {
  /** The enrollment token value the machine registered with (query field `enrollment_token`). */
  enrollmentToken?: string;
  /** Channel of each entry of `browserVersions` (same order); FULL `browsers[].channel` comes from here. */
  channels?: string[];
  /** Drives `deviceIdentifiersHistory.has_device_id_collision` when FULL details are generated. */
  deviceIdCollision?: boolean;
}

export interface FleetToken {
  tokenId: string;
  tokenPermanentId: string;
  /** The secret value machines enroll with. */
  token: string;
  customerId: string;
  orgUnitPath: string;
  tokenType: 'chromeBrowser';
  creatorId: string;
  createTime: string;
  expireTime?: string;
  revokerId?: string;
  revokeTime?: string;
}

export interface EmuUser {
  email: string;
  /** Numeric unique id (used as creator/revoker id). */
  id: string;
  isAdmin: boolean;
}

export class Fleet {
  readonly browsers = new Map<string, FleetBrowser>();
  readonly tokens = new Map<string, FleetToken>();
  /** Bumped on every change through this class; cached listings use it to notice staleness. */
  version = 0;

  constructor(
    readonly orgUnits: OrgUnitTree,
    readonly users: EmuUser[],
    readonly customerId: string,
    private readonly clock: () => number,
    private readonly prng: Prng,
  ) {}

  /** Seeds a device (for hostile-value tests). Missing deviceId gets a fresh one; its OU must exist. */
  addBrowser(fields: Partial<FleetBrowser>): FleetBrowser {
    const orgUnitPath = fields.orgUnitPath ?? '/';
    const ou = this.orgUnits.resolve(orgUnitPath);
    if (!ou) throw new Error(`addBrowser: unknown org unit ${orgUnitPath}; add it first with fleet.orgUnits.add()`);
    const browser: FleetBrowser = {
      ...fields,
      kind: 'admin#directory#browserdevice',
      deviceId: fields.deviceId ?? this.prng.uuid(),
      orgUnitPath: ou.orgUnitPath,
    };
    this.browsers.set(browser.deviceId, browser);
    this.version++;
    return browser;
  }

  /** Changes fields of a stored device; undefined values delete the field. */
  patchBrowser(deviceId: string, fields: Partial<FleetBrowser>): FleetBrowser | undefined {
    const b = this.browsers.get(deviceId);
    if (!b) return undefined;
    for (const [k, v] of Object.entries(fields)) {
      if (k === 'deviceId') continue;
      if (v === undefined || v === null) delete (b as unknown as Record<string, unknown>)[k];
      else (b as unknown as Record<string, unknown>)[k] = v;
    }
    this.version++;
    return b;
  }

  deleteBrowser(deviceId: string): boolean {
    const ok = this.browsers.delete(deviceId);
    if (ok) this.version++;
    return ok;
  }

  moveBrowsers(deviceIds: readonly string[], orgUnitPath: string): void {
    for (const id of deviceIds) {
      const b = this.browsers.get(id);
      if (b) b.orgUnitPath = orgUnitPath;
    }
    this.version++;
  }

  addToken(fields: Partial<FleetToken> & { orgUnitPath?: string }): FleetToken {
    const token: FleetToken = {
      tokenId: fields.tokenId ?? this.prng.hex(16),
      tokenPermanentId: fields.tokenPermanentId ?? this.prng.uuid(),
      token: fields.token ?? this.prng.uuid(),
      customerId: this.customerId,
      orgUnitPath: fields.orgUnitPath ?? '/',
      tokenType: 'chromeBrowser',
      creatorId: fields.creatorId ?? this.adminUser().id,
      createTime: fields.createTime ?? new Date(this.clock()).toISOString(),
      ...(fields.expireTime ? { expireTime: fields.expireTime } : {}),
      ...(fields.revokerId ? { revokerId: fields.revokerId } : {}),
      ...(fields.revokeTime ? { revokeTime: fields.revokeTime } : {}),
    };
    this.tokens.set(token.tokenPermanentId, token);
    this.version++;
    return token;
  }

  tokenState(t: FleetToken): TokenState {
    if (t.revokeTime) return 'revoked';
    if (t.expireTime && Date.parse(t.expireTime) <= this.clock()) return 'expired';
    return 'active';
  }

  adminUser(): EmuUser {
    const admin = this.users.find((u) => u.isAdmin);
    if (!admin) throw new Error('the emulator needs at least one admin user');
    return admin;
  }

  findUser(email: string): EmuUser | undefined {
    const lower = email.toLowerCase();
    return this.users.find((u) => u.email.toLowerCase() === lower);
  }
}
