// @vitest-environment happy-dom
/**
 * A table that looks like inspections or readings is offered "use as …": the offer says what was
 * used and refused and shows the report's own figures beside the user's; on the word, the table
 * stands in for the sample layer with that capability, and the provenance says it is the user's.
 */
import { describe, expect, test } from 'vitest'
import { importBytes } from '../../../src/user-data/import/import-file'
import { useDataStore } from '../../../src/stores/data'
import { useLayersStore } from '../../../src/stores/layers'
import { parseReportFigures } from '../../../src/domain/report/report'
import { loadLayers, mountIn, readGeo, useFreshApp } from '../support/app'
import UserTableOffer from '../../../src/components/UserTableOffer.vue'

useFreshApp()

const resultOf = (text: string) =>
  importBytes(new TextEncoder().encode(text), { fileName: 'ledger.csv', declaredCrs: 'auto' })

describe('UserTableOffer', () => {
  test('an inspections ledger: what it holds, the refused row, the report beside it; used on the word', async () => {
    loadLayers('towns', 'enforcement')
    useDataStore().figures = parseReportFigures(readGeo<{ figures: unknown }>('report.json').figures).figures
    const result = await resultOf(
      '日期,类型,乡镇\n2022-03-01,检查,曹宅镇\n2022-04-02,案件,孝顺镇\n不是日期,检查,曹宅镇\n',
    )
    const wrapper = mountIn(UserTableOffer, { props: { result, fileName: 'ledger.csv' } })
    expect(wrapper.get('[data-testid="user-table-offer"]').attributes('data-kind')).toBe('inspections')
    expect(wrapper.get('[data-testid="user-table-summary"]').text()).toMatch(/2/)
    expect(wrapper.get('[data-testid="user-table-refused"]').text()).toContain('不是日期')
    expect(wrapper.get('[data-testid="user-table-report-figures"]').text()).toContain('1095')
    const layers = useLayersStore()
    const id = layers.idWithCapability('inspections')!
    expect(layers.meta(id)?.provenance).toBe('sample')
    await wrapper.get('[data-testid="user-table-use"]').trigger('click')
    expect(layers.meta(id)).toMatchObject({ provenance: 'user', userFile: 'ledger.csv' })
    expect(layers.data(id)?.features).toHaveLength(2)
    expect(wrapper.emitted('used')).toHaveLength(1)
  })

  test('a table of neither kind offers nothing', async () => {
    loadLayers('towns')
    const result = await resultOf('name,lng,lat\nA,119.7,29.1\n')
    const wrapper = mountIn(UserTableOffer, { props: { result, fileName: 'points.csv' } })
    expect(wrapper.find('[data-testid="user-table-offer"]').exists()).toBe(false)
  })
})
