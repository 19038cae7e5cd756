import { Context } from '../../framework/context/context';
import { SthenoError } from '../../framework/errors/stheno-error';
import type { CartFlowServices } from './cart-flow.types';

/** Every code must name an active promotion (Medusa's message otherwise); one read for all codes. */
export async function assertCodesValid(services: CartFlowServices, ctx: Context, codes: string[]): Promise<void> {
  const wanted = codes.map((c) => c.trim()).filter((c) => c);
  if (!wanted.length) return;
  const found = new Map((await services.promotions.listByCodes(ctx, wanted)).map((p) => [p.code.toLowerCase(), p]));
  const invalid = wanted.find((code) => found.get(code.toLowerCase())?.status !== 'active');
  if (invalid !== undefined) throw SthenoError.invalidData(`The promotion code ${invalid} is invalid`);
}

/** `codes` without duplicates (case-insensitive), first spelling kept. */
export function uniqueCodes(codes: string[]): string[] {
  const seen = new Set<string>();
  return codes.map((c) => c.trim()).filter((c) => c && !seen.has(c.toLowerCase()) && seen.add(c.toLowerCase()));
}
