import type { DatasetDef } from '../column-types.ts';
import { col, ID_SYNONYMS } from './column.ts';

/** Behaviour: police and transport records (datasets.md §Behaviour). */
export const BEHAVIOUR_DATASETS: readonly DatasetDef[] = [
  {
    name: 'travel_records',
    label: '出行记录',
    group: '行为记录',
    rowMeaning: '一次出行一行',
    nameHints: ['出行', '乘车', '乘机', '航班', '铁路'],
    naturalKey: ['id_no', 'travel_date', 'mode', 'trip_no'],
    large: true,
    columns: [
      col(
        'id_no',
        '证件号码',
        'id',
        [...ID_SYNONYMS, '旅客证件号码', '旅客身份证号码', '乘客证件号码', '乘车人证件号码'],
        '旅客证件号码',
        {
          required: true,
        },
      ),
      col('name', '姓名', 'text', ['旅客姓名'], '姓名'),
      col(
        'travel_date',
        '出行日期',
        'date',
        ['乘车日期', '乘机日期', '出发日期', '出行时间'],
        '出行日期',
        { required: true },
      ),
      col('mode', '交通方式', 'text', ['出行方式', '交通工具'], '飞机 / 火车 / 轮船', {
        required: true,
      }),
      col(
        'trip_no',
        '车次/航班',
        'text',
        ['车次', '航班号', '航班', '车次航班'],
        '车次或航班号（G 开头为高铁）',
      ),
      col(
        'seat_class',
        '席别/舱位',
        'text',
        ['席别', '舱位', '座位等级', '舱位等级'],
        '经济舱 / 公务舱 / 头等舱 / 商务座 / 一等座 / 二等座 / 软卧',
      ),
    ],
  },
  {
    name: 'gambling_records',
    label: '涉赌违法犯罪记录',
    group: '行为记录',
    rowMeaning: '一起案件一行',
    nameHints: ['涉赌', '赌博'],
    naturalKey: ['id_no', 'incident_date'],
    columns: [
      col(
        'id_no',
        '证件号码',
        'id',
        [...ID_SYNONYMS, '涉案人员证件号码', '违法人员证件号码'],
        '涉案人员证件号码',
        { required: true },
      ),
      col('name', '姓名', 'text', ['涉案人员'], '姓名'),
      col('incident_date', '案发日期', 'date', ['案发时间', '发案日期'], '案发日期', {
        required: true,
      }),
      col('amount', '涉赌金额', 'money', ['涉案金额', '赌资'], '涉赌金额（元）'),
      col('outcome', '处理结果', 'text', ['处理情况', '处罚结果'], '行政处罚 / 刑事立案'),
    ],
  },
];
