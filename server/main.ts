/**
 * `npm run serve` (and `npm start`, after the build): open the database (PGlite in DATA_DIR, or
 * PostgreSQL at DATABASE_URL), run the migrations, serve the app and /api. SIGTERM/SIGINT close
 * the listener, let requests in flight finish, then close the database.
 */
import { buildApp } from './app'
import { loadConfig } from './config'
import { prepareDatabase } from './db/prepare'

const config = loadConfig()
const db = await prepareDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
const app = await buildApp({ config, db })
app.log.info({ backend: db.kind, dataDir: db.kind === 'pglite' ? config.dataDir : undefined }, 'database ready')

let closing = false
async function shutdown(signal: string) {
  if (closing) return
  closing = true
  app.log.info({ signal }, 'shutting down')
  const force = setTimeout(() => {
    app.log.error('shutdown took over 10 s: exiting')
    process.exit(1)
  }, 10_000)
  force.unref()
  try {
    await app.close()
    await db.close()
  } finally {
    process.exit(0)
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))

try {
  const address = await app.listen({ port: config.port, host: config.host })
  // One plain line for the person who started it (the logs are JSON).
  process.stdout.write(`金东生态环境一张图: listening at ${address} (${db.kind})\n`)
} catch (error) {
  app.log.fatal({ err: error }, 'cannot listen')
  await db.close()
  process.exit(1)
}
