// Directory API v1 orgunits: list (type=all|children|allIncludingParent) and get.
import { NEEDS } from '../auth';
import type { EmuRequest, EmulatorContext, Reply } from '../context';
import { badRequest, notFound } from '../errors';
import { checkCustomer, resolveOrgUnit } from './common';
import type { OrgUnit } from '../../../src/api/types';

const copy = (ou: OrgUnit): OrgUnit => ({ ...ou });

export function listOrgUnits(ctx: EmulatorContext, req: EmuRequest): Reply {
  ctx.accessTokens.authorize(req.raw, NEEDS.orgUnitsRead, ctx.fleet);
  checkCustomer(ctx, req.params[0]);
  // Older docs spell the values all/children/allIncludingParent, newer ones ALL/CHILDREN/ALL_INCLUDING_PARENT.
  const type = (req.query.get('type') || 'children').replace(/_/g, '').toLowerCase();
  const parentRaw = req.query.get('orgUnitPath') || '/';
  const parent = resolveOrgUnit(ctx, parentRaw, 'orgUnitPath');
  const tree = ctx.fleet.orgUnits;
  let units: OrgUnit[];
  if (type === 'all') units = tree.descendants(parent.orgUnitPath);
  else if (type === 'children') units = tree.children(parent.orgUnitPath);
  else if (type === 'allincludingparent') units = [parent, ...tree.descendants(parent.orgUnitPath)];
  else throw badRequest(`Invalid value '${req.query.get('type')}' for type: use all, children or allIncludingParent.`);
  const json: Record<string, unknown> = { kind: 'admin#directory#orgUnits' };
  if (units.length > 0) json.organizationUnits = units.map(copy);
  return { json };
}

export function getOrgUnit(ctx: EmulatorContext, req: EmuRequest): Reply {
  ctx.accessTokens.authorize(req.raw, NEEDS.orgUnitsRead, ctx.fleet);
  checkCustomer(ctx, req.params[0]);
  const raw = req.params[1];
  const ou = ctx.fleet.orgUnits.resolve(raw.startsWith('id:') ? raw : `/${raw}`);
  if (!ou) throw notFound(`Org unit not found: ${raw}`);
  return { json: copy(ou) };
}
