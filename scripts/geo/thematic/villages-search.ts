/**
 * villages.json, extended for search: each village keeps {code, name, townCode} and gains the name
 * people say (shortName: 月潭村委会 → 月潭村) with its pinyin and initials, so "yuetan" or "ytc"
 * finds it; the townships get the same fields in `towns`.
 */
import { pinyin } from 'pinyin-pro'
import type { TownArea, VillageRow } from './types'

export interface SearchableVillage extends VillageRow {
  shortName: string
  pinyin: string
  initials: string
}

export interface SearchableTown {
  code: string
  name: string
  pinyin: string
  initials: string
}

/**
 * The committee suffix of the statistical name: 居委会/居民委员会 (community) are dropped, 村委会/
 * 村民委员会 become 村 (月潭村委会 → 月潭村), so the short name is what signs and people use.
 */
export function shortVillageName(name: string): string {
  return name
    .replace(/(居委会|居民委员会)$/u, '')
    .replace(/村民委员会$/u, '村')
    .replace(/委会$/u, '')
}

/**
 * Lower-case, toneless, no spaces; ü is written v as pinyin keyboards type it, and anything that is
 * not a letter (digits, brackets) is dropped so the key is plain a–z.
 */
export function pinyinKey(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
}

export function pinyinInitials(text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
}

export function buildVillagesDocument(
  villages: readonly VillageRow[],
  towns: readonly TownArea[],
): { villages: SearchableVillage[]; towns: SearchableTown[] } {
  return {
    villages: villages.map((village) => {
      const shortName = shortVillageName(village.name)
      return { ...village, shortName, pinyin: pinyinKey(shortName), initials: pinyinInitials(shortName) }
    }),
    towns: [...towns]
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((town) => ({
        code: town.code,
        name: town.name,
        pinyin: pinyinKey(town.name),
        initials: pinyinInitials(town.name),
      })),
  }
}
