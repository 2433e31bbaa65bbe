/** The built data (public/geo: manifest, layers, figures), loaded once every service that watches it is started. */
import type { AppModule } from '../app-module'
import { useDataStore } from '../stores/data'

export const install: AppModule['install'] = ({ pinia }) => {
  void useDataStore(pinia).loadAll()
}
