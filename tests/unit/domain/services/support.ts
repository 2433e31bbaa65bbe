// What the service readers' tests share: the hand-written fixtures, and the refusal a call throws.
import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import { ServiceReadError } from '../../../../src/domain/services/service-problem'
import type { ServiceProblem } from '../../../../src/domain/services/service-types'

export function fixture(name: string): string {
  return readFileSync(new URL(`../../../fixtures/services/${name}`, import.meta.url), 'utf8')
}

export function fixtureJson(name: string): unknown {
  return JSON.parse(fixture(name))
}

/** The problem the call refuses with; fails the test when it returns, or throws anything else. */
export function refusal(call: () => unknown): ServiceProblem {
  try {
    call()
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceReadError)
    const problem = (error as ServiceReadError).problem
    expect((error as Error).message).toBe(problem.en)
    expect(problem.zh).toMatch(/[\u4e00-\u9fff]/)
    // Plain text, shown as text: nothing escaped for HTML.
    expect(`${problem.zh}${problem.en}`).not.toMatch(/&(amp|lt|gt|quot);/)
    return problem
  }
  return expect.unreachable('the call returned instead of refusing')
}
