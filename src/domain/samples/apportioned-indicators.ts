/**
 * Per-township SAMPLE breakdowns of district totals that the work report gives only for the whole
 * district. The totals are the report's; the split over townships is invented, by
 * apportionLargestRemainder over caller-given weights, so the township values always add back to
 * the report's total exactly. No randomness: the same weights give the same split.
 */
import { apportionLargestRemainder } from '../indicators/apportion'
import type { TownCode } from '../types'

export type ApportionedIndicatorId =
  | 'vocs-rectifications'
  | 'petitions-round1-central'
  | 'petitions-round1-provincial'
  | 'petitions-round1-total'
  | 'petitions-round2-central'

export interface ApportionedIndicatorDefinition {
  id: ApportionedIndicatorId
  label: { zh: string; en: string }
  /** District total from the report. */
  total: number
  unit: { zh: string; en: string }
  period: string
  /** Exact words of the report the total comes from. */
  quote: string
}

/**
 * Indicators apportioned directly. The first-round total (148) is not apportioned on its own: it is
 * the per-town sum of the central (81) and provincial (67) splits, so the three figures agree.
 */
export const APPORTIONED_INDICATORS: readonly ApportionedIndicatorDefinition[] = [
  {
    id: 'vocs-rectifications',
    label: { zh: 'VOCs突出问题整治', en: 'VOCs problem rectifications' },
    total: 74,
    unit: { zh: '个', en: 'problems' },
    period: '2022-01/2022-10',
    quote: '1-10月完成74个VOCs突出问题整治',
  },
  {
    id: 'petitions-round1-central',
    label: { zh: '第一轮中央环保督察信访交办件', en: 'Petitions, first-round central inspection' },
    total: 81,
    unit: { zh: '件', en: 'cases' },
    period: 'first round of inspections',
    quote: '其中中央环保督察81件',
  },
  {
    id: 'petitions-round1-provincial',
    label: { zh: '第一轮省级环保督察信访交办件', en: 'Petitions, first-round provincial inspection' },
    total: 67,
    unit: { zh: '件', en: 'cases' },
    period: 'first round of inspections',
    quote: '省级环保督察67件',
  },
  {
    id: 'petitions-round2-central',
    label: { zh: '第二轮中央生态环境保护督察交办信访件', en: 'Petitions, second-round central inspection' },
    total: 54,
    unit: { zh: '件', en: 'cases' },
    period: 'second round of inspections',
    // The report adds that 2 of the 54 were handled jointly with other counties; they are split like the rest.
    quote: '第二轮中央生态环境保护督察交办信访件54件',
  },
]

const ROUND1_TOTAL: ApportionedIndicatorDefinition = {
  id: 'petitions-round1-total',
  label: { zh: '第一轮中央及省级环保督察信访交办件', en: 'Petitions, first-round central and provincial inspections' },
  total: 148,
  unit: { zh: '件', en: 'cases' },
  period: 'first round of inspections',
  quote: '我区共收到信访交办件148件',
}

export interface ApportionTownInput {
  code: TownCode
  /** Default weight for every indicator (e.g. population or number of enterprises). */
  weight: number
  /** Per-indicator weights, e.g. industrial output for VOCs; falls back to `weight`. */
  weights?: Partial<Record<Exclude<ApportionedIndicatorId, 'petitions-round1-total'>, number>>
}

export interface ApportionedIndicator extends ApportionedIndicatorDefinition {
  perTown: { townCode: TownCode; value: number }[]
}

export interface ApportionedIndicatorsSample {
  provenance: 'sample'
  indicators: ApportionedIndicator[]
  sampleNote: { zh: string; en: string }
}

export const APPORTIONED_INDICATORS_NOTE = {
  zh: '样例数据：各乡镇（街道）数值为按权重拆分的示意值；全区合计为《2022年工作总结》中的数字。',
  en:
    'Sample data: the per-township values are an invented split by weights; ' +
    "the district totals are the 2022 work report's figures.",
} as const

export function generateApportionedIndicators(opts: {
  towns: readonly ApportionTownInput[]
}): ApportionedIndicatorsSample {
  const { towns } = opts
  if (towns.length === 0) throw new Error('apportioned indicators: need at least one town')
  if (new Set(towns.map((town) => town.code)).size !== towns.length) {
    throw new Error('apportioned indicators: town codes must be unique')
  }
  const direct: ApportionedIndicator[] = APPORTIONED_INDICATORS.map((definition) => {
    const id = definition.id as Exclude<ApportionedIndicatorId, 'petitions-round1-total'>
    const values = apportionLargestRemainder(
      definition.total,
      towns.map((town) => town.weights?.[id] ?? town.weight),
    )
    return { ...definition, perTown: towns.map((town, t) => ({ townCode: town.code, value: values[t] as number })) }
  })
  const byId = (id: ApportionedIndicatorId): ApportionedIndicator =>
    direct.find((indicator) => indicator.id === id) as ApportionedIndicator
  const central = byId('petitions-round1-central')
  const provincial = byId('petitions-round1-provincial')
  const round1Total: ApportionedIndicator = {
    ...ROUND1_TOTAL,
    perTown: towns.map((town, t) => ({
      townCode: town.code,
      value: (central.perTown[t]?.value ?? 0) + (provincial.perTown[t]?.value ?? 0),
    })),
  }
  const indicators = [byId('vocs-rectifications'), central, provincial, round1Total, byId('petitions-round2-central')]
  for (const indicator of indicators) {
    const sum = indicator.perTown.reduce((total, entry) => total + entry.value, 0)
    if (sum !== indicator.total) {
      throw new Error(`apportioned indicators: ${indicator.id} sums to ${sum}, not the report's ${indicator.total}`)
    }
  }
  return {
    provenance: 'sample',
    indicators,
    sampleNote: { zh: APPORTIONED_INDICATORS_NOTE.zh, en: APPORTIONED_INDICATORS_NOTE.en },
  }
}
