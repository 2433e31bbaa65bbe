/**
 * `npm run db -- backup FILE` and `npm run db -- restore FILE` (and `migrate`). The same file format
 * for PGlite and PostgreSQL: take a backup from one and restore it into the other (server/db/backup.ts).
 * With PGlite, stop the server first: its data folder serves one process at a time.
 */
import { fail, openForCli } from '../cli-support'
import { backup, restore, RestoreError } from './backup'

const [command, file] = process.argv.slice(2)
const USAGE = 'usage: npm run db -- backup FILE | restore FILE | migrate'
if (!command || (command !== 'migrate' && !file)) fail(USAGE)

const db = await openForCli({ seed: command !== 'restore' })
try {
  if (command === 'backup') {
    const counts = await backup(db, file!)
    console.log(`backup written to ${file}: ${JSON.stringify(counts)}`)
  } else if (command === 'restore') {
    const counts = await restore(db, file!)
    console.log(`restored from ${file}: ${JSON.stringify(counts)}`)
  } else if (command === 'migrate') {
    console.log(`migrations current (${db.kind})`)
  } else fail(USAGE)
} catch (error) {
  if (error instanceof RestoreError) {
    await db.close()
    fail(`restore refused: ${error.message}`)
  }
  throw error
} finally {
  await db.close()
}
