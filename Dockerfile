# Stheno: multi-stage image.
#   deps      → full dependency tree (TypeScript and the other devDependencies)
#   build     → compiles src/ and migrations/ into dist/
#   prod-deps → runtime dependencies only (npm ci --omit=dev)
#   runtime   → package.json + dist/ + production node_modules, running as `node`
#
# Build: docker build -t stheno .
# Migrate (production does NOT migrate at boot): docker run --rm -e DATABASE_URL=… stheno node dist/src/cli.js db:migrate
ARG NODE_IMAGE=node:20-bookworm-slim

# ---- deps -------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# swagger-ui-dist depends on @scarf/scarf, whose install script sends analytics: turn it off.
ENV SCARF_ANALYTICS=false
# Only the manifests, so this layer stays cached until the dependencies change.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# ---- build ------------------------------------------------------------------------------------
FROM deps AS build
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
# the optional configuration file (stheno.config.ts) compiles to dist/stheno.config.js; the glob
# always matches stheno.config.example.ts, so the COPY works without one
COPY stheno.config.* ./
# The example plugin compiles with the app (PLUGINS=./examples/plugin-hello loads dist/examples/…);
# plugins of your own kept inside the project need the same COPY; packaged ones come with npm ci.
COPY examples ./examples
# Emits dist/src (main.js, cli.js), dist/migrations and dist/examples; the incremental-build file is not needed.
RUN npm run build && rm -f dist/.tsbuildinfo

# ---- prod-deps --------------------------------------------------------------------------------
# A fresh `npm ci --omit=dev` rather than `npm prune` in the build stage: nothing from the dev
# install (or its install scripts) can leak into the runtime image.
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ---- runtime ----------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=9000 \
    LOG_FORMAT=json
WORKDIR /app
# package.json must sit next to dist/: the app walks up from dist/src/… to find it (name + version).
# Everything stays root-owned, so the `node` user cannot modify the application it runs.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# .data is the only writable path: the embedded database (PGlite) lives there when DATABASE_URL
# is unset, and the local file provider's uploads in .data/uploads (created here, node-owned, so a
# volume mounted on it starts writable).
RUN mkdir -p /app/.data/uploads && chown -R node:node /app/.data
USER node
EXPOSE 9000
# The app drains in-flight requests on SIGTERM and exits 0. Run it with an init process
# (`docker run --init`, compose `init: true`) so signals are forwarded and zombies reaped.
STOPSIGNAL SIGTERM
# Liveness only (no curl in slim images, so Node's fetch). Readiness (DB + Redis) is /health/ready,
# which docker-compose.yml uses instead.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||9000)+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
CMD ["node", "dist/src/main.js"]
