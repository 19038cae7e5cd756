import { Body, Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Context } from '../../src/framework/context/context';
import { Ctx } from '../../src/framework/context/ctx.decorator';
import { listEnvelope, projectFields } from '../../src/framework/http/envelopes';
import { ListQuery, toMikroOrmOrderBy } from '../../src/framework/http/list-query';
import { ApiListQuery, ApiListResponse, ApiSingleResponse, ListParams } from '../../src/framework/http/route-docs';
import { Post } from '../../src/framework/http/verbs';
import { ApiErrors } from '../../src/framework/openapi/error-responses';
import { ApiAdminAuth, ApiStoreAuth } from '../../src/framework/openapi/security';
import { CreateHelloGreetingDto, GREETING_LIST, greetingView, HelloGreetingDto, StoreHelloDto } from './hello-greeting.dto';
import { HelloGreeting } from './hello-greeting.entity';

/**
 * Plugin routes are ordinary Nest controllers and follow the app's route families: `/store/*`
 * needs the storefront's publishable key, `/admin/*` an admin, with no extra decorator.
 */
@ApiTags('Store Hello (plugin)')
@ApiStoreAuth()
@Controller('store/hello')
export class StoreHelloController {
  @Get()
  @ApiOkResponse({ type: StoreHelloDto })
  @ApiErrors(400)
  async hello(@Ctx() ctx: Context): Promise<StoreHelloDto> {
    return { message: 'Hello from the hello plugin', greetings: await ctx.em.count(HelloGreeting, {}) };
  }
}

@ApiTags('Admin Hello (plugin)')
@ApiAdminAuth()
@Controller('admin/hello/greetings')
export class AdminHelloGreetingsController {
  @Get()
  @ApiListQuery(GREETING_LIST)
  @ApiListResponse('greetings', HelloGreetingDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(GREETING_LIST) query: ListQuery) {
    const where = query.q ? { ...query.filters, message: { $ilike: `%${query.q}%` } } : query.filters;
    const [rows, count] = await ctx.em.findAndCount(HelloGreeting, where, {
      limit: query.limit,
      offset: query.offset,
      orderBy: toMikroOrmOrderBy(query.order),
    });
    return listEnvelope('greetings', rows.map((g) => projectFields(greetingView(g), query.fields)), { count, ...query });
  }

  @Post()
  @ApiSingleResponse('greeting', HelloGreetingDto)
  @ApiErrors(400, 401)
  async create(@Ctx() ctx: Context, @Body() body: CreateHelloGreetingDto) {
    const greeting = ctx.em.create(HelloGreeting, { message: body.message, customer_id: body.customer_id ?? null });
    await ctx.em.flush();
    return { greeting: greetingView(greeting) };
  }
}
