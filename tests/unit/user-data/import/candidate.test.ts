// The candidate list: features in order with where each came from, and the source of a failed parse.
import { describe, expect, test } from 'vitest'
import { CandidateList, failedSource } from '../../../../src/user-data/import/candidate'

describe('CandidateList', () => {
  test('keeps features in order with their origin; null stays null, 0 stays 0', () => {
    const list = new CandidateList()
    const feature = {
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'Point' as const, coordinates: [1, 2] },
    }
    list.push(feature, { featureIndex: 0, line: null })
    list.push(feature, { featureIndex: null, line: 7 })
    expect(list.length).toBe(2)
    expect(list.features).toEqual([feature, feature])
    expect(list.originAt(0)).toEqual({ featureIndex: 0, line: null })
    expect(list.originAt(1)).toEqual({ featureIndex: null, line: 7 })
    expect(list.originAt(5)).toEqual({ featureIndex: null, line: null })
  })

  test('a failed source has no candidates', () => {
    expect(failedSource()).toEqual({ candidates: new CandidateList(), rejectedCount: 0, failed: true })
    expect(failedSource(3).rejectedCount).toBe(3)
  })
})
