import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One row (`id = 1`) whose `version` changes in the same transaction as any write to the tables the
 * store catalog filters on (statement-level triggers, see the catalog_version migration). The store
 * read caches list counts under the version it read in the same snapshot, so a cached count is
 * exact: a commit that could change a count also changes the version.
 */
@Entity({ tableName: 'catalog_version' })
export class CatalogVersion {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  @Property({ type: 'bigint', default: 0 })
  version!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updated_at?: Date;
}
