// Org units come from the Directory API v1 (not the beta): one unpaged call with type=all.
import type { HttpTransport } from './http';
import { orgUnitsPath } from './paths';
import type { OrgUnit } from './types';

interface OrgUnitsWire {
  organizationUnits?: OrgUnit[];
}

export class OrgUnitsApi {
  constructor(
    private readonly http: HttpTransport,
    private readonly customerId: string,
  ) {}

  async list(signal?: AbortSignal): Promise<OrgUnit[]> {
    const wire = await this.http.send<OrgUnitsWire | undefined>(
      { operation: 'orgUnits.list', method: 'GET', path: orgUnitsPath(this.customerId), query: { type: 'all' }, idempotency: 'idempotent' },
      signal,
    );
    return wire?.organizationUnits ?? [];
  }
}
