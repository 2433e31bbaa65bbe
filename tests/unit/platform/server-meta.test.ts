/** The server's note in the page: read when present and same-origin; the static build has none. */
import { describe, expect, test } from 'vitest'
import { Window } from 'happy-dom'
import { readServerMeta } from '../../../src/platform/server-meta'

function page(head: string, url = 'http://127.0.0.1:4173/') {
  const window = new Window({ url })
  window.document.head.innerHTML = head
  return window.document as unknown as Document
}

describe('readServerMeta', () => {
  test('the static build: no note, no server', () => {
    expect(readServerMeta(page('<title>x</title>'))).toBeNull()
  })

  test("the server's note: the API base resolved against the page, and the published version", () => {
    const doc = page(
      '<meta name="jindong-server" content="api/" data-project-version="3">',
      'http://127.0.0.1:4173/map/',
    )
    expect(readServerMeta(doc)).toEqual({ apiBase: 'http://127.0.0.1:4173/map/api/', projectVersion: 3 })
  })

  test('nothing published: no version, so the app asks for no project', () => {
    expect(readServerMeta(page('<meta name="jindong-server" content="api/" data-project-version="">'))).toEqual({
      apiBase: 'http://127.0.0.1:4173/api/',
      projectVersion: null,
    })
    expect(
      readServerMeta(page('<meta name="jindong-server" content="api/" data-project-version="-1">'))?.projectVersion,
    ).toBeNull()
  })

  test('a note pointing at another origin is ignored: the session is never sent elsewhere', () => {
    expect(readServerMeta(page('<meta name="jindong-server" content="https://evil.example/api/">'))).toBeNull()
  })
})
