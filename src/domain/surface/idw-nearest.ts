/**
 * k-nearest inverse-distance weighting for large station lists (see idw.ts): the stations, in local
 * metres, are bucketed once; each cell then looks at nearby buckets only.
 */

/**
 * A k-nearest IDW evaluator over stations bucketed in square buckets of about two stations each:
 * rings of buckets are visited outwards until k stations are held and no unvisited bucket can hold
 * a nearer one.
 */
export function nearestSearch(x: Float64Array, y: Float64Array, k: number) {
  const n = x.length
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (let i = 0; i < n; i++) {
    x0 = Math.min(x0, x[i]!)
    y0 = Math.min(y0, y[i]!)
    x1 = Math.max(x1, x[i]!)
    y1 = Math.max(y1, y[i]!)
  }
  const size = Math.max(1, Math.sqrt(((x1 - x0 + 1) * (y1 - y0 + 1) * 2) / n))
  const cols = Math.floor((x1 - x0) / size) + 1
  const rows = Math.floor((y1 - y0) / size) + 1
  // Counting sort of the stations by bucket: start[b]..start[b + 1] indexes `items`.
  const bucketOf = (i: number) => Math.floor((y[i]! - y0) / size) * cols + Math.floor((x[i]! - x0) / size)
  const start = new Int32Array(cols * rows + 1)
  for (let i = 0; i < n; i++) start[bucketOf(i) + 1]!++
  for (let b = 0; b < cols * rows; b++) start[b + 1]! += start[b]!
  const items = new Int32Array(n)
  const fill = start.slice(0, cols * rows)
  for (let i = 0; i < n; i++) items[fill[bucketOf(i)]!++] = i
  const bestD2 = new Float64Array(k)
  const bestI = new Int32Array(k)
  return (cx: number, cy: number, v: Float64Array, weigh: (d2: number) => number): number => {
    const bc = Math.floor((cx - x0) / size)
    const br = Math.floor((cy - y0) / size)
    const maxRing = Math.max(Math.abs(bc), Math.abs(cols - 1 - bc), Math.abs(br), Math.abs(rows - 1 - br))
    let held = 0
    for (let ring = 0; ring <= maxRing; ring++) {
      for (let r = br - ring; r <= br + ring; r++) {
        if (r < 0 || r >= rows) continue
        const edge = r === br - ring || r === br + ring
        for (let c = bc - ring; c <= bc + ring; c += edge ? 1 : 2 * ring) {
          if (c >= 0 && c < cols) {
            for (let j = start[r * cols + c]!; j < start[r * cols + c + 1]!; j++) {
              const i = items[j]!
              const dx = x[i]! - cx
              const dy = y[i]! - cy
              const d2 = dx * dx + dy * dy
              if (d2 === 0) return v[i]!
              if (held === k && d2 >= bestD2[k - 1]!) continue
              // Insertion into the sorted list of the k nearest so far.
              let at = held < k ? held++ : k - 1
              while (at > 0 && bestD2[at - 1]! > d2) {
                bestD2[at] = bestD2[at - 1]!
                bestI[at] = bestI[at - 1]!
                at--
              }
              bestD2[at] = d2
              bestI[at] = i
            }
          }
          if (ring === 0) break
        }
      }
      // Stations in rings beyond this one are at least ring × size away.
      if (held === k && (ring * size) ** 2 >= bestD2[k - 1]!) break
    }
    let weighted = 0
    let total = 0
    for (let j = 0; j < held; j++) {
      const w = weigh(bestD2[j]!)
      weighted += w * v[bestI[j]!]!
      total += w
    }
    return weighted / total
  }
}
