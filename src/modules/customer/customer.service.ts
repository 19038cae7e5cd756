import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { Context, inTransaction } from '../../framework/context/context';
import { generateId } from '../../framework/database/ids';
import { preparedQuery } from '../../framework/database/prepared';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus, outboxCteIf } from '../../framework/events/event-bus.service';
import { ListQuery } from '../../framework/http/list-query';
import { CustomerAddresses } from './customer-addresses.service';
import { CustomerGroups } from './customer-groups.service';
import {
  CreateCustomerInput,
  CustomerAddressInput,
  CustomerAddressView,
  CustomerEvents,
  CustomerRelations,
  CustomerView,
  LinkChanges,
  UpdateCustomerInput,
} from './customer.types';
import { normalizeEmail, toCustomerView } from './customer-views';
import { Customer } from './entities/customer.entity';

/** The list filter on group membership (`groups=cusgroup_…`), answered with a subquery. */
export const GROUPS_FILTER = 'groups';

const CUSTOMER_SEARCH = ['email', 'first_name', 'last_name', 'company_name'];

const customerNotFound = (id: string) => SthenoError.notFound(`Customer with id: ${id} was not found`);

const duplicateEmail = (email: string, hasAccount: boolean) =>
  new SthenoError('duplicate_error', `Customer with email: ${email}, has_account: ${hasAccount}, already exists.`);

/**
 * The customer module's facade: customers, their address books and their groups.
 * Email rule (Medusa's): at most one live customer per (email, has_account): one registered account
 * per email, and one guest record per email, which guest checkouts reuse (`guestIdFor`).
 */
@Injectable()
export class CustomerService {
  constructor(
    private readonly events: EventBus,
    private readonly addresses: CustomerAddresses,
    private readonly groups: CustomerGroups,
  ) {}

  // ---- customers ----

  /** Relations are loaded for the whole page at once, only when `query.fields` selects them. */
  async list(ctx: Context, query: ListQuery): Promise<[CustomerView[], number]> {
    const { [GROUPS_FILTER]: groupCondition, ...filters } = query.filters;
    if (groupCondition !== undefined) {
      const members = this.groups.membersOf(ctx, groupIdsOfCondition(groupCondition));
      filters.$and = [...((filters.$and as unknown[]) ?? []), { id: { $in: members } }];
    }
    const [rows, count] = await findPage(ctx, Customer, { ...query, filters }, CUSTOMER_SEARCH);
    return [await this.toViews(ctx, rows, relationsOf(query.fields.relations)), count];
  }

  async retrieve(ctx: Context, id: string, relations: CustomerRelations = {}): Promise<CustomerView> {
    const [view] = await this.toViews(ctx, [await this.load(ctx, id)], relations);
    return view;
  }

  /** Throws not_found when no live customer has this id. */
  async assertExist(ctx: Context, id: string): Promise<void> {
    if (!(await ctx.em.count(Customer, { id }))) throw customerNotFound(id);
  }

  /** A fresh customer id, for `create({ id })`. */
  newCustomerId(): string {
    return generateId(Customer.idPrefix);
  }

  async create(ctx: Context, input: CreateCustomerInput): Promise<CustomerView> {
    return inTransaction(ctx, async (tx) => {
      const email = normalizeEmail(input.email);
      const hasAccount = input.has_account ?? false;
      if (email) await this.assertEmailFree(tx, email, hasAccount);
      const customer = tx.em.create(Customer, {
        ...(input.id ? { id: input.id } : {}),
        email,
        company_name: input.company_name ?? null,
        first_name: input.first_name ?? null,
        last_name: input.last_name ?? null,
        phone: input.phone ?? null,
        metadata: input.metadata ?? null,
        has_account: hasAccount,
        created_by: input.created_by ?? null,
      });
      this.events.record(tx, CustomerEvents.CREATED, { id: customer.id });
      await tx.em.flush();
      return toCustomerView(customer);
    });
  }

  async update(ctx: Context, id: string, input: UpdateCustomerInput): Promise<CustomerView> {
    return inTransaction(ctx, async (tx) => {
      const customer = await this.load(tx, id, true);
      const { email: rawEmail, ...rest } = input;
      if (rawEmail !== undefined) {
        const email = normalizeEmail(rawEmail);
        if (email && email !== customer.email) await this.assertEmailFree(tx, email, customer.has_account);
        customer.email = email;
      }
      for (const [key, value] of Object.entries(rest)) {
        if (value !== undefined) (customer as unknown as Record<string, unknown>)[key] = value;
      }
      this.events.record(tx, CustomerEvents.UPDATED, { id });
      await tx.em.flush();
      return toCustomerView(customer);
    });
  }

  /**
   * Soft-deletes the customer with its addresses and memberships. Unlinking its auth identity is
   * the caller's (the delete flow's) business.
   */
  async delete(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const customer = await this.load(tx, id, true);
      customer.deleted_at = new Date();
      await tx.em.flush();
      await this.addresses.deleteAllOf(tx, [id]);
      await this.groups.removeAllMembershipsOf(tx, id);
      this.events.record(tx, CustomerEvents.DELETED, { id });
      await tx.em.flush();
    });
  }

  /**
   * The id of the guest customer of an email (a guest checkout), created when there is none: one
   * statement, which inserts the guest or, when the email has one, reads it. Safe under
   * concurrency: two checkouts with one new email end with one guest row, both get it (the
   * statement's snapshot may predate a guest another transaction just committed, which the
   * insert saw as a conflict: then a second read finds it).
   */
  async guestIdFor(ctx: Context, rawEmail: string): Promise<string> {
    const email = normalizeEmail(rawEmail)!;
    return inTransaction(ctx, async (tx) => {
      const id = generateId(Customer.idPrefix);
      // customer.created is recorded by the same statement, only when it created the customer
      const [row] = await preparedQuery<{ id: string; created: boolean }>(
        tx,
        'stheno_guest_customer',
        `with created as (
           insert into customer (id, email, has_account) values (?, ?, false)
           on conflict (email, has_account) where deleted_at is null do nothing returning id),
         ${outboxCteIf('created')}
         select id, true as created from created
         union all
         select id, false from customer where email = ? and has_account = false and deleted_at is null and not exists (select 1 from created)
         limit 1`,
        [id, email, this.events.outboxRows(tx, [{ name: CustomerEvents.CREATED, data: { id } }]), email],
      );
      if (row) return row.id;
      return (await tx.em.findOneOrFail(Customer, { email, has_account: false }, { refresh: true })).id;
    });
  }

  // ---- groups of a customer ----

  /** Ids of the live groups the customer belongs to (pricing and promotion contexts); one statement. */
  async groupIdsOf(ctx: Context, customerId: string): Promise<string[]> {
    return this.groups.groupIdsOf(ctx, customerId);
  }

  /** `POST /admin/customers/:id/customer-groups`: every id is checked before anything changes. */
  async changeGroups(ctx: Context, customerId: string, changes: LinkChanges): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      await this.load(tx, customerId, true);
      await this.groups.assertGroupsExist(tx, [...(changes.add ?? []), ...(changes.remove ?? [])]);
      const pair = (groupId: string) => ({ customer_id: customerId, customer_group_id: groupId });
      await this.groups.changeMemberships(tx, unique(changes.add).map(pair), unique(changes.remove).map(pair), actorUser(tx));
    });
  }

  // ---- addresses ----

  async listAddresses(ctx: Context, customerId: string, query: ListQuery): Promise<[CustomerAddressView[], number]> {
    await this.assertExist(ctx, customerId);
    return this.addresses.list(ctx, customerId, query);
  }

  /** not_found unless the address is one of this customer's. */
  async retrieveAddress(ctx: Context, customerId: string, addressId: string): Promise<CustomerAddressView> {
    return this.addresses.retrieve(ctx, customerId, addressId);
  }

  async createAddress(ctx: Context, customerId: string, input: CustomerAddressInput): Promise<CustomerAddressView> {
    return this.addresses.create(ctx, customerId, input);
  }

  async updateAddress(ctx: Context, customerId: string, addressId: string, input: CustomerAddressInput): Promise<CustomerAddressView> {
    return this.addresses.update(ctx, customerId, addressId, input);
  }

  async deleteAddress(ctx: Context, customerId: string, addressId: string): Promise<void> {
    await this.addresses.delete(ctx, customerId, addressId);
  }

  // ---- internals ----

  private async assertEmailFree(ctx: Context, email: string, hasAccount: boolean): Promise<void> {
    if (await ctx.em.count(Customer, { email, has_account: hasAccount })) throw duplicateEmail(email, hasAccount);
  }

  /** `forUpdate`: lock the row, so an update and a delete of one customer take turns. */
  private async load(ctx: Context, id: string, forUpdate = false): Promise<Customer> {
    const customer = await ctx.em.findOne(Customer, { id }, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!customer) throw customerNotFound(id);
    return customer;
  }

  private async toViews(ctx: Context, customers: Customer[], relations: CustomerRelations): Promise<CustomerView[]> {
    const ids = customers.map((c) => c.id);
    const addresses = relations.addresses ? await this.addresses.addressesOf(ctx, ids) : null;
    const groups = relations.groups ? await this.groups.groupsOf(ctx, ids) : null;
    return customers.map((customer) => {
      const view = toCustomerView(customer);
      if (addresses) view.addresses = addresses.get(customer.id) ?? [];
      if (groups) view.groups = groups.get(customer.id) ?? [];
      return view;
    });
  }
}

/** Which relations a resolved field selection needs. */
export function relationsOf(relations: readonly string[]): CustomerRelations {
  return { addresses: relations.includes('addresses'), groups: relations.includes('groups') };
}

function unique(ids: string[] | undefined): string[] {
  return [...new Set(ids ?? [])];
}

/** The admin user behind a request, recorded as `created_by`. */
export function actorUser(ctx: Context): string | null {
  return ctx.actor?.type === 'user' ? ctx.actor.id : null;
}

/** `groups=a` → ['a']; `groups=a&groups=b` / `groups[$in]=…` → the list. */
function groupIdsOfCondition(condition: unknown): string[] {
  if (typeof condition === 'string') return [condition];
  if (condition && typeof condition === 'object') {
    const { $in, $eq } = condition as { $in?: unknown; $eq?: unknown };
    if (Array.isArray($in)) return $in.map(String);
    if (typeof $eq === 'string') return [$eq];
  }
  throw SthenoError.invalidData("Invalid value for filter 'groups'");
}
