import { Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { CatalogVersion } from './catalog-version.entity';

/**
 * The storefront's catalog read (ARCHITECTURE §4.4, §9): purpose-built SQL across the product,
 * pricing, inventory and link tables, with a fixed number of statements per request.
 */
@Module({
  imports: [ormFeature([CatalogVersion])],
  controllers: [],
  providers: [],
})
export class StoreCatalogModule {}
