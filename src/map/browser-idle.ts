/**
 * Work the user did not ask for yet, run when the browser has nothing else to do: one call of
 * `task` per idle period (requestIdleCallback), so each step is its own task and a pointer or key
 * event waits at most for the step already running. Where the API is missing (Safari before 18)
 * a timer stands in. Returns a function that cancels the call if it has not run.
 */
export type IdleScheduler = (task: () => void) => () => void

export const whenBrowserIdle: IdleScheduler = (task) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => task())
    return () => cancelIdleCallback(handle)
  }
  const handle = setTimeout(task, 500)
  return () => clearTimeout(handle)
}

/** Whether the user asked the browser to save data (then nothing is fetched ahead of need). */
export function savesData(): boolean {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection
  return connection?.saveData === true
}

/** A performance mark at the map's first 'idle': what is fetched after it did not delay the first view. */
export const FIRST_VIEW_MARK = 'jindong:first-view-drawn'
