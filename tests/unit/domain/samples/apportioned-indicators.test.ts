import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { apportionLargestRemainder } from '../../../../src/domain/indicators/apportion'
import { generateApportionedIndicators } from '../../../../src/domain/samples/apportioned-indicators'

// The real apportionment by default; a test can swap in a faulty one to reach the generator's own check.
vi.mock('../../../../src/domain/indicators/apportion', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../src/domain/indicators/apportion')>()
  return { ...actual, apportionLargestRemainder: vi.fn(actual.apportionLargestRemainder) }
})

const REPORT = readFileSync(
  fileURLToPath(new URL('../../../../seeds/report/jindong-2022-environment-work-report.txt', import.meta.url)),
  'utf8',
)
const TOWNS = [14, 9, 12, 8, 10, 9, 6, 7, 8, 5, 3].map((weight, i) => ({
  code: `T${String(i + 1).padStart(2, '0')}`,
  weight,
}))

describe('generateApportionedIndicators', () => {
  const sample = generateApportionedIndicators({ towns: TOWNS })
  const byId = (id: string) => sample.indicators.find((indicator) => indicator.id === id)

  it('splits the report totals exactly over the given towns', () => {
    const totals = Object.fromEntries(sample.indicators.map((indicator) => [indicator.id, indicator.total]))
    expect(totals).toEqual({
      'vocs-rectifications': 74,
      'petitions-round1-central': 81,
      'petitions-round1-provincial': 67,
      'petitions-round1-total': 148,
      'petitions-round2-central': 54,
    })
    for (const indicator of sample.indicators) {
      expect(indicator.perTown.map((entry) => entry.townCode)).toEqual(TOWNS.map((town) => town.code))
      expect(indicator.perTown.reduce((sum, entry) => sum + entry.value, 0)).toBe(indicator.total)
      expect(indicator.perTown.every((entry) => Number.isInteger(entry.value) && entry.value >= 0)).toBe(true)
    }
  })

  it('makes the first-round total the per-town sum of central and provincial', () => {
    const central = byId('petitions-round1-central')
    const provincial = byId('petitions-round1-provincial')
    byId('petitions-round1-total')?.perTown.forEach((entry, t) => {
      expect(entry.value).toBe((central?.perTown[t]?.value ?? -1) + (provincial?.perTown[t]?.value ?? -1))
    })
  })

  it('quotes the report word for word', () => {
    for (const indicator of sample.indicators) {
      expect(REPORT).toContain(indicator.quote)
      expect(indicator.quote).toContain(String(indicator.total))
    }
  })

  it('honours per-indicator weights', () => {
    const towns = TOWNS.map((town, i) => ({ ...town, weights: { 'vocs-rectifications': i === 0 ? 1 : 0 } }))
    const vocs = generateApportionedIndicators({ towns }).indicators.find(
      (indicator) => indicator.id === 'vocs-rectifications',
    )
    expect(vocs?.perTown[0]?.value).toBe(74)
  })

  it('is deterministic and labelled as sample data', () => {
    expect(generateApportionedIndicators({ towns: TOWNS })).toEqual(sample)
    expect(sample.provenance).toBe('sample')
    expect(sample.sampleNote.zh).toContain('样例数据')
  })

  it('rejects duplicate or missing towns', () => {
    expect(() => generateApportionedIndicators({ towns: [] })).toThrow('apportioned indicators: need at least one town')
    expect(() =>
      generateApportionedIndicators({
        towns: [
          { code: 'A', weight: 1 },
          { code: 'A', weight: 2 },
        ],
      }),
    ).toThrow('apportioned indicators: town codes must be unique')
  })

  describe('with a faulty apportionment', () => {
    afterEach(() => {
      vi.mocked(apportionLargestRemainder).mockReset()
    })

    it('refuses a split that misses the report total, naming the indicator and both sums', () => {
      const real = vi.mocked(apportionLargestRemainder).getMockImplementation() as typeof apportionLargestRemainder
      // Loses one unit of the 54 second-round petitions, and only those.
      vi.mocked(apportionLargestRemainder).mockImplementation((total, weights) =>
        real(total, weights).map((n, t) => (total === 54 && t === 0 ? n - 1 : n)),
      )
      expect(() => generateApportionedIndicators({ towns: TOWNS })).toThrow(
        "apportioned indicators: petitions-round2-central sums to 53, not the report's 54",
      )
    })
  })
})
