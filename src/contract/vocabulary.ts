import { z } from 'zod';
import {
  ACT_KINDS,
  BATCH_KINDS,
  BATCH_STATUSES,
  CASE_KINDS,
  CASE_STATES,
  DISMISS_REASONS,
  JOB_STATES,
  LEAD_STATUSES,
  PRIORITIES,
  ROLES,
} from '../domain/vocabulary.ts';

/** The fixed vocabularies (one table each, `src/domain/vocabulary.ts`) and their zod enums. */
export * from '../domain/vocabulary.ts';

export const LeadStatus = z.enum(LEAD_STATUSES);
export type LeadStatus = z.infer<typeof LeadStatus>;
export const DismissReason = z.enum(DISMISS_REASONS);
export type DismissReason = z.infer<typeof DismissReason>;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;
export const BatchStatus = z.enum(BATCH_STATUSES);
export type BatchStatus = z.infer<typeof BatchStatus>;
export const BatchKind = z.enum(BATCH_KINDS);
export type BatchKind = z.infer<typeof BatchKind>;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const JobState = z.enum(JOB_STATES);
export type JobState = z.infer<typeof JobState>;
export const CaseState = z.enum(CASE_STATES);
export type CaseState = z.infer<typeof CaseState>;
export const CaseKind = z.enum(CASE_KINDS);
export type CaseKind = z.infer<typeof CaseKind>;
export const ActKind = z.enum(ACT_KINDS);
export type ActKind = z.infer<typeof ActKind>;
