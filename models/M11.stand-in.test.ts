/**
 * M11 without the 限制消费人员 list: the execution acts stand in for it, and then only cases with at
 * least one act are judged (models.md: no acts at all means no data, not a violation). The fixture
 * cannot show this path because it loads the list.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltInModel } from '../src/models/library.ts';
import { runModels } from '../src/models/run.service.ts';
import { Database } from '../src/store/database.ts';
import { insertFixtureRows } from '../src/store/fixture.repo.ts';

const CLOSED = {
  court: '杭州市上城区人民法院',
  filed_date: '2023-01-05',
  closed_date: '2023-06-30',
  closure_type: '终结本次执行程序',
};

describe('M11 with case_actions standing in for consumption_restrictions', () => {
  it('judges only cases with acts and says which data stood in', async () => {
    const db = await Database.open(':memory:');
    try {
      await insertFixtureRows(db, {
        enforcement_cases: [
          { case_no: '（2023）浙0102执1号', ...CLOSED },
          { case_no: '（2023）浙0102执2号', ...CLOSED },
          { case_no: '（2023）浙0102执3号', ...CLOSED },
        ],
        case_parties: [
          {
            case_no: '（2023）浙0102执1号',
            party_name: '张三',
            party_role: '被执行人',
            party_id: '330102198001010018',
          },
          {
            case_no: '（2023）浙0102执2号',
            party_name: '李四',
            party_role: '被执行人',
            party_id: '330102198102020020',
          },
          {
            case_no: '（2023）浙0102执3号',
            party_name: '王五',
            party_role: '被执行人',
            party_id: '330102198203030033',
          },
        ],
        case_actions: [
          { case_no: '（2023）浙0102执1号', action_type: '执行通知', action_date: '2023-01-06' },
          { case_no: '（2023）浙0102执2号', action_type: '限制消费令', action_date: '2023-06-30' },
        ],
      });
      const result = await runModels(db, {
        definitions: [loadBuiltInModel('M11')],
        asOf: '2024-12-31',
      });
      expect(result.outcomes[0]?.status).toBe('ran');
      expect(result.outcomes[0]?.standIn).toContain('执行措施记录');
      const leads = await db.all<{ case_no: string; summary: string }>(
        `SELECT case_no, summary FROM leads WHERE model_id = 'M11' ORDER BY case_no`,
      );
      // 执1号: acts but no 限制消费令 → lead; 执2号: order on the closure day; 执3号: no acts at all.
      expect(leads.map((l) => l.case_no)).toEqual(['（2023）浙0102执1号']);
      expect(leads[0]?.summary).toContain('张三');
    } finally {
      db.close();
    }
  });
});
