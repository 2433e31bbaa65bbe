/**
 * Which columns of a user's table name a place, by their headers: a township (乡镇/街道) column and
 * a village (村/社区) column. One definition for every reader of such a table — the join by place
 * name (name-join.ts) and the readings and inspections tables (user-table.ts) — so a column that
 * joins a table to the townships also places an inspection there, and the other way round.
 *
 * A township column: a header holding 乡镇, 街道 or 镇街 (乡镇（街道）, 乡镇名称, 所属乡镇), 镇 or 乡
 * alone, or town / township (or towns / townships) alone or with a name, code or id suffix (town_name,
 * TownshipCode, "town id"), in any case. An English header that only begins with "town" is not one: towns_total,
 * townhall_count, town_population are numbers about townships, not the place. A village column: a
 * header holding 村 or 社区, or village with the same suffixes. Headers are read trimmed.
 * Pure TypeScript.
 */

// The plural alone is a list of names too (a column "Townships" of 曹宅镇, 澄潭街道 …); a suffix other than
// name, code or id makes it a number about them.
const TOWN_HEADER = /乡镇|街道|镇街|^[镇乡]$|^town(?:ship)?s?(?:[ _-]?(?:name|code|id))?$/i
const VILLAGE_HEADER = /村|社区|^villages?(?:[ _-]?(?:name|code|id))?$/i

/** A header that names the township column (乡镇, 街道, 镇, town_name …). */
export function isTownHeader(name: string): boolean {
  return TOWN_HEADER.test(name.trim())
}

/** A header that names the village column (村, 社区, village_code …). */
export function isVillageHeader(name: string): boolean {
  return VILLAGE_HEADER.test(name.trim())
}

export interface PlaceHeaders {
  /** The first township column, -1 when none. */
  town: number
  /** The first village column other than the township column, -1 when none. */
  village: number
}

/** The township and village columns of a header; one column is never both (街道社区 is a township column). */
export function placeHeaders(header: readonly string[]): PlaceHeaders {
  const town = header.findIndex((name) => isTownHeader(name))
  const village = header.findIndex((name, index) => index !== town && isVillageHeader(name))
  return { town, village }
}
