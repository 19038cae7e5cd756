import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { batchEnvelope, deleteEnvelope, listEnvelope } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { ProductFlows } from '../../../flows/product/product-flows.service';
import { BatchVariantInventoryItemsDto, BatchVariantsDto, CreateVariantDto, UpdateVariantDto, UpdateVariantInventoryItemDto, VariantInventoryItemInputDto } from '../dto/product-input.dto';
import { ProductDto, ProductVariantDto, VariantBatchResultDto, VariantDeleteDto, VariantInventoryBatchResultDto } from '../dto/product.dto';
import { AdminProductViews } from './admin-product-views';
import { ADMIN_PRODUCT_RETRIEVE as PRODUCT, ADMIN_PRODUCT_VARIANT_LIST as LIST, ADMIN_VARIANT_LIST, ADMIN_VARIANT_RETRIEVE as RETRIEVE } from './product-fields';

/** Variants of a product. Writes answer `{product}`, as Medusa's do. Literal paths come before `:variant_id`. */
@ApiTags('Admin Products')
@ApiAdminAuth()
@Controller('admin/products/:id/variants')
export class AdminProductVariantsController {
  constructor(
    private readonly views: AdminProductViews,
    private readonly flows: ProductFlows,
  ) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('variants', ProductVariantDto)
  @ApiErrors(400, 401, 404)
  async list(@Ctx() ctx: Context, @Param('id') id: string, @ListParams(LIST) query: ListQuery) {
    const [variants, count] = await this.views.listVariants(ctx, query, id);
    return listEnvelope('variants', variants, { count, ...query });
  }

  @Post()
  @ApiRetrieveQuery(PRODUCT)
  @ApiSingleResponse('product', ProductDto)
  @ApiErrors(400, 401, 404, 422)
  async create(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: CreateVariantDto, @RetrieveParams(PRODUCT) query: RetrieveQuery) {
    await this.flows.createVariants(ctx, id, [body]);
    return { product: await this.views.retrieve(ctx, id, query.fields) };
  }

  @Post('batch')
  @ApiOkResponse({ type: VariantBatchResultDto })
  @ApiErrors(400, 401, 404, 422)
  async batch(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: BatchVariantsDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    const outcome = await this.flows.batchVariants(ctx, id, body);
    const byIds = async (ids: string[]) => (ids.length ? (await this.views.listVariants(ctx, { ...idQuery(ids), fields: query.fields }, id))[0] : []);
    return batchEnvelope('variant', await byIds(outcome.created), await byIds(outcome.updated), outcome.deleted);
  }

  /** Medusa answers the links as its link workflow describes them (`{product: {variant_id}, inventory: {inventory_item_id}, data}`). */
  @Post('inventory-items/batch')
  @ApiOkResponse({ type: VariantInventoryBatchResultDto })
  @ApiErrors(400, 401, 404)
  async batchInventoryItems(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: BatchVariantInventoryItemsDto) {
    const done = await this.flows.batchInventoryLinks(ctx, id, body);
    return { created: done.create.map(linkDefinition), updated: done.update.map(linkDefinition), deleted: done.delete.map(linkDefinition) };
  }

  @Get(':variant_id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('variant', ProductVariantDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @Param('variant_id') variantId: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { variant: await this.views.retrieveVariant(ctx, id, variantId, query.fields) };
  }

  @Post(':variant_id')
  @ApiRetrieveQuery(PRODUCT)
  @ApiSingleResponse('product', ProductDto)
  @ApiErrors(400, 401, 404, 422)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Param('variant_id') variantId: string, @Body() body: UpdateVariantDto, @RetrieveParams(PRODUCT) query: RetrieveQuery) {
    await this.flows.updateVariant(ctx, id, variantId, body);
    return { product: await this.views.retrieve(ctx, id, query.fields) };
  }

  @Delete(':variant_id')
  @ApiRetrieveQuery(PRODUCT)
  @ApiOkResponse({ type: VariantDeleteDto })
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string, @Param('variant_id') variantId: string, @RetrieveParams(PRODUCT) query: RetrieveQuery) {
    await this.flows.deleteVariants(ctx, id, [variantId]);
    return deleteEnvelope(variantId, 'variant', await this.views.retrieve(ctx, id, query.fields));
  }

  @Post(':variant_id/inventory-items')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('variant', ProductVariantDto)
  @ApiErrors(400, 401, 404)
  async linkItem(@Ctx() ctx: Context, @Param('id') id: string, @Param('variant_id') variantId: string, @Body() body: VariantInventoryItemInputDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.flows.linkInventoryItem(ctx, id, variantId, body.inventory_item_id, body.required_quantity ?? 1);
    return { variant: await this.views.retrieveVariant(ctx, id, variantId, withInventory(query)) };
  }

  @Post(':variant_id/inventory-items/:inventory_item_id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('variant', ProductVariantDto)
  @ApiErrors(400, 401, 404)
  async updateItem(
    @Ctx() ctx: Context,
    @Param('id') id: string,
    @Param('variant_id') variantId: string,
    @Param('inventory_item_id') itemId: string,
    @Body() body: UpdateVariantInventoryItemDto,
    @RetrieveParams(RETRIEVE) query: RetrieveQuery,
  ) {
    await this.flows.updateInventoryLink(ctx, id, variantId, itemId, body.required_quantity);
    return { variant: await this.views.retrieveVariant(ctx, id, variantId, withInventory(query)) };
  }

  @Delete(':variant_id/inventory-items/:inventory_item_id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiOkResponse({ type: VariantDeleteDto, description: '`{id: <inventory item id>, object: "variant-inventory-item-link", deleted: true, parent: <variant>}`' })
  @ApiErrors(401, 404)
  async unlinkItem(@Ctx() ctx: Context, @Param('id') id: string, @Param('variant_id') variantId: string, @Param('inventory_item_id') itemId: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.flows.unlinkInventoryItem(ctx, id, variantId, itemId);
    return deleteEnvelope(itemId, 'variant-inventory-item-link', await this.views.retrieveVariant(ctx, id, variantId, withInventory(query)));
  }
}

/** `GET /admin/product-variants`: variants across products. */
@ApiTags('Admin Product Variants')
@ApiAdminAuth()
@Controller('admin/product-variants')
export class AdminVariantsController {
  constructor(private readonly views: AdminProductViews) {}

  @Get()
  @ApiListQuery(ADMIN_VARIANT_LIST)
  @ApiListResponse('variants', ProductVariantDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(ADMIN_VARIANT_LIST) query: ListQuery) {
    const [variants, count] = await this.views.listVariants(ctx, query);
    return listEnvelope('variants', variants, { count, ...query });
  }
}

function linkDefinition(l: { variant_id: string; inventory_item_id: string; required_quantity?: number }) {
  return {
    product: { variant_id: l.variant_id },
    inventory: { inventory_item_id: l.inventory_item_id },
    ...(l.required_quantity !== undefined ? { data: { required_quantity: l.required_quantity } } : {}),
  };
}

function idQuery(ids: string[]): Omit<ListQuery, 'fields'> {
  return { limit: ids.length, offset: 0, order: [{ field: 'variant_rank', direction: 'ASC' }, { field: 'id', direction: 'ASC' }], filters: { id: { $in: ids } }, extra: {} };
}

/** The inventory-item routes always show the variant's links. */
function withInventory(query: RetrieveQuery) {
  const fields = query.fields;
  if (fields.relations.includes('inventory_items')) return fields;
  return { ...fields, fields: [...fields.fields, 'inventory_items.*'], relations: [...fields.relations, 'inventory_items'] };
}
