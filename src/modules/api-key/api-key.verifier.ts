import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKeyVerifier, PublishableKeyContext } from '../../framework/auth/auth-context';
import { verifySecret } from '../../framework/auth/passwords';
import { systemContext } from '../../framework/context/context';
import { PublishableKeySalesChannelLinks } from '../../links/publishable-key-sales-channel.service';
import { SalesChannelService } from '../sales-channel/sales-channel.service';
import { ApiKeyCache } from './api-key.cache';
import { ApiKeyService } from './api-key.service';

/** Verifies the keys the guards see, through the cache (the guard's port into this module). */
@Injectable()
export class ApiKeyVerifierService implements ApiKeyVerifier {
  constructor(
    private readonly orm: MikroORM,
    private readonly keys: ApiKeyService,
    private readonly links: PublishableKeySalesChannelLinks,
    private readonly cache: ApiKeyCache,
    private readonly salesChannels: SalesChannelService,
  ) {}

  async publishable(token: string): Promise<PublishableKeyContext | undefined> {
    if (!token.startsWith('pk_') || token.length > 128) return undefined;
    const found = await this.cache.remember(`pk:${token}`, async () => {
      const ctx = systemContext(this.orm.em as EntityManager);
      const key = await this.keys.findUsablePublishable(ctx, token);
      if (!key) return null;
      const linked = (await this.links.channelsOf(ctx, [key.id])).get(key.id) ?? [];
      // a deleted sales channel leaves the link row behind: scope only to channels that exist
      const existing = await this.salesChannels.namesByIds(ctx, linked);
      const salesChannelIds = linked.filter((id) => existing.has(id));
      return { id: key.id, token, sales_channel_ids: salesChannelIds, revokes_at: key.revoked_at?.getTime() ?? null };
    });
    if (!found || (found.revokes_at !== null && found.revokes_at <= Date.now())) return undefined;
    return { id: found.id, token: found.token, sales_channel_ids: found.sales_channel_ids };
  }

  async secret(token: string): Promise<string | undefined> {
    if (!token.startsWith('sk_') || token.length > 128) return undefined;
    // cache by a digest: the cache never holds a usable secret
    const digest = createHash('sha256').update(token).digest('base64');
    const found = await this.cache.remember(`sk:${digest}`, async () => {
      const ctx = systemContext(this.orm.em as EntityManager);
      for (const key of await this.keys.activeSecretKeys(ctx)) {
        if (await verifySecret(token, key.token)) return { id: key.id, revokes_at: key.revoked_at?.getTime() ?? null };
      }
      return null;
    });
    if (!found || (found.revokes_at !== null && found.revokes_at <= Date.now())) return undefined;
    return found.id;
  }
}
