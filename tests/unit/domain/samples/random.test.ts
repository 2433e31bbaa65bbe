import { describe, expect, it } from 'vitest'
import { createRandom, deriveSeed } from '../../../../src/domain/samples/random'

describe('createRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number): number[] => {
      const random = createRandom(seed)
      return Array.from({ length: 20 }, () => random.next())
    }
    expect(draw(42)).toEqual(draw(42))
    expect(draw(42)).not.toEqual(draw(43))
  })

  it('draws within range with a sensible spread', () => {
    const random = createRandom(1)
    const values = Array.from({ length: 20_000 }, () => random.next())
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true)
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01)
    const ints = Array.from({ length: 6000 }, () => random.int(1, 6))
    expect(new Set(ints)).toEqual(new Set([1, 2, 3, 4, 5, 6]))
    const normals = Array.from({ length: 20_000 }, () => random.normal(10, 2))
    const normalMean = normals.reduce((sum, value) => sum + value, 0) / normals.length
    const sd = Math.sqrt(normals.reduce((sum, value) => sum + (value - normalMean) ** 2, 0) / normals.length)
    expect(Math.abs(normalMean - 10)).toBeLessThan(0.05)
    expect(Math.abs(sd - 2)).toBeLessThan(0.05)
  })

  it('shuffles a copy deterministically and picks from the list', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8]
    const shuffled = createRandom(9).shuffle(items)
    expect(shuffled).toEqual(createRandom(9).shuffle(items))
    expect(shuffled.slice().sort((a, b) => a - b)).toEqual(items)
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(items).toContain(createRandom(9).pick(items))
  })

  it('rejects bad arguments', () => {
    expect(() => createRandom(Number.NaN)).toThrow(/seed/)
    const random = createRandom(1)
    expect(() => random.int(3, 1)).toThrow()
    expect(() => random.int(0.5, 2)).toThrow()
    expect(() => random.normal(0, -1)).toThrow()
    expect(() => random.pick([])).toThrow(/empty/)
  })

  it('uniform refuses a range that is not finite or runs backwards, saying so; a one-point range gives it', () => {
    const random = createRandom(1)
    expect(() => random.uniform(2, 1)).toThrow(new Error('random.uniform: need finite min <= max, got [2, 1]'))
    expect(() => random.uniform(Number.NaN, 1)).toThrow(
      new Error('random.uniform: need finite min <= max, got [NaN, 1]'),
    )
    expect(() => random.uniform(0, Number.POSITIVE_INFINITY)).toThrow(
      new Error('random.uniform: need finite min <= max, got [0, Infinity]'),
    )
    expect(random.uniform(1, 1)).toBe(1)
  })

  it('int refuses a backwards or fractional range, saying so; a one-value range gives that value', () => {
    const random = createRandom(1)
    expect(() => random.int(3, 1)).toThrow(new Error('random.int: need integers min <= max, got [3, 1]'))
    expect(() => random.int(0.5, 2)).toThrow(new Error('random.int: need integers min <= max, got [0.5, 2]'))
    expect(random.int(3, 3)).toBe(3)
  })

  it('normal refuses a negative or non-finite sd and a non-finite mean, saying so; sd 0 gives the mean', () => {
    const random = createRandom(1)
    expect(() => random.normal(0, -1)).toThrow(new Error('random.normal: need a finite mean and sd >= 0, got (0, -1)'))
    expect(() => random.normal(Number.NaN, 1)).toThrow(
      new Error('random.normal: need a finite mean and sd >= 0, got (NaN, 1)'),
    )
    expect(() => random.normal(0, Number.POSITIVE_INFINITY)).toThrow(
      new Error('random.normal: need a finite mean and sd >= 0, got (0, Infinity)'),
    )
    expect(random.normal(5, 0)).toBe(5)
  })

  it('derives distinct, stable sub-stream seeds', () => {
    expect(deriveSeed(1, 'air-daily')).toBe(deriveSeed(1, 'air-daily'))
    expect(deriveSeed(1, 'air-daily')).not.toBe(deriveSeed(1, 'air-stations'))
    expect(deriveSeed(1, 'air-daily')).not.toBe(deriveSeed(2, 'air-daily'))
    expect(Number.isInteger(deriveSeed(1, 'x')) && deriveSeed(1, 'x') >= 0).toBe(true)
  })
})
