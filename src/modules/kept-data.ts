/** 本机数据: what the user brought comes back once the built data is in, and is kept from then on (IndexedDB). */
import { runInAppScope, type AppModule } from '../app-module'
import { useKeptStore } from '../stores/kept'
import { idbBackend } from '../user-data/kept/kept-idb'

export const install: AppModule['install'] = ({ app }) => runInAppScope(app, () => useKeptStore().start(idbBackend()))
