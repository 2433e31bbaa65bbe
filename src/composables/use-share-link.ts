/**
 * Keeps the URL hash and the view store in step: the link in the address bar always reproduces
 * what is on screen, and opening (or editing) a link restores it. replaceState, not pushState:
 * panning should not fill the back button's history.
 */
import { watch } from 'vue'
import { formatShareHash, parseShareHash } from '../domain/share-link'
import { useViewStore } from '../stores/view'

export function useShareLink() {
  const view = useViewStore()
  view.applyShareState(parseShareHash(window.location.hash))

  window.addEventListener('hashchange', () => view.applyShareState(parseShareHash(window.location.hash)))

  watch(
    () => formatShareHash(view.shareState()),
    (hash) => {
      if (hash !== window.location.hash)
        history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`)
    },
  )
}
