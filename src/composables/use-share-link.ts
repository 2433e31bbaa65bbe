/**
 * Keeps the URL hash and the stores in step: the link in the address bar always reproduces what is
 * on screen (camera, visible layers, selection, indicator, language), and opening (or editing) a link
 * restores it. replaceState, not pushState: panning should not fill the back button's history.
 */
import { onScopeDispose, watch } from 'vue'
import { formatShareHash, parseShareHash, type ShareState } from '../domain/share-link'
import { INDICATORS, type IndicatorId } from '../domain/indicators'
import { useLayersStore } from '../stores/layers'
import { useViewStore } from '../stores/view'

const isIndicator = (value: string): value is IndicatorId => INDICATORS.some((i) => i.id === value)

export function useShareLink() {
  const view = useViewStore()
  const layers = useLayersStore()

  /** Applies a parsed link; parts it lacks keep their current value. */
  function apply(state: ShareState) {
    if (state.camera) view.camera = state.camera
    if (state.lang) view.locale = state.lang
    if (state.layers) layers.showOnly(state.layers)
    const areaLayerId = layers.areaLayerId
    if (state.indicator && isIndicator(state.indicator) && areaLayerId)
      layers.setChoropleth(areaLayerId, { indicator: state.indicator })
    if (state.selection) view.select(state.selection)
  }

  function current(): ShareState {
    return {
      camera: view.camera ?? undefined,
      layers: layers.visibleListedIds,
      selection: view.selection ?? undefined,
      indicator: layers.areaLayer?.choropleth?.indicator,
      lang: view.locale,
    }
  }

  apply(parseShareHash(window.location.hash))
  const onHashChange = () => apply(parseShareHash(window.location.hash))
  window.addEventListener('hashchange', onHashChange)
  // The listener goes with the component (or scope) that made it; an unmounted app must not react.
  onScopeDispose(() => window.removeEventListener('hashchange', onHashChange))
  watch(
    () => formatShareHash(current()),
    (hash) => {
      if (hash !== window.location.hash)
        history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`)
    },
  )
}
