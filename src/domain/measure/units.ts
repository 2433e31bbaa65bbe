/**
 * Units of the measuring tool and how its results are written.
 *
 * Why 公顷 and 亩 beside m²/km²: land in China is spoken of in 亩 (市亩) and planned in 公顷, so an
 * area is shown in all three. 公顷 (hm², 10,000 m²) is among the units that 《中华人民共和国法定计量单位》
 * (国务院, 1984) allows beside SI; 亩 is a 市制 unit, still in statistical and everyday use, whose
 * phasing out the 1984 implementing opinions deferred. 1 市亩 = 60 平方丈 and 1 丈 = 10/3 m, so
 * 1 亩 = 6,000/9 m² = 10,000/15 m² ≈ 666.667 m², and 1 公顷 = 15 亩. English writes it "mu".
 *
 * Numbers are written with the locale's toLocaleString (digit grouping); units are the SI symbols
 * in both languages (m, km, m², km²), 公顷/亩 in Chinese and ha/mu in English.
 *
 * Pure TypeScript.
 */

export type MeasureLocale = 'zh-CN' | 'en'

export const SQUARE_METRES_PER_HECTARE = 10_000
export const MU_PER_HECTARE = 15
/** 1 亩 = 10,000/15 m² ≈ 666.667 m². */
export const SQUARE_METRES_PER_MU = SQUARE_METRES_PER_HECTARE / MU_PER_HECTARE
const SQUARE_METRES_PER_KM2 = 1_000_000
/** Areas from 0.1 km² (10 公顷) up are written in km², smaller ones in m². */
const KM2_FROM_SQUARE_METRES = 100_000

export function hectaresOf(squareMetres: number): number {
  return squareMetres / SQUARE_METRES_PER_HECTARE
}

/** 亩 from m²: × 15 / 10,000 (multiplying first keeps whole hectares exact). */
export function muOf(squareMetres: number): number {
  return (squareMetres * MU_PER_HECTARE) / SQUARE_METRES_PER_HECTARE
}

export function squareKilometresOf(squareMetres: number): number {
  return squareMetres / SQUARE_METRES_PER_KM2
}

/** A number with exactly `digits` decimals, grouped as the locale writes it. */
function fixed(value: number, digits: number, locale: MeasureLocale): string {
  return value.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

/** As fixed, but a non-zero value below 1 keeps 3 significant digits: 4 m² is 0.0004 公顷, not 0.00. */
function fixedOrSmall(value: number, digits: number, locale: MeasureLocale): string {
  if (value !== 0 && Math.abs(value) < 1) return value.toLocaleString(locale, { maximumSignificantDigits: 3 })
  return fixed(value, digits, locale)
}

/** "850 m" below 1 km (one decimal below 10 m), "12.35 km" from 1 km, "123.5 km" from 100 km. */
export function lengthText(metres: number, locale: MeasureLocale): string {
  if (!Number.isFinite(metres)) return '—'
  // 999.7 m would round to "1,000 m": it is written 1.00 km instead.
  if (Math.round(metres) < 1000) return `${fixed(metres, metres < 10 ? 1 : 0, locale)} m`
  const km = metres / 1000
  return `${fixed(km, km < 100 ? 2 : 1, locale)} km`
}

/**
 * An area in three units: m² (below 0.1 km²) or km², then 公顷/ha, then 亩/mu. For example
 * 1,234,500 m² in Chinese: ["1.23 km²", "123.45 公顷", "1,851.8 亩"].
 */
export function areaTexts(squareMetres: number, locale: MeasureLocale): string[] {
  if (!Number.isFinite(squareMetres)) return ['—']
  const zh = locale === 'zh-CN'
  const metric =
    Math.round(squareMetres) < KM2_FROM_SQUARE_METRES
      ? `${fixed(squareMetres, squareMetres < 10 ? 1 : 0, locale)} m²`
      : `${fixed(squareKilometresOf(squareMetres), 2, locale)} km²`
  return [
    metric,
    `${fixedOrSmall(hectaresOf(squareMetres), 2, locale)} ${zh ? '公顷' : 'ha'}`,
    `${fixedOrSmall(muOf(squareMetres), 1, locale)} ${zh ? '亩' : 'mu'}`,
  ]
}
