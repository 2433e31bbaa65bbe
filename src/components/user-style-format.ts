/** Words and numbers of the user style panel and legend, shared by its components. */
import { monthParts } from '../user-data/styles/user-style-dates'
import {
  HEAT_COLOURS,
  NO_VALUE_COLOUR,
  RADIUS_RANGE,
  type ResolvedUserStyle,
} from '../user-data/styles/user-style-resolve'
import '../i18n/parts/after-first-view'

/** A value as the legend shows it: integers whole, others to at most two decimals. */
export function formatValue(n: number): string {
  if (Number.isInteger(n)) return String(n)
  return String(Number(n.toFixed(Math.abs(n) >= 100 ? 0 : 2)))
}

/** '2022年3月' / '3/2022' for a month key, through the message files. */
export function monthText(key: string, t: (key: string, named: Record<string, unknown>) => string): string {
  const parts = monthParts(key)
  if (!parts) return key
  return t('userStyle.monthLabel', { year: parts.year, month: parts.month })
}

type Translate = (key: string, named?: Record<string, unknown>) => string

/** A user layer's legend as swatches and lines, for the PNG export (the panel's legend is UserStyleLegend.vue). */
export function userLegendItems(
  style: ResolvedUserStyle,
  t: Translate,
): { label: string; colour: string; shape: 'fill' | 'circle' }[] {
  const items: { label: string; colour: string; shape: 'fill' | 'circle' }[] = []
  const colour = style.colour
  const count = (n: number) => `（${t('userStyle.count', { n: n.toLocaleString('en') })}）`
  if (colour.kind === 'categories') {
    for (const entry of colour.entries)
      items.push({
        label: `${colour.column}: ${entry.value}${count(entry.count)}`,
        colour: entry.colour,
        shape: 'fill',
      })
    if (colour.other)
      items.push({
        label: `${t('userStyle.other')}${count(colour.other.count)}`,
        colour: colour.other.colour,
        shape: 'fill',
      })
  } else if (colour.kind === 'graduated') {
    for (const c of colour.classification.classes)
      items.push({
        label: `${colour.column}: ${formatValue(c.min)} – ${formatValue(c.max)}${count(c.count)}`,
        colour: c.colour,
        shape: 'fill',
      })
  }
  if (colour.kind !== 'single' && colour.missing > 0)
    items.push({ label: `${t('userStyle.noValue')}${count(colour.missing)}`, colour: NO_VALUE_COLOUR, shape: 'fill' })
  if (style.size && style.display === 'points')
    items.push({
      label: t('userStyle.sizeLegend', { small: RADIUS_RANGE[0], large: RADIUS_RANGE[1], column: style.size.column }),
      colour: '#9ca3af',
      shape: 'circle',
    })
  if (style.display !== 'points') {
    const weight = style.weightColumn ?? t('userStyle.countWeight')
    const key = style.display === 'heatmap' ? 'userStyle.heatLegend' : 'userStyle.hexLegend'
    items.push({ label: t(key, { weight }), colour: HEAT_COLOURS[4], shape: 'fill' })
  }
  if (style.time?.month)
    items.push({
      label: t('userStyle.timeLegend', { column: style.time.column, month: monthText(style.time.month, t) }),
      colour: 'transparent',
      shape: 'fill',
    })
  return items
}
