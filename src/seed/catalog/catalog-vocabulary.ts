/**
 * The words the catalog generator builds products from: a fixed taxonomy (collections, types, tags,
 * a category tree) and product kinds that say which category, type, options and price range fit.
 * Only the choices among these depend on the seed.
 */

export type OptionTitle = 'Size' | 'Color' | 'Material';

export interface CategoryNode {
  handle: string;
  name: string;
  description: string;
  children?: CategoryNode[];
}

export const CATEGORY_TREE: CategoryNode[] = [
  {
    handle: 'clothing',
    name: 'Clothing',
    description: 'Everyday clothing made to last.',
    children: [
      {
        handle: 'clothing-tops',
        name: 'Tops',
        description: 'T-shirts, shirts, sweatshirts and knits.',
        children: [
          { handle: 't-shirts', name: 'T-Shirts', description: 'Short and long sleeve tees.' },
          { handle: 'hoodies-sweatshirts', name: 'Hoodies & Sweatshirts', description: 'Soft layers for cooler days.' },
          { handle: 'shirts', name: 'Shirts', description: 'Oxford, flannel and linen shirts.' },
          { handle: 'knitwear', name: 'Knitwear', description: 'Sweaters and cardigans.' },
        ],
      },
      {
        handle: 'clothing-bottoms',
        name: 'Bottoms',
        description: 'Trousers, jeans and shorts.',
        children: [
          { handle: 'trousers', name: 'Trousers', description: 'Chinos, joggers and jeans.' },
          { handle: 'shorts', name: 'Shorts', description: 'For warm days and the water.' },
        ],
      },
      { handle: 'outerwear', name: 'Outerwear', description: 'Jackets and coats for every weather.' },
    ],
  },
  {
    handle: 'footwear',
    name: 'Footwear',
    description: 'Shoes and boots.',
    children: [
      { handle: 'sneakers', name: 'Sneakers', description: 'Everyday sneakers and runners.' },
      { handle: 'boots', name: 'Boots', description: 'Chelsea, hiking and winter boots.' },
      { handle: 'sandals-loafers', name: 'Sandals & Loafers', description: 'Easy shoes for summer.' },
    ],
  },
  {
    handle: 'accessories',
    name: 'Accessories',
    description: 'Bags, hats and small leather goods.',
    children: [
      { handle: 'bags', name: 'Bags', description: 'Backpacks, totes and duffels.' },
      { handle: 'headwear', name: 'Headwear', description: 'Beanies, caps and hats.' },
      { handle: 'small-leather-goods', name: 'Small Leather Goods', description: 'Wallets, card holders and belts.' },
    ],
  },
  {
    handle: 'home-living',
    name: 'Home & Living',
    description: 'Things for the home.',
    children: [
      { handle: 'kitchen-dining', name: 'Kitchen & Dining', description: 'Mugs, bowls and plates.' },
      { handle: 'decor', name: 'Decor', description: 'Candles, vases and pots.' },
      { handle: 'home-textiles', name: 'Home Textiles', description: 'Blankets, cushions and towels.' },
    ],
  },
  {
    handle: 'sports',
    name: 'Sports',
    description: 'Gear for training and the outdoors.',
    children: [
      { handle: 'activewear', name: 'Activewear', description: 'Tights, tops and training shorts.' },
      { handle: 'sports-equipment', name: 'Equipment', description: 'Mats, bottles and more.' },
    ],
  },
];

export const COLLECTIONS = [
  { handle: 'essentials', title: 'Essentials' },
  { handle: 'spring-summer', title: 'Spring / Summer' },
  { handle: 'autumn-winter', title: 'Autumn / Winter' },
  { handle: 'limited-edition', title: 'Limited Edition' },
  { handle: 'outdoor', title: 'Outdoor' },
  { handle: 'home-studio', title: 'Home Studio' },
] as const;

export const PRODUCT_TYPES = ['Apparel', 'Footwear', 'Accessories', 'Home', 'Sports'] as const;
export type ProductTypeName = (typeof PRODUCT_TYPES)[number];

export const TAGS = [
  'organic', 'recycled', 'vegan', 'bestseller', 'new-arrival', 'limited', 'handmade', 'waterproof',
  'lightweight', 'unisex', 'eco-friendly', 'fair-trade', 'gift-idea', 'breathable', 'premium', 'classic',
  'minimalist', 'vintage', 'oversized', 'slim-fit', 'stretch', 'windproof', 'insulated', 'machine-washable',
  'dishwasher-safe', 'travel', 'everyday', 'summer', 'winter', 'locally-made',
] as const;

const APPAREL_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const SHOE_SIZES = ['38', '39', '40', '41', '42', '43', '44', '45', '46'];
const OBJECT_SIZES = ['Small', 'Medium', 'Large'];

export const COLORS = [
  'Black', 'White', 'Navy', 'Grey', 'Olive', 'Sand', 'Burgundy', 'Forest Green', 'Sky Blue', 'Terracotta',
  'Charcoal', 'Cream', 'Mustard', 'Rust', 'Sage',
];

const FABRICS = ['Organic Cotton', 'Cotton', 'Linen', 'Merino Wool', 'Recycled Polyester', 'Hemp'];
const OUTER_FABRICS = ['Recycled Nylon', 'Waxed Cotton', 'Wool Blend', 'Ripstop'];
const LEATHERS = ['Leather', 'Suede', 'Vegan Leather', 'Canvas'];
const CERAMICS = ['Stoneware', 'Porcelain', 'Glass', 'Terracotta Clay'];
const HOME_FABRICS = ['Wool', 'Linen', 'Cotton', 'Velvet'];
const GEAR = ['Recycled Polyester', 'Natural Rubber', 'Stainless Steel', 'Cork'];

export interface ProductKind {
  noun: string;
  /** SKU prefix. */
  code: string;
  type: ProductTypeName;
  category: string;
  /** Options this kind can have, in display order; a product takes one, two or three of them. */
  options: OptionTitle[];
  sizes: string[];
  materials: string[];
  /** Base EUR price range (whole euros). */
  price: [number, number];
  /** Weight range in grams. */
  weight: [number, number];
}

const apparel = (noun: string, code: string, category: string, price: [number, number], materials = FABRICS): ProductKind => ({
  noun, code, type: 'Apparel', category, options: ['Size', 'Color', 'Material'], sizes: APPAREL_SIZES, materials, price, weight: [150, 900],
});

export const PRODUCT_KINDS: ProductKind[] = [
  apparel('T-Shirt', 'TSH', 't-shirts', [19, 39]),
  apparel('Long Sleeve Tee', 'LST', 't-shirts', [25, 45]),
  apparel('Hoodie', 'HOD', 'hoodies-sweatshirts', [49, 89]),
  apparel('Sweatshirt', 'SWT', 'hoodies-sweatshirts', [45, 79]),
  apparel('Oxford Shirt', 'OXS', 'shirts', [39, 79]),
  apparel('Flannel Shirt', 'FLS', 'shirts', [45, 85]),
  apparel('Knit Sweater', 'KNS', 'knitwear', [59, 129], ['Merino Wool', 'Lambswool', 'Cotton', 'Alpaca Blend']),
  apparel('Cardigan', 'CRD', 'knitwear', [65, 139], ['Merino Wool', 'Lambswool', 'Cotton', 'Alpaca Blend']),
  apparel('Chinos', 'CHN', 'trousers', [49, 99]),
  apparel('Joggers', 'JOG', 'trousers', [39, 79]),
  apparel('Jeans', 'JNS', 'trousers', [59, 129], ['Organic Denim', 'Selvedge Denim', 'Stretch Denim']),
  apparel('Shorts', 'SHO', 'shorts', [29, 59]),
  apparel('Swim Shorts', 'SWS', 'shorts', [35, 65], ['Recycled Polyester', 'Recycled Nylon']),
  apparel('Puffer Jacket', 'PUF', 'outerwear', [119, 249], OUTER_FABRICS),
  apparel('Rain Jacket', 'RNJ', 'outerwear', [89, 199], OUTER_FABRICS),
  apparel('Overshirt', 'OVS', 'outerwear', [69, 129], OUTER_FABRICS),
  ...(['Sneakers', 'Runners', 'Court Shoes'] as const).map((noun, i): ProductKind => ({
    noun, code: ['SNK', 'RUN', 'CRT'][i], type: 'Footwear', category: 'sneakers', options: ['Size', 'Color', 'Material'],
    sizes: SHOE_SIZES, materials: ['Leather', 'Suede', 'Knit', 'Canvas'], price: [69, 159], weight: [600, 1100],
  })),
  ...(['Chelsea Boots', 'Hiking Boots'] as const).map((noun, i): ProductKind => ({
    noun, code: ['CHB', 'HKB'][i], type: 'Footwear', category: 'boots', options: ['Size', 'Color', 'Material'],
    sizes: SHOE_SIZES, materials: LEATHERS, price: [119, 229], weight: [900, 1600],
  })),
  ...(['Sandals', 'Loafers'] as const).map((noun, i): ProductKind => ({
    noun, code: ['SND', 'LOF'][i], type: 'Footwear', category: 'sandals-loafers', options: ['Size', 'Color', 'Material'],
    sizes: SHOE_SIZES, materials: LEATHERS, price: [49, 139], weight: [400, 900],
  })),
  ...(['Backpack', 'Tote Bag', 'Duffel Bag', 'Crossbody Bag'] as const).map((noun, i): ProductKind => ({
    noun, code: ['BPK', 'TOT', 'DUF', 'XBG'][i], type: 'Accessories', category: 'bags', options: ['Color', 'Size', 'Material'],
    sizes: OBJECT_SIZES, materials: ['Canvas', 'Recycled Nylon', 'Leather', 'Waxed Cotton'], price: [39, 189], weight: [300, 1500],
  })),
  ...(['Beanie', 'Cap', 'Bucket Hat', 'Scarf'] as const).map((noun, i): ProductKind => ({
    noun, code: ['BNE', 'CAP', 'BKH', 'SCF'][i], type: 'Accessories', category: 'headwear', options: ['Color', 'Material', 'Size'],
    sizes: OBJECT_SIZES, materials: ['Merino Wool', 'Organic Cotton', 'Recycled Polyester', 'Cashmere Blend'], price: [19, 69], weight: [60, 250],
  })),
  ...(['Wallet', 'Card Holder', 'Belt'] as const).map((noun, i): ProductKind => ({
    noun, code: ['WAL', 'CRH', 'BLT'][i], type: 'Accessories', category: 'small-leather-goods', options: ['Color', 'Material', 'Size'],
    sizes: OBJECT_SIZES, materials: LEATHERS, price: [25, 99], weight: [50, 300],
  })),
  ...(['Mug', 'Serving Bowl', 'Dinner Plate', 'Teapot'] as const).map((noun, i): ProductKind => ({
    noun, code: ['MUG', 'BWL', 'PLT', 'TEA'][i], type: 'Home', category: 'kitchen-dining', options: ['Color', 'Size', 'Material'],
    sizes: OBJECT_SIZES, materials: CERAMICS, price: [12, 79], weight: [250, 1800],
  })),
  ...(['Scented Candle', 'Vase', 'Plant Pot'] as const).map((noun, i): ProductKind => ({
    noun, code: ['CND', 'VAS', 'POT'][i], type: 'Home', category: 'decor', options: ['Size', 'Color', 'Material'],
    sizes: OBJECT_SIZES, materials: CERAMICS, price: [15, 89], weight: [200, 2500],
  })),
  ...(['Throw Blanket', 'Cushion Cover', 'Tea Towel'] as const).map((noun, i): ProductKind => ({
    noun, code: ['THB', 'CSH', 'TWL'][i], type: 'Home', category: 'home-textiles', options: ['Color', 'Material', 'Size'],
    sizes: OBJECT_SIZES, materials: HOME_FABRICS, price: [14, 149], weight: [100, 1800],
  })),
  ...(['Running Tights', 'Training Top', 'Training Shorts'] as const).map((noun, i): ProductKind => ({
    noun, code: ['RTG', 'TTP', 'TSR'][i], type: 'Sports', category: 'activewear', options: ['Size', 'Color', 'Material'],
    sizes: APPAREL_SIZES, materials: ['Recycled Polyester', 'Merino Wool', 'Stretch Nylon'], price: [29, 79], weight: [120, 350],
  })),
  ...(['Yoga Mat', 'Water Bottle', 'Gym Bag'] as const).map((noun, i): ProductKind => ({
    noun, code: ['YGM', 'BTL', 'GYB'][i], type: 'Sports', category: 'sports-equipment', options: ['Color', 'Size', 'Material'],
    sizes: OBJECT_SIZES, materials: GEAR, price: [19, 89], weight: [300, 2500],
  })),
];

/** Product line names: the first word of a title ("Nordic Merino Wool Hoodie"). */
export const LINES = [
  'Everyday', 'Classic', 'Alpine', 'Coastal', 'Urban', 'Nordic', 'Heritage', 'Studio', 'Trail', 'Harbor',
  'Meadow', 'Summit', 'Canyon', 'Drift', 'Lumen', 'Ember', 'Tidal', 'Sierra', 'Boreal', 'Atlas',
  'Orbit', 'Willow', 'Cedar', 'Granite', 'Aurora', 'Solstice', 'Breeze', 'Nomad', 'Haven', 'Vista',
  'Fjord', 'Dune', 'Pacific', 'Highland', 'Metro', 'Riviera', 'Juniper', 'Basalt', 'Marlow', 'Kestrel',
];

export const SUBTITLES = [
  'Made to last', 'Limited run', 'Our best seller', 'Back in stock', 'Designed in Copenhagen',
  'Responsibly made', 'A customer favourite', 'New this season',
];

export const DESCRIPTION_OPENINGS = [
  'is a wardrobe staple that works for almost every day of the year',
  'brings a clean, modern look to everyday essentials',
  'is designed for comfort from the first wear',
  'combines timeless design with thoughtful details',
  'is built to keep up with busy days and long weekends',
  'pairs easily with everything else you own',
];

export const DESCRIPTION_BENEFITS = [
  'it feels soft, holds its shape and gets better with age',
  'it is durable, easy to care for and made to be repaired',
  'it is light enough for travel and tough enough for the outdoors',
  'it is finished by hand in small batches',
  'it was developed with our partners to reduce water and energy use',
];

export const DESCRIPTION_CLOSINGS = [
  'Ships in recyclable packaging.',
  'Free returns within 30 days.',
  'Covered by our two-year guarantee.',
  'Produced in a certified fair-trade facility.',
  'Care instructions are on the label.',
];

export const ORIGIN_COUNTRIES = ['pt', 'it', 'dk', 'se', 'de', 'es', 'tr', 'in', 'vn', 'gb'];

/** Rough rates from euro for regional prices in currencies other than eur and usd. */
export const RATES_FROM_EUR: Record<string, number> = { eur: 1, usd: 1.1, gbp: 0.86, dkk: 7.46, sek: 11.2, nok: 11.6, chf: 0.95, cad: 1.5, jpy: 160 };
