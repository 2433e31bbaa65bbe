import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { pinyin } from 'pinyin-pro'
import { describe, expect, it } from 'vitest'
import type { FeatureCollection, Point } from 'geojson'
import {
  MATCH_SCORES,
  normalisePinyin,
  searchPlaces,
  type SearchTown,
  type SearchVillage,
} from '../../../../src/domain/places/search'

/** Pinyin and initials as the build might write them (with pinyin-pro, tone-less, no spaces). */
function romanise(name: string): { pinyin: string; initials: string } {
  return {
    pinyin: pinyin(name, { toneType: 'none', type: 'array', v: true }).join(''),
    initials: pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join(''),
  }
}

function town(code: string, name: string, seat: [number, number] = [119.7, 29.1]): SearchTown {
  return { code, name, seat, ...romanise(name) }
}

/** "月潭村委会" → "月潭村", "王潭头村村委会" → "王潭头村", "王坦社区居委会" → "王坦社区": as people say them. */
function shortNameOf(name: string): string {
  const withoutCommittee = name.replace(/(居委会|居民委员会)$/, '')
  if (withoutCommittee !== name) return withoutCommittee
  const village = name.replace(/(村委会|村民委员会)$/, '')
  return village === name || village.endsWith('村') ? village : `${village}村`
}

function village(code: string, name: string, townCode: string): SearchVillage {
  const shortName = shortNameOf(name)
  return { code, name, shortName, townCode, ...romanise(shortName) }
}

describe('test fixtures', () => {
  it('shortens village committee names as people say them', () => {
    expect(shortNameOf('月潭村委会')).toBe('月潭村')
    expect(shortNameOf('王潭头村村委会')).toBe('王潭头村')
    expect(shortNameOf('王坦社区居委会')).toBe('王坦社区')
  })
})

describe('normalisePinyin', () => {
  it('drops spaces, tones, case and punctuation; writes ü as v', () => {
    expect(normalisePinyin('Yuè Tán Cūn')).toBe('yuetancun')
    expect(normalisePinyin("xi'an")).toBe('xian')
    expect(normalisePinyin('lǚ jiā')).toBe('lvjia')
    expect(normalisePinyin('lü')).toBe('lv')
    expect(normalisePinyin('ＹＵＥ tan')).toBe('yuetan')
  })
})

describe('searchPlaces on the real towns and villages', () => {
  const readJson = <T>(path: string): T =>
    JSON.parse(readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8')) as T
  const towns = readJson<FeatureCollection<Point, { code: string; name: string }>>(
    '../../../../public/geo/seats.geojson',
  ).features.map((f) =>
    town(f.properties.code, f.properties.name, [f.geometry.coordinates[0]!, f.geometry.coordinates[1]!]),
  )
  const villages = readJson<{ villages: { code: string; name: string; townCode: string }[] }>(
    '../../../../public/geo/villages.json',
  ).villages.map((v) => village(v.code, v.name, v.townCode))
  const xiaoshun = towns.find((t) => t.name === '孝顺镇')!
  const yuetan = '330703101238'

  it.each(['月潭', '月潭村', 'yuetan', 'yue tan', 'YueTan', 'yuè tán', 'ytc'])('finds 月潭村 by "%s"', (query) => {
    const results = searchPlaces(query, towns, villages)
    const hit = results.find((r) => r.code === yuetan)
    expect(hit).toMatchObject({
      kind: 'village',
      name: '月潭村委会',
      townCode: xiaoshun.code,
      townName: '孝顺镇',
      lngLat: xiaoshun.seat,
      locatedAtTownship: true,
    })
  })

  it('ranks 月潭村 first for its name and its pinyin', () => {
    expect(searchPlaces('月潭', towns, villages)[0]!.code).toBe(yuetan)
    expect(searchPlaces('yuetan', towns, villages)[0]!.code).toBe(yuetan)
    expect(searchPlaces('月潭村', towns, villages)[0]).toMatchObject({ code: yuetan, score: MATCH_SCORES.exactName })
  })

  it('finds a town at its seat', () => {
    const [first] = searchPlaces('孝顺', towns, villages)
    expect(first).toMatchObject({
      kind: 'town',
      code: xiaoshun.code,
      townCode: xiaoshun.code,
      lngLat: xiaoshun.seat,
      locatedAtTownship: false,
    })
    expect(searchPlaces('xiaoshun', towns, villages)[0]!.code).toBe(xiaoshun.code)
    expect(searchPlaces('dhjd', towns, villages)[0]!.name).toBe('多湖街道')
  })

  it('respects the limit, 20 by default', () => {
    expect(searchPlaces('村', towns, villages)).toHaveLength(20)
    expect(searchPlaces('村', towns, villages, 5)).toHaveLength(5)
    expect(searchPlaces('村', towns, villages, 0)).toEqual([])
    expect(searchPlaces('村', towns, villages, 1000).length).toBeGreaterThan(100)
  })

  it('returns nothing for an empty or blank query, or one that matches nothing', () => {
    expect(searchPlaces('', towns, villages)).toEqual([])
    expect(searchPlaces('   ', towns, villages)).toEqual([])
    expect(searchPlaces('北京', towns, villages)).toEqual([])
    expect(searchPlaces('qqqq', towns, villages)).toEqual([])
  })
})

describe('searchPlaces ranking', () => {
  const towns: SearchTown[] = [
    town('330703101', '孝顺镇', [119.87, 29.18]),
    town('330703107', '塘雅镇', [119.79, 29.16]),
    // Fictional town, to tie with villages on score.
    town('330703999', '月潭镇', [119.8, 29.2]),
  ]
  const villages: SearchVillage[] = [
    village('330703101238', '月潭村委会', '330703101'),
    village('330703101100', '新月潭村委会', '330703101'),
    village('330703107001', '月潭村委会', '330703107'), // a namesake in another town
    village('330703101200', '塘下村委会', '330703101'),
    village('330703101300', '下塘村委会', '330703101'),
    village('330703555001', '月潭湾村委会', '330703555'), // its town is not loaded
  ]

  it('orders exact name > name prefix > substring, towns before villages at equal score, then by code', () => {
    const results = searchPlaces('月潭', towns, villages)
    expect(results.map((r) => [r.kind, r.code, r.score])).toEqual([
      ['town', '330703999', MATCH_SCORES.namePrefix],
      ['village', '330703101238', MATCH_SCORES.namePrefix],
      ['village', '330703107001', MATCH_SCORES.namePrefix],
      ['village', '330703101100', MATCH_SCORES.nameSubstring],
    ])
    const exact = searchPlaces('月潭村', towns, villages)
    expect(exact.map((r) => [r.code, r.score])).toEqual([
      ['330703101238', MATCH_SCORES.exactName],
      ['330703107001', MATCH_SCORES.exactName],
      ['330703101100', MATCH_SCORES.nameSubstring],
    ])
  })

  it('orders pinyin prefix > pinyin substring', () => {
    const results = searchPlaces('tang', towns, villages)
    expect(results.map((r) => [r.name, r.score])).toEqual([
      ['塘雅镇', MATCH_SCORES.pinyinPrefix],
      ['塘下村委会', MATCH_SCORES.pinyinPrefix],
      ['下塘村委会', MATCH_SCORES.pinyinSubstring],
    ])
  })

  it('matches initials by prefix, below any pinyin match', () => {
    const results = searchPlaces('xs', towns, villages)
    expect(results.map((r) => [r.name, r.score])).toEqual([['孝顺镇', MATCH_SCORES.initialsPrefix]])
    expect(searchPlaces('ytc', towns, villages).map((r) => [r.code, r.score])).toEqual([
      ['330703101238', MATCH_SCORES.initialsPrefix],
      ['330703107001', MATCH_SCORES.initialsPrefix],
    ])
    // Initials match from the start only.
    expect(searchPlaces('tc', towns, villages).filter((r) => r.score === MATCH_SCORES.initialsPrefix)).toEqual([])
  })

  it('does not depend on input order', () => {
    const reversed = searchPlaces('月潭', [...towns].reverse(), [...villages].reverse())
    expect(reversed).toEqual(searchPlaces('月潭', towns, villages))
  })

  it('places a village at its township seat and leaves out villages whose township is not loaded', () => {
    const results = searchPlaces('月潭湾', towns, villages)
    expect(results).toEqual([])
    const namesake = searchPlaces('月潭村', towns, villages).find((r) => r.code === '330703107001')!
    expect(namesake).toMatchObject({
      townCode: '330703107',
      townName: '塘雅镇',
      lngLat: [119.79, 29.16],
      locatedAtTownship: true,
    })
  })

  it('ignores surrounding spaces and case', () => {
    expect(searchPlaces('  TANG  ', towns, villages)).toEqual(searchPlaces('tang', towns, villages))
    expect(searchPlaces(' 月潭 ', towns, villages)).toEqual(searchPlaces('月潭', towns, villages))
  })

  it('does not match a Chinese query against pinyin', () => {
    expect(searchPlaces('潭x', towns, villages)).toEqual([])
  })
})
