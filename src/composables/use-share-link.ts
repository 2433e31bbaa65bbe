/**
 * Keeps the URL hash and the stores in step: the link in the address bar always reproduces what is
 * on screen (camera, visible layers, selection, indicator, language), and opening (or editing) a link
 * restores it. replaceState, not pushState: panning should not fill the back button's history.
 */
import { onScopeDispose, watch } from 'vue'
import { formatShareHash, parseShareHash, type ShareState } from '../settings/share-link'
import { INDICATORS, type IndicatorId, type UserIndicatorId } from '../domain/indicators/township-indicators'
import { useIndicatorsStore } from '../stores/indicators'
import { useLayersStore } from '../stores/layers'
import { useViewStore } from '../stores/view'

const isIndicator = (value: string): value is IndicatorId => INDICATORS.some((i) => i.id === value)
const isUserIndicator = (value: string): value is UserIndicatorId => value.startsWith('user:')

export function useShareLink() {
  const view = useViewStore()
  const layers = useLayersStore()
  const indicators = useIndicatorsStore()
  /**
   * A user's indicator named by the link before its table is back (本机数据 restores it after the
   * built data): chosen when it arrives, so a reload shows the same choropleth.
   */
  let awaitedIndicator: UserIndicatorId | null = null

  /** Applies a parsed link; parts it lacks keep their current value. */
  function apply(state: ShareState) {
    if (state.camera) view.camera = state.camera
    if (state.lang) view.locale = state.lang
    if (state.layers) layers.showOnly(state.layers)
    const areaLayerId = layers.areaLayerId
    awaitedIndicator = null
    if (state.indicator && isIndicator(state.indicator) && areaLayerId)
      layers.setChoropleth(areaLayerId, { indicator: state.indicator })
    else if (state.indicator && isUserIndicator(state.indicator)) {
      if (indicators.definitions.some((i) => i.id === state.indicator) && areaLayerId)
        layers.setChoropleth(areaLayerId, { indicator: state.indicator })
      else awaitedIndicator = state.indicator
    }
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
  watch(
    () => indicators.definitions,
    (definitions) => {
      const areaLayerId = layers.areaLayerId
      if (!awaitedIndicator || !areaLayerId || !definitions.some((i) => i.id === awaitedIndicator)) return
      layers.setChoropleth(areaLayerId, { indicator: awaitedIndicator })
      awaitedIndicator = null
    },
  )
  const onHashChange = () => apply(parseShareHash(window.location.hash))
  window.addEventListener('hashchange', onHashChange)
  // The listener goes with the component (or scope) that made it; an unmounted app must not react.
  onScopeDispose(() => window.removeEventListener('hashchange', onHashChange))
  // Written in a task of its own: `history.replaceState` took 1–14 ms a click on the test machine, and
  // a click's panel must not wait for the address bar. Changes in between are written once, the last.
  // A hash set by hand (or a link) after the write was asked for wins: its hashchange comes after this
  // task, and a write now would put back the state it replaces.
  let pendingHash: string | null = null
  let hashWhenAsked = ''
  let writeTimer: ReturnType<typeof setTimeout> | null = null
  const writeHash = () => {
    writeTimer = null
    if (pendingHash !== null && pendingHash !== window.location.hash && window.location.hash === hashWhenAsked)
      history.replaceState(null, '', `${window.location.pathname}${window.location.search}${pendingHash}`)
    pendingHash = null
  }
  onScopeDispose(() => writeTimer !== null && clearTimeout(writeTimer))
  watch(
    () => formatShareHash(current()),
    (hash) => {
      pendingHash = hash
      if (writeTimer !== null) return
      hashWhenAsked = window.location.hash
      writeTimer = setTimeout(writeHash, 0)
    },
  )
}
