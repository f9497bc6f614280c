// Directory API v1 users.get (GET /admin/directory/v1/users/{userKey}): the key is the user's unique id, primary
// e-mail or alias; `fields` selects a partial response. Needs a users scope (admin.directory.user[.readonly]).
import { NEEDS } from '../auth';
import type { EmuRequest, EmulatorContext, Reply } from '../context';
import { notFound } from '../errors';
import { applyFieldMask, parseFieldMask } from '../fieldMask';

export function getUser(ctx: EmulatorContext, req: EmuRequest): Reply {
  ctx.accessTokens.authorize(req.raw, NEEDS.usersRead, ctx.fleet);
  const key = req.params[0];
  const user = ctx.fleet.users.find((u) => u.id === key) ?? ctx.fleet.findUser(key);
  if (!user) throw notFound('Resource Not Found: userKey');
  const json = { kind: 'admin#directory#user', id: user.id, primaryEmail: user.email, isAdmin: user.isAdmin };
  const fields = req.query.get('fields');
  return { json: fields ? applyFieldMask(json, parseFieldMask(fields)) : json };
}
