import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/** A merchandising collection; products point at it with `collection_id`. */
@Entity({ tableName: 'product_collection' })
@Index({ name: 'product_collection_handle_unique', expression: 'create unique index "product_collection_handle_unique" on "product_collection" ("handle") where "deleted_at" is null' })
export class ProductCollection extends SthenoEntity {
  static override readonly idPrefix = 'pcol';

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  handle!: string;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
