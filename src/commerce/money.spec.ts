import Decimal from 'decimal.js';
import {
  decimalString,
  parseDecimal,
  rawAmount,
  rawAmountOrNull,
  roundMoney,
  sumDecimals,
  toWireNumber,
  toWireNumberOrNull,
} from './money';

describe('rawAmount', () => {
  it("mirrors Medusa's raw object with an exact, normalised decimal string", () => {
    expect(rawAmount('10.5000')).toEqual({ value: '10.5', precision: 20 });
    expect(rawAmount(10)).toEqual({ value: '10', precision: 20 });
    expect(rawAmount(new Decimal('0.1').plus('0.2'))).toEqual({ value: '0.3', precision: 20 });
  });

  it('never prints an exponent or a negative zero', () => {
    expect(decimalString('1e-7')).toBe('0.0000001');
    expect(decimalString('1e21')).toBe('1000000000000000000000');
    expect(decimalString(-0)).toBe('0');
    expect(decimalString('-0.000')).toBe('0');
    expect(decimalString('-2.50')).toBe('-2.5');
  });

  it('keeps null as null', () => {
    expect(rawAmountOrNull(null)).toBeNull();
    expect(rawAmountOrNull(undefined)).toBeNull();
    expect(rawAmountOrNull('3')).toEqual({ value: '3', precision: 20 });
  });
});

describe('toWireNumber / roundMoney', () => {
  it('converts stored amounts as they are when no decimals are given', () => {
    expect(toWireNumber('9.999999')).toBe(9.999999);
    expect(toWireNumber(new Decimal('10.5000'))).toBe(10.5);
    expect(toWireNumber('-0')).toBe(0);
    expect(Object.is(toWireNumber('-0'), 0)).toBe(true);
  });

  it('rounds half away from zero to the given minor unit', () => {
    expect(toWireNumber('0.125', 2)).toBe(0.13);
    expect(toWireNumber('0.124999', 2)).toBe(0.12);
    expect(toWireNumber('-0.125', 2)).toBe(-0.13);
    expect(toWireNumber('1234.5', 0)).toBe(1235);
    expect(roundMoney('8.4033613445378151261').toFixed()).toBe('8.4');
    expect(roundMoney('2.345', 3).toFixed()).toBe('2.345');
  });

  it('rounds to cents by default in roundMoney', () => {
    expect(roundMoney('0.005').toFixed()).toBe('0.01');
    expect(roundMoney('0.0049').toFixed()).toBe('0');
  });

  it('keeps null as null', () => {
    expect(toWireNumberOrNull(null)).toBeNull();
    expect(toWireNumberOrNull(undefined)).toBeNull();
    expect(toWireNumberOrNull('0.1')).toBe(0.1);
  });
});

describe('parseDecimal', () => {
  it.each([
    ['10', '10'],
    [' 10.50 ', '10.5'],
    ['-3', '-3'],
    ['+4.', '4'],
    ['.5', '0.5'],
    ['1e2', '100'],
    ['1.5E-3', '0.0015'],
  ])('reads the numeric string %j', (input, expected) => {
    expect(parseDecimal(input)?.toFixed()).toBe(expected);
  });

  it('reads finite numbers and Decimals', () => {
    expect(parseDecimal(0.1)?.toFixed()).toBe('0.1');
    expect(parseDecimal(new Decimal('7.25'))?.toFixed()).toBe('7.25');
  });

  it.each([[''], ['  '], ['abc'], ['10abc'], ['1,5'], ['0x10'], ['Infinity'], ['NaN'], ['.'], ['1e'], ['- 1']])(
    'refuses the string %j',
    (input) => {
      expect(parseDecimal(input)).toBeNull();
    },
  );

  it('refuses non-finite numbers, non-finite Decimals and other types', () => {
    expect(parseDecimal(Number.NaN)).toBeNull();
    expect(parseDecimal(Number.POSITIVE_INFINITY)).toBeNull();
    expect(parseDecimal(new Decimal(Infinity))).toBeNull();
    expect(parseDecimal(null)).toBeNull();
    expect(parseDecimal(undefined)).toBeNull();
    expect(parseDecimal({ value: '1' })).toBeNull();
    expect(parseDecimal(true)).toBeNull();
  });
});

describe('sumDecimals', () => {
  it('adds exactly and gives 0 for nothing', () => {
    expect(sumDecimals([]).toFixed()).toBe('0');
    expect(sumDecimals(['0.1', 0.2, new Decimal('0.3')]).toFixed()).toBe('0.6');
  });
});
