import { describe, expect, it } from 'vitest'
import { dmsToDegrees, parseDms } from '../../../../src/domain/geometry/dms'

const close = (value: number | null, expected: number) => {
  expect(value).not.toBeNull()
  expect(value!).toBeCloseTo(expected, 9)
}

describe('DMS coordinates', () => {
  const lng = 119 + 48 / 60 + 30 / 3600
  const lat = 29 + 9 / 60 + 30 / 3600
  it('reads the typographic, ASCII and Chinese forms', () => {
    close(dmsToDegrees('119°48′30″E'), lng)
    close(dmsToDegrees(`119°48'30"`), lng)
    close(dmsToDegrees(`119°48'30''`), lng)
    close(dmsToDegrees('119 48 30'), lng)
    close(dmsToDegrees('东经119度48分30秒'), lng)
    close(dmsToDegrees('北纬29度09分30秒'), lat)
    close(dmsToDegrees('E 119°48′30″'), lng)
    close(dmsToDegrees('29d09m30s'), lat)
    close(dmsToDegrees('东经\u3000119度48分30秒'), lng)
  })
  it('reads decimal minutes and decimal seconds', () => {
    close(dmsToDegrees('29°09.5′N'), 29 + 9.5 / 60)
    close(dmsToDegrees('北纬29度09分30.5秒'), 29 + 9 / 60 + 30.5 / 3600)
    close(dmsToDegrees('119.8°E'), 119.8)
  })
  it('makes south and west negative, and keeps the hemisphere', () => {
    close(dmsToDegrees('29°09′30″S'), -lat)
    close(dmsToDegrees('西经119度48分30秒'), -lng)
    close(dmsToDegrees('-119°48′30″'), -lng)
    expect(parseDms('29°09′30″N')?.hemisphere).toBe('N')
    expect(parseDms('南纬29度')?.hemisphere).toBe('S')
  })
  it('refuses what is not a coordinate', () => {
    for (const text of ['', '119.8', 'abc', '119°60′00″', '119°48′60″', '北纬29°N', '-29°S', '119.5°30′', '12x', '1,2'])
      expect(dmsToDegrees(text), text).toBeNull()
  })
})

describe('DMS coordinates: where the marks and letters may stand', () => {
  const lng = 119 + 48 / 60 + 30 / 3600
  it('reads full-width spaces between the parts, and a hemisphere letter with or without a space', () => {
    close(dmsToDegrees('119\u300048\u300030'), lng)
    close(dmsToDegrees('E119°48′30″'), lng)
    close(dmsToDegrees('119°48′30″ E'), lng)
    close(dmsToDegrees('W119°48′30″'), -lng)
  })
  it('refuses a hemisphere letter inside the value, decimal minutes followed by seconds, and minus with west', () => {
    for (const text of ['29°N09′', '29°09.5′30″', '-119°48′W', '-119°48′30″W'])
      expect(dmsToDegrees(text), text).toBeNull()
  })
})
