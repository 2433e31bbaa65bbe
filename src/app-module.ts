/**
 * What main.ts hands each service module in src/modules/ (vitesse's `UserModule`): the app and its
 * pinia. A module starts one service before the first render; what it watches lives in an effect
 * scope of the app (`runInAppScope`) and stops when the app unmounts.
 */
import { effectScope, type App } from 'vue'
import type { Pinia } from 'pinia'

export interface AppContext {
  app: App
  pinia: Pinia
}

export interface AppModule {
  /** Starts the service; a promise the first render must wait for (the language's messages), or nothing. */
  install: (context: AppContext) => void | Promise<void>
}

/** Runs `start` (a composable) with the app's injections, its watchers and listeners kept until the app unmounts. */
export function runInAppScope(app: App, start: () => void): void {
  const scope = effectScope(true)
  app.runWithContext(() => scope.run(start))
  app.onUnmount(() => scope.stop())
}

/**
 * Installs the modules found by `import.meta.glob('./modules/*.ts')` in the stated order (names
 * without folder or extension). A module file the order does not name, or a name with no file, is
 * an error at start-up: a new service is placed on purpose, never by the order of file names.
 */
export function installModules(
  context: AppContext,
  modules: Record<string, AppModule>,
  order: readonly string[],
): Promise<void> {
  const byName = new Map(
    Object.entries(modules).map(([path, module]) => [path.replace(/^.*\//, '').replace(/\.ts$/, ''), module]),
  )
  const unplaced = [...byName.keys()].filter((name) => !order.includes(name))
  const missing = order.filter((name) => !byName.has(name))
  if (unplaced.length || missing.length)
    throw new Error(
      `src/modules and the order in main.ts differ: ` +
        [
          unplaced.length ? `not in the order: ${unplaced.join(', ')}` : '',
          missing.length ? `no file: ${missing.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; '),
    )
  const waits: Promise<void>[] = []
  for (const name of order) {
    const started = byName.get(name)!.install(context)
    if (started) waits.push(started)
  }
  return Promise.all(waits).then(() => undefined)
}
