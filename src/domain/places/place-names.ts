/**
 * A gazetteer of the district's 11 townships and 361 villages, built from what the app loads
 * (public/geo/towns.geojson and villages.json), and the name matching a ledger needs: 曹宅 and
 * 曹宅镇, 东孝 and 东孝街道, full-width letters and spaces, a trailing 村委会 / 居委会 / 社区 / 村, and
 * statistical codes of 9 digits (township) or 12 (village, or a township followed by 000).
 * Pure TypeScript.
 */
import { editDistance } from '../text/levenshtein'

export interface GazetteerTown {
  code: string
  name: string
}

export interface GazetteerVillage {
  code: string
  name: string
  townCode: string
  shortName?: string
}

export interface Gazetteer {
  towns: readonly GazetteerTown[]
  villages: readonly GazetteerVillage[]
  /** Normalised township name (with and without its 镇/乡/街道) or code → township code. */
  townByKey: ReadonlyMap<string, string>
  /** Normalised village core name → the villages that carry it (a name can recur in two townships). */
  villagesByKey: ReadonlyMap<string, GazetteerVillage[]>
  villageByCode: ReadonlyMap<string, GazetteerVillage>
}

const TOWN_SUFFIXES = ['街道办事处', '街道', '镇', '乡']
// Longest first: 社区居委会 before 居委会 before 社区.
const VILLAGE_SUFFIXES = ['村民委员会', '居民委员会', '社区居委会', '村委会', '居委会', '社区', '村']

/** NFKC (full-width → half-width, so （ becomes (), no spaces of any width, lower case. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase()
}

function stripSuffix(name: string, suffixes: readonly string[]): string {
  for (const suffix of suffixes) {
    if (name.length > suffix.length && name.endsWith(suffix)) return name.slice(0, -suffix.length)
  }
  return name
}

/** 曹宅镇 → 曹宅, 东孝街道 → 东孝, "多湖 街道" → 多湖. */
export function townKey(text: string): string {
  return stripSuffix(normaliseText(text).replace(/\(街道\)$/, ''), TOWN_SUFFIXES)
}

/** 王坦社区居委会 → 王坦, 月潭村 → 月潭, 月潭村委会 → 月潭. */
export function villageKey(text: string): string {
  return stripSuffix(normaliseText(text), VILLAGE_SUFFIXES)
}

export function buildGazetteer(towns: readonly GazetteerTown[], villages: readonly GazetteerVillage[]): Gazetteer {
  const townByKey = new Map<string, string>()
  for (const town of towns) {
    townByKey.set(town.code, town.code)
    townByKey.set(normaliseText(town.name), town.code)
    townByKey.set(townKey(town.name), town.code)
  }
  const villagesByKey = new Map<string, GazetteerVillage[]>()
  const villageByCode = new Map<string, GazetteerVillage>()
  for (const village of villages) {
    villageByCode.set(village.code, village)
    const key = villageKey(village.name)
    const list = villagesByKey.get(key) ?? []
    list.push(village)
    villagesByKey.set(key, list)
  }
  return { towns, villages, townByKey, villagesByKey, villageByCode }
}

/** The township code a cell names (name, 9-digit code or 12-digit code ending 000), or null. */
export function matchTown(gazetteer: Gazetteer, cell: string): string | null {
  const text = normaliseText(cell)
  if (/^\d{12}$/.test(text)) {
    if (text.endsWith('000')) return gazetteer.townByKey.get(text.slice(0, 9)) ?? null
    return gazetteer.villageByCode.get(text)?.townCode ?? null
  }
  return gazetteer.townByKey.get(text) ?? gazetteer.townByKey.get(townKey(text)) ?? null
}

/**
 * The village a cell names (name or 12-digit code). `townCode` narrows a name found in two townships;
 * without it such a name is ambiguous and answered with every candidate.
 */
export function matchVillage(
  gazetteer: Gazetteer,
  cell: string,
  townCode: string | null,
): { village: GazetteerVillage | null; ambiguous: GazetteerVillage[] } {
  const text = normaliseText(cell)
  if (/^\d{12}$/.test(text)) return { village: gazetteer.villageByCode.get(text) ?? null, ambiguous: [] }
  const found = gazetteer.villagesByKey.get(villageKey(text)) ?? []
  const narrowed = townCode ? found.filter((village) => village.townCode === townCode) : found
  if (narrowed.length === 1) return { village: narrowed[0]!, ambiguous: [] }
  return { village: null, ambiguous: narrowed }
}

/** The `count` names closest to `cell` (by edit distance of their keys; ties in the gazetteer's order). */
export function closestNames(
  cell: string,
  names: readonly string[],
  key: (name: string) => string,
  count = 3,
): string[] {
  const target = key(cell)
  return names
    .map((name, order) => ({ name, order, distance: editDistance(target, key(name)) }))
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .slice(0, count)
    .map((entry) => entry.name)
}
