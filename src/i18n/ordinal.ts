/**
 * A place in a ranking as each language writes it inside "第 {rank} / {n} 名" and "{rank} of {n}":
 * Chinese the plain number, English an ordinal ("1st", "2nd", "11th", "23rd"). Pure TypeScript.
 */
import { langOf, type Locale } from './bilingual'

export function englishOrdinal(n: number): string {
  const lastTwo = Math.abs(n) % 100
  const last = Math.abs(n) % 10
  const suffix =
    lastTwo >= 11 && lastTwo <= 13 ? 'th' : last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th'
  return `${n}${suffix}`
}

export function rankText(n: number, locale: Locale): string {
  return langOf(locale) === 'en' ? englishOrdinal(n) : String(n)
}
