/**
 * The one door from the server into the app's project format (pure modules under src/). When the
 * app's files move, only these paths change. Read-only use: the server adds no second copy of a rule.
 */
export { readProjectZip, type ParseLayerFile, type ProjectRead } from '../../src/user-data/project/read-project'
export {
  PROJECT_INDEX,
  PROJECT_VERSION,
  PROJECT_FORMAT,
  type ProjectIssue,
} from '../../src/user-data/project/project-file'
export { listZipEntries, type ZipEntry } from '../../src/user-data/import/zip-reader'
