# One image for every part of the hub; docker-compose picks the command per service.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY web/package.json web/
RUN npm ci --no-audit --no-fund
COPY . .
# The server (tsc) and the web app (codegen, type-check, Vite) the gateway serves.
RUN npm run build && npm run build:web && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
# Production mode: no demo sign-in, no demo seed unless SEED_DEMO=true, and no start without
# AUTH_SECRET (docker run -e AUTH_SECRET=…; see docs/operations.md).
ENV NODE_ENV=production WEFT_ENV=production HOST=0.0.0.0
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/schema ./schema
COPY --from=build /app/web/dist ./web/dist
COPY --from=build /app/package.json ./package.json
# The embedded hub (the default command) keeps its SQLite files here, private to the node user
# (the hub keeps it 0700 and its files 0600 too); the services use PostgreSQL.
RUN mkdir -p /app/data && chown node:node /app/data && chmod 700 /app/data
USER node
# Every part answers /readyz on its port (PORT for a subgraph, GATEWAY_PORT for the gateway); no curl in the image.
HEALTHCHECK --interval=5s --timeout=3s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||process.env.GATEWAY_PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The whole hub in one process, as `npm start` runs it; docker-compose runs each part on its own.
CMD ["node", "dist/processes/start-hub.js"]
