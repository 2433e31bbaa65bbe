// @vitest-environment happy-dom
/** The shared pieces of src/components/shell: the header and its one language picker, the panel frame, the player. */
import { describe, expect, test } from 'vitest'
import { h } from 'vue'
import { useDataStore } from '../../../../src/stores/data'
import { useViewStore } from '../../../../src/stores/view'
import AppHeader from '../../../../src/components/shell/AppHeader.vue'
import MonthPlayer from '../../../../src/components/shell/MonthPlayer.vue'
import PanelShell from '../../../../src/components/shell/PanelShell.vue'
import { mountIn, useFreshApp } from '../../support/app'

useFreshApp()

const columns = { left: true, right: false }

describe('AppHeader', () => {
  test('desktop: title, presentation button and the one language picker, which sets the view’s language', async () => {
    const wrapper = mountIn(AppHeader, { props: { layout: 'desktop', columns } })
    expect(wrapper.get('h1').text()).toBe('金东生态环境一张图')
    expect(wrapper.findAll('[data-testid="language"]')).toHaveLength(1)
    expect(wrapper.find('[data-testid="toggle-left"]').exists()).toBe(false)
    await wrapper.get('[data-testid="language"]').setValue('en')
    expect(useViewStore().locale).toBe('en')
    await wrapper.get('[data-testid="enter-presentation"]').trigger('click')
    expect(useViewStore().mode).toBe('present')
  })

  test('desktop: 导出 is a menu button in the header; Esc closes its popover and gives the focus back', async () => {
    useDataStore().status = 'ready'
    const wrapper = mountIn(AppHeader, { props: { layout: 'desktop', columns }, attachTo: document.body })
    const button = wrapper.get('[data-testid="export-open"]')
    expect(button.text()).toContain('导出')
    expect(button.attributes('aria-haspopup')).toBe('true')
    expect(button.attributes('aria-expanded')).toBe('false')
    await button.trigger('click')
    expect(button.attributes('aria-expanded')).toBe('true')
    expect(wrapper.find('#export-popover').exists()).toBe(true)
    await wrapper.get('#export-popover').trigger('keydown', { key: 'Escape' })
    expect(button.attributes('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(button.element)
    wrapper.unmount()
  })

  test('tablet: the column toggles say whether their column is open and ask App to fold it', async () => {
    const wrapper = mountIn(AppHeader, { props: { layout: 'tablet', columns } })
    expect(wrapper.get('[data-testid="toggle-left"]').attributes('aria-expanded')).toBe('true')
    expect(wrapper.get('[data-testid="toggle-right"]').attributes('aria-expanded')).toBe('false')
    await wrapper.get('[data-testid="toggle-right"]').trigger('click')
    expect(wrapper.emitted('toggle')).toEqual([['right']])
    // The label is kept for screen readers only.
    expect(wrapper.get('.language span').classes()).toContain('visually-hidden')
  })

  test('phone: the compact header; its menu holds the same picker and opens the panels', async () => {
    useDataStore().status = 'ready'
    const wrapper = mountIn(AppHeader, { props: { layout: 'phone', columns } })
    expect(wrapper.find('.phone-header').exists()).toBe(true)
    expect(wrapper.find('[data-testid="language"]').exists()).toBe(false)
    await wrapper.get('[data-testid="phone-menu"]').trigger('click')
    expect(wrapper.findAll('[data-testid="language"]')).toHaveLength(1)
    await wrapper.get('[data-testid="sheet-open-layers"]').trigger('click')
    expect(wrapper.emitted('open')).toEqual([['layers']])
    expect(wrapper.find('#phone-menu').exists()).toBe(false)
  })
})

describe('PanelShell', () => {
  test('a tool section: its heading over its content, attributes on the frame, no close button', () => {
    const wrapper = mountIn(PanelShell, { props: { title: '底图' } })
    expect(wrapper.element.tagName).toBe('SECTION')
    expect(wrapper.get('h2').text()).toBe('底图')
    expect(wrapper.find('.close').exists()).toBe(false)
  })

  test('a closable panel: the title beside ×, which is named and emits close', async () => {
    const wrapper = mountIn(
      { render: () => h(PanelShell, { as: 'article', title: '曹宅镇', closeLabel: '关闭' }, () => h('p', '内容')) },
      {},
    )
    const shell = wrapper.findComponent(PanelShell)
    expect(shell.element.tagName).toBe('ARTICLE')
    expect(shell.get('header h2').text()).toBe('曹宅镇')
    expect(shell.get('p').text()).toBe('内容')
    expect(shell.get('.close').attributes('aria-label')).toBe('关闭')
    await shell.get('.close').trigger('click')
    expect(shell.emitted('close')).toHaveLength(1)
  })
})

describe('MonthPlayer', () => {
  const props = {
    playing: false,
    value: 2,
    min: 0,
    max: 5,
    sliderLabel: '月份',
    text: '2022年3月',
    testids: { play: 'p', slider: 's', text: 't' },
  }

  test('▶ or ❚❚ by its state, named for what a press does; the slider and the month shown', async () => {
    const wrapper = mountIn(MonthPlayer, { props })
    expect(wrapper.get('[data-testid="p"]').text()).toBe('▶')
    expect(wrapper.get('[data-testid="p"]').attributes('aria-label')).toBe('播放')
    const slider = wrapper.get('[data-testid="s"]')
    expect([slider.attributes('min'), slider.attributes('max'), (slider.element as HTMLInputElement).value]).toEqual([
      '0',
      '5',
      '2',
    ])
    expect(slider.attributes('aria-label')).toBe('月份')
    expect(slider.attributes('disabled')).toBeUndefined()
    expect(wrapper.get('[data-testid="t"]').text()).toBe('2022年3月')
    await wrapper.setProps({ playing: true, disabled: true })
    expect(wrapper.get('[data-testid="p"]').text()).toBe('❚❚')
    expect(wrapper.get('[data-testid="p"]').attributes('aria-label')).toBe('暂停')
    expect(slider.attributes('disabled')).toBeDefined()
  })

  test('asks, never sets: a press emits toggle, a slide emits the position as a number', async () => {
    const wrapper = mountIn(MonthPlayer, { props })
    await wrapper.get('[data-testid="p"]').trigger('click')
    await wrapper.get('[data-testid="s"]').setValue('4')
    expect(wrapper.emitted('toggle')).toHaveLength(1)
    expect(wrapper.emitted('seek')).toEqual([[4]])
  })
})
