import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery } from '../../../framework/http/list-query';
import { ApiListQuery, ApiListResponse, ListParams } from '../../../framework/http/route-docs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { TaxProviderDto } from '../dto/tax.dto';
import { TaxService } from '../tax.service';
import { TAX_PROVIDER_LIST as LIST } from './tax-fields';

@ApiTags('Admin Tax Providers')
@ApiAdminAuth()
@Controller('admin/tax-providers')
export class AdminTaxProvidersController {
  constructor(private readonly tax: TaxService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('tax_providers', TaxProviderDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [providers, count] = await this.tax.listProviders(ctx, query);
    return listEnvelope('tax_providers', providers.map((p) => projectFields(p, query.fields)), { count, ...query });
  }
}
