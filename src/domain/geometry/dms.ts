/**
 * Degree–minute–second coordinates as field staff and Chinese ledgers write them, read as decimal
 * degrees: `119°48′30″E`, `119°48'30"`, `119 48 30`, `东经119度48分30秒`, `北纬29度09分30.5秒`,
 * `S 29°09.5′`. South and west (S, W, 南纬, 西经, or a leading minus) are negative. Minutes and
 * seconds must be below 60; anything else is not a coordinate (null), never a guess.
 * Pure TypeScript.
 */

export type Hemisphere = 'N' | 'S' | 'E' | 'W'

export interface DmsValue {
  degrees: number
  /** The hemisphere written with the value, if any (N/S: latitude, E/W: longitude). */
  hemisphere: Hemisphere | null
}

const PREFIXES: Record<string, Hemisphere> = { 北纬: 'N', 南纬: 'S', 东经: 'E', 西经: 'W' }

// Degree, minute and second marks in their ASCII, typographic and Chinese forms.
const DEGREE = '[°º˚度d]'
const MINUTE = "['′’‘´分m]"
const SECOND = "(?:\"|″|”|“|''|′′|’’|秒|s)"
const NUMBER = '(\\d+(?:\\.\\d+)?)'
const SEPARATOR = '[\\s,]*'

const PATTERN = new RegExp(
  `^([+-]?)${SEPARATOR}${NUMBER}\\s*(?:${DEGREE}|\\s)\\s*` +
    `(?:${NUMBER}\\s*(?:${MINUTE}|\\s|$)\\s*` +
    `(?:${NUMBER}\\s*(?:${SECOND})?\\s*)?)?$`,
)

/** Reads one DMS text; null when it is not one (a plain decimal such as "119.8" is left to the caller). */
export function parseDms(input: string): DmsValue | null {
  let text = input.trim().replace(/\u3000/g, ' ')
  if (text === '') return null
  let hemisphere: Hemisphere | null = null
  for (const [prefix, value] of Object.entries(PREFIXES)) {
    if (text.startsWith(prefix)) {
      hemisphere = value
      text = text.slice(prefix.length).trim()
    }
  }
  const letter = /^([NSEW])\s*|\s*([NSEW])$/.exec(text)
  if (letter) {
    if (hemisphere) return null // "北纬29°N": two hemispheres
    hemisphere = (letter[1] ?? letter[2]) as Hemisphere
    text = text.slice(0, letter.index) + text.slice(letter.index + letter[0].length)
    text = text.trim()
  }
  const match = PATTERN.exec(text)
  if (!match) return null
  const [, sign, degreeText, minuteText, secondText] = match
  // A bare number without any mark or hemisphere is a decimal, not DMS.
  if (minuteText === undefined && hemisphere === null && !new RegExp(DEGREE).test(text)) return null
  const degrees = Number(degreeText)
  const minutes = minuteText === undefined ? 0 : Number(minuteText)
  const seconds = secondText === undefined ? 0 : Number(secondText)
  if (minutes >= 60 || seconds >= 60) return null
  // Fractional degrees followed by minutes ("119.5°30′") mean nothing.
  if (minuteText !== undefined && !Number.isInteger(degrees)) return null
  if (secondText !== undefined && !Number.isInteger(minutes)) return null
  const magnitude = degrees + minutes / 60 + seconds / 3600
  const negative = sign === '-' || hemisphere === 'S' || hemisphere === 'W'
  if (sign === '-' && (hemisphere === 'S' || hemisphere === 'W')) return null
  return { degrees: negative ? -magnitude : magnitude, hemisphere }
}

/** Decimal degrees of a DMS text, or null. */
export function dmsToDegrees(input: string): number | null {
  return parseDms(input)?.degrees ?? null
}
