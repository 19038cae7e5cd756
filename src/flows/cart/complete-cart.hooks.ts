import { Injectable } from '@nestjs/common';
import { Context } from '../../framework/context/context';

/** What the `orderCreated` hook receives: the order just placed and the cart it came from. */
export interface OrderCreatedHookInput {
  order_id: string;
  cart_id: string;
}

export type OrderCreatedHandler = (input: OrderCreatedHookInput, ctx: Context) => Promise<void>;

/**
 * Extension points of cart completion (Medusa's `completeCartWorkflow.hooks`). `orderCreated` runs
 * last, inside checkout's transaction, after the order is written and the payment authorized: a
 * handler that throws undoes the whole checkout (rollback, then the authorization is cancelled).
 * Plugins register handlers at boot; nothing is registered by default.
 */
@Injectable()
export class CompleteCartHooks {
  private readonly orderCreatedHandlers: OrderCreatedHandler[] = [];

  /** Registers a handler; returns a function that removes it. */
  orderCreated(handler: OrderCreatedHandler): () => void {
    this.orderCreatedHandlers.push(handler);
    return () => {
      const index = this.orderCreatedHandlers.indexOf(handler);
      if (index >= 0) this.orderCreatedHandlers.splice(index, 1);
    };
  }

  async runOrderCreated(input: OrderCreatedHookInput, ctx: Context): Promise<void> {
    for (const handler of [...this.orderCreatedHandlers]) await handler(input, ctx);
  }
}
