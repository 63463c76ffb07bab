/**
 * Lead actions through the service, with no route in between: the operator's right, unit scope
 * and the audit row are the service's (src/org/lead-actions.service.ts), so any entry point gets
 * them. The web routes are covered by leads.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Operator } from '../../src/org/lead-disclosure.ts';
import { addUser, type Harness, openHarness } from './harness.ts';
import { seedTwoCounties } from './seed.ts';

describe('lead actions: right, scope and audit in the service', () => {
  let h: Harness;
  let leadA: string;
  let leadB: string;
  let prosecutor: Operator;
  let head: Operator;
  let cityUserId: string;
  const local: Operator = {
    userId: null,
    username: 'cli:clerk',
    unitId: null,
    ip: 'cli:clerk',
    canViewFullId: false,
  };

  const operator = (id: string, username: string, unitId: string): Operator => ({
    userId: id,
    username,
    unitId,
    ip: '10.0.0.9',
    canViewFullId: false,
  });

  async function auditRows(): Promise<Record<string, unknown>[]> {
    return h.db.all(
      `SELECT username, unit_id, ip, target, detail FROM audit_log
       WHERE action = 'lead_update' ORDER BY id`,
    );
  }

  beforeEach(async () => {
    h = await openHarness();
    ({ leadA, leadB } = await seedTwoCounties(h.db));
    const p = await addUser(h, 'shangcheng', '330102', ['prosecutor']);
    const d = await addUser(h, 'chief', '330102', ['dept_head']);
    const city = await addUser(h, 'hangzhou', '330100', ['prosecutor']);
    prosecutor = operator(p.id, p.username, '330102');
    head = operator(d.id, d.username, '330102');
    cityUserId = city.id;
  });
  afterEach(() => h.close());

  it('dismisses in scope and audits who, from where; another unit’s lead is not found', async () => {
    const actions = h.api.platform.leadActions;
    const detail = await actions.dismiss(prosecutor, leadA, '财产已处置', '已核实');
    expect(detail.lead).toMatchObject({ id: leadA, status: '已排除' });
    await expect(actions.dismiss(prosecutor, leadB, '其他', '')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await auditRows()).toEqual([
      {
        username: 'shangcheng',
        unit_id: '330102',
        ip: '10.0.0.9',
        target: leadA,
        detail: '排除：财产已处置',
      },
    ]);
  });

  it('assigning needs the right, and the assignee must be of the operator’s units', async () => {
    const actions = h.api.platform.leadActions;
    const self = (await h.api.platform.org.userByName('shangcheng'))?.id ?? '';
    await expect(actions.assign(prosecutor, leadA, self)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(actions.assign(head, leadA, cityUserId)).rejects.toMatchObject({
      code: 'UNKNOWN_ASSIGNEE',
    });
    const done = await actions.assign(head, leadA, self);
    expect(done.lead.assigneeName).toBe('shangcheng');
    const bulk = await actions.bulk(head, {
      action: 'assign',
      leadIds: [leadA, leadB],
      assigneeId: self,
    });
    expect(bulk).toEqual({ updated: 1, skipped: 1 });
    expect((await auditRows()).map((r) => r.detail)).toEqual(['指派', '批量指派 1 条']);
  });

  it('the trusted local operator (no platform user) acts province-wide, audited by its name', async () => {
    const actions = h.api.platform.leadActions;
    await actions.dismiss(local, leadB, '其他', '本机核对');
    await actions.reopen(local, leadB, '重新核对');
    expect(await auditRows()).toEqual([
      {
        username: 'cli:clerk',
        unit_id: null,
        ip: 'cli:clerk',
        target: leadB,
        detail: '排除：其他',
      },
      { username: 'cli:clerk', unit_id: null, ip: 'cli:clerk', target: leadB, detail: '重新研判' },
    ]);
  });
});
