// @vitest-environment happy-dom
/**
 * The join report: a table without coordinates, joined to the townships by name — how many rows
 * joined, the rows that did not with the closest names, and "join" puts the table's numbers on the
 * township choropleth with the user's badge.
 */
import { describe, expect, test } from 'vitest'
import { importBytes } from '../../../src/user-data/import/import-file'
import { useIndicatorsStore } from '../../../src/stores/indicators'
import { useLayersStore } from '../../../src/stores/layers'
import { loadLayers, mountIn, useFreshApp } from '../support/app'
import JoinReport from '../../../src/components/JoinReport.vue'

useFreshApp()

async function tableOf(text: string) {
  const result = await importBytes(new TextEncoder().encode(text), { fileName: 'ledger.csv', declaredCrs: 'auto' })
  return result.table!
}

describe('JoinReport', () => {
  test('says how many rows joined, lists the one that did not with its closest name, joins on the word', async () => {
    loadLayers('towns')
    const table = await tableOf('乡镇,企业数\n曹宅,12\n孝顺镇,7\n曹宅真,3\n')
    const wrapper = mountIn(JoinReport, { props: { table, fileName: 'ledger.csv' } })
    expect(wrapper.get('[data-testid="join-summary"]').text()).toMatch(/2/)
    const problems = wrapper.get('[data-testid="join-problems"]').text()
    expect(problems).toContain('曹宅真')
    expect(problems).toContain('曹宅镇')
    const indicators = useIndicatorsStore()
    expect(indicators.userIndicators).toHaveLength(0)
    await wrapper.get('[data-testid="join-confirm"]').trigger('click')
    expect(indicators.userIndicators).toHaveLength(1)
    expect(useLayersStore().areaLayer?.choropleth?.indicator).toBe(indicators.userIndicators[0]!.id)
    expect(wrapper.emitted('joined')).toHaveLength(1)
  })
})
