/** The address bar's hash and the stores kept in step: src/composables/use-share-link.ts. */
import { runInAppScope, type AppModule } from '../app-module'
import { useShareLink } from '../composables/use-share-link'

export const install: AppModule['install'] = ({ app }) => runInAppScope(app, useShareLink)
