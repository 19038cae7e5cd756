import { Module } from '@nestjs/common';
import { ormFeature } from '../../framework/database/entity-registry';
import { LinksModule } from '../../links/links.module';
import { StockLocationModule } from '../stock-location/stock-location.module';
import { InventoryItem } from './entities/inventory-item.entity';
import { InventoryLevel } from './entities/inventory-level.entity';
import { ReservationItem } from './entities/reservation-item.entity';
import { AdminInventoryItemsController } from './http/admin-inventory-items.controller';
import { AdminInventoryLevelsController } from './http/admin-inventory-levels.controller';
import { AdminReservationsController } from './http/admin-reservations.controller';
import { InventoryLevels } from './inventory-levels';
import { InventoryService } from './inventory.service';
import { Reservations } from './reservations';

/**
 * Inventory items, their stock levels per location, and reservations. Level locations are checked
 * through StockLocationModule's facade; nothing imports back (the stock-location admin routes that
 * delete levels live in StockLocationAdminModule).
 */
@Module({
  imports: [ormFeature([InventoryItem, InventoryLevel, ReservationItem]), StockLocationModule, LinksModule],
  controllers: [AdminInventoryLevelsController, AdminInventoryItemsController, AdminReservationsController],
  providers: [InventoryService, InventoryLevels, Reservations],
  exports: [InventoryService],
})
export class InventoryModule {}
