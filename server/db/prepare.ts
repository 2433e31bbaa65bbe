/** Opening the database for the server or a command: connect, migrate, seed the townships. */
import { openDatabase, type Db, type DbOptions } from './connection'
import { migrate } from './migrate'
import { seedTownships } from './seed'

export async function prepareDatabase(options: DbOptions & { seed?: boolean }): Promise<Db> {
  const db = await openDatabase(options)
  try {
    await migrate(db)
    if (options.seed !== false) await seedTownships(db)
  } catch (error) {
    await db.close()
    throw error
  }
  return db
}
