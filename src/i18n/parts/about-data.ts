/**
 * 关于数据's messages, under `aboutData.` in the translator (src/i18n: addMessages): they travel with
 * the page (src/components/AboutData.vue imports this module), so the first view carries none of
 * them. The header's button, the badges' hint and the panels' link keep theirs in the main files.
 */
import { addMessages } from '../index'

export const ABOUT_DATA_MESSAGES = {
  'zh-CN': {
    heading: '关于数据',
    intro: '本页说明地图上每类数据的来源、做法和可信程度。数字与报告原文的对照在“总览”的“出处”中。',
    marks: '数据标记',
    layers: '图层的来源与做法',
    source: '来源：',
    licence: '许可：',
    samples: '示例数据',
    samplesText:
      '监测读数、执法检查点位、河段与断面的逐月水质等是本应用按固定随机种子生成的示例数据，用来演示地图能做什么，' +
      '不是监测或执法记录。哪些合计与报告一致、哪些不一致，见上方“示例数据”标记的说明；各图层的具体做法见上。' +
      '换成您自己的文件后，相应图层显示“用户数据”。',
    standards: '采用的标准',
    standardsList: {
      gb3095:
        'GB 3095-2012《环境空气质量标准》：二级浓度限值（表1），用于监测站预警；月均值高于年均限值只是提示，不是法定超标判定。',
      hj633:
        'HJ 633-2012《环境空气质量指数（AQI）技术规定（试行）》：空气质量分指数及级别，用于站点AQI和浓度面的分级着色。',
      gb3838:
        'GB 3838-2002《地表水环境质量标准》：水质类别（Ⅰ类至劣Ⅴ类），用于河段与断面着色；“劣于Ⅲ类即预警”是本应用假定的目标。',
    },
    credits: '出处与致谢',
  },
  en: {
    heading: 'About the data',
    intro:
      'Where each kind of data on the map comes from, how it was made and how far to trust it. Each ' +
      "figure's sentence in the report is under Source in the Overview.",
    marks: 'The badges',
    layers: 'Where each layer comes from',
    source: 'Source:',
    licence: 'Licence:',
    samples: 'Sample data',
    samplesText:
      'The station readings, the inspection points and the monthly classes of river reaches and sections ' +
      'are sample data that this app generates from fixed random seeds, to show what the map can do; they ' +
      'are not monitoring or enforcement records. Which totals equal the report and which do not is said ' +
      "under the Sample data badge above; each layer's method is above. Replaced by your own file, a " +
      'layer shows Your data.',
    standards: 'Standards applied',
    standardsList: {
      gb3095:
        'GB 3095-2012, Ambient air quality standards: the Level II limits (Table 1), for the station ' +
        'warnings; a monthly mean above the annual limit is a notice, not a legal exceedance.',
      hj633:
        'HJ 633-2012, Technical regulation on ambient air quality index (on trial): the individual indices ' +
        "and their levels, for the stations' AQI and the surface's levels.",
      gb3838:
        'GB 3838-2002, Environmental quality standards for surface water: the classes I to worse than V, for ' +
        'the reaches and sections; a warning below class III is a target this app assumes.',
    },
    credits: 'Sources and credits',
  },
}

addMessages('aboutData', ABOUT_DATA_MESSAGES)
