import { assertPostalExpression, geoZoneMatches, postalCodeMatches } from './geo-matcher';
import { ruleMatches, rulesMatch } from './rule-matcher';

const zone = (over: Partial<Parameters<typeof geoZoneMatches>[0]>) => ({
  type: 'country',
  country_code: 'dk',
  province_code: null,
  city: null,
  postal_expression: null,
  ...over,
});

describe('geoZoneMatches', () => {
  it('matches a country zone on the country only, any case', () => {
    expect(geoZoneMatches(zone({}), { country_code: 'DK' })).toBe(true);
    expect(geoZoneMatches(zone({}), { country_code: 'se' })).toBe(false);
    expect(geoZoneMatches(zone({}), { country_code: '' })).toBe(false);
  });

  it('matches a province zone on country and province', () => {
    const z = zone({ type: 'province', country_code: 'us', province_code: 'us-ca' });
    expect(geoZoneMatches(z, { country_code: 'us', province_code: 'US-CA' })).toBe(true);
    expect(geoZoneMatches(z, { country_code: 'us', province_code: 'us-ny' })).toBe(false);
    expect(geoZoneMatches(z, { country_code: 'us' })).toBe(false);
  });

  it('matches a city zone on the city, and on the province when the zone names one', () => {
    const z = zone({ type: 'city', city: 'Copenhagen' });
    expect(geoZoneMatches(z, { country_code: 'dk', city: ' copenhagen ' })).toBe(true);
    expect(geoZoneMatches(z, { country_code: 'dk', city: 'Aarhus' })).toBe(false);
    const withProvince = zone({ type: 'city', city: 'Springfield', country_code: 'us', province_code: 'us-il' });
    expect(geoZoneMatches(withProvince, { country_code: 'us', city: 'Springfield', province_code: 'us-mo' })).toBe(false);
    expect(geoZoneMatches(withProvince, { country_code: 'us', city: 'Springfield', province_code: 'us-il' })).toBe(true);
  });

  it('matches a zip zone through its postal expression', () => {
    const z = zone({ type: 'zip', postal_expression: { prefix: ['21', '22'] } });
    expect(geoZoneMatches(z, { country_code: 'dk', postal_code: '2200' })).toBe(true);
    expect(geoZoneMatches(z, { country_code: 'dk', postal_code: '8000' })).toBe(false);
    expect(geoZoneMatches(z, { country_code: 'dk' })).toBe(false);
    expect(geoZoneMatches(z, { country_code: 'se', postal_code: '2200' })).toBe(false);
  });

  it('reads the three postal expression forms', () => {
    expect(postalCodeMatches({ in: ['SW1A 1AA'] }, 'sw1a1aa')).toBe(true);
    expect(postalCodeMatches({ in: ['SW1A 1AA'] }, 'SW1A 2AA')).toBe(false);
    expect(postalCodeMatches({ prefix: 'SW1' }, 'sw1a 1aa')).toBe(true);
    expect(postalCodeMatches({ regex: '^[0-9]{4}$' }, '2200')).toBe(true);
    expect(postalCodeMatches({ regex: '^[0-9]{4}$' }, '22000')).toBe(false);
  });

  it('refuses malformed postal expressions', () => {
    expect(() => assertPostalExpression({ in: ['2200'] })).not.toThrow();
    expect(() => assertPostalExpression({ regex: '(' })).toThrow(/not a valid regular expression/);
    expect(() => assertPostalExpression({ in: [] })).toThrow(/postal_expression must be/);
    expect(() => assertPostalExpression({ prefix: 'a', in: ['b'] })).toThrow(/postal_expression must be/);
    expect(() => assertPostalExpression('2200')).toThrow(/postal_expression must be/);
  });
});

describe('ruleMatches', () => {
  const ctx = { is_return: 'false', enabled_in_store: true, total: 120, customer: { groups: [{ id: 'g1' }, { id: 'g2' }] } };

  it('compares strings, booleans and numbers as strings for eq/ne', () => {
    expect(ruleMatches({ attribute: 'enabled_in_store', operator: 'eq', value: 'true' }, ctx)).toBe(true);
    expect(ruleMatches({ attribute: 'is_return', operator: 'eq', value: 'true' }, ctx)).toBe(false);
    expect(ruleMatches({ attribute: 'is_return', operator: 'ne', value: 'true' }, ctx)).toBe(true);
  });

  it('walks dotted paths through arrays for in/nin', () => {
    expect(ruleMatches({ attribute: 'customer.groups.id', operator: 'in', value: ['g2', 'g9'] }, ctx)).toBe(true);
    expect(ruleMatches({ attribute: 'customer.groups.id', operator: 'nin', value: ['g2'] }, ctx)).toBe(false);
    expect(ruleMatches({ attribute: 'customer.groups.id', operator: 'eq', value: 'g3' }, ctx)).toBe(false);
  });

  it('compares numerically for gt/gte/lt/lte, never matching non-numbers', () => {
    expect(ruleMatches({ attribute: 'total', operator: 'gt', value: '100' }, ctx)).toBe(true);
    expect(ruleMatches({ attribute: 'total', operator: 'gte', value: '120' }, ctx)).toBe(true);
    expect(ruleMatches({ attribute: 'total', operator: 'lt', value: '120' }, ctx)).toBe(false);
    expect(ruleMatches({ attribute: 'total', operator: 'lte', value: '120.00' }, ctx)).toBe(true);
    expect(ruleMatches({ attribute: 'is_return', operator: 'gt', value: '1' }, ctx)).toBe(false);
  });

  it('treats an absent attribute as no value', () => {
    expect(ruleMatches({ attribute: 'missing', operator: 'eq', value: 'x' }, ctx)).toBe(false);
    expect(ruleMatches({ attribute: 'missing', operator: 'nin', value: ['x'] }, ctx)).toBe(true);
  });

  it('requires every rule, skipping ignored attributes', () => {
    const rules = [
      { attribute: 'enabled_in_store', operator: 'eq', value: 'false' },
      { attribute: 'is_return', operator: 'eq', value: 'false' },
    ];
    expect(rulesMatch(rules, ctx)).toBe(false);
    expect(rulesMatch(rules, ctx, new Set(['enabled_in_store']))).toBe(true);
  });
});
