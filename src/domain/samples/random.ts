/**
 * Seeded pseudo-random numbers for the sample-data generators.
 *
 * Why not Math.random: every sample layer must be reproducible from its seed, so that the build
 * output, the unit tests and the figures quoted in docs/sample-data.md agree run after run.
 * The generator is mulberry32 (a 32-bit state, one multiply-xorshift round per draw): tiny, fast,
 * and good enough for invented map points — it is NOT for cryptography.
 */

export interface Random {
  /** Uniform float in [0, 1). */
  next(): number
  /** Uniform float in [min, max). */
  uniform(min: number, max: number): number
  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number
  /** Normal (Gaussian) draw, Box–Muller transform. */
  normal(mean: number, sd: number): number
  /** One element, uniformly; throws on an empty list. */
  pick<T>(items: readonly T[]): T
  /** A shuffled copy (Fisher–Yates); the input is left untouched. */
  shuffle<T>(items: readonly T[]): T[]
}

const TWO_POW_32 = 4294967296

/** Weyl-sequence increment of mulberry32 (an odd constant, so the state visits all 2^32 values). */
const MULBERRY_INCREMENT = 0x6d2b79f5

function assertSeed(seed: number): void {
  if (!Number.isFinite(seed)) {
    throw new Error(`random: seed must be a finite number, got ${String(seed)}`)
  }
}

/**
 * One mulberry32 stream. The state is advanced by a Weyl step and then scrambled; the scrambling
 * is what turns consecutive states into well-spread 32-bit outputs.
 */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + MULBERRY_INCREMENT) >>> 0
    let mixed = Math.imul(state ^ (state >>> 15), state | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / TWO_POW_32
  }
}

export function createRandom(seed: number): Random {
  assertSeed(seed)
  const nextFloat = mulberry32(seed)

  const random: Random = {
    next: nextFloat,
    uniform(min, max) {
      if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
        throw new Error(`random.uniform: need finite min <= max, got [${min}, ${max}]`)
      }
      return min + (max - min) * nextFloat()
    },
    int(min, max) {
      if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
        throw new Error(`random.int: need integers min <= max, got [${min}, ${max}]`)
      }
      return min + Math.floor(nextFloat() * (max - min + 1))
    },
    normal(mean, sd) {
      if (!Number.isFinite(mean) || !Number.isFinite(sd) || sd < 0) {
        throw new Error(`random.normal: need a finite mean and sd >= 0, got (${mean}, ${sd})`)
      }
      // 1 - next() lies in (0, 1], so the logarithm is always finite.
      const u1 = 1 - nextFloat()
      const u2 = nextFloat()
      return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('random.pick: cannot pick from an empty list')
      return items[Math.floor(nextFloat() * items.length)] as T
    },
    shuffle<T>(items: readonly T[]): T[] {
      const copy = items.slice()
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(nextFloat() * (i + 1))
        const held = copy[i] as T
        copy[i] = copy[j] as T
        copy[j] = held
      }
      return copy
    },
  }
  return random
}

/**
 * A seed for an independent sub-stream, e.g. deriveSeed(seed, 'air-stations').
 * Why: each part of a sample draws from its own stream, so adding a station does not shift the
 * random numbers behind the daily series, and two parts never share draws by accident.
 * FNV-1a hashes the label; the murmur3 finaliser then mixes it with the seed.
 */
export function deriveSeed(seed: number, label: string): number {
  assertSeed(seed)
  let hash = 0x811c9dc5
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  let mixed = (hash ^ Math.imul(Math.trunc(seed) >>> 0, 0x9e3779b1)) >>> 0
  mixed ^= mixed >>> 16
  mixed = Math.imul(mixed, 0x85ebca6b)
  mixed ^= mixed >>> 13
  mixed = Math.imul(mixed, 0xc2b2ae35)
  mixed ^= mixed >>> 16
  return mixed >>> 0
}
