# One UCCN Collab node. Built by docker-compose.yml; runs the bundled server and serves the web app.
FROM node:20-bookworm-slim
WORKDIR /app
COPY . .
RUN npx -y pnpm@12.4.2 install --frozen-lockfile \
 && npx -y pnpm@12.4.2 --filter @uccn/web run build \
 && npx -y pnpm@12.4.2 --filter @uccn/server run build
ENV NODE_ENV=production
EXPOSE 8080
CMD ["node", "--enable-source-maps", "apps/server/dist/main.js"]
