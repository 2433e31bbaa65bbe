/**
 * `npm run test:mutation` runs Stryker (stryker.config.mjs) over its whole scope; with `--since` it
 * mutates only the files of that scope changed since the last landed commit.
 *
 * "Changed since the last landed commit" is what `git diff <base>` and `git ls-files --others` see:
 * committed, staged, unstaged and untracked changes, measured from
 * - the merge base of HEAD and its upstream (`@{upstream}`) when the branch tracks one, so the
 *   commits not yet pushed count as changed;
 * - else `origin/main` when that ref exists (its merge base with HEAD);
 * - else `HEAD~1`: with no remote at all, the last commit is taken as the one not yet landed;
 * - else (a repository with one commit) every file of the scope.
 * A deleted file is not mutated. Other arguments are handed to `stryker run` as they are.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { matchesGlob, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Whether `file` (repository-relative, `/`-separated) is mutated under Stryker's `mutate` patterns. */
export function inMutationScope(file: string, patterns: readonly string[]): boolean {
  let included = false
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (matchesGlob(file, pattern.slice(1))) included = false
    } else if (matchesGlob(file, pattern)) {
      included = true
    }
  }
  return included
}

/** The git commands this script asks; a failed command answers null. */
export type Git = (args: readonly string[]) => string | null

const runGit: Git = (args) => {
  const result = spawnSync('git', args, { encoding: 'utf8' })
  return result.status === 0 ? result.stdout.trim() : null
}

/** The commit the changes are measured from (see the header), with the reason; null when there is none. */
export function sinceBase(git: Git): { commit: string; from: string } | null {
  const upstream = git(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}'])
  if (upstream) {
    const commit = git(['merge-base', 'HEAD', upstream])
    if (commit) return { commit, from: `the merge base with ${upstream}` }
  }
  if (git(['rev-parse', '--verify', '--quiet', 'refs/remotes/origin/main'])) {
    const commit = git(['merge-base', 'HEAD', 'origin/main'])
    if (commit) return { commit, from: 'the merge base with origin/main' }
  }
  const parent = git(['rev-parse', '--verify', '--quiet', 'HEAD~1'])
  return parent ? { commit: parent, from: 'HEAD~1 (no upstream)' } : null
}

/** Files changed since `base` (committed or not) and untracked files, repository-relative. */
export function changedFiles(git: Git, base: string): string[] {
  const lines = (text: string | null): string[] => (text ? text.split('\n').filter(Boolean) : [])
  const changed = lines(git(['diff', '--name-only', '--diff-filter=d', base, '--']))
  const untracked = lines(git(['ls-files', '--others', '--exclude-standard']))
  return [...new Set([...changed, ...untracked])].sort()
}

/** The files `--since` mutates: the changed files that Stryker's scope holds and that still exist. */
export function filesToMutate(changed: readonly string[], patterns: readonly string[]): string[] {
  return changed.filter((file) => inMutationScope(file, patterns) && existsSync(file))
}

/** The `mutate` patterns of stryker.config.mjs (in the current directory, the repository root under npm). */
export async function mutationScope(): Promise<string[]> {
  const config = (await import(pathToFileURL(resolve('stryker.config.mjs')).href)) as { default: { mutate: string[] } }
  return config.default.mutate
}

async function main(argv: readonly string[]): Promise<number> {
  const since = argv.includes('--since')
  const passOn = argv.filter((arg) => arg !== '--since')
  const strykerArgs = ['stryker', 'run', ...passOn]
  if (since) {
    const base = sinceBase(runGit)
    const changed = base
      ? changedFiles(runGit, base.commit)
      : (runGit(['ls-files', '--cached', '--others', '--exclude-standard']) ?? '').split('\n').filter(Boolean)
    const files = filesToMutate(changed, await mutationScope())
    const what = base ? `since ${base.from}, ${base.commit.slice(0, 10)}` : 'in the first commit'
    if (files.length === 0) {
      console.log(`No file in Stryker's scope (stryker.config.mjs mutate) changed ${what}: nothing to mutate.`)
      return 0
    }
    console.log(`Mutating ${files.length} file(s) changed ${what}:\n  ${files.join('\n  ')}`)
    strykerArgs.push('--mutate', files.join(','))
  }
  const result = spawnSync('npx', strykerArgs, { stdio: 'inherit' })
  return result.status ?? 1
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2))
}
