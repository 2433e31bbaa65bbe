/**
 * Place search over townships (乡镇/街道) and villages (村/社区) by Chinese name, pinyin or pinyin
 * initials, as people type into a map's search box: "月潭", "yuetan", "yue tan", "ytc".
 *
 * The pinyin and initials come with the data (generated at build time), so nothing here needs a
 * pinyin dictionary. Both they and the query are normalised the same way: lower case, tone marks
 * dropped, ü written v (as on a Chinese keyboard), and everything but letters and digits removed,
 * so "Yuè Tán", "yue tan" and "yuetan" all read "yuetan".
 *
 * Ranking, best first: exact name > name prefix > name substring > pinyin prefix > pinyin substring
 * > initials prefix. A place scores its best match; villages match on their name and their short
 * name alike. Equal scores list towns before villages, then ascending code, so the order never
 * depends on the input order.
 *
 * Pure TypeScript.
 */

export interface SearchTown {
  code: string
  name: string
  pinyin: string
  initials: string
  /** WGS84 [lng, lat]. */
  seat: [number, number]
}

export interface SearchVillage {
  code: string
  name: string
  shortName: string
  townCode: string
  pinyin: string
  initials: string
}

export interface SearchResult {
  kind: 'town' | 'village'
  code: string
  name: string
  townCode: string
  townName: string
  /** where to show it: a town's seat; a village has no coordinates, so its township's seat. */
  lngLat: [number, number]
  locatedAtTownship: boolean
  /** Higher is better; one of the MATCH_SCORES values. */
  score: number
}

/** Scores of the kinds of match, in ranking order. */
export const MATCH_SCORES = {
  exactName: 6,
  namePrefix: 5,
  nameSubstring: 4,
  pinyinPrefix: 3,
  pinyinSubstring: 2,
  initialsPrefix: 1,
} as const

const DEFAULT_LIMIT = 20

/** Han characters (CJK unified ideographs and extension A): a query with them is a name query. */
const HAN = /[\u3400-\u9fff]/

/** Lower case, ü → v, tone marks dropped, only a–z and 0–9 kept. */
export function normalisePinyin(text: string): string {
  return (
    text
      .toLowerCase()
      // NFKD: full-width letters from a Chinese IME become ASCII, and ü with a tone mark (ǚ = u + ¨ + ˇ)
      // decomposes so it is caught as well as plain ü.
      .normalize('NFKD')
      .replace(/u\u0308/g, 'v')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]/g, '')
  )
}

/** What a town or village is matched on. */
interface Searchable {
  names: string[]
  pinyin: string
  initials: string
}

interface PreparedQuery {
  /** Trimmed and lower-cased, for name matching. */
  text: string
  /** Normalised pinyin, or '' when the query has Han characters or no letters or digits. */
  latin: string
}

function scoreOf(place: Searchable, query: PreparedQuery): number {
  let best = 0
  for (const name of place.names) {
    const lowerName = name.toLowerCase()
    if (lowerName === '') continue
    if (lowerName === query.text) best = Math.max(best, MATCH_SCORES.exactName)
    else if (lowerName.startsWith(query.text)) best = Math.max(best, MATCH_SCORES.namePrefix)
    else if (lowerName.includes(query.text)) best = Math.max(best, MATCH_SCORES.nameSubstring)
  }
  if (best > 0 || query.latin === '') return best
  if (place.pinyin.startsWith(query.latin)) return MATCH_SCORES.pinyinPrefix
  if (place.pinyin.includes(query.latin)) return MATCH_SCORES.pinyinSubstring
  if (place.initials.startsWith(query.latin)) return MATCH_SCORES.initialsPrefix
  return 0
}

/**
 * Towns and villages matching query, best first (see the file comment), at most limit (default 20)
 * of them. An empty or blank query gives []. A village whose township is not among towns is left
 * out: there would be nowhere to show it.
 */
export function searchPlaces(
  query: string,
  towns: readonly SearchTown[],
  villages: readonly SearchVillage[],
  limit: number = DEFAULT_LIMIT,
): SearchResult[] {
  const text = query.trim().toLowerCase()
  const maxResults = Number.isFinite(limit) ? Math.floor(limit) : DEFAULT_LIMIT
  if (text === '' || maxResults <= 0) return []
  const prepared: PreparedQuery = { text, latin: HAN.test(text) ? '' : normalisePinyin(text) }

  const townsByCode = new Map<string, SearchTown>()
  for (const town of towns) if (!townsByCode.has(town.code)) townsByCode.set(town.code, town)

  const results: SearchResult[] = []
  for (const town of towns) {
    const score = scoreOf(
      { names: [town.name], pinyin: normalisePinyin(town.pinyin), initials: normalisePinyin(town.initials) },
      prepared,
    )
    if (score === 0) continue
    results.push({
      kind: 'town',
      code: town.code,
      name: town.name,
      townCode: town.code,
      townName: town.name,
      lngLat: [town.seat[0], town.seat[1]],
      locatedAtTownship: false,
      score,
    })
  }
  for (const village of villages) {
    const town = townsByCode.get(village.townCode)
    if (!town) continue
    const score = scoreOf(
      {
        names: [village.name, village.shortName],
        pinyin: normalisePinyin(village.pinyin),
        initials: normalisePinyin(village.initials),
      },
      prepared,
    )
    if (score === 0) continue
    results.push({
      kind: 'village',
      code: village.code,
      name: village.name,
      townCode: town.code,
      townName: town.name,
      lngLat: [town.seat[0], town.seat[1]],
      locatedAtTownship: true,
      score,
    })
  }

  const kindOrder = { town: 0, village: 1 } as const
  results.sort(
    (a, b) =>
      b.score - a.score || kindOrder[a.kind] - kindOrder[b.kind] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  )
  return results.slice(0, maxResults)
}
