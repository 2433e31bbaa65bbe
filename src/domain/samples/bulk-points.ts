/**
 * SAMPLE: a million invented air-quality readings over 金东区, for the benchmarks only.
 *
 * Why: the heatmap and aggregation engines must be measured at the size the issue names (1,000,000
 * points), far beyond the app's own sample. The points are deterministic (seeded), lie inside the
 * given box, and cluster around the township seats the way sensors do (most near the built-up
 * seats, the rest spread over the countryside). They reconcile with nothing in the report.
 *
 * Returned as typed arrays, ready to transfer to a worker or hand to deck.gl as binary attributes.
 */
import { aqi } from '../air/aqi'
import { createRandom, deriveSeed, type Random } from './random'

/** What a point's `kinds` value means: the kind of sensor that took the reading. */
export const BULK_READING_KINDS = ['fixed-station', 'micro-sensor', 'mobile'] as const

export interface BulkReadingsOptions {
  /** [west, south, east, north]; every point lies inside it. */
  bbox: readonly [number, number, number, number]
  /** Township seats [lng, lat]: points cluster around them. */
  centres: readonly (readonly [number, number])[]
  count?: number
  seed?: number
  /** Share of points drawn near a seat rather than uniformly over the box. */
  clusteredShare?: number
  /** Standard deviation of a cluster, in km. */
  clusterSpreadKm?: number
}

export interface BulkReadings {
  count: number
  /** lng,lat interleaved. */
  positions: Float64Array
  /** Report month 1..10. */
  months: Uint8Array
  /** Index into BULK_READING_KINDS. */
  kinds: Uint8Array
  /** μg/m³: PM2.5 and PM10 24-hour means, O3 daily maximum 8-hour mean. */
  pm25: Float32Array
  pm10: Float32Array
  o3_8h: Float32Array
}

/** Invented monthly levels (μg/m³), shaped like the app's air sample: PM high in winter, O3 in late summer. */
const PM25_BY_MONTH = [46, 37, 35, 27, 22, 16, 14, 15, 19, 25]
const O3_BY_MONTH = [72, 86, 104, 126, 142, 124, 132, 140, 152, 110]
const KM_PER_DEGREE_LAT = 111.32

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value))
}

/** A point near a seat, redrawn (a few times) until it falls inside the box, else uniform. */
function clusteredPoint(
  random: Random,
  options: Required<BulkReadingsOptions>,
): { lng: number; lat: number; nearness: number } {
  const [west, south, east, north] = options.bbox
  const centre = random.pick(options.centres)
  const spreadLat = options.clusterSpreadKm / KM_PER_DEGREE_LAT
  const spreadLng = spreadLat / Math.cos((centre[1] * Math.PI) / 180)
  for (let attempt = 0; attempt < 4; attempt++) {
    const dLng = random.normal(0, spreadLng)
    const dLat = random.normal(0, spreadLat)
    const lng = centre[0] + dLng
    const lat = centre[1] + dLat
    if (lng >= west && lng <= east && lat >= south && lat <= north) {
      // 1 at the seat, falling off with distance: towns are a little more polluted than fields.
      const nearness = Math.exp(-((dLng / spreadLng) ** 2 + (dLat / spreadLat) ** 2) / 2)
      return { lng, lat, nearness }
    }
  }
  return { lng: random.uniform(west, east), lat: random.uniform(south, north), nearness: 0 }
}

export function generateBulkReadings(input: BulkReadingsOptions): BulkReadings {
  const options: Required<BulkReadingsOptions> = {
    count: 1_000_000,
    seed: 20221031,
    clusteredShare: 0.75,
    clusterSpreadKm: 2.5,
    ...input,
  }
  if (!Number.isSafeInteger(options.count) || options.count < 0)
    throw new RangeError(`bulk readings: count must be a whole number >= 0, got ${options.count}`)
  if (options.centres.length === 0) throw new Error('bulk readings: need at least one centre (township seat)')
  // A spread of 0 would divide 0 by 0 in the nearness of every clustered point (NaN readings).
  if (!(options.clusterSpreadKm > 0 && Number.isFinite(options.clusterSpreadKm)))
    throw new RangeError(`bulk readings: clusterSpreadKm must be a distance > 0 km, got ${options.clusterSpreadKm}`)
  const [west, south, east, north] = options.bbox
  if (!(west < east && south < north))
    throw new RangeError(`bulk readings: bbox must be [west, south, east, north], got ${options.bbox.join(', ')}`)

  const placeRandom = createRandom(deriveSeed(options.seed, 'bulk-positions'))
  const valueRandom = createRandom(deriveSeed(options.seed, 'bulk-values'))
  const { count } = options
  const readings: BulkReadings = {
    count,
    positions: new Float64Array(count * 2),
    months: new Uint8Array(count),
    kinds: new Uint8Array(count),
    pm25: new Float32Array(count),
    pm10: new Float32Array(count),
    o3_8h: new Float32Array(count),
  }
  for (let i = 0; i < count; i++) {
    const clustered = placeRandom.next() < options.clusteredShare
    const point = clustered
      ? clusteredPoint(placeRandom, options)
      : { lng: placeRandom.uniform(west, east), lat: placeRandom.uniform(south, north), nearness: 0 }
    readings.positions[2 * i] = point.lng
    readings.positions[2 * i + 1] = point.lat

    const month = valueRandom.int(1, 10)
    readings.months[i] = month
    const draw = valueRandom.next()
    readings.kinds[i] = draw < 0.01 ? 0 : draw < 0.7 ? 1 : 2
    // Log-normal day-to-day spread; a polluted winter day can reach the upper AQI levels.
    const urban = 1 + 0.35 * point.nearness
    const pm25 = PM25_BY_MONTH[month - 1]! * urban * Math.exp(valueRandom.normal(0, 0.45))
    readings.pm25[i] = clamp(pm25, 3, 400)
    readings.pm10[i] = clamp(pm25 * valueRandom.uniform(1.5, 1.95), 6, 550)
    readings.o3_8h[i] = clamp(
      O3_BY_MONTH[month - 1]! * (1.05 - 0.1 * point.nearness) * Math.exp(valueRandom.normal(0, 0.3)),
      12,
      400,
    )
  }
  return readings
}

/** AQI (HJ 633) of every reading, from its three pollutants. */
export function bulkAqi(readings: BulkReadings): Float32Array {
  const values = new Float32Array(readings.count)
  for (let i = 0; i < readings.count; i++) {
    values[i] = aqi({ pm25: readings.pm25[i]!, pm10: readings.pm10[i]!, o3_8h: readings.o3_8h[i]! })
  }
  return values
}
