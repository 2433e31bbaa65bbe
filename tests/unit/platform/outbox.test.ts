/**
 * Kept changes: sent oldest first under their author's session; the first that cannot reach the
 * server stops the rest (they wait together); a refusal takes the change out and says why.
 */
import { describe, expect, test } from 'vitest'
import { flushOutbox, memoryOutbox, type PendingChange } from '../../../src/platform/outbox'

const change = (id: string, by: string, madeAt: string): PendingChange => ({
  id,
  by,
  madeAt,
  label: { zh: id, en: id },
  method: 'POST',
  path: 'projects',
})

class Down extends Error {}
class No extends Error {}

describe('flushOutbox', () => {
  test("only the person's own changes, oldest first; what is sent leaves the box", async () => {
    const box = memoryOutbox()
    await box.put(change('b', 'admin', '2026-12-06T10:02:00Z'))
    await box.put(change('a', 'admin', '2026-12-06T10:01:00Z'))
    await box.put(change('c', 'other', '2026-12-06T10:00:00Z'))
    const sent: string[] = []
    const results = await flushOutbox(
      box,
      'admin',
      async (c) => void sent.push(c.id),
      () => false,
      () => ({ zh: '', en: '' }),
    )
    expect(sent).toEqual(['a', 'b'])
    expect(results.map((r) => r.outcome)).toEqual(['sent', 'sent'])
    expect((await box.all()).map((c) => c.id)).toEqual(['c'])
  })

  test('no server: the change is kept, and the ones after it wait too', async () => {
    const box = memoryOutbox()
    await box.put(change('a', 'admin', '2026-12-06T10:01:00Z'))
    await box.put(change('b', 'admin', '2026-12-06T10:02:00Z'))
    let tries = 0
    const results = await flushOutbox(
      box,
      'admin',
      async () => {
        tries++
        throw new Down()
      },
      (e) => e instanceof Down,
      () => ({ zh: '', en: '' }),
    )
    expect(tries).toBe(1)
    expect(results.map((r) => r.outcome)).toEqual(['kept'])
    expect((await box.all()).length).toBe(2)
  })

  test('a refusal leaves the box with its reason; the next change is still sent', async () => {
    const box = memoryOutbox()
    await box.put(change('a', 'admin', '2026-12-06T10:01:00Z'))
    await box.put(change('b', 'admin', '2026-12-06T10:02:00Z'))
    const results = await flushOutbox(
      box,
      'admin',
      async (c) => {
        if (c.id === 'a') throw new No()
      },
      (e) => e instanceof Down,
      () => ({ zh: '项目文件无效', en: 'invalid project' }),
    )
    expect(results).toEqual([
      {
        outcome: 'refused',
        change: expect.objectContaining({ id: 'a' }),
        reason: { zh: '项目文件无效', en: 'invalid project' },
      },
      { outcome: 'sent', change: expect.objectContaining({ id: 'b' }) },
    ])
    expect(await box.all()).toEqual([])
  })
})
