import { z } from 'zod';
import {
  ACT_KINDS,
  BATCH_KINDS,
  BATCH_STATUSES,
  CASE_KINDS,
  CASE_STATES,
  DEADLINE_STATUSES,
  DISMISS_REASONS,
  DOCUMENT_KINDS,
  JOB_STATES,
  LEAD_STATUSES,
  OUTCOME_KINDS,
  OUTCOME_SOURCES,
  PRIORITIES,
  RECOMMENDATION_STATES,
  REFERRAL_CRIMES,
  REPLY_ACTIONS,
  REPLY_FILTERS,
  REPLY_RESULTS,
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
export const RecommendationState = z.enum(RECOMMENDATION_STATES);
export type RecommendationState = z.infer<typeof RecommendationState>;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;
export const ReplyResult = z.enum(REPLY_RESULTS);
export const ReplyFilter = z.enum(REPLY_FILTERS);
export type ReplyResult = z.infer<typeof ReplyResult>;
export const ReplyAction = z.enum(REPLY_ACTIONS);
export type ReplyAction = z.infer<typeof ReplyAction>;
export const OutcomeKind = z.enum(OUTCOME_KINDS);
export type OutcomeKind = z.infer<typeof OutcomeKind>;
export const ReferralCrime = z.enum(REFERRAL_CRIMES);
export type ReferralCrime = z.infer<typeof ReferralCrime>;
export const DeadlineStatus = z.enum(DEADLINE_STATUSES);
export type DeadlineStatus = z.infer<typeof DeadlineStatus>;
export const OutcomeSource = z.enum(OUTCOME_SOURCES);
export type OutcomeSource = z.infer<typeof OutcomeSource>;
