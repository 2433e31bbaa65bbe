/**
 * Keyboard and presenter-clicker input for presentation mode, as commands for the tour runner.
 *
 * Presenter clickers (Logitech R400/R500, Kensington, no-name USB ones) are keyboards: forward and
 * back send PageDown and PageUp; the "blank screen" button sends "." or "b" (PowerPoint's
 * black-screen keys); the "start/stop slideshow" button sends F5 and Escape in turn. Here blank
 * screen pauses the tour, since a stopped map is the closest thing to a blank slide that keeps the
 * room's context, and F5 restarts the tour, as F5 starts a slideshow from the beginning. F asks
 * for full screen: browsers grant it only inside a key or click handler, never on load.
 *
 * Pure TypeScript: takes the fields of a KeyboardEvent, not the event itself, so it runs in node.
 */

export type PresentationCommand = 'toggle-pause' | 'next' | 'previous' | 'restart' | 'exit' | 'fullscreen'

export interface PresentationKeyInput {
  /** KeyboardEvent.key: the character or named key, layout-dependent. */
  key: string
  /** KeyboardEvent.code: the physical key, layout-independent. */
  code?: string
  ctrlKey?: boolean
  altKey?: boolean
  metaKey?: boolean
  /** True for auto-repeat while a key is held. */
  repeat?: boolean
}

const COMMAND_BY_KEY: Readonly<Record<string, PresentationCommand>> = {
  ' ': 'toggle-pause',
  Spacebar: 'toggle-pause', // old Edge and IE name for the space bar
  '.': 'toggle-pause',
  b: 'toggle-pause',
  B: 'toggle-pause',
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  Home: 'restart',
  F5: 'restart',
  Escape: 'exit',
  Esc: 'exit', // old Edge and IE name for Escape
  f: 'fullscreen',
  F: 'fullscreen',
}

/**
 * The physical keys, for when `key` says nothing useful: a Chinese IME reports "Process" for a
 * letter it is composing, and some layouts put "." elsewhere.
 */
const COMMAND_BY_CODE: Readonly<Record<string, PresentationCommand>> = {
  Space: 'toggle-pause',
  Period: 'toggle-pause',
  NumpadDecimal: 'toggle-pause',
  KeyB: 'toggle-pause',
  KeyF: 'fullscreen',
}

/** Keys that do not name a character; only then is `code` consulted. */
const UNHELPFUL_KEYS: ReadonlySet<string> = new Set(['Process', 'Unidentified', 'Dead', ''])

/**
 * The command for a key press, or null to leave the key to the browser. Presses with Ctrl, Alt or
 * Meta are left alone (Alt+← is "back", Ctrl+Home scrolls), and so is auto-repeat: a held space
 * bar or arrow would otherwise flicker pause or race through the stops.
 */
export function commandForKey(event: PresentationKeyInput): PresentationCommand | null {
  if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) return null
  const byKey = COMMAND_BY_KEY[event.key]
  if (byKey) return byKey
  if (UNHELPFUL_KEYS.has(event.key) && event.code !== undefined) return COMMAND_BY_CODE[event.code] ?? null
  return null
}
