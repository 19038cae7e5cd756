import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { Context, inTransaction } from '../../framework/context/context';
import { generateId } from '../../framework/database/ids';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { ListQuery } from '../../framework/http/list-query';
import { CustomerGroupCustomer } from './entities/customer-group-customer.entity';
import { CustomerGroup } from './entities/customer-group.entity';
import { Customer } from './entities/customer.entity';
import { CreateCustomerGroupInput, CustomerGroupView, LinkChanges, UpdateCustomerGroupInput } from './customer.types';
import { toCustomerView, toGroupView } from './customer-views';

const groupNotFound = (id: string) => SthenoError.notFound(`Customer group with id: ${id} was not found`);
const customerNotFound = (id: string) => SthenoError.notFound(`Customer with id: ${id} was not found`);

/** A membership to add or remove. */
export interface Membership {
  customer_id: string;
  customer_group_id: string;
}

/**
 * Customer groups and memberships (internal to the customer module; other modules go through
 * CustomerService). Memberships of deleted groups or customers are removed with them, so a
 * membership row always names two live records.
 */
@Injectable()
export class CustomerGroups {
  async list(ctx: Context, query: ListQuery): Promise<[CustomerGroupView[], number]> {
    const [rows, count] = await findPage(ctx, CustomerGroup, query, ['name']);
    return [await this.toViews(ctx, rows, query.fields.relations.includes('customers')), count];
  }

  async retrieve(ctx: Context, id: string, withCustomers = false): Promise<CustomerGroupView> {
    const [view] = await this.toViews(ctx, [await this.load(ctx, id)], withCustomers);
    return view;
  }

  async create(ctx: Context, input: CreateCustomerGroupInput): Promise<CustomerGroupView> {
    return inTransaction(ctx, async (tx) => {
      await this.assertNameFree(tx, input.name);
      const group = tx.em.create(CustomerGroup, { name: input.name, metadata: input.metadata ?? null, created_by: input.created_by ?? null });
      await tx.em.flush();
      return toGroupView(group);
    });
  }

  async update(ctx: Context, id: string, input: UpdateCustomerGroupInput): Promise<CustomerGroupView> {
    return inTransaction(ctx, async (tx) => {
      const group = await this.load(tx, id, true);
      if (input.name !== undefined && input.name !== group.name) {
        await this.assertNameFree(tx, input.name);
        group.name = input.name;
      }
      if (input.metadata !== undefined) group.metadata = input.metadata;
      await tx.em.flush();
      return toGroupView(group);
    });
  }

  /** Soft-deletes the group; its memberships go (customers leave it). */
  async delete(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const group = await this.load(tx, id, true);
      group.deleted_at = new Date();
      await tx.em.flush();
      await tx.em.nativeDelete(CustomerGroupCustomer, { customer_group_id: id });
    });
  }

  /** `POST /admin/customer-groups/:id/customers`: every id is checked before anything changes. */
  async changeCustomers(ctx: Context, groupId: string, changes: LinkChanges): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      await this.load(tx, groupId, true);
      await this.assertCustomersExist(tx, [...(changes.add ?? []), ...(changes.remove ?? [])]);
      const pair = (customerId: string): Membership => ({ customer_id: customerId, customer_group_id: groupId });
      const createdBy = tx.actor?.type === 'user' ? tx.actor.id : null;
      await this.changeMemberships(tx, [...new Set(changes.add ?? [])].map(pair), [...new Set(changes.remove ?? [])].map(pair), createdBy);
    });
  }

  /** Throws not_found naming the first id that is not a live group. */
  async assertGroupsExist(ctx: Context, ids: readonly string[]): Promise<void> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return;
    const found = await ctx.em.find(CustomerGroup, { id: { $in: wanted } }, { fields: ['id'] });
    const known = new Set(found.map((g) => g.id));
    const missing = wanted.find((id) => !known.has(id));
    if (missing) throw groupNotFound(missing);
  }

  async assertCustomersExist(ctx: Context, ids: readonly string[]): Promise<void> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return;
    const found = await ctx.em.find(Customer, { id: { $in: wanted } }, { fields: ['id'] });
    const known = new Set(found.map((c) => c.id));
    const missing = wanted.find((id) => !known.has(id));
    if (missing) throw customerNotFound(missing);
  }

  /** Adds memberships (existing ones are kept as they are) and removes others, in one transaction. */
  async changeMemberships(ctx: Context, add: Membership[], remove: Membership[], createdBy: string | null): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      if (remove.length) {
        await tx.em.execute(
          `delete from customer_group_customer m
            using jsonb_to_recordset(?::jsonb) as r(customer_id text, customer_group_id text)
            where m.customer_id = r.customer_id and m.customer_group_id = r.customer_group_id`,
          [JSON.stringify(remove)],
        );
      }
      if (add.length) {
        const rows = add.map((m) => ({ id: generateId(CustomerGroupCustomer.idPrefix), ...m, created_by: createdBy }));
        // two admins adding the same member at once: the index keeps one row, the other is a no-op
        await tx.em.execute(
          `insert into customer_group_customer (id, customer_id, customer_group_id, created_by)
            select id, customer_id, customer_group_id, created_by
              from jsonb_to_recordset(?::jsonb) as r(id text, customer_id text, customer_group_id text, created_by text)
            on conflict (customer_id, customer_group_id) where deleted_at is null do nothing`,
          [JSON.stringify(rows)],
        );
      }
    });
  }

  /** A subquery of the ids of the groups' members, for a customer list filter. */
  membersOf(ctx: Context, groupIds: string[]) {
    return ctx.em
      .createQueryBuilder(CustomerGroupCustomer, 'm')
      .select('m.customer_id')
      .where({ customer_group_id: { $in: groupIds }, deleted_at: null })
      .getKnexQuery();
  }

  /** The customer leaves every group (it is being deleted). */
  async removeAllMembershipsOf(ctx: Context, customerId: string): Promise<void> {
    await ctx.em.nativeDelete(CustomerGroupCustomer, { customer_id: customerId });
  }

  /** Ids of the live groups the customer belongs to, sorted (one statement). */
  async groupIdsOf(ctx: Context, customerId: string): Promise<string[]> {
    const rows = await ctx.em.execute<Array<{ id: string }>>(
      `select g.id from customer_group_customer m
         join customer_group g on g.id = m.customer_group_id and g.deleted_at is null
        where m.customer_id = ? and m.deleted_at is null
        order by g.id`,
      [customerId],
    );
    return rows.map((r) => r.id);
  }

  /** The live groups of each customer, by name (two statements for any number of customers). */
  async groupsOf(ctx: Context, customerIds: readonly string[]): Promise<Map<string, CustomerGroupView[]>> {
    const byCustomer = new Map<string, CustomerGroupView[]>(customerIds.map((id) => [id, []]));
    if (!customerIds.length) return byCustomer;
    const memberships = await ctx.em.find(CustomerGroupCustomer, { customer_id: { $in: [...customerIds] } }, { fields: ['customer_id', 'customer_group_id'] });
    if (!memberships.length) return byCustomer;
    const groups = await ctx.em.find(
      CustomerGroup,
      { id: { $in: [...new Set(memberships.map((m) => m.customer_group_id))] } },
      { orderBy: [{ name: 'ASC' }, { id: 'ASC' }] },
    );
    const rank = new Map(groups.map((g, i) => [g.id, i]));
    const views = new Map(groups.map((g) => [g.id, toGroupView(g)]));
    const sorted = [...memberships].sort((a, b) => (rank.get(a.customer_group_id) ?? 0) - (rank.get(b.customer_group_id) ?? 0));
    for (const m of sorted) {
      const view = views.get(m.customer_group_id);
      if (view) byCustomer.get(m.customer_id)?.push(view);
    }
    return byCustomer;
  }

  private async toViews(ctx: Context, groups: CustomerGroup[], withCustomers: boolean): Promise<CustomerGroupView[]> {
    const views = groups.map(toGroupView);
    if (!withCustomers || !groups.length) return views;
    const memberships = await ctx.em.find(CustomerGroupCustomer, { customer_group_id: { $in: groups.map((g) => g.id) } }, { fields: ['customer_id', 'customer_group_id'] });
    const customers = memberships.length
      ? await ctx.em.find(Customer, { id: { $in: [...new Set(memberships.map((m) => m.customer_id))] } }, { orderBy: [{ created_at: 'ASC' }, { id: 'ASC' }] })
      : [];
    const byGroup = new Map(groups.map((g) => [g.id, new Set<string>()]));
    for (const m of memberships) byGroup.get(m.customer_group_id)?.add(m.customer_id);
    for (const view of views) {
      const members = byGroup.get(view.id)!;
      view.customers = customers.filter((c) => members.has(c.id)).map(toCustomerView);
    }
    return views;
  }

  private async load(ctx: Context, id: string, forUpdate = false): Promise<CustomerGroup> {
    const group = await ctx.em.findOne(CustomerGroup, { id }, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!group) throw groupNotFound(id);
    return group;
  }

  private async assertNameFree(ctx: Context, name: string): Promise<void> {
    if (await ctx.em.count(CustomerGroup, { name })) {
      throw new SthenoError('duplicate_error', `Customer group with name: ${name}, already exists.`);
    }
  }
}
