import { describe, expect, it } from 'vitest'
import { estimateBytes, estimateBytesInSteps, utf8Length } from '../../../../src/user-data/kept/kept-storage'

describe('utf8Length (the kept size of a text column, counted without encoding it)', () => {
  const encoder = new TextEncoder()
  const samples = [
    '',
    'ascii only, 123',
    'é ü ß',
    '金东区 生态环境',
    'emoji 🌏🌫️ and 𠮷',
    'lone high \ud83c here',
    'lone low \udf0f here',
    'ends with a high surrogate \ud83c',
    '\udf0f\ud83c reversed pair',
    '\u007f\u0080\u07ff\u0800\uffff',
  ]
  for (const text of samples)
    it(`counts ${JSON.stringify(text)} as TextEncoder writes it`, () => {
      expect(utf8Length(text)).toBe(encoder.encode(text).length)
    })
})

describe('estimateBytesInSteps (a large point set counted a slice of text per task)', () => {
  const pointData = (text: string) => {
    const offsets = new Uint32Array([0, text.length])
    return {
      kind: 'points' as const,
      table: {
        length: 1,
        positions: new Float32Array([119.7, 29.1]),
        columns: [
          { name: '浓度', kind: 'number' as const, values: new Float64Array([1]) },
          { name: 'name', kind: 'text' as const, text, offsets },
        ],
      },
    }
  }
  // Pairs placed so that a step of 3 characters ends between their halves.
  const texts = ['ab🌏cd𠮷e', '金东🌏🌏🌏区', 'plain ascii text', '', '\ud83c lone']
  for (const text of texts)
    it(`gives what estimateBytes gives, in steps of 3 characters: ${JSON.stringify(text)}`, async () => {
      const value = pointData(text)
      await expect(estimateBytesInSteps(value, 3)).resolves.toBe(estimateBytes(value))
    })
  it('is estimateBytes for anything else', async () => {
    const value = { type: 'FeatureCollection', features: [{ name: '金东' }] }
    await expect(estimateBytesInSteps(value)).resolves.toBe(estimateBytes(value))
  })
})
