/**
 * scripts/mutation.ts: `npm run test:mutation -- --since` mutates the files of Stryker's scope changed
 * since the last landed commit.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  changedFiles,
  filesToMutate,
  inMutationScope,
  mutationScope,
  sinceBase,
  type Git,
} from '../../../scripts/mutation.ts'

let scope: string[] = []
beforeAll(async () => {
  scope = await mutationScope()
})

describe("Stryker's scope", () => {
  it('holds the domain and the user-data slice', () => {
    expect(inMutationScope('src/domain/air/aqi.ts', scope)).toBe(true)
    expect(inMutationScope('src/user-data/import/parse-kml.ts', scope)).toBe(true)
    expect(inMutationScope('src/user-data/replace-layer.ts', scope)).toBe(true)
  })

  it('leaves out worker entry files, type declarations and everything else', () => {
    expect(inMutationScope('src/user-data/import/import.worker.ts', scope)).toBe(false)
    expect(inMutationScope('src/user-data/kept/kept-idb.worker.ts', scope)).toBe(false)
    expect(inMutationScope('src/domain/shims.d.ts', scope)).toBe(false)
    expect(inMutationScope('src/stores/layers.ts', scope)).toBe(false)
    expect(inMutationScope('src/components/AreaPanel.vue', scope)).toBe(false)
    expect(inMutationScope('tests/unit/domain/air/aqi.test.ts', scope)).toBe(false)
    expect(inMutationScope('docs/tests.md', scope)).toBe(false)
  })

  it('lets a later pattern put back what an exclusion took out', () => {
    const patterns = ['src/**/*.ts', '!src/a/**', 'src/a/keep.ts']
    expect(inMutationScope('src/a/keep.ts', patterns)).toBe(true)
    expect(inMutationScope('src/a/drop.ts', patterns)).toBe(false)
  })

  it('mutates only the changed files of the scope that still exist', () => {
    const changed = ['README.md', 'src/domain/air/aqi.ts', 'src/domain/air/gone.ts', 'src/stores/view.ts']
    expect(filesToMutate(changed, scope)).toEqual(['src/domain/air/aqi.ts'])
    expect(filesToMutate(['README.md', 'src/map/controller.ts'], scope)).toEqual([])
  })
})

/** A git that answers from a table of `args.join(' ')`; anything else fails. */
const fakeGit =
  (answers: Record<string, string>): Git =>
  (args) =>
    answers[args.join(' ')] ?? null

describe('the commit --since measures from', () => {
  it('is the merge base with the upstream when the branch tracks one', () => {
    const git = fakeGit({
      'rev-parse --abbrev-ref --symbolic-full-name @{upstream}': 'origin/feature',
      'merge-base HEAD origin/feature': 'aaa',
      'rev-parse --verify --quiet refs/remotes/origin/main': 'bbb',
      'merge-base HEAD origin/main': 'ccc',
      'rev-parse --verify --quiet HEAD~1': 'ddd',
    })
    expect(sinceBase(git)).toEqual({ commit: 'aaa', from: 'the merge base with origin/feature' })
  })

  it('is the merge base with origin/main without an upstream', () => {
    const git = fakeGit({
      'rev-parse --verify --quiet refs/remotes/origin/main': 'bbb',
      'merge-base HEAD origin/main': 'ccc',
      'rev-parse --verify --quiet HEAD~1': 'ddd',
    })
    expect(sinceBase(git)).toEqual({ commit: 'ccc', from: 'the merge base with origin/main' })
  })

  it('is HEAD~1 without any remote, and none in a repository of one commit', () => {
    expect(sinceBase(fakeGit({ 'rev-parse --verify --quiet HEAD~1': 'ddd' }))).toEqual({
      commit: 'ddd',
      from: 'HEAD~1 (no upstream)',
    })
    expect(sinceBase(fakeGit({}))).toBeNull()
  })
})

describe('the files changed since a commit, in a real repository', () => {
  let dir = ''
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('counts the last commit, uncommitted and untracked changes, not deletions or ignored files', () => {
    dir = mkdtempSync(join(tmpdir(), 'mutation-since-'))
    const git: Git = (args) => {
      try {
        return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' }).trim()
      } catch {
        return null
      }
    }
    const write = (file: string, text: string): void => {
      mkdirSync(join(dir, file, '..'), { recursive: true })
      writeFileSync(join(dir, file), text)
    }
    git(['init', '--quiet'])
    git(['config', 'user.email', 'test@example.com'])
    git(['config', 'user.name', 'test'])
    write('.gitignore', 'reports/\n')
    for (const file of ['src/domain/a.ts', 'src/domain/b.ts', 'src/domain/c.ts', 'src/domain/d.ts']) write(file, '1')
    git(['add', '.'])
    git(['commit', '--quiet', '-m', 'landed'])
    write('src/domain/a.ts', '2')
    git(['commit', '--quiet', '-am', 'not landed'])
    write('src/domain/b.ts', '2')
    rmSync(join(dir, 'src/domain/c.ts'))
    write('src/domain/new.ts', '1')
    write('reports/out.ts', '1')

    const base = sinceBase(git)
    expect(base?.from).toBe('HEAD~1 (no upstream)')
    expect(changedFiles(git, base?.commit ?? '')).toEqual(['src/domain/a.ts', 'src/domain/b.ts', 'src/domain/new.ts'])
  })
})
