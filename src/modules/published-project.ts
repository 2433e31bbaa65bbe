/** The published project (data/project.zip), opened for every visitor: use-published-project.ts. */
import { runInAppScope, type AppModule } from '../app-module'
import { usePublishedProject } from '../composables/use-published-project'

export const install: AppModule['install'] = ({ app }) => runInAppScope(app, usePublishedProject)
