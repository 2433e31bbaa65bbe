/**
 * The tour runner: a state machine that walks a TourScript stop by stop on an injected clock.
 *
 * It is built to run unattended for days, so:
 *  - It owns at most two timers (the stop's end and the heatmap's next month), clears them on
 *    every transition, and holds none after stop() or dispose().
 *  - Time is measured, not counted: a stop ends when its elapsed (unpaused) time reaches its
 *    duration, so a timer that fires late (a throttled background tab, a machine waking from
 *    sleep) lands on the right stop instead of drifting.
 *  - A heatmap plays every month in turn and never skips one: each month timer shows the next
 *    month, and the month after is due at its place on the stop's schedule. A timer that fired
 *    late therefore shortens the following dwells (down to MIN_MONTH_SHARE of a month each) until
 *    the playback is back on schedule, so the stop's length stays what the script says. Only when
 *    the months left cannot fit before the stop's end (a machine that slept) does the stop wait
 *    for them, each shown for that shortest dwell.
 *  - A failing stop does not stop the tour: reportStopError records the error and moves on, and
 *    an exception thrown by an 'enter-stop' listener counts as such an error. If every stop fails
 *    in a row (the map itself is broken), the runner stops skipping and dwells on each stop for
 *    its normal duration, so a dead map cannot spin the runner in a tight loop.
 *  - Commands issued from inside a listener are queued and run after the current transition, so
 *    'leave-stop' and 'enter-stop' always strictly alternate, whoever calls what.
 *
 * Pure TypeScript: the UI subscribes to events and calls commands; nothing here knows Vue or
 * MapLibre.
 */
import type { Scheduler, TimerHandle } from './scheduler'
import type { TourScript, TourStop } from './tour-script'

export type TourStatus = 'playing' | 'paused' | 'stopped'

export interface TourStopError {
  stopId: string
  message: string
}

export interface TourRunnerState {
  status: TourStatus
  /** Index of the current stop; after stop(), the stop that was showing last. */
  stopIndex: number
  /** Scheduler time (ms) at which the current stop was entered. */
  stopStartedAt: number
  /** Milliseconds the current stop has been playing, pauses excluded. */
  elapsedInStop: number
  /** The current stop's duration in milliseconds, for a progress bar. */
  stopDurationMs: number
  /** Times the tour wrapped from its last stop to its first. */
  loopCount: number
  /** The heatmap month showing (1 = January), or null when the stop plays no heatmap. */
  heatmapMonth: number | null
  lastError: TourStopError | null
}

export type TourEvent =
  | { type: 'enter-stop'; stop: TourStop; index: number }
  | { type: 'leave-stop'; stop: TourStop; index: number }
  | { type: 'heatmap-month'; month: number }
  | { type: 'state'; state: TourRunnerState }

export type TourListener = (event: TourEvent) => void

export interface TourRunnerOptions {
  scheduler: Scheduler
  /**
   * Called when a listener throws on an event other than 'enter-stop' (those become stop errors).
   * Defaults to console.error: the tour must go on, but the fault must not vanish.
   */
  onListenerError?: (error: unknown, event: TourEvent) => void
}

export interface TourRunner {
  readonly script: TourScript
  /** A fresh snapshot; elapsedInStop is computed at the time of the call. */
  getState(): TourRunnerState
  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: TourListener): () => void
  /** Starts playing at `fromIndex` (default 0) when stopped; ignored otherwise. */
  start(fromIndex?: number): void
  pause(): void
  resume(): void
  togglePause(): void
  /** The next stop; after the last, the first (loopCount + 1) when the script loops, else the tour stops. */
  next(): void
  /** The previous stop; from the first, the last. */
  previous(): void
  /** Jumps to a stop by index, keeping the play/pause status. */
  goTo(index: number): void
  /** Back to the first stop, playing, loopCount reset (the Home key). */
  restart(): void
  /** Leaves the current stop and stops (Esc). */
  stop(): void
  /** Records an error in a stop; if that stop is showing, moves on to the next one. */
  reportStopError(stopId: string, message: string): void
  /** Stops (emitting 'leave-stop' if a stop is showing), clears every timer and drops all listeners. */
  dispose(): void
}

const MS_PER_SECOND = 1000

/**
 * The shortest a heatmap month is shown, as a share of its scripted time, while a late timer is
 * being caught up: short enough to regain the schedule within a few months, long enough for the
 * map to draw the month and a viewer to see it.
 */
export const MIN_MONTH_SHARE = 0.25

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message
  return typeof error === 'string' ? error : String(error)
}

export function createTourRunner(script: TourScript, options: TourRunnerOptions): TourRunner {
  if (script.stops.length === 0) throw new RangeError('A tour needs at least one stop')
  const { scheduler } = options
  const reportListenerError =
    options.onListenerError ??
    ((error: unknown, event: TourEvent) => {
      console.error(`Presentation: a listener failed on "${event.type}"`, error)
    })
  const stops = script.stops
  const lastIndex = stops.length - 1

  let status: TourStatus = 'stopped'
  let stopIndex = 0
  let stopStartedAt = scheduler.now()
  /** Elapsed time banked before the last resume (or enter). */
  let bankedMs = 0
  /** When the current playing stretch began; null while paused or stopped. */
  let playingSince: number | null = null
  let loopCount = 0
  let heatmapMonth: number | null = null
  /** Elapsed time in the stop (pauses excluded) at which heatmapMonth was first shown. */
  let monthShownAt = 0
  let lastError: TourStopError | null = null
  /** Stops that failed one after another; reset when a stop plays out or the presenter navigates. */
  let consecutiveFailures = 0
  let currentStopFailed = false
  let disposed = false

  let stopTimer: TimerHandle | null = null
  let monthTimer: TimerHandle | null = null
  /** Bumped on every transition, so a timer callback from an earlier stop or stretch does nothing. */
  let generation = 0

  const listeners = new Set<TourListener>()
  const commandQueue: Array<() => void> = []
  let draining = false

  const currentStop = (): TourStop => stops[stopIndex]!
  const durationMs = (stop: TourStop): number => stop.durationSeconds * MS_PER_SECOND
  const elapsed = (): number => bankedMs + (playingSince === null ? 0 : scheduler.now() - playingSince)

  function snapshot(): TourRunnerState {
    return {
      status,
      stopIndex,
      stopStartedAt,
      elapsedInStop: elapsed(),
      stopDurationMs: durationMs(currentStop()),
      loopCount,
      heatmapMonth,
      lastError: lastError && { ...lastError },
    }
  }

  function emit(event: TourEvent): void {
    for (const listener of [...listeners]) {
      try {
        listener(event)
      } catch (error) {
        if (event.type === 'enter-stop') {
          const stopId = event.stop.id
          const message = messageOf(error)
          // Queued, so the transition that entered the stop finishes before the runner moves on.
          enqueue(() => handleStopError(stopId, message))
        } else {
          reportListenerError(error, event)
        }
      }
    }
  }

  const emitState = (): void => emit({ type: 'state', state: snapshot() })

  /** Runs a command now, or after the one in progress when called from inside a listener. */
  function enqueue(command: () => void): void {
    commandQueue.push(command)
    if (draining) return
    draining = true
    try {
      for (let next = commandQueue.shift(); next; next = commandQueue.shift()) {
        if (!disposed) next()
      }
    } finally {
      draining = false
    }
  }

  function clearTimers(): void {
    if (stopTimer !== null) scheduler.clearTimer(stopTimer)
    if (monthTimer !== null) scheduler.clearTimer(monthTimer)
    stopTimer = null
    monthTimer = null
    generation++
  }

  /** Whether the stop's heatmap has months still to show. */
  function monthsLeft(stop: TourStop): boolean {
    return stop.heatmap !== undefined && heatmapMonth !== null && heatmapMonth < stop.heatmap.toMonth
  }

  /**
   * Elapsed time at which the next heatmap month is due: its place on the schedule (month k starts
   * (k − fromMonth) months into the stop), but no sooner than the shortest dwell after the month
   * showing now. Only called while months are left.
   */
  function nextMonthDueAt(stop: TourStop): number {
    const { fromMonth, secondsPerMonth } = stop.heatmap!
    const msPerMonth = secondsPerMonth * MS_PER_SECOND
    const scheduled = (heatmapMonth! + 1 - fromMonth) * msPerMonth
    return Math.max(scheduled, monthShownAt + MIN_MONTH_SHARE * msPerMonth)
  }

  /**
   * Elapsed time at which the stop may end: its duration, or — when a late timer left months to
   * show past it — the shortest dwell after the last month. Null while months are left that
   * cannot all be shown by the duration (the month timer then leads, and this is asked again).
   */
  function stopEndsAt(stop: TourStop): number | null {
    const duration = durationMs(stop)
    if (!stop.heatmap || heatmapMonth === null) return duration
    const shortest = MIN_MONTH_SHARE * stop.heatmap.secondsPerMonth * MS_PER_SECOND
    if (monthsLeft(stop)) {
      const left = stop.heatmap.toMonth - heatmapMonth
      // The last month, shown at the soonest, still gets its shortest dwell before the end.
      const lastShownAt = nextMonthDueAt(stop) + (left - 1) * shortest
      return lastShownAt + shortest <= duration ? duration : null
    }
    return Math.max(duration, monthShownAt + shortest)
  }

  /** Sets the timers for the rest of the current stop; only while playing. */
  function scheduleTimers(): void {
    clearTimers()
    if (status !== 'playing') return
    const stop = currentStop()
    const stretch = generation
    const now = elapsed()
    const endsAt = stopEndsAt(stop)
    if (endsAt !== null) {
      stopTimer = scheduler.setTimer(Math.max(0, endsAt - now), () => {
        if (stretch !== generation) return
        stopTimer = null
        enqueue(onStopTimeUp)
      })
    }
    if (monthsLeft(stop)) {
      monthTimer = scheduler.setTimer(Math.max(1, nextMonthDueAt(stop) - now), () => {
        if (stretch !== generation) return
        monthTimer = null
        enqueue(onMonthTimeUp)
      })
    }
  }

  function onStopTimeUp(): void {
    if (status !== 'playing') return
    const endsAt = stopEndsAt(currentStop())
    if (endsAt === null || elapsed() < endsAt) {
      // Fired early (a clock that stepped); wait out the rest rather than cut the stop short.
      scheduleTimers()
      return
    }
    if (!currentStopFailed) consecutiveFailures = 0
    advance()
  }

  function onMonthTimeUp(): void {
    if (status !== 'playing') return
    const stop = currentStop()
    if (!monthsLeft(stop)) return
    if (elapsed() < nextMonthDueAt(stop)) {
      // Fired early (a clock that stepped): wait out the rest of the month.
      scheduleTimers()
      return
    }
    // The next month, never a later one: a late timer shortens the dwells that follow instead.
    heatmapMonth = heatmapMonth! + 1
    monthShownAt = elapsed()
    // Re-arms both timers from measured time; the stop timer's due time changes only when late
    // months would not fit before the stop's end.
    scheduleTimers()
    emit({ type: 'heatmap-month', month: heatmapMonth })
    emitState()
  }

  function leaveStop(): void {
    clearTimers()
    const index = stopIndex
    heatmapMonth = null
    bankedMs = elapsed()
    playingSince = null
    emit({ type: 'leave-stop', stop: stops[index]!, index })
  }

  function enterStop(index: number): void {
    stopIndex = index
    stopStartedAt = scheduler.now()
    bankedMs = 0
    playingSince = status === 'playing' ? stopStartedAt : null
    currentStopFailed = false
    const stop = currentStop()
    heatmapMonth = stop.heatmap ? stop.heatmap.fromMonth : null
    monthShownAt = 0
    scheduleTimers()
    emit({ type: 'enter-stop', stop, index })
    if (heatmapMonth !== null) emit({ type: 'heatmap-month', month: heatmapMonth })
  }

  /** Moves to the following stop, wrapping or ending at the last; emits the new state. */
  function advance(): void {
    leaveStop()
    if (stopIndex < lastIndex) {
      enterStop(stopIndex + 1)
    } else if (script.loop) {
      loopCount++
      enterStop(0)
    } else {
      status = 'stopped'
    }
    emitState()
  }

  function jumpTo(index: number): void {
    consecutiveFailures = 0
    leaveStop()
    enterStop(index)
    emitState()
  }

  function checkIndex(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index > lastIndex) {
      throw new RangeError(`Stop index ${index} is outside 0..${lastIndex}`)
    }
  }

  function handleStopError(stopId: string, message: string): void {
    lastError = { stopId, message }
    const isShowing = status !== 'stopped' && currentStop().id === stopId
    // An error from a stop already left (a late tile or data failure) is recorded, not acted on:
    // skipping now would cut short an innocent stop. A second error from the same stop likewise.
    if (!isShowing || currentStopFailed) {
      emitState()
      return
    }
    currentStopFailed = true
    consecutiveFailures++
    if (consecutiveFailures >= stops.length) {
      // Every stop has failed in a row: stay for the stop's duration instead of skipping at once.
      emitState()
      return
    }
    advance()
  }

  function pauseNow(): void {
    if (status !== 'playing') return
    bankedMs = elapsed()
    playingSince = null
    status = 'paused'
    clearTimers()
    emitState()
  }

  function resumeNow(): void {
    if (status !== 'paused') return
    status = 'playing'
    playingSince = scheduler.now()
    scheduleTimers()
    emitState()
  }

  return {
    script,
    getState: snapshot,
    subscribe(listener) {
      if (disposed) return () => {}
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    start(fromIndex = 0) {
      checkIndex(fromIndex)
      enqueue(() => {
        if (status !== 'stopped') return
        status = 'playing'
        loopCount = 0
        lastError = null
        consecutiveFailures = 0
        enterStop(fromIndex)
        emitState()
      })
    },
    pause() {
      enqueue(pauseNow)
    },
    resume() {
      enqueue(resumeNow)
    },
    togglePause() {
      enqueue(() => {
        if (status === 'playing') pauseNow()
        else if (status === 'paused') resumeNow()
      })
    },
    next() {
      enqueue(() => {
        if (status === 'stopped') return
        consecutiveFailures = 0
        advance()
      })
    },
    previous() {
      enqueue(() => {
        if (status === 'stopped') return
        jumpTo(stopIndex === 0 ? lastIndex : stopIndex - 1)
      })
    },
    goTo(index) {
      checkIndex(index)
      enqueue(() => {
        if (status === 'stopped') return
        jumpTo(index)
      })
    },
    restart() {
      enqueue(() => {
        if (status === 'stopped') {
          status = 'playing'
          lastError = null
        } else {
          leaveStop()
          status = 'playing'
        }
        loopCount = 0
        consecutiveFailures = 0
        enterStop(0)
        emitState()
      })
    },
    stop() {
      enqueue(() => {
        if (status === 'stopped') return
        leaveStop()
        status = 'stopped'
        emitState()
      })
    },
    reportStopError(stopId, message) {
      enqueue(() => handleStopError(stopId, message))
    },
    dispose() {
      if (disposed) return
      enqueue(() => {
        if (status !== 'stopped') {
          leaveStop()
          status = 'stopped'
          emitState()
        }
        clearTimers()
        listeners.clear()
        disposed = true
        commandQueue.length = 0
      })
    },
  }
}
