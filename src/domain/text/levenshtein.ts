/**
 * Levenshtein edit distance, by code point (a Chinese character, or a character outside the BMP,
 * counts once): the one used for "did you mean" offers, of place names (place-names.ts) and of
 * GeoJSON geometry types (user-data/import/geometry-structure.ts).
 */
export function editDistance(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const current = [i]
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
    }
    previous = current
  }
  return previous[y.length]!
}
