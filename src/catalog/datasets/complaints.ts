import type { DatasetDef } from '../column-types.ts';
import { CASE_NO_SYNONYMS, col, ID_SYNONYMS } from './column.ts';

/** Complaints and hotlines (datasets.md §Complaints and hotlines). */
export const COMPLAINT_DATASETS: readonly DatasetDef[] = [
  {
    name: 'petitions',
    label: '信访及12309/12345诉求',
    group: '信访诉求',
    rowMeaning: '一件诉求一行',
    nameHints: ['信访', '12345', '12309', '诉求', '网格'],
    naturalKey: ['petition_no'],
    columns: [
      col('petition_no', '编号', 'text', ['工单编号', '信访编号', '诉求编号', '件号'], '诉求编号', {
        required: true,
      }),
      col('source', '来源', 'text', ['诉求来源', '渠道'], '12309 / 12345 / 信访 / 网格'),
      col('registered_date', '登记日期', 'date', ['登记时间', '受理日期', '来访日期'], '登记日期'),
      col('petitioner', '反映人', 'text', ['诉求人', '来访人', '反映人姓名'], '反映人'),
      col(
        'petitioner_id',
        '反映人证件号码',
        'id',
        [
          '诉求人证件号码',
          '来访人证件号码',
          '反映人身份证号码',
          '诉求人身份证号码',
          '来电人证件号码',
          ...ID_SYNONYMS,
        ],
        '反映人证件号码',
      ),
      col(
        'content',
        '内容',
        'text',
        ['诉求内容', '反映内容', '信访内容'],
        '诉求内容（提及案号、执行、终本、法院）',
      ),
      col(
        'case_no',
        '涉及案号',
        'case_no',
        ['案号', '关联案号', '涉案案号', ...CASE_NO_SYNONYMS],
        '涉及案号（为空时从内容中提取）',
      ),
    ],
  },
];
