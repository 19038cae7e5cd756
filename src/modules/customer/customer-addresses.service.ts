import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { Context, inTransaction } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { ListQuery } from '../../framework/http/list-query';
import { CustomerAddress } from './entities/customer-address.entity';
import { Customer } from './entities/customer.entity';
import { CustomerAddressInput, CustomerAddressView } from './customer.types';
import { toAddressView } from './customer-views';

const ADDRESS_SEARCH = ['address_name', 'company', 'first_name', 'last_name', 'address_1', 'address_2', 'city', 'province', 'postal_code'];

const addressNotFound = (id: string) => SthenoError.notFound(`Address with id: ${id} was not found`);

/** Country codes are stored lower-case; the other fields as given. */
function normalized(input: CustomerAddressInput): CustomerAddressInput {
  const { country_code, ...rest } = input;
  return country_code === undefined ? rest : { ...rest, country_code: country_code === null ? null : country_code.trim().toLowerCase() };
}

/**
 * A customer's address book (internal to the customer module). Every read and write is scoped to
 * one customer: an address of another customer is "not found", never forbidden, and never touched.
 * Writes lock the customer's row first, so two concurrent "make this my default" requests take
 * turns and each clears the previous default before setting its own.
 */
@Injectable()
export class CustomerAddresses {
  async list(ctx: Context, customerId: string, query: ListQuery): Promise<[CustomerAddressView[], number]> {
    const [rows, count] = await findPage(ctx, CustomerAddress, { ...query, filters: { ...query.filters, customer_id: customerId } }, ADDRESS_SEARCH);
    return [rows.map(toAddressView), count];
  }

  async retrieve(ctx: Context, customerId: string, addressId: string): Promise<CustomerAddressView> {
    return toAddressView(await this.load(ctx, customerId, addressId));
  }

  async create(ctx: Context, customerId: string, input: CustomerAddressInput): Promise<CustomerAddressView> {
    return inTransaction(ctx, async (tx) => {
      await this.lockCustomer(tx, customerId);
      const data = normalized(input);
      const address = tx.em.create(CustomerAddress, {
        ...data,
        customer_id: customerId,
        is_default_shipping: data.is_default_shipping ?? false,
        is_default_billing: data.is_default_billing ?? false,
        metadata: data.metadata ?? null,
      });
      await this.clearOtherDefaults(tx, customerId, address.id, data);
      await tx.em.flush();
      return toAddressView(address);
    });
  }

  async update(ctx: Context, customerId: string, addressId: string, input: CustomerAddressInput): Promise<CustomerAddressView> {
    return inTransaction(ctx, async (tx) => {
      await this.lockCustomer(tx, customerId);
      const address = await this.load(tx, customerId, addressId);
      const data = normalized(input);
      await this.clearOtherDefaults(tx, customerId, addressId, data);
      tx.em.assign(address, data);
      await tx.em.flush();
      return toAddressView(address);
    });
  }

  async delete(ctx: Context, customerId: string, addressId: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      await this.lockCustomer(tx, customerId);
      const address = await this.load(tx, customerId, addressId);
      address.deleted_at = new Date();
      // a deleted address is nobody's default
      address.is_default_shipping = false;
      address.is_default_billing = false;
      await tx.em.flush();
    });
  }

  /** Soft-deletes every address of the customers (their customer is being deleted). */
  async deleteAllOf(ctx: Context, customerIds: string[]): Promise<void> {
    await ctx.em.nativeUpdate(
      CustomerAddress,
      { customer_id: { $in: customerIds } },
      { deleted_at: new Date(), is_default_shipping: false, is_default_billing: false },
    );
  }

  /** The addresses of each customer, oldest first (one statement). */
  async addressesOf(ctx: Context, customerIds: readonly string[]): Promise<Map<string, CustomerAddressView[]>> {
    const byCustomer = new Map<string, CustomerAddressView[]>(customerIds.map((id) => [id, []]));
    if (!customerIds.length) return byCustomer;
    const rows = await ctx.em.find(CustomerAddress, { customer_id: { $in: [...customerIds] } }, { orderBy: [{ created_at: 'ASC' }, { id: 'ASC' }] });
    for (const row of rows) byCustomer.get(row.customer_id)?.push(toAddressView(row));
    return byCustomer;
  }

  /** Setting a default unsets the customer's previous one (the partial unique index allows one). */
  private async clearOtherDefaults(tx: Context, customerId: string, addressId: string, input: CustomerAddressInput): Promise<void> {
    const flags: Array<'is_default_shipping' | 'is_default_billing'> = [];
    if (input.is_default_shipping) flags.push('is_default_shipping');
    if (input.is_default_billing) flags.push('is_default_billing');
    for (const flag of flags) {
      await tx.em.nativeUpdate(CustomerAddress, { customer_id: customerId, id: { $ne: addressId }, [flag]: true }, { [flag]: false, updated_at: new Date() });
    }
  }

  private async lockCustomer(tx: Context, customerId: string): Promise<void> {
    const customer = await tx.em.findOne(Customer, { id: customerId }, { lockMode: LockMode.PESSIMISTIC_WRITE, fields: ['id'] });
    if (!customer) throw SthenoError.notFound(`Customer with id: ${customerId} was not found`);
  }

  private async load(ctx: Context, customerId: string, addressId: string): Promise<CustomerAddress> {
    const address = await ctx.em.findOne(CustomerAddress, { id: addressId, customer_id: customerId });
    if (!address) throw addressNotFound(addressId);
    return address;
  }
}
