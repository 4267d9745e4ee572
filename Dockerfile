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
# Artillery (the load tests, a dev dependency) brings a Playwright browser package whose install
# script downloads Chrome; package.json's allowScripts denies it, and older npm versions that
# ignore allowScripts are told here.
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
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
# PARTY_SECRET and ROOM_TOKEN_KEY come from the container's environment at start (compose.yml
# passes them) and reach the rooms as `--var`: nothing secret is baked into the image or written
# to a file in it. (On a shared host scripts/run.mjs uses a 0600 file instead, because `ps` shows
# any user a command line; in the container only its own processes and the host's root can.)
# The shell refuses to start without them rather than run rooms with an empty secret.
CMD ["sh", "-c", ": \"${PARTY_SECRET:?set PARTY_SECRET}\" \"${ROOM_TOKEN_KEY:?set ROOM_TOKEN_KEY}\"; exec node_modules/.bin/partykit dev --port 1999 --disable-request-cf-fetch --no-hotkeys --persist /data/partykit --var PARTY_SECRET=\"$PARTY_SECRET\" --var ROOM_TOKEN_KEY=\"$ROOM_TOKEN_KEY\""]

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
# The socket's address for rate limits: Next.js does not hand it to route handlers, so the
# preload (the one `npm start` uses) writes it into a header the app believes. Without it every
# caller would share one per-address limit (README, Accounts and security).
COPY --from=build --chown=node:node /app/scripts/peer-address.mjs ./peer-address.mjs
RUN mkdir -p /data /backups && chown node:node /data /backups
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--import", "./peer-address.mjs", "server.js"]
