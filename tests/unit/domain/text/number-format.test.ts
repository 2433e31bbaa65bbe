import { describe, expect, it } from 'vitest'
import { numberFormat } from '../../../../src/domain/text/number-format'

describe('numberFormat', () => {
  it('formats as Intl.NumberFormat does, one instance per locale and options', () => {
    expect(numberFormat('en').format(1095)).toBe('1,095')
    expect(numberFormat('en', { maximumFractionDigits: 2 }).format(86.125)).toBe('86.13')
    expect(numberFormat('en')).toBe(numberFormat('en'))
    expect(numberFormat('en', { maximumFractionDigits: 2 })).toBe(numberFormat('en', { maximumFractionDigits: 2 }))
    // Different options or locales are different formats, never the first one kept.
    expect(numberFormat('en', { maximumFractionDigits: 0 }).format(86.125)).toBe('86')
    expect(numberFormat('de').format(1095)).toBe('1.095')
  })
})
