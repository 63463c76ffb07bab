import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS } from './audit.ts';
import { UNIT_LEVEL_LABELS, UNIT_LEVELS } from './org.ts';
import {
  ACT_KINDS,
  ActKind,
  BATCH_KIND_LABELS,
  BATCH_KINDS,
  BATCH_STATUS_LABELS,
  BATCH_STATUSES,
  BatchKind,
  BatchStatus,
  CASE_KINDS,
  CASE_STATES,
  CaseKind,
  CaseState,
  DISMISS_REASONS,
  DismissReason,
  JOB_STATE_LABELS,
  JOB_STATES,
  JobState,
  LEAD_STATUSES,
  LeadStatus,
  PRIORITIES,
  Priority,
  ROLE_LABELS,
  ROLES,
  Role,
  labelOf,
} from './vocabulary.ts';

/** Every labelled vocabulary: its values and its label table. */
const LABELLED: [string, readonly string[], Record<string, string>][] = [
  ['batch status', BATCH_STATUSES, BATCH_STATUS_LABELS],
  ['batch kind', BATCH_KINDS, BATCH_KIND_LABELS],
  ['role', ROLES, ROLE_LABELS],
  ['job state', JOB_STATES, JOB_STATE_LABELS],
  ['unit level', UNIT_LEVELS, UNIT_LEVEL_LABELS],
  ['audit action', AUDIT_ACTIONS, AUDIT_ACTION_LABELS],
];

describe('fixed vocabularies', () => {
  it.each(LABELLED)(
    'labels every %s value once, in Chinese, and nothing else',
    (_, values, labels) => {
      for (const value of values) expect(labels[value], value).toMatch(/^[\u4e00-\u9fff]/);
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      expect(new Set(Object.values(labels)).size).toBe(values.length);
    },
  );

  it('has zod enums that accept exactly the table values', () => {
    const enums: [readonly string[], { options: readonly string[] }][] = [
      [LEAD_STATUSES, LeadStatus],
      [DISMISS_REASONS, DismissReason],
      [PRIORITIES, Priority],
      [BATCH_STATUSES, BatchStatus],
      [BATCH_KINDS, BatchKind],
      [ROLES, Role],
      [JOB_STATES, JobState],
      [CASE_STATES, CaseState],
      [CASE_KINDS, CaseKind],
      [ACT_KINDS, ActKind],
    ];
    for (const [values, schema] of enums) expect(schema.options).toEqual(values);
    expect(LeadStatus.safeParse('已回退').success).toBe(false);
    expect(CaseState.safeParse('已立案').success).toBe(false);
  });

  it('keeps the Chinese-valued vocabularies in Chinese, unique', () => {
    const chinese = [
      LEAD_STATUSES,
      DISMISS_REASONS,
      PRIORITIES,
      CASE_STATES,
      CASE_KINDS,
      ACT_KINDS,
    ];
    for (const values of chinese) {
      for (const v of values) expect(v).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(new Set(values).size).toBe(values.length);
    }
  });

  it('says 已回滚 for a rolled-back batch and shows an unknown value as it is', () => {
    expect(labelOf(BATCH_STATUS_LABELS, 'rolled_back')).toBe('已回滚');
    expect(labelOf(BATCH_STATUS_LABELS, 'toString')).toBe('toString');
    expect(labelOf(BATCH_STATUS_LABELS, 'archived')).toBe('archived');
  });
});
