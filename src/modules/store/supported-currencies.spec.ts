import { normalizeSupportedCurrencies, planSupportedCurrencies } from './supported-currencies';
import { invalidDataMessage } from '../../../test/utils/errors';

const current = [
  { id: 'stocur_eur', currency_code: 'eur', is_default: true },
  { id: 'stocur_usd', currency_code: 'usd', is_default: false },
];

describe('normalizeSupportedCurrencies', () => {
  it('lower-cases codes and reads a missing is_default as false', () => {
    expect(normalizeSupportedCurrencies([{ currency_code: 'EUR', is_default: true }, { currency_code: ' Usd ' }])).toEqual([
      { currency_code: 'eur', is_default: true },
      { currency_code: 'usd', is_default: false },
    ]);
  });

  it('accepts an empty list, which has no default', () => {
    expect(normalizeSupportedCurrencies([])).toEqual([]);
  });

  it('refuses a list without a default', () => {
    expect(invalidDataMessage(() => normalizeSupportedCurrencies([{ currency_code: 'eur' }]))).toBe(
      'One of the supported currencies must be the default (is_default: true)',
    );
  });

  it('refuses two defaults, naming them', () => {
    const message = invalidDataMessage(() =>
      normalizeSupportedCurrencies([
        { currency_code: 'eur', is_default: true },
        { currency_code: 'usd', is_default: true },
      ]),
    );
    expect(message).toBe('Only one supported currency can be the default, got 2: eur, usd');
  });

  it('refuses a code listed twice, whatever its case', () => {
    expect(invalidDataMessage(() => normalizeSupportedCurrencies([{ currency_code: 'eur', is_default: true }, { currency_code: 'EUR' }]))).toBe(
      'Currency with code: eur is listed more than once',
    );
  });
});

describe('planSupportedCurrencies', () => {
  it('changes nothing when the list is the current one', () => {
    expect(planSupportedCurrencies(current, [{ currency_code: 'usd' }, { currency_code: 'eur', is_default: true }])).toEqual({
      create: [],
      update: [],
      remove: [],
    });
  });

  it('moves the default by updating the kept rows in place', () => {
    expect(planSupportedCurrencies(current, [{ currency_code: 'eur' }, { currency_code: 'usd', is_default: true }])).toEqual({
      create: [],
      update: [
        { id: 'stocur_eur', is_default: false },
        { id: 'stocur_usd', is_default: true },
      ],
      remove: [],
    });
  });

  it('creates the new currencies and removes the ones left out', () => {
    expect(planSupportedCurrencies(current, [{ currency_code: 'eur', is_default: true }, { currency_code: 'gbp' }])).toEqual({
      create: [{ currency_code: 'gbp', is_default: false }],
      update: [],
      remove: ['stocur_usd'],
    });
  });

  it('removes every currency for an empty list', () => {
    expect(planSupportedCurrencies(current, [])).toEqual({ create: [], update: [], remove: ['stocur_eur', 'stocur_usd'] });
  });
});
