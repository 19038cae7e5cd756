import { createFlow, createStep } from '../../framework/flows/flow';
import { VariantPriceSetLinks } from '../../links/variant-price-set.service';
import { PricingService } from '../../modules/pricing/pricing.service';
import { ProductService } from '../../modules/product/product.service';

export interface RemovePriceListProductsServices {
  products: ProductService;
  pricing: PricingService;
  priceSetLinks: VariantPriceSetLinks;
}

export interface RemovePriceListProductsInput {
  priceListId: string;
  productIds: string[];
}

/**
 * Removes from a price list every price it holds for the products' variants (Medusa's
 * `POST /admin/price-lists/:id/products {remove}`). The products must exist; variants without a
 * price set simply have nothing to remove. One transaction.
 */
export function removePriceListProductsFlow(services: RemovePriceListProductsServices) {
  const priceSetsOfProducts = createStep('price-sets-of-products', async (productIds: string[], ctx) => {
    await services.products.assertExist(ctx, productIds);
    const variantIds = [...(await services.products.variantIdsOf(ctx, productIds)).values()].flat();
    return [...(await services.priceSetLinks.priceSetsOf(ctx, variantIds)).values()];
  });
  const removeListPrices = createStep('remove-price-list-prices', async (input: { priceListId: string; priceSetIds: string[] }, ctx) => {
    await services.pricing.removePriceListPrices(ctx, input.priceListId, input.priceSetIds);
  });
  return createFlow('remove-price-list-products', async (run, input: RemovePriceListProductsInput) => {
    const priceSetIds = await run(priceSetsOfProducts, input.productIds);
    await run(removeListPrices, { priceListId: input.priceListId, priceSetIds });
  });
}
