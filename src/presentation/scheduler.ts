/**
 * The clock and timers the tour runner uses, behind an interface so that the runner holds no
 * setTimeout of its own: the browser gets real timers, tests get a manual clock that moves only
 * when told and counts the timers still pending (to prove none leaks over hours of looping).
 *
 * Pure TypeScript; the browser scheduler touches only the global timer functions.
 */

/** Whatever setTimer returned; only ever handed back to clearTimer. */
export type TimerHandle = unknown

export interface Scheduler {
  /** Milliseconds on a monotonic clock (performance.now), not wall time: NTP or DST must not skip stops. */
  now(): number
  /** Calls `fire` once after `ms` milliseconds. */
  setTimer(ms: number, fire: () => void): TimerHandle
  /** Cancels a timer; a handle that has fired or was cleared already is ignored. */
  clearTimer(handle: TimerHandle): void
}

/** Real timers: setTimeout and performance.now. */
export function createBrowserScheduler(): Scheduler {
  return {
    now: () => performance.now(),
    setTimer: (ms, fire) => setTimeout(fire, Math.max(0, ms)),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  }
}

export interface ManualScheduler extends Scheduler {
  /** Moves the clock forward, firing every timer that falls due, in due order. */
  advanceBy(ms: number): void
  /** Moves the clock to the next pending timer and fires it; false when none is pending. */
  advanceToNextTimer(): boolean
  /**
   * Moves the clock forward without firing anything, as a machine that sleeps or a throttled
   * background tab does; the overdue timers fire, late, on the next advanceBy.
   */
  suspendFor(ms: number): void
  /** Timers set and neither fired nor cleared. */
  pendingTimerCount(): number
  /** Every timer ever set, for tests that check the runner does not churn timers. */
  totalTimersSet(): number
}

interface ManualTimer {
  id: number
  dueAt: number
  fire: () => void
}

/**
 * A scheduler whose clock moves only through advanceBy / advanceToNextTimer. For tests, and for
 * UI component tests that drive a tour without waiting real seconds.
 */
export function createManualScheduler(startAt = 0): ManualScheduler {
  let clock = startAt
  let nextId = 1
  let setCount = 0
  const pending = new Map<number, ManualTimer>()

  function earliest(): ManualTimer | undefined {
    let found: ManualTimer | undefined
    for (const timer of pending.values()) {
      // Ties fire in the order they were set, as browsers do.
      if (!found || timer.dueAt < found.dueAt || (timer.dueAt === found.dueAt && timer.id < found.id)) found = timer
    }
    return found
  }

  function fire(timer: ManualTimer): void {
    pending.delete(timer.id)
    clock = Math.max(clock, timer.dueAt)
    timer.fire()
  }

  return {
    now: () => clock,
    setTimer(ms, callback) {
      const id = nextId++
      setCount++
      pending.set(id, { id, dueAt: clock + Math.max(0, ms), fire: callback })
      return id
    },
    clearTimer(handle) {
      if (typeof handle === 'number') pending.delete(handle)
    },
    advanceBy(ms) {
      const target = clock + ms
      // Timers set by a firing callback that fall due before the target fire in this call too.
      for (let timer = earliest(); timer && timer.dueAt <= target; timer = earliest()) fire(timer)
      clock = target
    },
    suspendFor(ms) {
      clock += ms
    },
    advanceToNextTimer() {
      const timer = earliest()
      if (!timer) return false
      fire(timer)
      return true
    },
    pendingTimerCount: () => pending.size,
    totalTimersSet: () => setCount,
  }
}
