import { All, ArgumentsHost, Catch, Controller, ExceptionFilter, Req, Res, UnauthorizedException, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticate } from '../auth/route-access.decorators';
import { sendError } from '../errors/http-exception.filter';
import { SthenoError } from '../errors/stheno-error';
import { pinRouteTemplate, routeTemplateOf } from '../http/route-template';
import { EVENTS_QUEUE } from '../events/domain-event';
import { FeatureFlagged } from '../feature-flags/feature-flagged.decorator';
import { JOBS_UI_PATH, JobsBoard } from './jobs-board';
import { JOBS_UI_FLAG } from './jobs-ui.flag';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The board's API retries, cleans and empties queues, and a session cookie is sent cross-site in
 * production (SameSite=None): a change whose browser Origin is another site is refused, so no
 * other page can drive the board with an admin's cookie. Clients that send no Origin (curl, a
 * script with a bearer token) are not browsers on another site.
 */
function isCrossSiteWrite(request: Request): boolean {
  const origin = request.headers.origin;
  if (SAFE_METHODS.has(request.method) || !origin) return false;
  try {
    return new URL(origin).host !== request.host;
  } catch {
    return true;
  }
}

/**
 * Board actions that would lose events on the events queue: its jobs are the deliveries of outbox
 * rows already marked dispatched, so a removed job is never handed over again. Emptying, obliterating,
 * cleaning anything but completed jobs, removing a job, adding a job and editing a job's data are
 * refused there; retry, promote, pause and resume stay. Bull Board's own per-queue read-only mode
 * would also forbid retries, the one action a failed delivery needs.
 */
const EVENT_LOSING_ACTIONS = new RegExp(
  `^${JOBS_UI_PATH}/api/queues/${EVENTS_QUEUE}/(?:empty|obliterate|add|clean/(?!completed$)[^/]+|[^/]+/clean|[^/]+/update-data)$`,
);

function losesEvents(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  let path: string;
  try {
    // decoded as the board's router decodes its parameters: an escaped queue name is the same queue
    path = decodeURIComponent(request.path);
  } catch {
    path = request.path;
  }
  return EVENT_LOSING_ACTIONS.test(path);
}

/** The board is a page people open: say what is missing, in the `{type, message}` shape. */
@Catch(UnauthorizedException)
class JobsUiUnauthorizedFilter implements ExceptionFilter {
  catch(_exception: UnauthorizedException, host: ArgumentsHost): void {
    sendError(
      new SthenoError('unauthorized', 'The jobs UI is for admin users: sign in (session cookie) or send an admin bearer token'),
      host.switchToHttp().getResponse<Response>(),
    );
  }
}

/**
 * Bull Board at /admin/jobs, behind the API's own guard: an admin user's session cookie or bearer
 * token (customers and secret API keys are refused). Not in the OpenAPI document: a web page and
 * the board's private API, not part of the commerce API. Behind the `jobs_ui` flag (on by default).
 */
@ApiExcludeController()
@FeatureFlagged(JOBS_UI_FLAG)
@Authenticate('user', ['session', 'bearer'])
@UseFilters(JobsUiUnauthorizedFilter)
@Controller('admin/jobs')
export class JobsUiController {
  constructor(private readonly board: JobsBoard) {}

  @All(['', '*path'])
  serve(@Req() request: Request, @Res() response: Response): void {
    // the board's own router overwrites req.route: keep this route's template for the metrics
    pinRouteTemplate(response, routeTemplateOf(request, response));
    if (isCrossSiteWrite(request)) {
      throw new SthenoError('forbidden', 'The jobs UI accepts changes only from its own pages (the Origin does not match this host)');
    }
    const board = this.board.get();
    if (!board) {
      throw SthenoError.notFound('No job queues: without REDIS_URL, events and scheduled jobs run in-process and the jobs UI has nothing to show');
    }
    if (losesEvents(request)) {
      throw new SthenoError(
        'not_allowed',
        `The ${EVENTS_QUEUE} queue cannot be emptied, cleaned (except completed jobs) or have jobs removed, added or edited here: its jobs are deliveries of events already marked dispatched, which would be lost. Retry failed jobs instead.`,
      );
    }
    board(request, response, (error?: unknown) =>
      sendError(error ?? SthenoError.notFound(`Route ${request.method} ${request.originalUrl.split('?')[0]} does not exist`), response),
    );
  }
}
