// @vitest-environment happy-dom
/** The service modules of src/modules: installed in the stated order, each in an app scope that stops on unmount. */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { createApp, h, inject, ref, watch } from 'vue'
import { createPinia } from 'pinia'
import { installModules, runInAppScope, type AppModule } from '../../src/app-module'

const context = () => {
  const app = createApp({ render: () => h('div') })
  return { app, pinia: createPinia() }
}
const recorder = (log: string[]) => (name: string) => ({ install: () => void log.push(name) }) as AppModule

describe('installModules', () => {
  test('installs every module once, in the stated order, whatever the order of the files', () => {
    const log: string[] = []
    const module = recorder(log)
    const modules = { './modules/b.ts': module('b'), './modules/a.ts': module('a'), './modules/c.ts': module('c') }
    installModules(context(), modules, ['c', 'a', 'b'])
    expect(log).toEqual(['c', 'a', 'b'])
  })

  test('a file the order does not name, or a name with no file, stops the start-up and says which', () => {
    const module = recorder([])
    expect(() =>
      installModules(context(), { './modules/a.ts': module('a'), './modules/new.ts': module('new') }, ['a']),
    ).toThrow(/not in the order: new/)
    expect(() => installModules(context(), { './modules/a.ts': module('a') }, ['a', 'gone'])).toThrow(/no file: gone/)
  })

  test('main.ts names every file of src/modules', () => {
    const folder = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/modules')
    const files = readdirSync(folder)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
    const main = readFileSync(resolve(folder, '../main.ts'), 'utf8')
    const order = main.slice(main.indexOf('MODULE_ORDER = ['), main.indexOf('] as const'))
    const named = [...order.matchAll(/^\s*'([a-z-]+)',/gm)].map((m) => m[1])
    expect([...named].sort()).toEqual([...files].sort())
  })
})

describe('runInAppScope', () => {
  test('the composable sees the app’s injections; its watchers stop when the app unmounts', async () => {
    const { app } = context()
    app.provide('answer', 42)
    const source = ref(0)
    const seen: number[] = []
    let injected: unknown
    runInAppScope(app, () => {
      injected = inject('answer')
      watch(source, (value) => seen.push(value), { flush: 'sync' })
    })
    expect(injected).toBe(42)
    source.value = 1
    app.mount(document.createElement('div'))
    app.unmount()
    source.value = 2
    expect(seen).toEqual([1])
  })
})
