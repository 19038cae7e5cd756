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
const RETRIEVE: RetrieveQuerySpec = { defaults: FIELDS, allowed: FIELDS, key: 'code' };
const LIST: ListQuerySpec = {
  ...RETRIEVE,
  defaultLimit: 50,
  maxLimit: 500,
  order: { allowed: ['code', 'name'], default: 'code' },
  filters: { code: { type: 'string' }, name: { type: 'string' } },
  q: true,
};

abstract class CurrenciesRoutes {
  constructor(protected readonly currencies: CurrencyService) {}

  protected async listCurrencies(ctx: Context, query: ListQuery) {
    const [currencies, count] = await this.currencies.list(ctx, query);
    return listEnvelope('currencies', currencies.map((c) => projectFields(c, query.fields)), { count, ...query });
  }

  protected async retrieveCurrency(ctx: Context, code: string, query: RetrieveQuery) {
    return { currency: projectFields(await this.currencies.retrieve(ctx, code), query.fields) };
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
