/**
 * The district's places as the app builds them (public/geo: the 11 townships and 361 villages), for the
 * tests of tables joined or placed by name: the gazetteer, a point per township, and a table from rows.
 */
import { readFileSync } from 'node:fs'
import { buildGazetteer } from '../../../src/domain/places/place-names'
import type { JoinTable } from '../../../src/user-data/tables/name-join'

export const towns = (
  JSON.parse(readFileSync('public/geo/towns.geojson', 'utf8')) as {
    features: { properties: { code: string; name: string } }[]
  }
).features.map((f) => ({ code: f.properties.code, name: f.properties.name }))

export const villages = (
  JSON.parse(readFileSync('public/geo/villages.json', 'utf8')) as {
    villages: { code: string; name: string; townCode: string; shortName: string }[]
  }
).villages

export const gazetteer = buildGazetteer(towns, villages)

/** One made-up point per township, in code order, where rows placed by township land. */
export const townPoints = new Map(towns.map((t, i) => [t.code, [119.6 + i * 0.01, 29.1] as [number, number]]))

/** A table as the import hands it over: the header, the rows, and each row's line (the header is line 1). */
export function table(header: string[], rows: string[][]): JoinTable {
  return { header, rows, lines: rows.map((_, i) => i + 2) }
}
