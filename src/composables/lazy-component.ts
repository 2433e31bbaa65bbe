/**
 * A component loaded after the first view, or when first shown (the import dialog, presentation
 * mode, 本机数据, export…), through the app's part loader (src/io/parts.ts): not asked for while the
 * server does not answer, and asked again a few times, further apart, until it loads.
 */
import { defineAsyncComponent, type Component } from 'vue'
import { parts } from '../io/parts'

/** Waits before the next try, in ms; after the last the component stays unshown until shown again. */
const RETRY_MS = [1000, 3000, 10_000, 30_000] as const

/** Components to fetch in idle time once the first view is drawn (modules/prefetch.ts), so a click waits for none. */
export const PREFETCH: { name: string; loader: () => Promise<unknown> }[] = []

export function lazyComponent<T extends Component>(
  name: string,
  loader: () => Promise<{ default: T }>,
  options: { prefetch?: boolean } = {},
): T {
  if (options.prefetch) PREFETCH.push({ name, loader })
  return defineAsyncComponent({
    loader: () => parts.load(name, loader),
    onError(_error, retry, fail, attempts) {
      const wait = RETRY_MS[attempts - 1]
      if (wait === undefined) fail()
      else setTimeout(retry, wait)
    },
  }) as T
}
