/** What a service reading was refused with: its two sentences, after checking it is a ServiceReadError. */
import { expect } from 'vitest'
import { ServiceReadError } from '../../../src/domain/services/service-problem'

export async function refusal(reading: Promise<unknown>): Promise<{ zh: string; en: string }> {
  const error = await reading.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ServiceReadError)
  return (error as ServiceReadError).problem
}
