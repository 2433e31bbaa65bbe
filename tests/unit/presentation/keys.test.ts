/** Keyboard and presenter-clicker keys to presentation commands. */
import { describe, expect, test } from 'vitest'
import { commandForKey } from '../../../src/presentation/keys'

describe('commandForKey', () => {
  test.each([
    [' ', 'Space', 'toggle-pause'],
    ['.', 'Period', 'toggle-pause'], // clicker "blank screen"
    ['b', 'KeyB', 'toggle-pause'], // clicker "blank screen", PowerPoint's other key
    ['B', 'KeyB', 'toggle-pause'],
    ['ArrowRight', 'ArrowRight', 'next'],
    ['ArrowDown', 'ArrowDown', 'next'],
    ['PageDown', 'PageDown', 'next'], // clicker forward
    ['ArrowLeft', 'ArrowLeft', 'previous'],
    ['ArrowUp', 'ArrowUp', 'previous'],
    ['PageUp', 'PageUp', 'previous'], // clicker back
    ['Home', 'Home', 'restart'],
    ['F5', 'F5', 'restart'], // clicker "start slideshow"
    ['Escape', 'Escape', 'exit'],
    ['Esc', undefined, 'exit'],
    ['Spacebar', undefined, 'toggle-pause'],
    ['f', 'KeyF', 'fullscreen'],
    ['F', 'KeyF', 'fullscreen'], // with Shift or Caps Lock
  ] as const)('%j (%s) → %s', (key, code, command) => {
    expect(commandForKey({ key, code })).toBe(command)
  })

  test('works with key alone, as the brief signature allows', () => {
    expect(commandForKey({ key: 'PageDown' })).toBe('next')
  })

  test('other keys are left to the browser', () => {
    for (const key of ['a', 'Enter', 'Tab', 'End', 'F11', 'F1', 'Shift', '1'])
      expect(commandForKey({ key }), key).toBeNull()
  })

  test('a Chinese IME composing reports "Process": the physical key decides', () => {
    expect(commandForKey({ key: 'Process', code: 'KeyB' })).toBe('toggle-pause')
    expect(commandForKey({ key: 'Process', code: 'Period' })).toBe('toggle-pause')
    expect(commandForKey({ key: 'Process', code: 'KeyF' })).toBe('fullscreen')
    expect(commandForKey({ key: 'Process', code: 'KeyA' })).toBeNull()
    expect(commandForKey({ key: 'Unidentified', code: 'Space' })).toBe('toggle-pause')
  })

  test('a known key wins over its code (AZERTY and other layouts keep their meaning)', () => {
    // On AZERTY the key labelled "b" is still KeyB, but "." comes from Shift+; (code Comma).
    expect(commandForKey({ key: '.', code: 'Comma' })).toBe('toggle-pause')
    expect(commandForKey({ key: 'n', code: 'KeyB' })).toBeNull()
    expect(commandForKey({ key: 'u', code: 'KeyF' })).toBeNull() // Dvorak's U sits where QWERTY has F
  })

  test('with Ctrl, Alt or Meta, or on auto-repeat, nothing is taken', () => {
    expect(commandForKey({ key: 'ArrowLeft', altKey: true })).toBeNull() // browser back
    expect(commandForKey({ key: 'Home', ctrlKey: true })).toBeNull()
    expect(commandForKey({ key: 'F5', metaKey: true })).toBeNull()
    expect(commandForKey({ key: 'f', ctrlKey: true })).toBeNull() // find in page
    expect(commandForKey({ key: 'f', metaKey: true })).toBeNull()
    expect(commandForKey({ key: 'f', repeat: true })).toBeNull()
    expect(commandForKey({ key: ' ', repeat: true })).toBeNull()
    expect(commandForKey({ key: 'PageDown', ctrlKey: false, repeat: false })).toBe('next')
  })
})
