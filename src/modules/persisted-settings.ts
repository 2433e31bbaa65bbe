/** The user's own settings (language, basemap, last view), kept in local storage: use-persisted-settings.ts. */
import { runInAppScope, type AppModule } from '../app-module'
import { usePersistedSettings } from '../composables/use-persisted-settings'

export const install: AppModule['install'] = ({ app }) => runInAppScope(app, usePersistedSettings)
