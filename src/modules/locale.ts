/**
 * The interface's language (src/i18n), with the page's lang and title following view.locale. The
 * other language's messages load on first use (i18n/index.ts: loadLocale); the first render waits
 * for them only when the page opens in that language.
 */
import { watch } from 'vue'
import { runInAppScope, type AppModule } from '../app-module'
import { i18n, loadLocale, type Locale } from '../i18n'
import { useViewStore } from '../stores/view'

export const install: AppModule['install'] = ({ app }) => {
  app.use(i18n)
  let first: Promise<void> = Promise.resolve()
  runInAppScope(app, () => {
    const view = useViewStore()
    let latest = 0
    watch(
      () => view.locale,
      (next: Locale) => {
        const request = ++latest
        const applied = loadLocale(next).then(
          () => {
            // A later switch wins over this one if its messages came first.
            if (request !== latest) return
            i18n.global.locale.value = next
            document.documentElement.lang = next
            document.title = i18n.global.t('app.title')
          },
          // The messages could not load (the server went away): the page stays in the language it speaks.
          () => undefined,
        )
        if (request === 1) first = applied
      },
      { immediate: true },
    )
  })
  return first
}
