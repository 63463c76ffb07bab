import {
  ReportQuery,
  StatsQuery,
  StatsTable,
  TerminationQuery,
  TerminationTable,
} from '../stats.ts';
import { route } from './define.ts';

/** Statistics, the 终本 table and the periodic bulletin (本单位及下级); every export audited. */
export const STATS_ROUTES = [
  route({
    method: 'GET',
    path: '/api/stats',
    summary: '统计（按单位、模型、法院或月份；成案率、采纳率、执行到位金额……）',
    access: 'user',
    query: StatsQuery,
    response: StatsTable,
  }),
  route({
    method: 'GET',
    path: '/api/stats/export.xlsx',
    summary: '统计表 Excel（记入审计）',
    access: 'user',
    query: StatsQuery,
    produces: 'xlsx',
  }),
  route({
    method: 'GET',
    path: '/api/stats/termination',
    summary: '终本数、终本占比与立案至结案天数中位数（按法院或承办人）',
    access: 'user',
    query: TerminationQuery,
    response: TerminationTable,
  }),
  route({
    method: 'GET',
    path: '/api/stats/termination.xlsx',
    summary: '终本统计 Excel（记入审计）',
    access: 'user',
    query: TerminationQuery,
    produces: 'xlsx',
  }),
  route({
    method: 'GET',
    path: '/api/stats/report.docx',
    summary: '工作通报 Word（月报 2025-09、季报 2025Q3、年报 2025；记入审计）',
    access: 'user',
    query: ReportQuery,
    produces: 'docx',
  }),
  route({
    method: 'GET',
    path: '/api/stats/report.xlsx',
    summary: '工作通报 Excel（每表一页；记入审计）',
    access: 'user',
    query: ReportQuery,
    produces: 'xlsx',
  }),
] as const;
