import { Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { InventoryItem } from './entities/inventory-item.entity';
import { InventoryLevel } from './entities/inventory-level.entity';
import { ReservationItem } from './entities/reservation-item.entity';

/** Inventory items, their stock levels per location, and reservations. */
@Module({
  imports: [ormFeature([InventoryItem, InventoryLevel, ReservationItem])],
  controllers: [],
  providers: [],
  exports: [],
})
export class InventoryModule {}
