import {
  Campaign,
  CampaignDetail,
  CampaignListQuery,
  CampaignRequest,
  Ledger,
  LedgerQuery,
  UpdateCampaignRequest,
  WorkList,
  WorkListQuery,
} from '../campaigns.ts';
import { NumericIdParams } from '../params.ts';
import { route } from './define.ts';
import { z } from 'zod';

/** Campaigns (专项监督活动), the ledger (一本账) and the work list (我的待办). */
export const CAMPAIGN_ROUTES = [
  route({
    method: 'GET',
    path: '/api/campaigns',
    summary: '专项活动列表（本单位创建、参加的及下级参加的）',
    access: 'user',
    query: CampaignListQuery,
    response: z.array(Campaign),
  }),
  // Before `/:id`, so that the file name is not taken for an id.
  route({
    method: 'GET',
    path: '/api/campaigns/export.xlsx',
    summary: '导出专项活动列表 Excel（审计）',
    access: 'user',
    query: CampaignListQuery,
    produces: 'xlsx',
  }),
  route({
    method: 'POST',
    path: '/api/campaigns',
    summary: '新建专项活动',
    access: 'manage_campaigns',
    body: CampaignRequest,
    response: CampaignDetail,
  }),
  route({
    method: 'GET',
    path: '/api/campaigns/:id',
    params: NumericIdParams,
    summary: '专项活动详情（运行、线索数、案件）',
    access: 'user',
    response: CampaignDetail,
  }),
  route({
    method: 'PUT',
    path: '/api/campaigns/:id',
    params: NumericIdParams,
    summary: '修改专项活动（须带版本号）',
    access: 'manage_campaigns',
    body: UpdateCampaignRequest,
    response: CampaignDetail,
  }),
  route({
    method: 'GET',
    path: '/api/ledger',
    summary: '一本账：本单位及下级的线索、成案、检察建议、采纳、恢复执行、执行到位金额',
    access: 'user',
    query: LedgerQuery,
    response: Ledger,
  }),
  route({
    method: 'GET',
    path: '/api/ledger/export.xlsx',
    summary: '导出一本账 Excel（审计）',
    access: 'user',
    query: LedgerQuery,
    produces: 'xlsx',
  }),
  route({
    method: 'GET',
    path: '/api/worklist',
    summary: '我的待办：本人研判中的线索和承办的未结案件，按期限排序',
    access: 'user',
    query: WorkListQuery,
    response: WorkList,
  }),
  route({
    method: 'GET',
    path: '/api/worklist/export.xlsx',
    summary: '导出我的待办（工作清单）Excel（审计）',
    access: 'user',
    query: WorkListQuery,
    produces: 'xlsx',
  }),
] as const;
