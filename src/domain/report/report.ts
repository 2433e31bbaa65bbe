/**
 * The figures of the 2022 work report (seeds/report/figures.json): run-time validation of the
 * JSON, look-up by id, and display formatting. Pure TypeScript: no Vue, MapLibre or deck.gl.
 *
 * The JSON is hand-extracted, so the validator is deliberately strict: a typo in a field name
 * or a value that disagrees with its own valueText is reported rather than silently shown.
 */
import type { ReportFigure, ReportTopic } from '../types'
import { numberFormat } from '../text/number-format'

/** Every ReportTopic, for run-time checks; the type assertion below keeps it in step with the union. */
export const REPORT_TOPICS = [
  'air',
  'water',
  'vocs',
  'mobile-source',
  'low-carbon',
  'zero-discharge',
  'solid-waste',
  'soil',
  'inspection-petitions',
  'enforcement',
  'business-services',
  'party-building',
  'problems',
  'plan-2023',
] as const satisfies readonly ReportTopic[]

// Fails to compile if a topic is added to ReportTopic but not to REPORT_TOPICS.
type MissingTopic = Exclude<ReportTopic, (typeof REPORT_TOPICS)[number]>
const topicListIsComplete: [MissingTopic] extends [never] ? true : false = true
void topicListIsComplete

const KNOWN_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'topic',
  'label',
  'value',
  'valueText',
  'unit',
  'period',
  'quote',
])

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
/** Arabic numerals as the report writes them: no grouping separators, no sign. */
const ARABIC_NUMBER = /^\d+(?:\.\d+)?$/
const ROMAN_NUMERAL = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/

const ROMAN_DIGITS: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 }

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
const CHINESE_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 }

/** The ordinal prefix of Chinese numbers: 第二名 is "second place". */
const ORDINAL_PREFIX = '第'

function romanToNumber(text: string): number | null {
  if (text === '' || !ROMAN_NUMERAL.test(text)) return null
  let total = 0
  for (let i = 0; i < text.length; i++) {
    const current = ROMAN_DIGITS[text[i]!]!
    const next = i + 1 < text.length ? ROMAN_DIGITS[text[i + 1]!]! : 0
    // Subtractive notation: a smaller numeral before a larger one (IV, XC) counts negative.
    total += current < next ? -current : current
  }
  return total
}

function chineseToNumber(text: string): number | null {
  if (text === '') return null
  let total = 0 // completed 万 groups
  let section = 0 // value below 万 so far
  let pendingDigit: number | null = null
  for (const char of text) {
    const digit = CHINESE_DIGITS[char]
    if (digit !== undefined) {
      pendingDigit = digit
      continue
    }
    const smallUnit = CHINESE_SMALL_UNITS[char]
    if (smallUnit !== undefined) {
      // A bare leading 十 means 一十 (十二 = 12).
      section += (pendingDigit ?? 1) * smallUnit
      pendingDigit = null
      continue
    }
    if (char === '万') {
      total += (section + (pendingDigit ?? 0)) * 10_000
      section = 0
      pendingDigit = null
      continue
    }
    return null
  }
  return total + section + (pendingDigit ?? 0)
}

/**
 * The value of a number written in Roman numerals ("III" → 3) or Chinese numerals
 * ("四" → 4, "两" → 2, "十二" → 12), with an optional ordinal 第 ("第二" → 2).
 * Returns null for anything else, including Arabic digits (see valueTextToNumber).
 */
export function romanOrChineseToNumber(text: string): number | null {
  const trimmed = text.trim()
  const unprefixed = trimmed.startsWith(ORDINAL_PREFIX) ? trimmed.slice(ORDINAL_PREFIX.length) : trimmed
  return romanToNumber(unprefixed) ?? chineseToNumber(unprefixed)
}

/** The value of a valueText in any of the report's notations, or null if it is none of them. */
export function valueTextToNumber(valueText: string): number | null {
  if (ARABIC_NUMBER.test(valueText)) return Number.parseFloat(valueText)
  return romanOrChineseToNumber(valueText)
}

/** A short description of a wrong value for an error message: strings quoted, others named. */
function describeFound(found: unknown): string {
  if (found === null) return 'null'
  if (Array.isArray(found)) return 'an array'
  if (typeof found === 'string') return JSON.stringify(found)
  // JSON.stringify would turn NaN and Infinity into "null", which hides the actual problem.
  if (typeof found === 'number') return String(found)
  if (typeof found === 'object') return 'an object'
  return `${typeof found} ${String(found)}`
}

function isPlainObject(candidate: unknown): candidate is Record<string, unknown> {
  return typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate)
}

function isReportTopic(candidate: unknown): candidate is ReportTopic {
  return typeof candidate === 'string' && (REPORT_TOPICS as readonly string[]).includes(candidate)
}

/**
 * Checks one entry and returns it typed, or null after pushing at least one message to `problems`.
 * `problems` holds messages without the "figure N" prefix; the caller adds it.
 */
function checkFigure(entry: Record<string, unknown>, problems: string[]): ReportFigure | null {
  const startingProblemCount = problems.length

  const requireString = (field: string, allowEmpty: boolean): string | null => {
    const found = entry[field]
    if (found === undefined) {
      problems.push(`field "${field}" is missing`)
      return null
    }
    if (typeof found !== 'string' || (!allowEmpty && found.trim() === '')) {
      problems.push(`field "${field}" must be a${allowEmpty ? '' : ' non-empty'} string, found ${describeFound(found)}`)
      return null
    }
    return found
  }

  for (const field of Object.keys(entry)) {
    if (!KNOWN_FIELDS.has(field)) problems.push(`unknown field "${field}"`)
  }

  const id = requireString('id', false)
  if (id !== null && !KEBAB_CASE.test(id)) {
    problems.push(`field "id" must be kebab-case (a-z, 0-9 and single hyphens), found ${describeFound(id)}`)
  }

  let topic: ReportTopic | null = null
  if (entry.topic === undefined) problems.push('field "topic" is missing')
  else if (!isReportTopic(entry.topic)) {
    problems.push(`field "topic" must be one of ${REPORT_TOPICS.join(', ')}; found ${describeFound(entry.topic)}`)
  } else topic = entry.topic

  let label: ReportFigure['label'] | null = null
  if (entry.label === undefined) problems.push('field "label" is missing')
  else if (!isPlainObject(entry.label)) {
    problems.push(`field "label" must be an object with "zh" and "en", found ${describeFound(entry.label)}`)
  } else {
    const { zh, en } = entry.label
    if (typeof zh !== 'string' || zh.trim() === '') {
      problems.push(
        `field "label.zh" must be a non-empty string, found ${zh === undefined ? 'nothing' : describeFound(zh)}`,
      )
    }
    if (typeof en !== 'string' || en.trim() === '') {
      problems.push(
        `field "label.en" must be a non-empty string, found ${en === undefined ? 'nothing' : describeFound(en)}`,
      )
    }
    if (typeof zh === 'string' && typeof en === 'string') label = { zh, en }
  }

  let value: number | null = null
  if (entry.value === undefined) problems.push('field "value" is missing')
  else if (typeof entry.value !== 'number' || !Number.isFinite(entry.value)) {
    problems.push(`field "value" must be a finite number, found ${describeFound(entry.value)}`)
  } else value = entry.value

  const valueText = requireString('valueText', false)
  // A unit may legitimately be empty (a bare count), so only its type is checked.
  const unit = requireString('unit', true)
  const period = requireString('period', false)
  const quote = requireString('quote', false)

  if (valueText !== null) {
    const converted = valueTextToNumber(valueText)
    if (converted === null) {
      problems.push(`field "valueText" must be Arabic, Roman or Chinese numerals, found ${describeFound(valueText)}`)
    } else if (value !== null && converted !== value) {
      problems.push(`field "valueText" ${describeFound(valueText)} reads as ${converted}, but "value" is ${value}`)
    }
    if (quote !== null && !quote.includes(valueText)) {
      problems.push(`field "quote" must contain valueText ${describeFound(valueText)}, found ${describeFound(quote)}`)
    }
  }

  if (problems.length > startingProblemCount) return null
  // Every field was checked above; the nulls can only remain when a problem was pushed.
  if (
    id === null ||
    topic === null ||
    label === null ||
    value === null ||
    valueText === null ||
    unit === null ||
    period === null ||
    quote === null
  )
    return null
  return { id, topic, label, value, valueText, unit, period, quote }
}

/**
 * Validates parsed figures.json. Returns the valid figures (in input order) and one message per
 * problem, each naming the index and, when it has one, the id, e.g.
 * `figure 12 (id "vocs-rectified"): field "value" must be a finite number, found "abc"`.
 * An entry with any problem is left out of `figures`.
 */
export function parseReportFigures(json: unknown): { figures: ReportFigure[]; errors: string[] } {
  const figures: ReportFigure[] = []
  const errors: string[] = []
  if (!Array.isArray(json)) {
    errors.push(`figures must be a JSON array, found ${describeFound(json)}`)
    return { figures, errors }
  }

  const firstIndexById = new Map<string, number>()
  json.forEach((entry: unknown, index) => {
    if (!isPlainObject(entry)) {
      errors.push(`figure ${index}: must be an object, found ${describeFound(entry)}`)
      return
    }
    const rawId = entry.id
    const where =
      typeof rawId === 'string' && rawId !== '' ? `figure ${index} (id ${JSON.stringify(rawId)})` : `figure ${index}`

    const problems: string[] = []
    const figure = checkFigure(entry, problems)
    if (typeof rawId === 'string' && rawId !== '') {
      const earlier = firstIndexById.get(rawId)
      if (earlier !== undefined) problems.push(`field "id" duplicates figure ${earlier}`)
      else firstIndexById.set(rawId, index)
    }

    for (const problem of problems) errors.push(`${where}: ${problem}`)
    if (figure !== null && problems.length === 0) figures.push(figure)
  })
  return { figures, errors }
}

export function figureById(figures: readonly ReportFigure[], id: string): ReportFigure | undefined {
  return figures.find((figure) => figure.id === id)
}

/**
 * English forms of the report's units. `one`/`other` follow the number ("1 time", "20 times");
 * `ordinal` is used when the report writes an ordinal (第二名 → "2nd place"); `prefix` comes before
 * the number (III类 → "Class III"). An empty string shows the bare number: 个 is a measure word
 * with no English counterpart, and the figure's label says what is counted.
 * Units not listed here are shown as the report writes them.
 */
interface EnglishUnit {
  one?: string
  other?: string
  ordinal?: string
  prefix?: string
}

const ENGLISH_UNITS: Readonly<Record<string, EnglishUnit>> = {
  '%': { one: '%', other: '%' },
  'μg/m³': { one: 'μg/m³', other: 'μg/m³' },
  个: { one: '', other: '' },
  家: { one: 'enterprise', other: 'enterprises' },
  家次: { one: 'inspection', other: 'inspections' },
  辆: { one: 'vehicle', other: 'vehicles' },
  台: { one: 'machine', other: 'machines' },
  件: { one: 'case', other: 'cases' },
  份: { one: 'document', other: 'documents' },
  次: { one: 'time', other: 'times' },
  名: { one: 'person', other: 'people', ordinal: 'place' },
  批: { one: 'batch', other: 'batches', ordinal: 'batch' },
  年: { one: 'year', other: 'years' },
  个工作日: { one: 'working day', other: 'working days' },
  类: { prefix: 'Class' },
}

/**
 * Units counted in 万 (ten thousand): English has no such unit, so the amount is written out
 * ("CNY 860,800", "50,000 t/yr"); whole millions of yuan read as "CNY 10 million".
 */
const WAN = 10_000

/** A 万元 amount in English: "CNY 860,800", "CNY 1,667,000", "CNY 10 million". */
export function formatWanYuanEnglish(wan: number): string {
  const yuan = Math.round(wan * WAN * 100) / 100
  const grouped = (n: number) => numberFormat('en', { maximumFractionDigits: 2 }).format(n)
  if (yuan >= 1_000_000 && yuan % 1_000_000 === 0) return `CNY ${grouped(yuan / 1_000_000)} million`
  return `CNY ${grouped(yuan)}`
}

/** Units written straight after the number with no space, as in "86.1%". */
const UNITS_WITHOUT_SPACE: ReadonlySet<string> = new Set(['%'])

function englishOrdinal(value: number): string {
  const lastTwo = value % 100
  if (lastTwo >= 11 && lastTwo <= 13) return `${value}th`
  const suffixByLastDigit: Readonly<Record<number, string>> = { 1: 'st', 2: 'nd', 3: 'rd' }
  return `${value}${suffixByLastDigit[value % 10] ?? 'th'}`
}

function joinNumberAndUnit(numberText: string, unitText: string, unitKey: string): string {
  if (unitText === '') return numberText
  return UNITS_WITHOUT_SPACE.has(unitKey) ? `${numberText}${unitText}` : `${numberText} ${unitText}`
}

/**
 * A figure for display.
 * - zh-CN: Arabic figures get digit grouping and the report's unit ("1,095 家次", "86.1%",
 *   "26 μg/m³"); figures the report writes in Roman or Chinese numerals are shown exactly as
 *   written, glued to the unit as Chinese writes them ("III类", "第二名", "四年").
 * - en: grouped number with the unit from ENGLISH_UNITS ("1,095 inspections", "Class III",
 *   "2nd place"); 万 amounts written out ("CNY 860,800", "CNY 10 million", "50,000 t/yr");
 *   unknown units fall back to the report's unit.
 */
export function formatFigure(figure: ReportFigure, locale: 'zh-CN' | 'en'): string {
  const isArabic = ARABIC_NUMBER.test(figure.valueText)
  const groupedNumber = numberFormat(locale, { maximumFractionDigits: 20 }).format(figure.value)

  if (locale === 'zh-CN') {
    if (!isArabic) return `${figure.valueText}${figure.unit}`
    return joinNumberAndUnit(groupedNumber, figure.unit, figure.unit)
  }

  if (figure.unit === '万元') return formatWanYuanEnglish(figure.value)
  if (figure.unit === '万吨/年') return `${numberFormat('en').format(Math.round(figure.value * WAN))} t/yr`
  const englishUnit = ENGLISH_UNITS[figure.unit]
  if (englishUnit === undefined) return joinNumberAndUnit(groupedNumber, figure.unit, figure.unit)
  // Roman numerals read the same in English, so they are kept as written.
  const isRoman = romanToNumber(figure.valueText) !== null
  const numberText = isRoman ? figure.valueText : groupedNumber
  if (englishUnit.prefix !== undefined) return `${englishUnit.prefix} ${numberText}`
  if (figure.valueText.startsWith(ORDINAL_PREFIX)) {
    const ordinalText = englishOrdinal(figure.value)
    return englishUnit.ordinal ? `${ordinalText} ${englishUnit.ordinal}` : ordinalText
  }
  const unitText = (figure.value === 1 ? englishUnit.one : englishUnit.other) ?? figure.unit
  return joinNumberAndUnit(numberText, unitText, figure.unit)
}
