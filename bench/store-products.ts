/**
 * Store catalog reads under load (issue 4): 50 connections for N seconds on each scenario, against
 * a running server with a generated catalog (`stheno seed:catalog`, see docs/benchmarks.md).
 *
 *   node -r ./test/utils/swc-register.js bench/store-products.ts [--url http://127.0.0.1:9000]
 *     [--key pk_…] [--region reg_…] [--category pcat_…] [--q cotton] [--duration 10]
 *     [--connections 50] [--ids 500] [--scenarios list,search,category,product] [--warm]
 *
 * Whatever is not given is discovered through the API: the publishable key through the admin API
 * (logging in with --admin-email/--admin-password, by default the development seed's admin), the
 * region (the one in eur) through /store/regions, the category (handle t-shirts) through
 * /store/product-categories, and the ids for the by-id scenario from random pages of
 * /store/products. Prints one markdown table row per scenario: req/s, p50/p99 latency, non-2xx.
 * `--scenarios regions,region` runs the same machinery on the region routes (a smoke test).
 */
import autocannon from 'autocannon';
import { integerFlag, parseArgs } from '../src/framework/cli/args';

interface Scenario {
  name: string;
  /** A fixed path, or a new path for every request (random ids). */
  path: string | (() => string);
}

interface Setup {
  url: string;
  key: string;
  region: string;
  category?: string;
  q: string;
  productIds: string[];
  regionIds: string[];
}

const args = parseArgs(['bench', ...process.argv.slice(2)]);
const flag = (name: string, fallback?: string): string | undefined => {
  const value = args.flags[name];
  return typeof value === 'string' && value !== '' ? value : fallback;
};
const CATALOG_SCENARIOS = ['list', 'search', 'category', 'product'];
/** `--warm`: read every sampled product once before the by-id scenario (steady state, not first reads). */
const warm = args.flags.warm === true;
const wanted = (flag('scenarios') ?? CATALOG_SCENARIOS.join(',')).split(',').map((s) => s.trim());

async function getJson(setup: Pick<Setup, 'url'> & { key?: string }, path: string, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const response = await fetch(`${setup.url}${path}`, {
    headers: { ...(setup.key ? { 'x-publishable-api-key': setup.key } : {}), ...headers },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

async function discoverKey(url: string): Promise<string> {
  const email = flag('admin-email', 'admin@stheno.dev')!;
  const password = flag('admin-password', 'supersecret')!;
  const login = await fetch(`${url}/auth/user/emailpass`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`Admin login as ${email} failed (${login.status}): pass --key pk_… or --admin-email/--admin-password`);
  const { token } = (await login.json()) as { token: string };
  const keys = await getJson({ url }, '/admin/api-keys?type=publishable&limit=1&order=created_at', { authorization: `Bearer ${token}` });
  const [key] = keys.api_keys as Array<{ token: string }>;
  if (!key) throw new Error('No publishable API key: run `stheno seed` or pass --key');
  return key.token;
}

async function discover(): Promise<Setup> {
  const url = (flag('url') ?? process.env.BENCH_URL ?? 'http://127.0.0.1:9000').replace(/\/$/, '');
  const key = flag('key') ?? (await discoverKey(url));
  const regions = (await getJson({ url, key }, '/store/regions?limit=50')).regions as Array<{ id: string; currency_code: string }>;
  const region = flag('region') ?? (regions.find((r) => r.currency_code === 'eur') ?? regions[0])?.id;
  if (!region) throw new Error('No region: run `stheno seed` or pass --region');
  const setup: Setup = { url, key, region, q: flag('q', 'cotton')!, productIds: [], regionIds: regions.map((r) => r.id) };
  if (wanted.includes('category')) {
    setup.category = flag('category');
    if (!setup.category) {
      const found = await getJson({ url, key }, '/store/product-categories?handle=t-shirts&fields=id');
      setup.category = (found.product_categories as Array<{ id: string }>)[0]?.id;
      if (!setup.category) throw new Error('No category with handle t-shirts: generate the catalog or pass --category');
    }
  }
  if (wanted.includes('product')) setup.productIds = await sampleProductIds(setup, integerFlag(args, 'ids', { min: 1, max: 10000, fallback: 500 }));
  return setup;
}

/** Ids from pages spread over the whole catalog, so by-id reads do not all hit the same cached rows. */
async function sampleProductIds(setup: Setup, wantedIds: number): Promise<string[]> {
  const page = (offset: number) => getJson(setup, `/store/products?limit=100&offset=${offset}&fields=id&region_id=${setup.region}`);
  const first = await page(0);
  const count = first.count as number;
  const ids = new Set((first.products as Array<{ id: string }>).map((p) => p.id));
  for (let attempt = 0; ids.size < Math.min(wantedIds, count) && attempt < 50; attempt++) {
    const offset = Math.floor(Math.random() * Math.max(1, count - 100));
    for (const product of (await page(offset)).products as Array<{ id: string }>) ids.add(product.id);
  }
  if (!ids.size) throw new Error('The store lists no products: generate the catalog (stheno seed:catalog) first');
  return [...ids].slice(0, wantedIds);
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];

function scenarios(setup: Setup): Scenario[] {
  const list = `/store/products?limit=20&region_id=${setup.region}&fields=%2Bvariants.calculated_price`;
  const all: Scenario[] = [
    { name: 'list', path: list },
    { name: 'search', path: `${list}&q=${encodeURIComponent(setup.q)}` },
    { name: 'category', path: `${list}&category_id=${setup.category}` },
    { name: 'product', path: () => `/store/products/${pick(setup.productIds)}?region_id=${setup.region}` },
    { name: 'regions', path: '/store/regions' },
    { name: 'region', path: () => `/store/regions/${pick(setup.regionIds)}` },
  ];
  const unknown = wanted.filter((name) => !all.some((s) => s.name === name));
  if (unknown.length) throw new Error(`Unknown scenario(s) ${unknown.join(', ')}; known: ${all.map((s) => s.name).join(', ')}`);
  return wanted.map((name) => all.find((s) => s.name === name)!);
}

/** The path with ids replaced by placeholders, for the table. */
const describePath = (scenario: Scenario): string =>
  (typeof scenario.path === 'string' ? scenario.path : scenario.path())
    .replace(/\/(prod|reg)_[0-9A-Z]+/, '/:id')
    .replace(/reg_[0-9A-Z]+/, '{region}')
    .replace(/pcat_[0-9A-Z]+/, '{category}');

async function run(setup: Setup, scenario: Scenario, connections: number, duration: number): Promise<string> {
  // one request first: a route that is missing or failing is reported instead of measured
  const samplePath = typeof scenario.path === 'string' ? scenario.path : scenario.path();
  const probe = await fetch(`${setup.url}${samplePath}`, { headers: { 'x-publishable-api-key': setup.key } });
  if (!probe.ok) {
    return `| ${scenario.name} | \`GET ${describePath(scenario)}\` | answered ${probe.status}: ${(await probe.text()).slice(0, 120).replace(/\|/g, '/')} | | | |`;
  }
  const dynamic = scenario.path;
  if (warm && scenario.name === 'product') {
    // steady state: every sampled product read once before measuring, so no request is a first read
    for (const id of setup.productIds) {
      await fetch(`${setup.url}/store/products/${id}?region_id=${setup.region}`, { headers: { 'x-publishable-api-key': setup.key } });
    }
  }
  const result = await autocannon({
    url: setup.url,
    connections,
    duration,
    headers: { 'x-publishable-api-key': setup.key },
    requests: [
      typeof dynamic === 'string'
        ? { method: 'GET', path: dynamic }
        : { method: 'GET', setupRequest: (request) => ({ ...request, path: dynamic() }) },
    ],
  });
  const requestsPerSecond = result.requests.average.toFixed(0);
  return `| ${scenario.name} | \`GET ${describePath(scenario)}\` | ${requestsPerSecond} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${result.non2xx}${result.errors ? ` (+${result.errors} errors)` : ''} |`;
}

async function main(): Promise<void> {
  const connections = integerFlag(args, 'connections', { min: 1, max: 1000, fallback: 50 });
  const duration = integerFlag(args, 'duration', { min: 1, max: 600, fallback: 10 });
  const setup = await discover();
  const chosen = scenarios(setup);
  console.error(`${setup.url}: region ${setup.region}${setup.category ? `, category ${setup.category}` : ''}, q=${setup.q}, ` +
    `${setup.productIds.length} product ids; ${connections} connections × ${duration} s per scenario`);
  const rows: string[] = [];
  for (const scenario of chosen) {
    console.error(`running ${scenario.name}…`);
    rows.push(await run(setup, scenario, connections, duration));
  }
  console.log('| scenario | request | req/s | p50 | p99 | non-2xx |');
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
