/**
 * Checks on what the user draws or types before it is measured or buffered, each with a message
 * that says what is wrong and what is expected, in Chinese and English (errors are values).
 *
 * Why refuse rather than repair: a self-crossing ring has no single area (its lobes cancel or add,
 * depending on the program), and a ring whose points all lie on one line has none, so any figure
 * shown for them would be wrong without saying so. The user redraws instead.
 *
 * Pure TypeScript.
 */
import { kinks, polygon as turfPolygon } from '@turf/turf'
import type { Position } from 'geojson'
import type { Bilingual } from '../types'

export type ShapeCheck = { ok: true } | { ok: false; message: Bilingual }

/**
 * The largest buffer distance. 金东区 spans about 29 km east–west and 35 km north–south (its
 * outline's bbox; about 45 km corner to corner), so 50 km around anything in it covers the whole
 * district; a larger distance is a slip (metres typed as kilometres) and would only make turf
 * build a huge polygon.
 */
export const MAX_BUFFER_METRES = 50_000
/** Below 1 m a buffer is smaller than the accuracy of any point in the data. */
export const MIN_BUFFER_METRES = 1

const OK: ShapeCheck = { ok: true }
const refuse = (zh: string, en: string): ShapeCheck => ({ ok: false, message: { zh, en } })

/** "1,000,000": grouping as both languages write it. */
const grouped = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 3 })
const place = ([lng, lat]: Position) => `${lng!.toFixed(5)}, ${lat!.toFixed(5)}`

/** The first position that is not a finite longitude (−180..180) and latitude (−90..90), as a check. */
function checkPositions(coordinates: readonly Position[]): ShapeCheck {
  const bad = coordinates.findIndex(([lng, lat]) => !(Math.abs(lng!) <= 180 && Math.abs(lat!) <= 90))
  if (bad < 0) return OK
  return refuse(
    `第 ${bad + 1} 个点的坐标无效：经度须在 −180 至 180 之间，纬度须在 −90 至 90 之间。`,
    `Point ${bad + 1} has invalid coordinates: longitude must be within -180..180 and latitude within -90..90.`,
  )
}

function distinctPoints(coordinates: readonly Position[]): Position[] {
  const seen = new Map<string, Position>()
  for (const position of coordinates) seen.set(`${position[0]},${position[1]}`, position)
  return [...seen.values()]
}

/** A line needs at least 2 distinct points. */
export function checkLine(coordinates: readonly Position[]): ShapeCheck {
  const positions = checkPositions(coordinates)
  if (!positions.ok) return positions
  const distinct = distinctPoints(coordinates).length
  if (distinct >= 2) return OK
  return refuse(
    `线至少需要 2 个不同的点，现在只有 ${distinct} 个。`,
    `A line needs at least 2 distinct points; it has ${distinct}.`,
  )
}

/**
 * Whether all points lie on one straight line (in local metres about the first point): twice the
 * triangle area with the two points farthest apart is within rounding of 0 for every point.
 */
function collinear(points: readonly Position[]): boolean {
  const [lng0, lat0] = points[0]!
  const kx = Math.cos((lat0! * Math.PI) / 180)
  const xy = points.map(([lng, lat]) => [(lng! - lng0!) * kx, lat! - lat0!] as const)
  let [a, b] = [xy[0]!, xy[1]!]
  let longest = 0
  for (const p of xy)
    for (const q of xy) {
      const d2 = (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2
      if (d2 > longest) [longest, a, b] = [d2, p, q]
    }
  // |cross| = 2 · triangle area = length · distance off the line: allow a relative 1e-9.
  return xy.every((p) => Math.abs((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) <= 1e-9 * longest)
}

/** Consecutive repeats removed and the ring closed, as turf expects. */
function closedRing(ring: readonly Position[]): Position[] {
  const out: Position[] = []
  for (const p of ring) {
    const last = out[out.length - 1]
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push([p[0]!, p[1]!])
  }
  const first = out[0]!
  const last = out[out.length - 1]!
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0]!, first[1]!])
  return out
}

/**
 * A polygon's ring (closed or not) needs at least 3 distinct points, not all on one line, and edges
 * that do not cross each other.
 */
export function checkPolygon(ring: readonly Position[]): ShapeCheck {
  const positions = checkPositions(ring)
  if (!positions.ok) return positions
  const distinct = distinctPoints(ring)
  if (distinct.length < 3)
    return refuse(
      `面至少需要 3 个不同的点，现在只有 ${distinct.length} 个。`,
      `An area needs at least 3 distinct points; it has ${distinct.length}.`,
    )
  if (collinear(distinct))
    return refuse(
      '面的所有点都在一条直线上，面积为零：请至少把一个点放在这条线之外。',
      "All the area's points lie on one straight line, so it has no area: place at least one point off that line.",
    )
  const crossing = kinks(turfPolygon([closedRing(ring)])).features[0]
  if (crossing)
    return refuse(
      `面的边线自相交（约在 ${place(crossing.geometry.coordinates)} 处）：请让边线互不交叉，例如分成两个面来画。`,
      `The area's edges cross each other (near ${place(crossing.geometry.coordinates)}): ` +
        'draw it so that no two edges cross, for example as two areas.',
    )
  return OK
}

/** A buffer distance in metres: a number from 1 m to MAX_BUFFER_METRES. */
export function checkBufferRadius(metres: number): ShapeCheck {
  const limitZh = `${grouped(MAX_BUFFER_METRES / 1000)} 千米（${grouped(MAX_BUFFER_METRES)} 米）`
  const limitEn = `${grouped(MAX_BUFFER_METRES / 1000)} km (${grouped(MAX_BUFFER_METRES)} m)`
  if (typeof metres !== 'number' || !Number.isFinite(metres))
    return refuse(
      `缓冲距离须是 ${MIN_BUFFER_METRES} 米至 ${limitZh}之间的数字。`,
      `The buffer distance must be a number from ${MIN_BUFFER_METRES} m to ${limitEn}.`,
    )
  if (metres < MIN_BUFFER_METRES)
    return refuse(
      `缓冲距离至少为 ${MIN_BUFFER_METRES} 米，现在是 ${grouped(metres)} 米。`,
      `The buffer distance must be at least ${MIN_BUFFER_METRES} m; it is ${grouped(metres)} m.`,
    )
  if (metres > MAX_BUFFER_METRES)
    return refuse(
      `缓冲距离最大为 ${limitZh}，现在是 ${grouped(metres)} 米：全区两端相距不到 45 千米，更大的距离也只是覆盖全区。`,
      `The buffer distance is at most ${limitEn}; it is ${grouped(metres)} m. ` +
        'No two places in the district are more than about 45 km apart, so a larger distance covers no more of it.',
    )
  return OK
}
