import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobsBoard } from './jobs-board';
import { JobsUiController } from './jobs-ui.controller';

/** Bull Board for admins at /admin/jobs (see docs/metrics-and-jobs-ui.md). */
@Module({ imports: [DiscoveryModule], controllers: [JobsUiController], providers: [JobsBoard] })
export class JobsUiModule {}
