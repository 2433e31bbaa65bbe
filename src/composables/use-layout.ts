/**
 * The window's size and the layout it gets (phone, tablet, desktop), shared by every component
 * that asks: one resize listener for the app.
 */
import { computed, reactive } from 'vue'
import { layoutFor } from '../settings/layout'

const size = reactive({ width: window.innerWidth, height: window.innerHeight })
window.addEventListener('resize', () => Object.assign(size, { width: window.innerWidth, height: window.innerHeight }))

const kind = computed(() => layoutFor(size.width, size.height))

export function useLayout() {
  return { size, kind }
}
