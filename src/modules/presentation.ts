/** `?mode=present` in the address opens presentation mode (the big screen, src/presentation/). */
import type { AppModule } from '../app-module'
import { useViewStore } from '../stores/view'

export const install: AppModule['install'] = ({ pinia }) => {
  if (new URLSearchParams(window.location.search).get('mode') === 'present') useViewStore(pinia).mode = 'present'
}
