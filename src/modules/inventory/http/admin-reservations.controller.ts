import { Body, Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { deleteEnvelope, listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, RetrieveQuery } from '../../../framework/http/list-query';
import { ApiDeleteResponse, ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { CreateReservationDto, ReservationDto, UpdateReservationDto } from '../dto/reservation.dto';
import { InventoryService } from '../inventory.service';
import { RESERVATION_LIST as LIST, RESERVATION_RETRIEVE as RETRIEVE } from './inventory-fields';

const withItem = (query: RetrieveQuery) => query.fields.relations.includes('inventory_item');

@ApiTags('Admin Reservations')
@ApiAdminAuth()
@Controller('admin/reservations')
export class AdminReservationsController {
  constructor(private readonly inventory: InventoryService) {}

  @Get()
  @ApiListQuery(LIST)
  @ApiListResponse('reservations', ReservationDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [reservations, count] = await this.inventory.listReservations(ctx, query);
    return listEnvelope('reservations', reservations.map((r) => projectFields(r, query.fields)), { count, ...query });
  }

  @Post()
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('reservation', ReservationDto)
  @ApiErrors(400, 401, 404)
  async create(@Ctx() ctx: Context, @Body() body: CreateReservationDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    const [reservation] = await this.inventory.reserve(ctx, [body]);
    return { reservation: projectFields(await this.inventory.retrieveReservation(ctx, reservation.id, withItem(query)), query.fields) };
  }

  @Get(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('reservation', ReservationDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { reservation: projectFields(await this.inventory.retrieveReservation(ctx, id, withItem(query)), query.fields) };
  }

  @Post(':id')
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('reservation', ReservationDto)
  @ApiErrors(400, 401, 404)
  async update(@Ctx() ctx: Context, @Param('id') id: string, @Body() body: UpdateReservationDto, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    await this.inventory.updateReservation(ctx, id, body);
    return { reservation: projectFields(await this.inventory.retrieveReservation(ctx, id, withItem(query)), query.fields) };
  }

  @Delete(':id')
  @ApiDeleteResponse('reservation')
  @ApiErrors(401, 404)
  async delete(@Ctx() ctx: Context, @Param('id') id: string) {
    await this.inventory.deleteReservation(ctx, id);
    return deleteEnvelope(id, 'reservation');
  }
}
