/**
 * The townships come from the app's own boundary file (public/geo/towns.geojson, built from
 * seeds/ by scripts/build-geo.ts): inserted when missing, never overwritten, so that boundaries the
 * bureau loads later stay.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import type { Db } from './connection'

export const TOWNS_FILE = join(dirname(fileURLToPath(import.meta.url)), '../../public/geo/towns.geojson')

interface TownFeature {
  properties: { code: string; name: string; name_en?: string }
  geometry: unknown
}

export async function seedTownships(db: Db, file = TOWNS_FILE): Promise<number> {
  const collection = JSON.parse(readFileSync(file, 'utf8')) as { features: TownFeature[] }
  let added = 0
  for (const feature of collection.features) {
    const { code, name, name_en } = feature.properties
    const result = await db.k
      .insertInto('townships')
      .values({
        code,
        name,
        name_en: name_en ?? null,
        geom: sql<string>`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(feature.geometry)}), 4326))`,
      } as never)
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst()
    added += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  return added
}
