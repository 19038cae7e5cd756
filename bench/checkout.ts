/**
 * Cart and checkout under load (issue 5), against a running server with the demo seed (products in
 * stock, tax regions, shipping options, pp_system_default; see docs/benchmarks.md):
 *
 *   node -r ./test/utils/swc-register.js bench/checkout.ts [--url http://127.0.0.1:9000[,http://…]]
 *     [--key pk_…] [--region reg_…] [--country dk] [--scenarios add-item,checkout[,steps]]
 *     [--connections 20] [--duration 20] [--carts 200] [--lines-per-cart 3]
 *     [--users 20] [--checkout-duration 30] [--warmup 3] [--variants 24] [--min-stock 100000]
 *     [--purchases 300] [--pid <server pid>]
 *
 * - add-item: `--carts` carts are created up front, then autocannon sends
 *   `POST /store/carts/:id/line-items {variant_id, quantity: 1}` on `--connections` connections for
 *   `--duration` seconds. Request k goes to cart k mod N, and each cart only ever receives its own
 *   `--lines-per-cart` variants (rotating), so carts stay small and quantities grow slowly.
 * - checkout: `--users` virtual users each repeat the 8 calls of a purchase for `--checkout-duration`
 *   seconds: create cart → add item → email and addresses → list shipping options → add shipping
 *   method → create payment collection → create payment session → complete. Prints completed
 *   checkouts per second and p50/p99 of every step; a failing step is counted and its first answer
 *   shown.
 *
 * - steps (not run unless asked): what each of the 8 calls costs. `--purchases` carts go through the
 *   purchase one step at a time (every cart's step 1, then every cart's step 2 …, 10 calls at a
 *   time), twice (the first round warms the server up and is not reported). With `--pid` (the
 *   server's process, on the same Linux machine) it reads the CPU time of that process and of every
 *   `postgres` process from /proc before and after each step: CPU per call, whatever the latency.
 *
 * `--url` may list several servers of one deployment (server processes sharing a database, as
 * production runs them behind a load balancer): virtual users take them in turn, and add-item
 * splits its connections between them (one autocannon per server: req/s summed, p50/p99 the worst
 * server's). Setup goes through the first.
 *
 * Both run `--warmup` seconds of the same load first (not measured). Whatever is not given is
 * discovered through the API: the publishable key (admin login, by default the development seed's
 * admin), the region (the one in eur) and the variants (published products with a price in that
 * region); variants with less than `--min-stock` available get their stock raised through the admin
 * API, so stock never runs out during a run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { integerFlag, parseArgs } from '../src/framework/cli/args';
import { addressFor, call, HttpFailure, Purchase, Setup, STEPS } from './purchase';

const args = parseArgs(['bench', ...process.argv.slice(2)]);
const flag = (name: string, fallback?: string): string | undefined => {
  const value = args.flags[name];
  return typeof value === 'string' && value !== '' ? value : fallback;
};
const SCENARIOS = ['add-item', 'checkout', 'steps'];
const wanted = (flag('scenarios') ?? 'add-item,checkout').split(',').map((s) => s.trim());
const unknown = wanted.filter((s) => !SCENARIOS.includes(s));
if (unknown.length) {
  console.error(`Unknown scenario(s) ${unknown.join(', ')}; known: ${SCENARIOS.join(', ')}`);
  process.exit(1);
}

async function adminToken(url: string): Promise<string> {
  const email = flag('admin-email', 'admin@stheno.dev')!;
  const password = flag('admin-password', 'supersecret')!;
  try {
    return (await call({ url }, 'POST', '/auth/user/emailpass', { email, password })).token as string;
  } catch (error) {
    throw new Error(`Admin login as ${email} failed (${error instanceof HttpFailure ? error.status : String(error)}): pass --admin-email/--admin-password`, {
      cause: error,
    });
  }
}

interface StoreVariant {
  id: string;
  sku: string | null;
  manage_inventory: boolean;
  inventory_quantity?: number | null;
  calculated_price?: { calculated_amount: number | null } | null;
}

/** Variants priced in the region, from the first pages of the store's products. */
async function sampleVariants(setup: Setup, wantedCount: number): Promise<StoreVariant[]> {
  const variants: StoreVariant[] = [];
  for (let offset = 0; variants.length < wantedCount && offset < 2000; offset += 50) {
    const page = await call(
      setup,
      'GET',
      `/store/products?limit=50&offset=${offset}&region_id=${setup.region}&fields=id,*variants,%2Bvariants.calculated_price,%2Bvariants.inventory_quantity`,
    );
    const products = page.products as Array<{ variants?: StoreVariant[] }>;
    for (const product of products) {
      for (const variant of product.variants ?? []) if (variant.calculated_price?.calculated_amount != null) variants.push(variant);
    }
    if (products.length < 50) break;
  }
  if (!variants.length) throw new Error('The store sells no variant with a price in this region: start the server with the demo seed (SEED_DEMO_CATALOG=true)');
  return variants.slice(0, wantedCount);
}

/** Raises the stock of the variants that have less than `minStock` available at some location. */
async function ensureStock(setup: Setup, variants: StoreVariant[], minStock: number): Promise<void> {
  const low = variants.filter((v) => v.manage_inventory && (v.inventory_quantity ?? 0) < minStock);
  for (const variant of low) {
    if (!variant.sku) throw new Error(`Variant ${variant.id} has ${variant.inventory_quantity ?? 0} in stock and no SKU to find its inventory item by: raise its stock by hand`);
    const found = await call(setup, 'GET', `/admin/inventory-items?sku=${encodeURIComponent(variant.sku)}&fields=id,*location_levels`, undefined, true);
    for (const item of found.inventory_items as Array<{ id: string; location_levels?: Array<{ location_id: string; stocked_quantity: number; reserved_quantity: number }> }>) {
      for (const level of item.location_levels ?? []) {
        if (level.stocked_quantity - level.reserved_quantity >= minStock) continue;
        await call(setup, 'POST', `/admin/inventory-items/${item.id}/location-levels/${level.location_id}`, { stocked_quantity: level.reserved_quantity + minStock }, true);
      }
    }
  }
  if (low.length) console.error(`raised the stock of ${low.length} variant(s) to ${minStock} available`);
}

async function discover(): Promise<Setup> {
  const urls = (flag('url') ?? process.env.BENCH_URL ?? 'http://127.0.0.1:9000').split(',').map((u) => u.trim().replace(/\/$/, '')).filter(Boolean);
  const url = urls[0];
  const token = await adminToken(url);
  let key = flag('key');
  if (!key) {
    const keys = await call({ url, adminToken: token }, 'GET', '/admin/api-keys?type=publishable&limit=1&order=created_at', undefined, true);
    key = (keys.api_keys as Array<{ token: string }>)[0]?.token;
    if (!key) throw new Error('No publishable API key: run `stheno seed` or pass --key');
  }
  const regions = (await call({ url, key }, 'GET', '/store/regions?limit=50&fields=id,currency_code,*countries')).regions as Array<{
    id: string;
    currency_code: string;
    countries?: Array<{ iso_2: string }>;
  }>;
  const region = regions.find((r) => r.id === flag('region')) ?? (flag('region') ? undefined : (regions.find((r) => r.currency_code === 'eur') ?? regions[0]));
  if (!region) throw new Error(flag('region') ? `No region ${flag('region')}` : 'No region: run `stheno seed` or pass --region');
  const country = flag('country') ?? (region.countries?.some((c) => c.iso_2 === 'dk') ? 'dk' : region.countries?.[0]?.iso_2);
  if (!country) throw new Error(`Region ${region.id} has no country: pass --country`);
  const setup: Setup = { url, urls, key, adminToken: token, region: region.id, country, variantIds: [], providerId: 'pp_system_default' };
  const variants = await sampleVariants(setup, integerFlag(args, 'variants', { min: 1, max: 1000, fallback: 24 }));
  await ensureStock(setup, variants, integerFlag(args, 'min-stock', { min: 1, max: 100_000_000, fallback: 100_000 }));
  setup.variantIds = variants.map((v) => v.id);
  try {
    const providers = (await call(setup, 'GET', `/store/payment-providers?region_id=${setup.region}`)).payment_providers as Array<{ id: string }>;
    setup.providerId = flag('provider') ?? providers.find((p) => p.id === 'pp_system_default')?.id ?? providers[0]?.id ?? setup.providerId;
  } catch {
    // the checkout scenario reports what fails
  }
  return setup;
}

const percentile = (sorted: number[], p: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const ms = (value: number): string => (Number.isNaN(value) ? '–' : `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`);
const cell = (text: string): string => text.replace(/\|/g, '/').replace(/\s+/g, ' ');

// ---- add-item ----------------------------------------------------------------------------------

async function createCarts(setup: Setup, count: number): Promise<string[]> {
  const ids: string[] = [];
  const parallel = 10;
  for (let start = 0; start < count; start += parallel) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(parallel, count - start) }, () => call(setup, 'POST', '/store/carts?fields=id', { region_id: setup.region })),
    );
    for (const body of batch) ids.push((body.cart as { id: string }).id);
  }
  return ids;
}

async function addItemScenario(setup: Setup): Promise<string> {
  const connections = integerFlag(args, 'connections', { min: 1, max: 1000, fallback: 20 });
  const duration = integerFlag(args, 'duration', { min: 1, max: 600, fallback: 20 });
  const warmup = integerFlag(args, 'warmup', { min: 0, max: 600, fallback: 3 });
  const cartCount = integerFlag(args, 'carts', { min: 1, max: 100_000, fallback: 200 });
  const linesPerCart = Math.min(setup.variantIds.length, integerFlag(args, 'lines-per-cart', { min: 1, max: 100, fallback: 3 }));
  const request = 'POST /store/carts/:id/line-items';
  let carts: string[];
  try {
    carts = await createCarts(setup, cartCount);
  } catch (error) {
    return `| add-item | \`${request}\` | cart creation failed: ${cell(error instanceof Error ? error.message : String(error)).slice(0, 160)} | | | |`;
  }
  let counter = 0;
  /** Request k: cart k mod N, the cart's own variants in turn (cart c gets variants c … c+W-1). */
  const next = (): { path: string; body: string } => {
    const k = counter++;
    const cart = k % carts.length;
    const round = Math.floor(k / carts.length);
    const variant = setup.variantIds[(cart + (round % linesPerCart)) % setup.variantIds.length];
    return { path: `/store/carts/${carts[cart]}/line-items`, body: JSON.stringify({ variant_id: variant, quantity: 1 }) };
  };
  // one request first: a route that is missing or failing is reported instead of measured
  const probe = next();
  try {
    await call(setup, 'POST', probe.path, JSON.parse(probe.body));
  } catch (error) {
    const status = error instanceof HttpFailure ? `answered ${error.status}: ${cell(error.body).slice(0, 120)}` : String(error);
    return `| add-item | \`${request}\` | ${status} | | | |`;
  }
  /** One autocannon per server, the connections split between them, run at once. */
  const run = async (seconds: number) => {
    const shares = setup.urls.map((_, i) => Math.floor(connections / setup.urls.length) + (i < connections % setup.urls.length ? 1 : 0));
    const results = await Promise.all(
      setup.urls.flatMap((url, i) =>
        shares[i]
          ? [
              autocannon({
                url,
                connections: shares[i],
                duration: seconds,
                headers: { 'x-publishable-api-key': setup.key, 'content-type': 'application/json' },
                requests: [{ method: 'POST', setupRequest: (base) => ({ ...base, ...next() }) }],
              }),
            ]
          : [],
      ),
    );
    return {
      reqPerSecond: results.reduce((sum, r) => sum + r.requests.average, 0),
      p50: Math.max(...results.map((r) => r.latency.p50)),
      p99: Math.max(...results.map((r) => r.latency.p99)),
      non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
      errors: results.reduce((sum, r) => sum + (r.errors ?? 0), 0),
    };
  };
  if (warmup) await run(warmup);
  const servers = setup.urls.length > 1 ? `, ${setup.urls.length} servers` : '';
  console.error(`  measuring ${connections} connections × ${duration} s over ${carts.length} carts (${linesPerCart} variants each)${servers}…`);
  const result = await run(duration);
  const errors = result.errors ? ` (+${result.errors} errors)` : '';
  return `| add-item | \`${request}\` (${connections} conn.${servers}, ${carts.length} carts) | ${result.reqPerSecond.toFixed(0)} | ${result.p50} ms | ${result.p99} ms | ${result.non2xx}${errors} |`;
}

// ---- checkout ----------------------------------------------------------------------------------

interface StepStats {
  latencies: number[];
  failures: number;
  firstFailure?: string;
}

class StepFailed extends Error {
  constructor(
    readonly step: number,
    message: string,
  ) {
    super(message);
  }
}

/** The 8 calls of one purchase; each call's latency is added to its step, the first failure throws. */
async function checkoutOnce(shared: Setup, stats: StepStats[], user: number, n: number): Promise<void> {
  // each virtual user shops on one server of the deployment
  const setup = { ...shared, url: shared.urls[user % shared.urls.length] };
  const purchase: Purchase = {
    setup,
    email: `bench-${user}-${n}@example.com`,
    variantId: setup.variantIds[(user * 7 + n) % setup.variantIds.length],
    address: addressFor(setup, `User ${user}`),
  };
  for (const [index, step] of STEPS.entries()) {
    const started = performance.now();
    try {
      await step.run(purchase);
    } catch (error) {
      throw new StepFailed(index, error instanceof Error ? error.message : String(error));
    }
    stats[index].latencies.push(performance.now() - started);
  }
}

async function drive(setup: Setup, users: number, seconds: number): Promise<{ completed: number; elapsed: number; stats: StepStats[] }> {
  const stats: StepStats[] = STEPS.map(() => ({ latencies: [], failures: 0 }));
  let completed = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: users }, async (_, user) => {
      for (let n = 0; performance.now() < deadline; n++) {
        try {
          await checkoutOnce(setup, stats, user, n);
          completed++;
        } catch (error) {
          if (!(error instanceof StepFailed)) throw error;
          const step = stats[error.step];
          step.failures++;
          step.firstFailure ??= error.message;
          // a route that fails every time would otherwise spin: pause like a shopper would
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    }),
  );
  return { completed, elapsed: (performance.now() - started) / 1000, stats };
}

async function checkoutScenario(setup: Setup): Promise<string[]> {
  const users = integerFlag(args, 'users', { min: 1, max: 1000, fallback: 20 });
  const duration = integerFlag(args, 'checkout-duration', { min: 1, max: 600, fallback: 30 });
  const warmup = integerFlag(args, 'warmup', { min: 0, max: 600, fallback: 3 });
  // one checkout first: a missing or failing step is reported instead of measured
  const probeStats: StepStats[] = STEPS.map(() => ({ latencies: [], failures: 0 }));
  try {
    await checkoutOnce(setup, probeStats, 0, 0);
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
    const { name, request } = STEPS[error.step];
    return [`checkout: step ${error.step + 1} (${name}, \`${request}\`) failed: ${cell(error.message).slice(0, 300)}`];
  }
  if (warmup) await drive(setup, users, warmup);
  console.error(`  measuring ${users} users × ${duration} s${setup.urls.length > 1 ? ` over ${setup.urls.length} servers` : ''}…`);
  const { completed, elapsed, stats } = await drive(setup, users, duration);
  const failed = stats.reduce((sum, s) => sum + s.failures, 0);
  const lines = [
    '| scenario | completed checkouts/s | completed | failed | users | duration |',
    '|---|---|---|---|---|---|',
    `| checkout (8 calls${setup.urls.length > 1 ? `, ${setup.urls.length} servers` : ''}) | **${(completed / elapsed).toFixed(1)}** | ${completed} | ${failed} | ${users} | ${elapsed.toFixed(1)} s |`,
    '',
    '| step | request | p50 | p99 | calls | failures |',
    '|---|---|---|---|---|---|',
  ];
  STEPS.forEach((step, i) => {
    const sorted = [...stats[i].latencies].sort((a, b) => a - b);
    lines.push(`| ${i + 1}. ${step.name} | \`${step.request}\` | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 99))} | ${sorted.length} | ${stats[i].failures} |`);
  });
  for (const [i, s] of stats.entries()) if (s.firstFailure) console.error(`step ${i + 1} (${STEPS[i].name}) first failure: ${s.firstFailure}`);
  return lines;
}

// ---- steps: CPU per call of each step ----------------------------------------------------------

/** CPU seconds (user + system) a process has used, from /proc (Linux, 100 clock ticks a second); 0 when it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds of every PostgreSQL process of this machine (the pool's backends live through a run). */
function postgresSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuSeconds(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

async function stepsScenario(setup: Setup): Promise<string[]> {
  const purchases = integerFlag(args, 'purchases', { min: 10, max: 100_000, fallback: 300 });
  const pidFlag = flag('pid');
  const pid = pidFlag === undefined ? undefined : Number(pidFlag);
  if (pid !== undefined && !(Number.isInteger(pid) && pid > 0)) throw new Error(`--pid must be a process id, not ${pidFlag}`);
  if (pid !== undefined && !existsSync(`/proc/${pid}/stat`)) throw new Error(`--pid ${pid}: no such process on this machine (the server must run here, on Linux)`);
  const parallel = 10;
  type Measured = { server: number; postgres: number; perSecond: number };
  /** One step for every purchase, `parallel` at a time; the CPU it took per call. */
  const phase = async (run: (p: Purchase) => Promise<void>, all: Purchase[]): Promise<Measured> => {
    const server0 = pid ? cpuSeconds(pid) : 0;
    const postgres0 = pid ? postgresSeconds() : 0;
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (next < all.length) await run(all[next++]);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return {
      server: pid ? ((cpuSeconds(pid) - server0) * 1000) / all.length : NaN,
      postgres: pid ? ((postgresSeconds() - postgres0) * 1000) / all.length : NaN,
      perSecond: all.length / seconds,
    };
  };
  let measured: Measured[] = [];
  for (let round = 0; round < 2; round++) {
    console.error(`  ${round ? 'measuring' : 'warming up with'} ${purchases} purchases, one step at a time…`);
    const all = Array.from(
      { length: purchases },
      (_, k): Purchase => ({ setup, email: `steps-${round}-${k}@example.com`, variantId: setup.variantIds[k % setup.variantIds.length], address: addressFor(setup, 'Steps') }),
    );
    measured = [];
    for (const step of STEPS) measured.push(await phase(step.run, all));
  }
  const cpu = (value: number) => (Number.isNaN(value) ? '–' : `${value.toFixed(2)} ms`);
  const lines = [
    `| step | request | server CPU per call | PostgreSQL CPU per call | calls/s (${parallel} at a time) |`,
    '|---|---|---|---|---|',
    ...STEPS.map((step, i) => `| ${i + 1}. ${step.name} | \`${step.request}\` | ${cpu(measured[i].server)} | ${cpu(measured[i].postgres)} | ${measured[i].perSecond.toFixed(0)} |`),
    `| **purchase** | | **${cpu(measured.reduce((sum, m) => sum + m.server, 0))}** | **${cpu(measured.reduce((sum, m) => sum + m.postgres, 0))}** | |`,
  ];
  if (pid === undefined) lines.push('', '(no `--pid`: CPU not measured)');
  return lines;
}

async function main(): Promise<void> {
  const setup = await discover();
  console.error(`${setup.urls.join(', ')}: region ${setup.region}, ships to ${setup.country}, ${setup.variantIds.length} variants, payment ${setup.providerId}`);
  const output: string[] = [];
  if (wanted.includes('add-item')) {
    console.error('running add-item…');
    const row = await addItemScenario(setup);
    output.push('| scenario | request | req/s | p50 | p99 | non-2xx |', '|---|---|---|---|---|---|', row);
  }
  if (wanted.includes('checkout')) {
    console.error('running checkout…');
    if (output.length) output.push('');
    output.push(...(await checkoutScenario(setup)));
  }
  if (wanted.includes('steps')) {
    console.error('running steps…');
    if (output.length) output.push('');
    output.push(...(await stepsScenario(setup)));
  }
  console.log(output.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
