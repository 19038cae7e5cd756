import { createFlow, createStep } from '../../framework/flows/flow';
import { AuthService } from '../../modules/auth/auth.service';
import { CustomerService } from '../../modules/customer/customer.service';
import type { CreateCustomerInput, CustomerView } from '../../modules/customer/customer.types';

export interface CustomerAccountServices {
  customers: CustomerService;
  auth: AuthService;
}

export interface CreateCustomerAccountInput {
  authIdentityId: string;
  customer: Omit<CreateCustomerInput, 'id' | 'has_account' | 'created_by'>;
}

/**
 * Store sign-up: the registered identity gets its customer (with an account), in one transaction.
 * The identity is linked first, to the id the customer will have: an identity that already has a
 * customer (a registration token used twice) is refused with 400 before anything else is checked,
 * as Medusa answers; a failure creating the customer (an email with an account) rolls the link back.
 */
export function createCustomerAccountFlow(services: CustomerAccountServices) {
  const createCustomer = createStep('create-customer-with-account', (input: CreateCustomerAccountInput['customer'] & { id: string }, ctx) =>
    services.customers.create(ctx, { ...input, has_account: true }),
  );
  const linkIdentity = createStep('link-identity-to-customer', async (input: { authIdentityId: string; customerId: string }, ctx) => {
    await services.auth.linkActor(ctx, input.authIdentityId, 'customer', input.customerId);
  });
  return createFlow('create-customer-account', async (run, input: CreateCustomerAccountInput) => {
    const customerId = services.customers.newCustomerId();
    await run(linkIdentity, { authIdentityId: input.authIdentityId, customerId });
    const customer: CustomerView = await run(createCustomer, { ...input.customer, id: customerId });
    return customer;
  });
}

/**
 * Removes a customer: the customer (with its addresses and memberships) goes, and its identity
 * loses the link with every token and session it held, so nobody keeps signing in as a deleted
 * customer (signing in again yields a token without a customer, which may create a new one).
 */
export function deleteCustomerFlow(services: CustomerAccountServices) {
  const deleteCustomer = createStep('delete-customer', async (customerId: string, ctx) => {
    await services.customers.delete(ctx, customerId);
  });
  const unlinkIdentity = createStep('unlink-identities-of-customer', async (customerId: string, ctx) => {
    await services.auth.unlinkActor(ctx, 'customer', customerId);
  });
  return createFlow('delete-customer', async (run, customerId: string) => {
    await run(deleteCustomer, customerId);
    await run(unlinkIdentity, customerId);
  });
}
