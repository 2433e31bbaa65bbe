import { describe, expect, it } from 'vitest'
import { utf8Length } from '../../src/data/kept-storage'

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
