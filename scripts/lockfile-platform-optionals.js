#!/usr/bin/env node
/*
 * Adds lockfile records for platform-specific optional packages that npm could not record.
 *
 * Why: the package mirror this project installs from serves only the binaries of this platform
 * (linux-x64): `@swc/core-darwin-arm64` and its siblings answer 404, so `npm install` leaves them out
 * of package-lock.json, and `npm ci` (npm 11) then refuses the lockfile as "out of sync". A record
 * with the package's os/cpu/libc lets `npm ci` see it and skip it on every other platform, without
 * ever fetching it. Run after any `npm install` that changes the lockfile:
 *
 *   node scripts/lockfile-platform-optionals.js && npm ci
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'];

function platformOf(name) {
  const tokens = name.toLowerCase().split(/[-/@_.]+/);
  const os = OS.find((o) => tokens.includes(o)) ?? (tokens.includes('windows') ? 'win32' : tokens.includes('macos') ? 'darwin' : undefined);
  let cpu = CPU.find((c) => tokens.includes(c));
  if (!cpu && tokens.includes('armv7')) cpu = 'arm';
  if (!cpu && tokens.includes('universal')) cpu = undefined;
  const libc = tokens.includes('musl') || tokens.includes('musleabihf') ? 'musl' : tokens.includes('gnu') || tokens.includes('gnueabihf') ? 'glibc' : undefined;
  if (tokens.includes('wasm32')) return { cpu: ['wasm32'] };
  if (!os) return undefined;
  return { os: [os], ...(cpu ? { cpu: [cpu] } : {}), ...(libc && os === 'linux' ? { libc: [libc] } : {}) };
}

const file = join(process.cwd(), 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
let added = 0;
const unknown = [];
for (const [path, record] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(record.optionalDependencies ?? {})) {
    const parentDir = path === '' ? '' : `${path}/`;
    const candidates = [`${parentDir}node_modules/${name}`, `node_modules/${name}`];
    if (candidates.some((c) => packages[c])) continue;
    const platform = platformOf(name);
    if (!platform) {
      unknown.push(`${name}@${version}`);
      continue;
    }
    packages[`node_modules/${name}`] = { version, dev: record.dev || undefined, optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockfile: added ${added} platform-specific optional record(s)`);
if (unknown.length) console.warn(`lockfile: could not infer the platform of ${unknown.join(', ')}`);
