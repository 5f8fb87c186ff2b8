# syntax=docker/dockerfile:1
# The airbyte-provisioner service image. Build: docker build -t airbyte-provisioner .
# Run: docker run -p 8093:8093 --env-file provisioner.env airbyte-provisioner
#      (docker run ... airbyte-provisioner serve --sandbox  tries it on the embedded sandbox Airbyte)

# ---- build: the workspace with its dev dependencies, compiled and bundled ----
FROM node:20-bookworm-slim AS build
WORKDIR /src
# the lockfile alone decides what is downloaded (pnpm checks the hook file against the checksum the
# lockfile keeps), so this layer is reused until a dependency changes
COPY pnpm-lock.yaml pnpm-workspace.yaml .pnpmfile.cjs ./
RUN npx -y pnpm@12.4.2 fetch
COPY . .
RUN npx -y pnpm@12.4.2 install --offline --frozen-lockfile \
 && npx -y pnpm@12.4.2 run build \
 && node scripts/production-files.js /app

# ---- runtime: Node and the production file set, nothing else ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8093
RUN groupadd --system --gid 10001 provisioner \
 && useradd --system --uid 10001 --gid provisioner --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin provisioner
WORKDIR /app
# owned by root and read-only to the service's user: the running process cannot change its own code
COPY --from=build /app /app
USER 10001:10001
EXPOSE 8093
# Kubernetes probes /health and /ready itself; this is for plain `docker run`
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8093) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# exec form: node is PID 1 and receives SIGTERM itself; serve then drains for SHUTDOWN_GRACE_MS and exits 0
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "/app/dist/bundle/airbyte-provisioner.js"]
CMD ["serve"]
