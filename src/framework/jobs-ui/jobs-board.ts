import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express, { RequestHandler } from 'express';
import { discoverBullQueues } from '../queues/bull-queues';

export const JOBS_UI_PATH = '/admin/jobs';

/**
 * Bull Board over every Bull queue of the application, built on first use (when every module has
 * registered its queues). Null without Redis: no queue exists, jobs run in-process.
 */
@Injectable()
export class JobsBoard {
  private handler: RequestHandler | null | undefined;

  constructor(private readonly discovery: DiscoveryService) {}

  /** An Express handler serving the board's page, static assets and API under JOBS_UI_PATH. */
  get(): RequestHandler | null {
    if (this.handler === undefined) this.handler = this.build();
    return this.handler;
  }

  private build(): RequestHandler | null {
    const queues = discoverBullQueues(this.discovery);
    if (queues.length === 0) return null;
    const adapter = new ExpressAdapter().setBasePath(JOBS_UI_PATH);
    createBullBoard({
      queues: queues.map((queue) => new BullAdapter(queue)),
      serverAdapter: adapter,
      options: { uiConfig: { boardTitle: 'Stheno jobs' } },
    });
    const board = adapter.getRouter() as express.Express;
    board.disable('x-powered-by');
    // mounted on an app of its own so Express strips the prefix (and restores it) as for any sub-app
    const mount = express();
    mount.disable('x-powered-by');
    mount.use(JOBS_UI_PATH, board);
    return mount;
  }
}
