import { defineFeatureFlag } from '../feature-flags/feature-flags';

/**
 * The Bull Board at /admin/jobs. On by default (as before flags existed); an operator whose team
 * watches queues elsewhere (metrics, their own tooling) turns it off to take a page that can retry
 * and clean jobs off the admin surface, without touching Redis or the workers.
 */
export const JOBS_UI_FLAG = defineFeatureFlag({
  key: 'jobs_ui',
  default: true,
  description: 'The jobs UI (Bull Board) at /admin/jobs for admin users; off, /admin/jobs answers 404 like any unknown route',
});
