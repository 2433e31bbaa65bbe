/**
 * 出图's messages (print.): paper, scale, subtitle, 审图号 and what a print says. They travel with the
 * export menu, which loads after the first view.
 */
import { addMessages } from '../index'

export const PRINT_MESSAGES = {
  print: {
    'zh-CN': {
      heading: '出图（打印）',
      paper: '纸张',
      papers: {
        'a4-landscape': 'A4 横向',
        'a4-portrait': 'A4 纵向',
        'a3-landscape': 'A3 横向',
        'a3-portrait': 'A3 纵向',
      },
      scale: '比例尺',
      asOnScreen: '与屏幕相同',
      subtitle: '副标题',
      approval: '审图号',
      approvalHint: '使用在线底图出图时，按底图服务的要求填写审图号',
      pdf: 'PDF',
      png: 'PNG 300 dpi',
      scaleExact: '比例尺 1:{n}',
      scaleAbout: '比例尺约 1:{n}（地图中心）',
      approvalLine: '审图号：{number}',
      reduced: '此设备无法绘制 300 dpi 的整幅地图，已按 {dpi} dpi 出图。',
      done: '已生成 {file}',
    },
    en: {
      heading: 'Print (出图)',
      paper: 'Paper',
      papers: {
        'a4-landscape': 'A4 landscape',
        'a4-portrait': 'A4 portrait',
        'a3-landscape': 'A3 landscape',
        'a3-portrait': 'A3 portrait',
      },
      scale: 'Scale',
      asOnScreen: 'As on screen',
      subtitle: 'Subtitle',
      approval: 'Approval no. (审图号)',
      approvalHint: "With an online basemap, fill in the map approval number its service's terms require",
      pdf: 'PDF',
      png: 'PNG 300 dpi',
      scaleExact: 'Scale 1:{n}',
      scaleAbout: 'Scale about 1:{n} (at the map centre)',
      approvalLine: 'Approval no.: {number}',
      reduced: 'This device cannot draw the whole map at 300 dpi: printed at {dpi} dpi.',
      done: 'Made {file}',
    },
  },
}

for (const [namespace, part] of Object.entries(PRINT_MESSAGES)) addMessages(namespace, part)
