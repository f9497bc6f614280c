// Checks shared by the API handlers.
import type { EmuRequest, EmulatorContext } from '../context';
import { badRequest, forbidden } from '../errors';
import type { OrgUnit } from '../../../src/api/types';

export function checkCustomer(ctx: EmulatorContext, customer: string): void {
  if (customer !== 'my_customer' && customer !== ctx.customerId) throw forbidden();
}

/** An integer query parameter within [min, max], or the default when absent. */
export function intParam(req: EmuRequest, name: string, min: number, max: number, dflt: number): number {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw badRequest(`Invalid value '${raw}' for ${name}: must be an integer between ${min} and ${max}.`);
  }
  return n;
}

/** Resolves an org unit path or "id:…"; unknown → 400 naming it. */
export function resolveOrgUnit(ctx: EmulatorContext, value: string, paramName: string): OrgUnit {
  const ou = ctx.fleet.orgUnits.resolve(value);
  if (!ou)
    throw badRequest(
      `Invalid Input: ${paramName} "${value}" is not an existing organizational unit (give its full path, e.g. /Sales/EMEA, or "id:" followed by its id).`,
      'invalid',
    );
  return ou;
}

export function bodyString(body: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = body[n];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw badRequest(`Invalid value for ${n}: expected a string.`);
    return v;
  }
  return undefined;
}
