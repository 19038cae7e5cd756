import { Entity, Index, Property } from '@mikro-orm/core';
import { Metadata, SthenoEntity } from '../../../framework/database/base.entity';

/**
 * A node of the category tree. `mpath` is the materialised path of ids from the root to this node
 * (`pcat_a.pcat_b.pcat_c`), so a subtree is one indexed prefix match (`mpath like 'pcat_a.%'`).
 */
@Entity({ tableName: 'product_category' })
@Index({ name: 'product_category_handle_unique', expression: 'create unique index "product_category_handle_unique" on "product_category" ("handle") where "deleted_at" is null' })
@Index({ name: 'product_category_mpath_prefix', expression: 'create index "product_category_mpath_prefix" on "product_category" ("mpath" text_pattern_ops)' })
@Index({ properties: ['parent_category_id', 'rank'] })
export class ProductCategory extends SthenoEntity {
  static override readonly idPrefix = 'pcat';

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', default: '' })
  description: string = '';

  @Property({ type: 'text' })
  handle!: string;

  @Property({ type: 'text' })
  mpath!: string;

  @Property({ type: 'boolean', default: false })
  is_active: boolean = false;

  @Property({ type: 'boolean', default: false })
  is_internal: boolean = false;

  @Property({ type: 'integer', default: 0 })
  rank: number = 0;

  @Property({ type: 'text', nullable: true })
  parent_category_id: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  metadata: Metadata = null;
}
