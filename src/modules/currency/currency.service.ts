import { Injectable } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { ListQuery } from '../../framework/http/list-query';
import { CurrencyView } from './currency.types';
import { Currency } from './entities/currency.entity';

function toView(currency: Currency): CurrencyView {
  return {
    code: currency.code,
    symbol: currency.symbol,
    symbol_native: currency.symbol_native,
    decimal_digits: currency.decimal_digits,
    rounding: Number(currency.rounding),
    name: currency.name,
    created_at: currency.created_at!.toISOString(),
    updated_at: currency.updated_at!.toISOString(),
  };
}

/** The currency module's facade: the read-only ISO 4217 list. */
@Injectable()
export class CurrencyService {
  async list(ctx: Context, query: ListQuery): Promise<[CurrencyView[], number]> {
    const [rows, count] = await findPage(ctx, Currency, query, ['code', 'name']);
    return [rows.map(toView), count];
  }

  async retrieve(ctx: Context, code: string): Promise<CurrencyView> {
    const currency = await ctx.em.findOne(Currency, { code: code.toLowerCase() });
    if (!currency) throw SthenoError.notFound(`Currency with code: ${code} was not found`);
    return toView(currency);
  }

  /** Throws invalid_data naming the first code that is not an ISO 4217 currency. */
  async assertExist(ctx: Context, codes: string[]): Promise<void> {
    const wanted = [...new Set(codes.map((c) => c.toLowerCase()))];
    if (!wanted.length) return;
    const found = new Set((await ctx.em.find(Currency, { code: { $in: wanted } }, { fields: ['code'] })).map((c) => c.code));
    const missing = wanted.find((code) => !found.has(code));
    if (missing) throw SthenoError.invalidData(`Currency with code: ${missing} does not exist`);
  }
}
