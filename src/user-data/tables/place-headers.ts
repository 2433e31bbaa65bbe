/**
 * Which columns of a user's table name a place, by their headers: a township (乡镇/街道) column and
 * a village (村/社区) column. One definition for every reader of such a table — the join by place
 * name (name-join.ts) and the readings and inspections tables (user-table.ts) — so a column that
 * joins a table to the townships also places an inspection there, and the other way round.
 *
 * A header names the place only when it is nothing but the place's words: a township column is 乡镇, 街道,
 * 镇街, 镇 or 乡, with another of them beside it (乡镇（街道）, 乡镇/街道, 街道社区), 所属 or 所在 before,
 * 办事处 and a naming word after (名称, 名, 代码, 编码, 编号); or town / township (or towns / townships) alone or
 * with a name, code or id suffix (town_name, TownshipCode, "town id"), in any case. A village column is 村,
 * 行政村, 自然村, 村庄, 村居, 社区 (村（社区）, 村/社区, 村委会, 社区居委会, 村名) in the same way, or
 * village(s) with the same suffixes. Anything more makes the column a number about the places, not the
 * place: 行政村数, 村民人数, 乡镇企业数, 街道数, towns_total, townhall_count, town_population (a ledger with
 * 乡镇 and 行政村数 is joined by its 乡镇, not by village names in a count). Headers are read trimmed.
 * Pure TypeScript.
 */

const NAMING = '(?:名称|名|代码|编码|编号)?'
const TOWN_WORD = '(?:乡镇|街道|镇街|镇|乡)'
const VILLAGE_WORD = '(?:行政村|自然村|村庄|村居|村|社区)'
/** A second place word beside the first: 乡镇（街道）, 乡镇(街道), 乡镇/街道, 乡镇、街道, 乡镇街道, 街道社区. */
const beside = (word: string) => `(?:[/、]?(?:（${word}）|\\(${word}\\)|${word}))?`
// In English the plural alone is a list of names too (a column "Townships" of 曹宅镇, 澄潭街道 …); a suffix
// other than name, code or id makes it a number about them.
const TOWN_HEADER = new RegExp(
  `^(?:所属|所在)?${TOWN_WORD}${beside('(?:乡镇|街道|镇街|镇|乡|社区)')}(?:办事处)?${NAMING}$` +
    '|^town(?:ship)?s?(?:[ _-]?(?:name|code|id))?$',
  'i',
)
const VILLAGE_HEADER = new RegExp(
  `^(?:所属|所在)?${VILLAGE_WORD}${beside('(?:社区|居|村)')}(?:居委会|村委会|委会|委员会)?${NAMING}$` +
    '|^villages?(?:[ _-]?(?:name|code|id))?$',
  'i',
)

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
