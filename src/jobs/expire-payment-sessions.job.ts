import { Inject, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { APP_CONFIG, AppConfig } from '../framework/config/app-config';
import { inTransaction, systemContext } from '../framework/context/context';
import { SthenoError } from '../framework/errors/stheno-error';
import { ScheduledJob, ScheduledJobHandler } from '../framework/jobs/scheduled-job.decorator';
import { CartService } from '../modules/cart/cart.service';
import { PaymentService } from '../modules/payment/payment.service';

const BATCH = 200;

interface StaleSession {
  session_id: string;
  cart_id: string;
  /** As text: a JS Date would drop the microseconds, and the cursor would read the row again. */
  updated_at: string;
}

/**
 * Releases what abandoned checkouts hold: payment sessions still pending, requiring more or
 * authorized, untouched for PAYMENT_SESSION_TTL_HOURS, on the payment collection of a cart that
 * was never completed, are ended through the payment module (an authorization is canceled with its
 * provider, which releases the hold on the shopper's card). Each session is ended with its cart
 * row locked, the lock checkout takes first: a completion in progress finishes before, and a
 * completed cart is left alone. A provider that refuses is logged; the next run tries again.
 */
@ScheduledJob({ id: 'expire-payment-sessions', cron: '*/15 * * * *' })
export class ExpirePaymentSessionsJob implements ScheduledJobHandler {
  private readonly logger = new Logger('ExpirePaymentSessions');

  constructor(
    private readonly orm: MikroORM,
    private readonly carts: CartService,
    private readonly payments: PaymentService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(): Promise<void> {
    const hours = this.config.jobs.paymentSessionTtlHours;
    if (hours === 0) return;
    let expired = 0;
    let failed = 0;
    // a cursor over (updated_at, id): sessions skipped or failed are not read again in this run
    let after: StaleSession | undefined;
    for (;;) {
      const stale = await this.staleSessions(hours, after);
      if (!stale.length) break;
      after = stale[stale.length - 1];
      for (const { session_id, cart_id } of stale) {
        try {
          if (await this.expire(session_id, cart_id)) expired += 1;
        } catch (error) {
          failed += 1;
          this.logger.warn({ err: error, session: session_id, cart: cart_id }, `Could not expire payment session ${session_id}`);
        }
      }
    }
    if (expired || failed) this.logger.log({ expired, failed }, `Expired ${expired} stale payment sessions (${failed} failed)`);
  }

  /** Sessions past the TTL on collections of carts not completed (the link tables are read directly). */
  private staleSessions(hours: number, after?: StaleSession): Promise<StaleSession[]> {
    return (this.orm.em.fork() as EntityManager).getConnection().execute<StaleSession[]>(
      `select s.id as session_id, l.cart_id, s.updated_at::text as updated_at
         from payment_session s
         join cart_payment_collection l on l.payment_collection_id = s.payment_collection_id
         join cart c on c.id = l.cart_id
        where s.deleted_at is null
          and s.status in ('pending', 'requires_more', 'authorized')
          and s.updated_at < now() - make_interval(hours => ?)
          and c.completed_at is null
          and (s.updated_at, s.id) > (?::timestamptz, ?)
        order by s.updated_at, s.id
        limit ${BATCH}`,
      [hours, after?.updated_at ?? '-infinity', after?.session_id ?? ''],
    );
  }

  private expire(sessionId: string, cartId: string): Promise<boolean> {
    return inTransaction(systemContext(this.orm.em as EntityManager), async (tx) => {
      let completed: boolean;
      try {
        completed = (await this.carts.lockForCompletion(tx, cartId)).completed_at !== null;
      } catch (error) {
        // a deleted cart is abandoned too: end its session without the lock nobody else takes
        if (!SthenoError.isSthenoError(error) || error.type !== 'not_found') throw error;
        completed = false;
      }
      if (completed) return false;
      return this.payments.expireSession(tx, sessionId);
    });
  }
}
