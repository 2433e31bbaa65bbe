/** What went wrong with a project's index, in both languages; `fatal` ones mean nothing can be opened. */
export interface ProjectIssue {
  fatal: boolean
  field: string
  message: { zh: string; en: string }
}
