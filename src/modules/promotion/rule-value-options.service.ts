import { Injectable } from '@nestjs/common';
import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import { ListQuery } from '../../framework/http/list-query';
import { CurrencyService } from '../currency/currency.service';
import { ProductService } from '../product/product.service';
import { RegionService } from '../region/region.service';
import type { PromotionRuleView, RuleType } from './promotion.types';
import { ruleAttributeOptions, sourceOfPath, ValueSource, valueSource } from './rule-attributes';

export interface ValueOptionsQuery {
  q?: string;
  /** Only these values (to label the values of stored rules). */
  value?: string[];
  limit: number;
  offset: number;
}

export interface ValueOption {
  value: string;
  label: string;
}

/**
 * The values an admin may pick for a rule attribute, read from the real data through the owning
 * modules' facades. Customer groups are not offered yet: the customer module is being built in
 * parallel and has no facade to read them from.
 */
@Injectable()
export class RuleValueOptionsService {
  constructor(
    private readonly regions: RegionService,
    private readonly currencies: CurrencyService,
    private readonly products: ProductService,
  ) {}

  async list(ctx: Context, ruleType: RuleType, attributeId: string, query: ValueOptionsQuery): Promise<ValueOption[]> {
    return this.fromSource(ctx, valueSource(ruleType, attributeId), query);
  }

  /** The rules with Medusa's display fields: attribute and operator labels, labelled values. */
  async hydrate(ctx: Context, ruleType: RuleType, rules: PromotionRuleView[], context: { promotion_type?: string; application_method_type?: string }) {
    const attributes = ruleAttributeOptions(ruleType, context);
    const result = [];
    for (const rule of rules) {
      const attribute = attributes.find((a) => a.value === rule.attribute);
      const source = sourceOfPath(rule.attribute);
      const values = rule.values.map((v) => v.value);
      let labels = new Map<string, string>();
      if (source && source.source !== 'customer_group' && values.length) {
        labels = new Map((await this.fromSource(ctx, source.source, { value: values, limit: values.length, offset: 0 })).map((o) => [o.value, o.label]));
      }
      const operator = attribute?.operators.find((o) => o.value === rule.operator);
      result.push({
        ...rule,
        attribute_label: attribute?.label ?? rule.attribute,
        operator_label: operator?.label ?? rule.operator,
        field_type: attribute?.field_type ?? 'multiselect',
        required: attribute?.required ?? false,
        disguised: attribute?.disguised ?? false,
        hydrate: attribute?.hydrate ?? false,
        values: rule.values.map((v) => ({ ...v, label: labels.get(v.value) ?? v.value })),
      });
    }
    return result;
  }

  private async fromSource(ctx: Context, source: ValueSource, query: ValueOptionsQuery): Promise<ValueOption[]> {
    const ids = query.value?.length ? query.value : undefined;
    switch (source) {
      case 'region': {
        const [rows] = await this.regions.list(ctx, listQuery(query, ids ? { id: { $in: ids } } : {}, 'name'));
        return rows.map((r) => ({ value: r.id, label: r.name }));
      }
      case 'currency': {
        const [rows] = await this.currencies.list(ctx, listQuery(query, ids ? { code: { $in: ids } } : {}, 'code'));
        return rows.map((c) => ({ value: c.code, label: c.code.toUpperCase() }));
      }
      case 'product': {
        const [rows] = await this.products.list(ctx, {
          filters: ids ? { id: { $in: ids } } : {},
          q: query.q,
          limit: query.limit,
          offset: query.offset,
          order: [{ field: 'title', direction: 'ASC' }],
          relations: [],
        });
        return rows.map((p) => ({ value: p.id, label: p.title }));
      }
      case 'collection':
      case 'category':
      case 'type':
      case 'tag':
        return this.products.taxonomyLabels(ctx, source, { ids, q: query.q, limit: query.limit, offset: query.offset });
      case 'customer_group':
        throw SthenoError.invalidData('Rule value options for customer groups are not available yet: enter customer group ids directly');
    }
  }
}

function listQuery(query: ValueOptionsQuery, filters: Record<string, unknown>, orderBy: string): ListQuery {
  return {
    limit: query.limit,
    offset: query.offset,
    order: [{ field: orderBy, direction: 'ASC' }],
    fields: { fields: [], relations: [], requested: false },
    filters,
    q: query.q,
    extra: {},
  };
}
