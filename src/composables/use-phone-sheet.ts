/**
 * The phone's bottom sheet: which panel it shows and at what height. Choosing a township (a tap on
 * the map, the list, or search) opens its panel at half height and frames the township in the map
 * above the sheet, so the place stays visible.
 */
import { ref, watch } from 'vue'
import type { SheetSnap } from '../settings/layout'
import type { ToolTab } from '../settings/tool-tabs'
import { snapHeights } from '../settings/layout'
import { useIndicatorsStore } from '../stores/indicators'
import { useLayersStore } from '../stores/layers'
import { useViewStore } from '../stores/view'
import { boxOf } from '../domain/geometry/planar'
import { useLayout } from './use-layout'
import type { MapController } from './use-map-controller'

/** The side panel, or one of the tool column's parts (the same as its tabs). */
export type SheetSection = 'panel' | ToolTab

/** The phone's header height (CSS --header-height), which the sheet's space excludes. */
const HEADER_HEIGHT = 56

/** Called by the app root with the map controller (passed, so a test can hand in a stand-in). */
export function usePhoneSheet(map: MapController) {
  const view = useViewStore()
  const layers = useLayersStore()
  const indicators = useIndicatorsStore()
  const { kind, size } = useLayout()
  const section = ref<SheetSection | null>(null)
  const snap = ref<SheetSnap>('half')

  const available = () => Math.max(0, size.height - HEADER_HEIGHT)

  function open(next: SheetSection, at: SheetSnap = 'half') {
    section.value = next
    snap.value = at
  }
  function close() {
    section.value = null
  }

  watch(
    () => view.selection,
    (selection) => {
      if (kind.value !== 'phone' || !selection) return
      open('panel', 'half')
      if (selection.layerId !== layers.areaLayerId) return
      const area = indicators.areas.find((a) => a.code === selection.featureId)
      if (!area) return
      const sheet = snapHeights(available()).half
      map.moveTo({
        bounds: boxOf(area.geometry),
        padding: { top: 24, left: 24, right: 24, bottom: sheet + 24 },
      })
    },
  )

  return { section, snap, open, close, available }
}
