export interface CurrencyView {
  code: string;
  symbol: string;
  symbol_native: string;
  decimal_digits: number;
  rounding: number;
  name: string;
  created_at: string;
  updated_at: string;
}
