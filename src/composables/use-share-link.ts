/**
 * Keeps the URL hash and the stores in step: the link in the address bar always reproduces what is
 * on screen (camera, visible layers, selection, indicator, language), and opening (or editing) a link
 * restores it. replaceState, not pushState: panning should not fill the back button's history.
 */
import { onScopeDispose, watch } from 'vue'
import { editedParts, formatShareHash, parseShareHash, type ShareState } from '../settings/share-link'
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
      // One still awaited stays in the link: a reload before its table is back must still ask for it.
      indicator: awaitedIndicator ?? layers.areaLayer?.choropleth?.indicator,
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
  // Written in a task of its own: `history.replaceState` took 1–14 ms a click on the test machine, and
  // a click's panel must not wait for the address bar. Changes in between are written once, the last.
  // `knownHash` is the hash the state was last in step with. A different one in the address bar is an
  // edit by hand (or a link) whose hashchange has not come yet: the write waits for it, and the edit
  // applies only what it changed, so neither the edit nor a newer change on screen is lost.
  let knownHash = window.location.hash
  let pendingHash: string | null = null
  let writeTimer: ReturnType<typeof setTimeout> | null = null
  const writeHash = () => {
    writeTimer = null
    const hash = pendingHash
    pendingHash = null
    if (hash === null || window.location.hash !== knownHash) return
    if (hash !== window.location.hash)
      history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`)
    knownHash = window.location.hash
  }
  const askWrite = (hash: string) => {
    pendingHash = hash
    if (writeTimer === null) writeTimer = setTimeout(writeHash, 0)
  }
  const onHashChange = () => {
    const edited = window.location.hash
    apply(editedParts(parseShareHash(edited), parseShareHash(knownHash)))
    knownHash = edited
    // The state may hold more than the edit (a change still on its way): the address bar gets it all.
    askWrite(formatShareHash(current()))
  }
  window.addEventListener('hashchange', onHashChange)
  // The listener goes with the component (or scope) that made it; an unmounted app must not react.
  onScopeDispose(() => window.removeEventListener('hashchange', onHashChange))
  onScopeDispose(() => writeTimer !== null && clearTimeout(writeTimer))
  watch(
    () => formatShareHash(current()),
    (hash) => askWrite(hash),
  )
}
