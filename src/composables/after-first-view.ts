/**
 * Work the first view does not show (本机数据 read back, parts below the fold) starts once the map
 * has drawn its first view, or after `fallbackMs` if it never does (no WebGL): what is loaded then
 * does not delay the map a planner opened.
 */
import { watch } from 'vue'
import { useInteractionStore } from '../stores/interaction'

export function afterFirstView(task: () => void, fallbackMs = 8000): void {
  const interaction = useInteractionStore()
  let done = false
  let timer: ReturnType<typeof setTimeout> | null = null
  let stop: (() => void) | null = null
  const run = () => {
    if (done) return
    done = true
    stop?.()
    if (timer) clearTimeout(timer)
    task()
  }
  if (interaction.firstViewDrawn) return run()
  timer = setTimeout(run, fallbackMs)
  stop = watch(
    () => interaction.firstViewDrawn,
    (idle) => idle && run(),
  )
}
