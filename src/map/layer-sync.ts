/**
 * Layer sync: from the layers the stores want drawn to the MapLibre operations that draw them.
 * `planLayerSync` is a pure diff (tested against a fake map); `LayerSync` remembers what it applied
 * and runs the plan on a map.
 *
 * Layers are updated in place, property by property, and only what changed is touched: removing
 * and re-adding layers while MapLibre is placing labels breaks its renderer. Two bands keep labels
 * readable: every label (symbol layer) above every fill, line and circle; within a band, by rank.
 */
import type { LayerSpecification } from 'maplibre-gl'

/** One MapLibre layer the stores want: its full spec (source filled in) and its draw rank. */
export interface DesiredMapLayer {
  layer: LayerSpecification
  rank: number
}

export type SyncOp =
  | { op: 'add'; layer: LayerSpecification; beforeId: string | undefined }
  | { op: 'move'; id: string; beforeId: string | undefined }
  | { op: 'paint'; id: string; name: string; value: unknown }
  | { op: 'layout'; id: string; name: string; value: unknown }
  | { op: 'filter'; id: string; filter: unknown }
  | { op: 'remove'; id: string }

/** What was last applied to a map layer we own. */
export interface AppliedMapLayer {
  layer: LayerSpecification
  rank: number
}

/** The few map methods layer sync needs: a MapLibre map, or a fake one in tests. */
export interface SyncTarget {
  getStyle(): { layers: { id: string; type: string }[] }
  getLayer(id: string): unknown
  addLayer(layer: LayerSpecification, beforeId?: string): unknown
  moveLayer(id: string, beforeId?: string): unknown
  removeLayer(id: string): unknown
  setPaintProperty(id: string, name: string, value: unknown): unknown
  setLayoutProperty(id: string, name: string, value: unknown): unknown
  setFilter(id: string, filter: unknown): unknown
}

type Placed = { id: string; rank: number; label: boolean }

const isLabel = (layer: { type: string }) => layer.type === 'symbol'
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
type Props = Record<string, unknown> | undefined

/** The first of our layers a layer of this rank and band must go under; undefined means on top. */
function beforeIdFor(stack: readonly Placed[], rank: number, label: boolean): string | undefined {
  for (const placed of stack) {
    if (!label && placed.label) return placed.id
    if (label === placed.label && placed.rank > rank) return placed.id
  }
  return undefined
}

function propertyOps(id: string, kind: 'paint' | 'layout', before: Props, after: Props): SyncOp[] {
  const ops: SyncOp[] = []
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  for (const name of names) {
    const value = after?.[name]
    // A property that disappears is reset to the style default (undefined).
    if (!same(before?.[name], value)) ops.push({ op: kind, id, name, value })
  }
  return ops
}

/**
 * The operations that take the map from `current` (our layers, bottom first, as the map holds them)
 * and `applied` (what we last set on each) to `desired`. Layers we own that are no longer desired
 * are removed; other layers on the map (the basemap, deck.gl) are not ours and are never touched.
 */
export function planLayerSync(
  current: readonly { id: string; type: string }[],
  applied: ReadonlyMap<string, AppliedMapLayer>,
  desired: readonly DesiredMapLayer[],
): SyncOp[] {
  const ops: SyncOp[] = []
  const wanted = new Set(desired.map((d) => d.layer.id))
  let stack: Placed[] = current.flatMap((layer) => {
    const previous = applied.get(layer.id)
    return previous ? [{ id: layer.id, rank: previous.rank, label: isLabel(layer) }] : []
  })
  for (const placed of stack.filter((p) => !wanted.has(p.id))) ops.push({ op: 'remove', id: placed.id })
  stack = stack.filter((p) => wanted.has(p.id))

  // Bottom first, so each layer finds the ones that go above it already placed.
  const ordered = [...desired].sort((a, b) => a.rank - b.rank)
  for (const { layer, rank } of ordered) {
    const label = isLabel(layer)
    const index = stack.findIndex((p) => p.id === layer.id)
    if (index < 0) {
      const beforeId = beforeIdFor(stack, rank, label)
      ops.push({ op: 'add', layer, beforeId })
      const at = beforeId ? stack.findIndex((p) => p.id === beforeId) : stack.length
      stack.splice(at, 0, { id: layer.id, rank, label })
      continue
    }
    const previous = applied.get(layer.id)!
    const before = previous.layer as { paint?: Props; layout?: Props; filter?: unknown }
    const after = layer as { paint?: Props; layout?: Props; filter?: unknown }
    ops.push(...propertyOps(layer.id, 'paint', before.paint, after.paint))
    ops.push(...propertyOps(layer.id, 'layout', before.layout, after.layout))
    if (!same(before.filter, after.filter)) ops.push({ op: 'filter', id: layer.id, filter: after.filter ?? null })
    if (previous.rank !== rank) {
      stack.splice(index, 1)
      const beforeId = beforeIdFor(stack, rank, label)
      ops.push({ op: 'move', id: layer.id, beforeId })
      const at = beforeId ? stack.findIndex((p) => p.id === beforeId) : stack.length
      stack.splice(at, 0, { id: layer.id, rank, label })
    }
  }
  return ops
}

export function applySyncOps(map: SyncTarget, ops: readonly SyncOp[]): void {
  for (const op of ops) {
    switch (op.op) {
      case 'add':
        map.addLayer(op.layer, op.beforeId)
        break
      case 'move':
        map.moveLayer(op.id, op.beforeId)
        break
      case 'remove':
        map.removeLayer(op.id)
        break
      case 'paint':
        map.setPaintProperty(op.id, op.name, op.value)
        break
      case 'layout':
        map.setLayoutProperty(op.id, op.name, op.value)
        break
      case 'filter':
        map.setFilter(op.id, op.filter)
        break
    }
  }
}

/** Keeps a map's layers equal to the desired ones; remembers what it applied between calls. */
export class LayerSync {
  private readonly applied = new Map<string, AppliedMapLayer>()

  sync(map: SyncTarget, desired: readonly DesiredMapLayer[]): SyncOp[] {
    const current = map.getStyle().layers.filter((l) => this.applied.has(l.id))
    const ops = planLayerSync(current, this.applied, desired)
    applySyncOps(map, ops)
    for (const op of ops) if (op.op === 'remove') this.applied.delete(op.id)
    for (const { layer, rank } of desired) this.applied.set(layer.id, { layer, rank })
    return ops
  }

  /** A style reload dropped every layer: the next sync adds them all again. */
  forget(): void {
    this.applied.clear()
  }
}
