import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/core';
import { Context, inTransaction } from '../../framework/context/context';
import { preparedQuery } from '../../framework/database/prepared';
import { findPage } from '../../framework/database/find-page';
import { SthenoError } from '../../framework/errors/stheno-error';
import { EventBus } from '../../framework/events/event-bus.service';
import { ListQuery } from '../../framework/http/list-query';
import { CurrencyService } from '../currency/currency.service';
import { Country } from './entities/country.entity';
import { Region } from './entities/region.entity';
import { CountryView, CreateRegionInput, PricingRegion, RegionEvents, RegionView, UpdateRegionInput } from './region.types';

function toCountryView(country: Country): CountryView {
  return {
    iso_2: country.iso_2,
    iso_3: country.iso_3,
    num_code: country.num_code,
    name: country.name,
    display_name: country.display_name,
    region_id: country.region_id,
    metadata: country.metadata,
    created_at: country.created_at!.toISOString(),
    updated_at: country.updated_at!.toISOString(),
    deleted_at: country.deleted_at?.toISOString() ?? null,
  };
}

function toRegionView(region: Region, countries: CountryView[]): RegionView {
  return {
    id: region.id,
    name: region.name,
    currency_code: region.currency_code,
    automatic_taxes: region.automatic_taxes,
    metadata: region.metadata,
    created_at: region.created_at.toISOString(),
    updated_at: region.updated_at.toISOString(),
    deleted_at: region.deleted_at?.toISOString() ?? null,
    countries,
  };
}

/**
 * The region `idSql` names (an SQL expression) with its countries (ordered as the ORM reads order
 * them) as one JSON document `{region, countries}`, null when there is none: a subquery other reads
 * embed (the cart state) and `retrieve` runs alone. `regionFromDocument` makes the view of it.
 */
export function regionDocumentSql(idSql: string): string {
  return `(select jsonb_build_object('region', to_jsonb(r), 'countries',
    coalesce((select jsonb_agg(to_jsonb(c) order by c.display_name, c.iso_2) from region_country c
      where c.region_id = r.id and c.deleted_at is null), '[]'::jsonb))
  from region r where r.id = ${idSql} and r.deleted_at is null)`;
}

export type RegionDocument = { region: Record<string, unknown>; countries: Array<Record<string, unknown>> };

const REGION_SQL = `select ${regionDocumentSql('?')} as doc`;

const isoOf = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(value as string).toISOString());

/** The view of a `regionDocumentSql` document. */
export function regionFromDocument(doc: RegionDocument): RegionView {
  const r = doc.region;
  return {
    id: r.id as string,
    name: r.name as string,
    currency_code: r.currency_code as string,
    automatic_taxes: r.automatic_taxes as boolean,
    metadata: (r.metadata as Record<string, unknown> | null) ?? null,
    created_at: isoOf(r.created_at)!,
    updated_at: isoOf(r.updated_at)!,
    deleted_at: isoOf(r.deleted_at),
    countries: doc.countries.map((c) => ({
      iso_2: c.iso_2 as string,
      iso_3: c.iso_3 as string,
      num_code: c.num_code as string,
      name: c.name as string,
      display_name: c.display_name as string,
      region_id: (c.region_id as string | null) ?? null,
      metadata: (c.metadata as Record<string, unknown> | null) ?? null,
      created_at: isoOf(c.created_at)!,
      updated_at: isoOf(c.updated_at)!,
      deleted_at: isoOf(c.deleted_at),
    })),
  };
}

/** Lower-cased, trimmed and deduplicated, in the order given. */
function normalizeCountryCodes(codes: readonly string[]): string[] {
  return [...new Set(codes.map((code) => code.trim().toLowerCase()))];
}

/** The region module's facade: regions and the ISO 3166-1 countries they sell to. */
@Injectable()
export class RegionService {
  constructor(
    private readonly events: EventBus,
    private readonly currencies: CurrencyService,
  ) {}

  /** Countries are loaded (in one query for the page) only when `query.fields` selects them. */
  async list(ctx: Context, query: ListQuery): Promise<[RegionView[], number]> {
    const [rows, count] = await findPage(ctx, Region, query, ['name']);
    const withCountries = query.fields.relations.includes('countries');
    return [await this.toViews(ctx, rows, withCountries), count];
  }

  /** The region with its countries: one statement (every store cart response and cart change reads it). */
  async retrieve(ctx: Context, id: string): Promise<RegionView> {
    const [row] = await preparedQuery<{ doc: RegionDocument | null }>(ctx, 'stheno_region', REGION_SQL, [id]);
    if (!row?.doc) throw SthenoError.notFound(`Region with id: ${id} was not found`);
    return regionFromDocument(row.doc);
  }

  async create(ctx: Context, input: CreateRegionInput): Promise<RegionView> {
    return inTransaction(ctx, async (tx) => {
      const currencyCode = input.currency_code.toLowerCase();
      await this.currencies.assertExist(tx, [currencyCode]);
      const region = tx.em.create(Region, {
        name: input.name,
        currency_code: currencyCode,
        automatic_taxes: input.automatic_taxes ?? true,
        metadata: input.metadata ?? null,
      });
      if (input.countries?.length) await this.assignCountries(tx, region.id, input.countries);
      this.events.record(tx, RegionEvents.CREATED, { id: region.id });
      await tx.em.flush();
      const [view] = await this.toViews(tx, [region], true);
      return view;
    });
  }

  async update(ctx: Context, id: string, input: UpdateRegionInput): Promise<RegionView> {
    return inTransaction(ctx, async (tx) => {
      const region = await this.load(tx, id, true);
      if (input.currency_code !== undefined) {
        const currencyCode = input.currency_code.toLowerCase();
        await this.currencies.assertExist(tx, [currencyCode]);
        region.currency_code = currencyCode;
      }
      if (input.name !== undefined) region.name = input.name;
      if (input.automatic_taxes !== undefined) region.automatic_taxes = input.automatic_taxes;
      if (input.metadata !== undefined) region.metadata = input.metadata;
      if (input.countries !== undefined) await this.replaceCountries(tx, id, input.countries);
      this.events.record(tx, RegionEvents.UPDATED, { id });
      await tx.em.flush();
      const [view] = await this.toViews(tx, [region], true);
      return view;
    });
  }

  /** Soft-deletes the region and frees its countries for other regions. */
  async delete(ctx: Context, id: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const region = await this.load(tx, id, true);
      region.deleted_at = new Date();
      await tx.em.nativeUpdate(Country, { region_id: id }, { region_id: null, updated_at: new Date() });
      this.events.record(tx, RegionEvents.DELETED, { id });
      await tx.em.flush();
    });
  }

  /**
   * The region prices are shown for (storefront pricing context): `region_id`'s when given, else the
   * region selling to `country_code`. One statement; null when no such region exists.
   */
  async pricingRegion(ctx: Context, input: { region_id?: string; country_code?: string }): Promise<PricingRegion | null> {
    const [row] = input.region_id
      ? await ctx.em.execute<PricingRegion[]>(
          'select r.id, r.currency_code from region r where r.id = ? and r.deleted_at is null',
          [input.region_id],
        )
      : await ctx.em.execute<PricingRegion[]>(
          `select r.id, r.currency_code from region_country c join region r on r.id = c.region_id and r.deleted_at is null
            where c.iso_2 = ? and c.deleted_at is null`,
          [(input.country_code ?? '').trim().toLowerCase()],
        );
    return row ? { id: row.id, currency_code: row.currency_code } : null;
  }

  /** Throws not_found when no (undeleted) region has this id. */
  async assertExist(ctx: Context, id: string): Promise<void> {
    const found = await ctx.em.count(Region, { id });
    if (!found) throw SthenoError.notFound(`Region with id: ${id} was not found`);
  }

  /** `forUpdate`: lock the row, so an update and a delete of one region take turns. */
  private async load(ctx: Context, id: string, forUpdate = false): Promise<Region> {
    const region = await ctx.em.findOne(Region, { id }, forUpdate ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!region) throw SthenoError.notFound(`Region with id: ${id} was not found`);
    return region;
  }

  /** Views of `regions`, with their countries read in one query for all of them. */
  private async toViews(ctx: Context, regions: Region[], withCountries: boolean): Promise<RegionView[]> {
    const byRegion = new Map<string, CountryView[]>(regions.map((r) => [r.id, []]));
    if (withCountries && regions.length) {
      const countries = await ctx.em.find(
        Country,
        { region_id: { $in: regions.map((r) => r.id) }, deleted_at: null },
        // the rows may be managed already with an older region_id (a conditional update bypasses the identity map)
        { orderBy: [{ display_name: 'ASC' }, { iso_2: 'ASC' }], refresh: true },
      );
      for (const country of countries) byRegion.get(country.region_id!)?.push(toCountryView(country));
    }
    return regions.map((region) => toRegionView(region, byRegion.get(region.id) ?? []));
  }

  /** Makes `codes` exactly the region's countries: the others it had are freed. */
  private async replaceCountries(tx: Context, regionId: string, codes: readonly string[]): Promise<void> {
    const wanted = normalizeCountryCodes(codes);
    const release: FilterQuery<Country> = wanted.length
      ? { region_id: regionId, iso_2: { $nin: wanted } }
      : { region_id: regionId };
    await tx.em.nativeUpdate(Country, release, { region_id: null, updated_at: new Date() });
    if (wanted.length) await this.assignCountries(tx, regionId, wanted);
  }

  /**
   * Gives the countries to the region. The update only takes rows that are free or already this
   * region's, and locks them: of two transactions racing for a country, the second waits for the
   * first, then finds the row taken and updates fewer rows than it asked for.
   */
  private async assignCountries(tx: Context, regionId: string, codes: readonly string[]): Promise<void> {
    const wanted = normalizeCountryCodes(codes);
    const known = await tx.em.find(
      Country,
      { iso_2: { $in: wanted }, deleted_at: null },
      { fields: ['iso_2'], disableIdentityMap: true },
    );
    const knownCodes = new Set(known.map((c) => c.iso_2));
    const unknown = wanted.filter((code) => !knownCodes.has(code));
    if (unknown.length) throw SthenoError.invalidData(`Countries with codes: ${unknown.join(', ')} do not exist`);

    const taken = await tx.em.nativeUpdate(
      Country,
      { iso_2: { $in: wanted }, $or: [{ region_id: null }, { region_id: regionId }] },
      { region_id: regionId, updated_at: new Date() },
    );
    if (taken === wanted.length) return;
    const elsewhere = await tx.em.find(
      Country,
      { iso_2: { $in: wanted }, region_id: { $ne: regionId } },
      { fields: ['iso_2'], orderBy: { iso_2: 'ASC' }, disableIdentityMap: true },
    );
    const names = elsewhere.map((c) => c.iso_2).join(', ');
    throw SthenoError.invalidData(`Countries with codes: ${names} are already assigned to a region`);
  }
}
