import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { newId } from '../../lib/ids';
import { randomToken, sha256 } from '../../lib/secrets';
import type { ServiceContext } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { revokeTokensOfUser } from './token.repository';

/** API tokens for integrations: the secret is shown once, only its hash is kept. */
export interface TokenDto {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function present(row: {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}): TokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

function actorOf(ctx: ServiceContext) {
  if (!ctx.actor) throw errors.unauthenticated();
  return ctx.actor;
}

export async function listOwnTokens(ctx: ServiceContext): Promise<TokenDto[]> {
  const rows = await ctx.db.kysely
    .selectFrom('api_token')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', actorOf(ctx).userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(present);
}

export async function createToken(
  ctx: ServiceContext,
  name: string,
): Promise<{ token: TokenDto; secret: string }> {
  const actor = actorOf(ctx);
  const secret = `lz_${randomToken(32)}`;
  const row = {
    id: newId(),
    user_id: actor.userId,
    name,
    token_hash: sha256(secret),
    prefix: secret.slice(0, 7),
    created_at: ctx.clock.now().toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('api_token').values(row).execute();
    await writeAudit(trx, ctx, { entity: 'token', entityId: row.id, action: 'create', after: row });
  });
  return { token: present(row), secret };
}

export async function revokeToken(ctx: ServiceContext, id: string): Promise<void> {
  const actor = actorOf(ctx);
  const db = ctx.db.kysely;
  const row = await db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();
  // Someone else's token is "not found", not "forbidden": ids of other users' tokens are not confirmed.
  if (!row || row.user_id !== actor.userId) throw errors.notFound('token');
  if (row.revoked_at) return;
  const revokedAt = ctx.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('api_token').set({ revoked_at: revokedAt }).where('id', '=', id).execute();
    await writeAudit(trx, ctx, {
      entity: 'token',
      entityId: id,
      action: 'revoke',
      before: row,
      after: { ...row, revoked_at: revokedAt },
    });
  });
}

/**
 * A new password ends every way in that the old one opened: sessions and API tokens alike. Runs in
 * the caller's transaction; each token gets its own audit row naming why it was revoked.
 */
export async function revokeAllTokensOf(
  trx: Kysely<Database>,
  ctx: ServiceContext,
  userId: string,
  reason: 'password.change' | 'password.reset',
): Promise<number> {
  const revokedAt = ctx.clock.now().toISOString();
  const revoked = await revokeTokensOfUser(trx, userId, revokedAt);
  for (const row of revoked) {
    await writeAudit(trx, ctx, {
      entity: 'token',
      entityId: row.id,
      action: 'revoke',
      before: row,
      after: { ...row, revoked_at: revokedAt, revoked_because: reason },
    });
  }
  return revoked.length;
}
