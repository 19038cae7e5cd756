import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** Link (owned by no module): which sales channels a publishable key scopes a storefront to. */
@Entity({ tableName: 'publishable_api_key_sales_channel' })
@Index({ properties: ['sales_channel_id'] })
export class PublishableKeySalesChannel {
  @PrimaryKey({ type: 'text' })
  publishable_key_id!: string;

  @PrimaryKey({ type: 'text' })
  sales_channel_id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  created_at?: Date;
}
