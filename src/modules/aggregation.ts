/** Inspections and cases aggregated per township in a worker: src/composables/use-enforcement-aggregation.ts. */
import { runInAppScope, type AppModule } from '../app-module'
import { useEnforcementAggregation } from '../composables/use-enforcement-aggregation'

export const install: AppModule['install'] = ({ app }) => runInAppScope(app, useEnforcementAggregation)
