import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Context } from '../../../framework/context/context';
import { Ctx } from '../../../framework/context/ctx.decorator';
import { listEnvelope, projectFields } from '../../../framework/http/envelopes';
import { ListQuery, ListQuerySpec, RetrieveQuery, RetrieveQuerySpec } from '../../../framework/http/list-query';
import { ApiListQuery, ApiListResponse, ApiRetrieveQuery, ApiSingleResponse, ListParams, RetrieveParams } from '../../../framework/http/route-docs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { NotificationDto } from '../dto/notification.dto';
import { NotificationService } from '../notification.service';
import { redactForAdmin } from './redact-secrets';

/**
 * Medusa's default admin fields for a notification; the rest on request with `fields`. `data` is
 * one of Medusa's defaults (the admin feed reads it), so it stays, with its secrets redacted.
 */
const DEFAULT_FIELDS = ['id', 'to', 'channel', 'template', 'data', 'trigger_type', 'resource_id', 'resource_type', 'receiver_id', 'created_at'];
const ALLOWED_FIELDS = [
  ...DEFAULT_FIELDS,
  'original_notification_id',
  'idempotency_key',
  'external_id',
  'provider_id',
  'status',
  'error',
  'updated_at',
];
const RETRIEVE: RetrieveQuerySpec = { defaults: DEFAULT_FIELDS, allowed: ALLOWED_FIELDS };
const LIST: ListQuerySpec = {
  ...RETRIEVE,
  defaultLimit: 50,
  maxLimit: 200,
  order: { allowed: ['created_at', 'updated_at', 'to', 'channel', 'status'], default: '-created_at' },
  filters: {
    id: { type: 'string' },
    to: { type: 'string' },
    channel: { type: 'string' },
    status: { type: 'string' },
    template: { type: 'string' },
    trigger_type: { type: 'string' },
    resource_id: { type: 'string' },
    resource_type: { type: 'string' },
    receiver_id: { type: 'string' },
    provider_id: { type: 'string' },
    created_at: { type: 'date' },
    updated_at: { type: 'date' },
  },
  q: true,
};

/** The record of what was sent: admin users list and read notifications (the admin's feed), tokens redacted. */
@ApiTags('Admin Notifications')
@Controller('admin/notifications')
export class AdminNotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @ApiAdminAuth()
  @ApiListQuery(LIST)
  @ApiListResponse('notifications', NotificationDto)
  @ApiErrors(400, 401)
  async list(@Ctx() ctx: Context, @ListParams(LIST) query: ListQuery) {
    const [notifications, count] = await this.notifications.list(ctx, query);
    return listEnvelope('notifications', notifications.map((n) => projectFields(redactForAdmin(n), query.fields)), { count, ...query });
  }

  @Get(':id')
  @ApiAdminAuth()
  @ApiRetrieveQuery(RETRIEVE)
  @ApiSingleResponse('notification', NotificationDto)
  @ApiErrors(400, 401, 404)
  async retrieve(@Ctx() ctx: Context, @Param('id') id: string, @RetrieveParams(RETRIEVE) query: RetrieveQuery) {
    return { notification: projectFields(redactForAdmin(await this.notifications.retrieve(ctx, id)), query.fields) };
  }
}
