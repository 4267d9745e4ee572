# syntax=docker/dockerfile:1
# Parley's container image: the Next.js app as a standalone server (NEXT_OUTPUT=standalone), run
# as a non-root user with production dependencies only. `--target realtime` builds the PartyKit
# dev server image that compose.yml runs beside it (single node; see README, Self-hosting).
#
#   docker build --build-arg PARTYKIT_HOST=localhost:1999 -t parley .
#
# PARTYKIT_HOST is read when the server starts (the Content-Security-Policy is set per request in
# proxy.ts); the build argument only gives the build a value and can be left at its default.

ARG NODE_IMAGE=node:24.11-bookworm-slim

# ── deps: every dependency, for the build ──────────────────────────────────────────────────
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# better-sqlite3, argon2 and sharp ship prebuilt binaries for linux-x64/arm64 glibc; the tool
# chain is here only for a platform without one.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# ── build: the standalone server ───────────────────────────────────────────────────────────
FROM deps AS build
ARG PARTYKIT_HOST=localhost:1999
ENV NEXT_TELEMETRY_DISABLED=1 \
    NEXT_OUTPUT=standalone \
    PARTYKIT_HOST=${PARTYKIT_HOST}
COPY . .
RUN npm run build

# ── prod-deps: production dependencies only (the realtime image runs `partykit dev` from them) ──
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ── realtime: `partykit dev` (workerd) with persisted room storage; single node ────────────────
FROM ${NODE_IMAGE} AS realtime
WORKDIR /app
# Every interface: the port is published from the container. (scripts/run.mjs and its
# partykit-host preload default to 127.0.0.1; HOST=0.0.0.0 keeps this if the image ever runs it.)
ENV NODE_ENV=production \
    HOST=0.0.0.0
COPY --from=prod-deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json partykit.json tsconfig.json ./
COPY --chown=node:node party ./party
# The rooms import shared modules from lib/ (protocol, room tokens, wire shapes).
COPY --chown=node:node lib ./lib
RUN mkdir -p /data/partykit && chown node:node /data/partykit
USER node
EXPOSE 1999
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:1999/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# PARTY_SECRET and ROOM_TOKEN_KEY come from the environment (compose.yml passes them).
CMD ["sh", "-c", "exec node_modules/.bin/partykit dev --port 1999 --disable-request-cf-fetch --no-hotkeys --persist /data/partykit --var PARTY_SECRET=\"$PARTY_SECRET\" --var ROOM_TOKEN_KEY=\"$ROOM_TOKEN_KEY\""]

# ── runner: the app ──────────────────────────────────────────────────────────────────────────
FROM ${NODE_IMAGE} AS runner
WORKDIR /app
# All interfaces: server.js reads HOSTNAME; HOST is what `npm start` (scripts/run.mjs, loopback
# by default) reads, set too so the image listens on every interface whichever starts it.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    HOST=0.0.0.0 \
    PARLEY_DATA_DIR=/data
# The standalone server carries its own trimmed node_modules (no dev dependencies).
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
RUN mkdir -p /data /backups && chown node:node /data /backups
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
