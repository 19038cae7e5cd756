import { createFlow, createStep } from '../../framework/flows/flow';
import { VariantInventoryLinks } from '../../links/variant-inventory-item.service';
import { InventoryService } from '../../modules/inventory/inventory.service';

export interface InventoryItemDeletionServices {
  inventory: InventoryService;
  variantLinks: VariantInventoryLinks;
}

/** Removes an inventory item (refused while it has reservations), its levels, and its variant links. */
export function deleteInventoryItemFlow(services: InventoryItemDeletionServices) {
  const deleteItem = createStep('delete-inventory-item', async (itemId: string, ctx) => {
    await services.inventory.retrieveItem(ctx, itemId);
    await services.inventory.deleteItems(ctx, [itemId]);
  });
  const unlinkVariants = createStep('unlink-variants-of-inventory-item', async (itemId: string, ctx) => {
    await services.variantLinks.unlinkItems(ctx, [itemId]);
  });
  return createFlow('delete-inventory-item', async (run, itemId: string) => {
    await run(deleteItem, itemId);
    await run(unlinkVariants, itemId);
  });
}
