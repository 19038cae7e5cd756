import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { Context, inTransaction } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { hashSecret } from '../../framework/auth/passwords';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { ListQuery } from '../../framework/http/list-query';
import { ApiKeyCache } from './api-key.cache';
import { ApiKeyEvents, ApiKeyView, CreateApiKeyInput } from './api-key.types';
import { ApiKey } from './entities/api-key.entity';

export const ONE_SECRET_KEY_MESSAGE =
  'You can only have one active secret key a time. Revoke or delete your existing key before creating a new one.';

/** `pk_0f2***3ea`: enough to recognise a key, never enough to use it. */
export function redact(token: string): string {
  return `${token.slice(0, 6)}***${token.slice(-3)}`;
}

function toView(key: ApiKey, plainToken?: string): ApiKeyView {
  return {
    id: key.id,
    title: key.title,
    // a secret key's token is shown once, in the create response; afterwards only its redacted form
    token: key.type === 'publishable' ? key.token : (plainToken ?? key.redacted),
    redacted: key.redacted,
    type: key.type,
    last_used_at: key.last_used_at?.toISOString() ?? null,
    created_by: key.created_by,
    revoked_by: key.revoked_by,
    revoked_at: key.revoked_at?.toISOString() ?? null,
    created_at: key.created_at.toISOString(),
    updated_at: key.updated_at.toISOString(),
    deleted_at: key.deleted_at?.toISOString() ?? null,
  };
}

/** The api-key module's facade. */
@Injectable()
export class ApiKeyService {
  constructor(
    private readonly events: EventBus,
    private readonly cache: ApiKeyCache,
  ) {}

  async list(ctx: Context, query: ListQuery): Promise<[ApiKeyView[], number]> {
    const [rows, count] = await findPage(ctx, ApiKey, query, ['title']);
    return [rows.map((key) => toView(key)), count];
  }

  async retrieve(ctx: Context, id: string): Promise<ApiKeyView> {
    return toView(await this.load(ctx, id));
  }

  async create(ctx: Context, input: CreateApiKeyInput): Promise<ApiKeyView> {
    return inTransaction(ctx, async (tx) => {
      const token = `${input.type === 'publishable' ? 'pk' : 'sk'}_${randomBytes(32).toString('hex')}`;
      if (input.type === 'secret') {
        // serialise secret-key creation so two concurrent requests cannot both pass the check
        await tx.em.execute('select pg_advisory_xact_lock(?)', [727_151_002]);
        if ((await this.activeSecretKeys(tx)).length > 0) throw SthenoError.invalidData(ONE_SECRET_KEY_MESSAGE);
      }
      const key = tx.em.create(ApiKey, {
        token: input.type === 'secret' ? await hashSecret(token) : token,
        redacted: redact(token),
        title: input.title,
        type: input.type,
        created_by: ctx.actor?.id ?? '',
        last_used_at: null,
        revoked_at: null,
        revoked_by: null,
      });
      this.events.record(tx, ApiKeyEvents.CREATED, { id: key.id });
      await tx.em.flush();
      return toView(key, token);
    });
  }

  async update(ctx: Context, id: string, input: { title?: string }): Promise<ApiKeyView> {
    return inTransaction(ctx, async (tx) => {
      const key = await this.load(tx, id);
      if (input.title !== undefined) key.title = input.title;
      this.events.record(tx, ApiKeyEvents.UPDATED, { id });
      await tx.em.flush();
      return toView(key);
    });
  }

  /** Revokes now, or `revokeInSeconds` from now. */
  async revoke(ctx: Context, id: string, revokeInSeconds = 0): Promise<ApiKeyView> {
    const view = await inTransaction(ctx, async (tx) => {
      const key = await this.load(tx, id, true);
      // a pending revocation can be neither postponed nor cancelled (a key cannot extend its own life)
      if (key.revoked_at) throw SthenoError.notAllowed(`API key with id: ${id} is already revoked or scheduled to be`);
      key.revoked_at = new Date(Date.now() + revokeInSeconds * 1000);
      key.revoked_by = ctx.actor?.id ?? '';
      this.events.record(tx, ApiKeyEvents.REVOKED, { id });
      await tx.em.flush();
      return toView(key);
    });
    await this.cache.invalidate();
    return view;
  }

  async delete(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const key = await this.load(tx, id, true);
      if (!key.revoked_at || key.revoked_at.getTime() > Date.now()) {
        throw SthenoError.notAllowed(`Cannot delete api keys that are not revoked - ${id}`);
      }
      key.deleted_at = new Date();
      this.events.record(tx, ApiKeyEvents.DELETED, { id });
      await tx.em.flush();
    });
    await this.cache.invalidate();
  }

  async assertPublishable(ctx: Context, id: string): Promise<void> {
    const key = await this.load(ctx, id);
    if (key.type !== 'publishable') {
      throw SthenoError.invalidData('Sales channels can only be associated with publishable API keys');
    }
  }

  /** A usable publishable key by its token (not revoked, or revoked in the future). */
  async findUsablePublishable(ctx: Context, token: string): Promise<{ id: string; revoked_at: Date | null } | undefined> {
    const key = await ctx.em.findOne(
      ApiKey,
      { token, type: 'publishable', $or: [{ revoked_at: null }, { revoked_at: { $gt: new Date() } }] },
      { fields: ['id', 'revoked_at'] },
    );
    return key ? { id: key.id, revoked_at: key.revoked_at } : undefined;
  }

  /** Secret keys that are not revoked (yet): at most one by the module's rule. */
  async activeSecretKeys(ctx: Context): Promise<Array<{ id: string; token: string; revoked_at: Date | null }>> {
    const keys = await ctx.em.find(
      ApiKey,
      { type: 'secret', $or: [{ revoked_at: null }, { revoked_at: { $gt: new Date() } }] },
      { fields: ['id', 'token', 'revoked_at'] },
    );
    return keys.map((k) => ({ id: k.id, token: k.token, revoked_at: k.revoked_at }));
  }

  async invalidateCache(): Promise<void> {
    await this.cache.invalidate();
  }

  private async load(ctx: Context, id: string, forUpdate = false): Promise<ApiKey> {
    const key = await ctx.em.findOne(ApiKey, { id }, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!key) throw SthenoError.notFound(`API key with id: ${id} was not found`);
    return key;
  }
}
