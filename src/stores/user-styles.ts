/**
 * The resolved style of every user layer, computed once, in one getter: the legend, the layer list,
 * the style panel, the export and the map read `resolvedStyle(id)`. Apart from the datasets store,
 * whose steps load on use, because the map draws user layers from the first view (本机数据).
 */
import { defineStore } from 'pinia'
import { computed } from 'vue'
import { userTableOf } from '../user-data/styles/user-style-columns'
import { resolvedUserStyle, type ResolvedUserStyle } from '../user-data/styles/user-style-resolve'
import { useLayersStore, type LayerRecord } from './layers'
import { naturalBreaksWhenLoaded } from '../composables/natural-breaks-loader'

/** The colour a user layer's spec gives its first legend entry: what a style without colours uses. */
const layerColour = (record: LayerRecord) => record.spec.legend[0]?.colour ?? '#d946ef'

/** A user layer's style read against its data (its point table, or its features); null for other layers. */
export function resolveRecordStyle(record: LayerRecord | undefined): ResolvedUserStyle | null {
  const source = record?.points ?? record?.data
  if (!record?.user || !record.userStyle || !source) return null
  // Natural breaks: its code loads on first use; the getter below runs again once it is in.
  const naturalBreaksOf =
    record.userStyle.colour.kind === 'graduated' && record.userStyle.colour.method === 'natural-breaks'
      ? naturalBreaksWhenLoaded()
      : null
  return resolvedUserStyle(userTableOf(source), record.userStyle, layerColour(record), naturalBreaksOf)
}

export const useUserStylesStore = defineStore('user-styles', () => {
  const layers = useLayersStore()
  /** Every user layer's style read against its data (each memoised per data, style and colour). */
  const resolvedStyles = computed<Readonly<Record<string, ResolvedUserStyle>>>(() => {
    const out: Record<string, ResolvedUserStyle> = {}
    for (const record of Object.values(layers.records)) {
      const resolved = resolveRecordStyle(record)
      if (resolved) out[record.spec.id] = resolved
    }
    return out
  })
  const resolvedStyle = (id: string): ResolvedUserStyle | null => resolvedStyles.value[id] ?? null
  return { resolvedStyles, resolvedStyle }
})
