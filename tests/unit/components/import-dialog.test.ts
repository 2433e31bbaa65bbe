// @vitest-environment happy-dom
/**
 * The import dialog: a file is read (by the import engine; here without its worker), its summary and
 * problems shown, and only a confirmed result touches the map — as a new layer, in place of a
 * built-in one, or not at all when the replacement cannot stand in (which says why).
 */
import { describe, expect, test, vi } from 'vitest'
import { importBytes } from '../../../src/user-data/import/import-file'
import type { ImportOptions } from '../../../src/user-data/import/types'
import { useLayersStore } from '../../../src/stores/layers'
import { fakeController, loadLayers, mountIn, settleLazy, useFreshApp } from '../support/app'

// The engine runs here in the test's thread: the dialog's worker client is replaced, nothing else.
vi.mock('../../../src/user-data/import/import-client', () => ({
  isImportAborted: () => false,
  startImport: (file: File, options: Omit<ImportOptions, 'fileName'>) => ({
    onProgress: () => undefined,
    cancel: () => undefined,
    promise: file
      .arrayBuffer()
      .then((buffer) => importBytes(new Uint8Array(buffer), { ...options, fileName: file.name })),
  }),
}))

import ImportDialog from '../../../src/components/ImportDialog.vue'

useFreshApp()

const csvFile = (text: string, name = 'points.csv') => new File([text], name, { type: 'text/csv' })

async function open(file: File) {
  const { controller, calls } = fakeController()
  const wrapper = mountIn(ImportDialog, { props: { file }, controller })
  await vi.waitFor(() => expect(wrapper.find('[data-testid="import-summary"]').exists()).toBe(true))
  await settleLazy()
  return { wrapper, calls }
}

describe('ImportDialog', () => {
  test('shows what it read, adds a new layer on confirm, moves the map to it and closes', async () => {
    const layers = useLayersStore()
    const { wrapper, calls } = await open(csvFile('name,lng,lat\nA,119.70,29.10\nB,119.80,29.20\n'))
    expect(wrapper.get('[data-testid="import-summary"]').text()).toContain('2')
    expect(layers.order.some((id) => id.startsWith('user-'))).toBe(false)
    await wrapper.get('[data-testid="import-confirm"]').trigger('click')
    const added = layers.order.find((id) => id.startsWith('user-'))
    expect(added).toBeDefined()
    expect(layers.record(added!)?.user?.fileName).toBe('points.csv')
    expect(calls.moveTo.at(-1)).toMatchObject({ bounds: [119.7, 29.1, 119.8, 29.2] })
    expect(wrapper.emitted('close')).toHaveLength(1)
  })

  test('a replacement that cannot stand in changes nothing, says why, and keeps the dialog open', async () => {
    const layers = useLayersStore()
    loadLayers('plan-2023-sites')
    const before = layers.data('plan-2023-sites')
    const { wrapper } = await open(csvFile('id,lng,lat\n1,119.70,29.10\n', 'nameless.csv'))
    await wrapper.get('[data-testid="import-target"]').setValue('plan-2023-sites')
    await wrapper.get('[data-testid="import-confirm"]').trigger('click')
    expect(layers.data('plan-2023-sites')).toBe(before)
    expect(wrapper.emitted('close')).toBeUndefined()
    expect(wrapper.text()).toMatch(/name/)
  })

  test('a file with nothing usable lists its problems and offers nothing to add', async () => {
    const layers = useLayersStore()
    const { wrapper } = await open(csvFile('a;b\nno;coordinates\n', 'bad.csv'))
    expect(wrapper.get('[data-testid="import-summary"]').attributes('data-ok')).toBe('false')
    const confirm = wrapper.find('[data-testid="import-confirm"]')
    if (confirm.exists()) {
      await confirm.trigger('click')
    }
    expect(layers.order.some((id) => id.startsWith('user-'))).toBe(false)
  })
})
