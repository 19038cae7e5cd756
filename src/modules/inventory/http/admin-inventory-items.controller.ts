import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { runFlow } from '../../../framework/flows/flow';
import { deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { deleteInventoryItemFlow } from '../../../flows/inventory/delete-inventory-item.flow';
import { VariantInventoryLinks } from '../../../links/variant-inventory-item.service';
import { CreateInventoryItemDto, InventoryItemDto, UpdateInventoryItemDto } from '../dto/inventory-item.dto';
import { InventoryService } from '../inventory.service';
import { INVENTORY_ITEM_LIST as LIST, INVENTORY_ITEM_RETRIEVE as RETRIEVE } from './inventory-fields';

@ApiTags('Admin Inventory Items')
@ApiAdminAuth()
@Controller('admin/inventory-items')
export class AdminInventoryItemsController {
  constructor(
    private readonly inventory: InventoryService,
    private readonly variantLinks: VariantInventoryLinks,
  ) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('inventory_items', InventoryItemDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [items, count] = await this.inventory.listItems(ctx, query);
    return listEnvelope('inventory_items', items.map((item) => projectFields(item, query.fields)), { count, ...query });
  }

  @Post()
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('inventory_item', InventoryItemDto)
  @ApiErrors(400, 401, 404, 422)
  async create(@Ctx() ctx: Context, @Body() body: CreateInventoryItemDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    const [item] = await this.inventory.createItems(ctx, [body]);
    return { inventory_item: projectFields(item, query.fields) };
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('inventory_item', InventoryItemDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { inventory_item: projectFields(await this.inventory.retrieveItem(ctx, id), query.fields) };
  }

  @Post(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('inventory_item', InventoryItemDto)
  @ApiErrors(400, 401, 404, 422)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateInventoryItemDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { inventory_item: projectFields(await this.inventory.updateItem(ctx, id, body), query.fields) };
  }

  @Delete(':id')
  @ApiDeleteResponse('inventory_item')
  @ApiErrors(400, 401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await runFlow(ctx, deleteInventoryItemFlow({ inventory: this.inventory, variantLinks: this.variantLinks }), id);
    return deleteEnvelope(id, 'inventory_item');
  }
}
