import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { SthenoError } from '../../../framework/errors/stheno-error';
import { batchBody, BatchBody } from '../../../framework/http/bodies';
import { batchEnvelope, deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import {
  BatchLocationLevelDto,
  InventoryItemDto,
  InventoryLevelBatchResponseDto,
  InventoryLevelDto,
  ItemLocationLevelInputDto,
  UpdateLocationLevelDto,
} from '../dto/inventory-item.dto';
import { InventoryService } from '../inventory.service';
import { InventoryLevelBatch, InventoryLevelInput } from '../inventory.types';
import { INVENTORY_ITEM_RETRIEVE as ITEM, LOCATION_LEVEL_LIST as LIST } from './inventory-fields';

class LocationLevelBatchDto extends batchBody(BatchLocationLevelDto, BatchLocationLevelDto) {}

/** Batch entries with their item: from the path when there is one (and the body may not name another), else required in the body. */
function withItem(levels: BatchLocationLevelDto[] | undefined, itemId: string | undefined): InventoryLevelInput[] {
  return (levels ?? []).map((level) => {
    const inventoryItemId = itemId ?? level.inventory_item_id;
    if (!inventoryItemId) throw SthenoError.invalidData('inventory_item_id is required for each level');
    if (itemId && level.inventory_item_id && level.inventory_item_id !== itemId) {
      throw SthenoError.invalidData(`Level for item ${level.inventory_item_id} sent to the levels of item ${itemId}`);
    }
    return { ...level, inventory_item_id: inventoryItemId };
  });
}

function toBatch(body: BatchBody<BatchLocationLevelDto, BatchLocationLevelDto>, itemId?: string): InventoryLevelBatch {
  return { create: withItem(body.create, itemId), update: withItem(body.update, itemId), delete: body.delete };
}

/** Stock levels of inventory items at stock locations. Batch routes come before `:location_id` ones: Express matches in order. */
@ApiTags('Admin Inventory Items')
@ApiAdminAuth()
@Controller('admin/inventory-items')
export class AdminInventoryLevelsController {
  constructor(private readonly inventory: InventoryService) {}

  @Post('location-levels/batch')
  @ApiOkResponse({ type: InventoryLevelBatchResponseDto })
  @ApiErrors(400, 401, 404, 422)
  async batchAll(@Ctx() ctx: Context, @Body() body: LocationLevelBatchDto) {
    const result = await this.inventory.batchLevels(ctx, toBatch(body));
    return batchEnvelope('inventory-level', result.created, result.updated, result.deleted);
  }

  @Get(':id/location-levels')
  @ApiListQuery(LIST)
  @ApiListResponse('inventory_levels', InventoryLevelDto)
  @ApiErrors(400, 401, 404)
  async list(@Ctx() ctx: Context, @Param('id') id: string, @ListParams(LIST) query: ListQuery) {
    const [levels, count] = await this.inventory.listLevels(ctx, id, query);
    return listEnvelope('inventory_levels', levels.map((level) => projectFields(level, query.fields)), { count, ...query });
  }

  @Post(':id/location-levels/batch')
  @ApiOkResponse({ type: InventoryLevelBatchResponseDto })
  @ApiErrors(400, 401, 404, 422)
  async batch(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: LocationLevelBatchDto) {
    const result = await this.inventory.batchLevels(ctx, toBatch(body, id));
    return batchEnvelope('inventory-level', result.created, result.updated, result.deleted);
  }

  @Post(':id/location-levels')
  @ApiRetrieveQuery(ITEM)
  @ApiSingleResponse('inventory_item', InventoryItemDto)
  @ApiErrors(400, 401, 404, 422)
  async create(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: ItemLocationLevelInputDto, @RetrieveParams(ITEM) query: RetrieveQuery) {
    await this.inventory.createLevels(ctx, [{ ...body, inventory_item_id: id }]);
    return { inventory_item: projectFields(await this.inventory.retrieveItem(ctx, id), query.fields) };
  }

  @Post(':id/location-levels/:location_id')
  @ApiRetrieveQuery(ITEM)
  @ApiSingleResponse('inventory_item', InventoryItemDto)
  @ApiErrors(400, 401, 404)
  async update(
    @Ctx() ctx: Context,
    @Param('id') id: string,
    @Param('location_id') locationId: string,
    @Body() body: UpdateLocationLevelDto,
    @RetrieveParams(ITEM) query: RetrieveQuery,
  ) {
    await this.inventory.updateLevels(ctx, [{ ...body, inventory_item_id: id, location_id: locationId }]);
    return { inventory_item: projectFields(await this.inventory.retrieveItem(ctx, id), query.fields) };
  }

  @Delete(':id/location-levels/:location_id')
  @ApiDeleteResponse('inventory-level')
  @ApiErrors(400, 401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string, @Param('location_id') locationId: string) {
    const levelId = await this.inventory.deleteLevel(ctx, id, locationId);
    return deleteEnvelope(levelId, 'inventory-level', projectFields(await this.inventory.retrieveItem(ctx, id), ITEM.defaults as string[]));
  }
}
