/** A browser session on the built app, opened at a share link and waited on until the map is idle. */
import { inject } from 'vitest'
import { openSession, type Session, type SessionOptions } from './browser'
import { waitForMapIdle } from './map-probe'

export async function openApp(hash = '', options: SessionOptions = {}): Promise<Session> {
  const session = await openSession(inject('baseUrl'), options)
  await session.page.goto(`${inject('baseUrl')}${hash}`)
  await waitForMapIdle(session.page)
  return session
}
