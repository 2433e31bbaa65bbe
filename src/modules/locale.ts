/** The interface's language: vue-i18n, with the page's lang and title following view.locale. */
import { watch } from 'vue'
import { runInAppScope, type AppModule } from '../app-module'
import { i18n, type Locale } from '../i18n'
import { useViewStore } from '../stores/view'

export const install: AppModule['install'] = ({ app }) => {
  app.use(i18n)
  runInAppScope(app, () => {
    const view = useViewStore()
    watch(
      () => view.locale,
      (next: Locale) => {
        i18n.global.locale.value = next
        document.documentElement.lang = next
        document.title = i18n.global.t('app.title')
      },
      { immediate: true },
    )
  })
}
