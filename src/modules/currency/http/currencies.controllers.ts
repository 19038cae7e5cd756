import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, ListQuerySpec, RetrieveQuery, RetrieveQuerySpec } from '../../../framework/http/list-query';
import { ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth, ApiStoreAuth } from '../../../framework/openapi/security';
import { CurrencyService } from '../currency.service';
import { CurrencyDto } from '../dto/currency.dto';

const FIELDS = ['code', 'symbol', 'symbol_native', 'decimal_digits', 'rounding', 'name', 'created_at', 'updated_at'];
const RETRIEVE: RetrieveQuerySpec = { defaults: FIELDS, allowed: FIELDS };
const LIST: ListQuerySpec = {
  ...RETRIEVE,
  defaultLimit: 50,
  maxLimit: 500,
  order: { allowed: ['code', 'name'], default: 'code' },
  filters: { code: { type: 'string' }, name: { type: 'string' } },
  q: true,
};

/** `code` is the key, not `id`: drop the list spec's automatic `id` from the projection. */
const withoutId = <T extends object>(view: T): T => {
  const { id: _id, ...rest } = view as T & { id?: unknown };
  return rest as T;
};

abstract class CurrenciesRoutes {
  constructor(protected readonly currencies: CurrencyService) {}

  protected async listCurrencies(ctx: Context, query: ListQuery) {
    const [currencies, count] = await this.currencies.list(ctx, { ...query, order: query.order.filter((o) => o.field !== 'id') });
    return listEnvelope('currencies', currencies.map((c) => withoutId(projectFields(c, [...query.fields.fields, 'code']))), { count, ...query });
  }

  protected async retrieveCurrency(ctx: Context, code: string, query: RetrieveQuery) {
    return { currency: withoutId(projectFields(await this.currencies.retrieve(ctx, code), [...query.fields.fields, 'code'])) };
  }
}

@ApiTags('Store Currencies')
@ApiStoreAuth()
@Controller('store/currencies')
export class StoreCurrenciesController extends CurrenciesRoutes {
  constructor(currencies: CurrencyService) {
    super(currencies);
  }

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('currencies', CurrencyDto)
  @ApiErrors(400)
  list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    return this.listCurrencies(ctx, query);
  }

  @Get(':code')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('currency', CurrencyDto)
  @ApiErrors(400, 404)
  retrieve(@Ctx() ctx: Context, @Param('code') code: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.retrieveCurrency(ctx, code, query);
  }
}

@ApiTags('Admin Currencies')
@ApiAdminAuth()
@Controller('admin/currencies')
export class AdminCurrenciesController extends CurrenciesRoutes {
  constructor(currencies: CurrencyService) {
    super(currencies);
  }

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('currencies', CurrencyDto)
  @ApiErrors(400, 401)
  list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    return this.listCurrencies(ctx, query);
  }

  @Get(':code')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('currency', CurrencyDto)
  @ApiErrors(400, 401, 404)
  retrieve(@Ctx() ctx: Context, @Param('code') code: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return this.retrieveCurrency(ctx, code, query);
  }
}
