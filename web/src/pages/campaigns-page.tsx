import { useState } from 'react';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { Campaign } from '../../../src/contract/campaigns.ts';
import { api, ApiError, downloadRoute } from '../api/client.ts';
import { CampaignForm } from '../components/campaign-form.tsx';
import { ErrorResult } from '../components/error-result.tsx';
import { formatCount, formatDate } from '../components/format.ts';
import { useApi } from '../hooks/use-api.ts';
import { useSession } from '../hooks/use-session.tsx';

/** Whether today lies in a campaign's period. */
function phase(c: Campaign): { text: string; color: string } {
  const today = new Date().toISOString().slice(0, 10);
  if (c.startsOn && today < c.startsOn) return { text: '未开始', color: 'default' };
  if (c.endsOn && today > c.endsOn) return { text: '已结束', color: 'default' };
  return { text: '进行中', color: 'green' };
}

/** 专项活动: the campaigns my unit sees (created, taking part, or below); new ones by dept heads. */
export default function CampaignsPage() {
  const { hasRight } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useApi((s) => api.call('GET /api/campaigns', { query: {} }, s), []);
  if (list.error && !list.data) return <ErrorResult error={list.error} onRetry={list.reload} />;
  return (
    <Card
      title="专项活动"
      data-testid="campaigns-page"
      extra={
        <Space>
          <Button
            icon={<DownloadOutlined />}
            data-testid="campaigns-export"
            onClick={() =>
              void downloadRoute(
                'GET /api/campaigns/export.xlsx',
                { query: {} },
                '专项活动.xlsx',
              ).then(
                () => message.success('已导出（本次导出已记入审计日志）'),
                (e: unknown) => message.error(e instanceof ApiError ? e.message : '导出失败'),
              )
            }
          >
            导出 Excel
          </Button>
          {hasRight('manage_campaigns') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="campaign-new"
            >
              新建专项活动
            </Button>
          ) : null}
        </Space>
      }
    >
      <Table<Campaign>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无专项活动' }}
        columns={[
          {
            title: '主题',
            dataIndex: 'theme',
            render: (v: string, c) => (
              <span>
                <Link to={`/campaigns/${c.id}`}>{v}</Link>
                {c.migrated ? (
                  <Tag style={{ marginLeft: 8 }} color="default">
                    由运行记录转入
                  </Tag>
                ) : null}
              </span>
            ),
          },
          {
            title: '期间',
            key: 'period',
            render: (_: unknown, c) => `${formatDate(c.startsOn)} 至 ${formatDate(c.endsOn)}`,
          },
          {
            title: '状态',
            key: 'phase',
            render: (_: unknown, c) => {
              const p = phase(c);
              return <Tag color={p.color}>{p.text}</Tag>;
            },
          },
          { title: '发起单位', dataIndex: 'unitName' },
          {
            title: '参加单位',
            dataIndex: 'participantNames',
            ellipsis: true,
            render: (v: string[]) => v.join('、') || '—',
          },
          {
            title: '模型',
            dataIndex: 'modelIds',
            render: (v: string[]) =>
              v.length ? v.join('、') : <Typography.Text type="secondary">不限</Typography.Text>,
          },
          { title: '运行', dataIndex: 'runCount', align: 'right' },
          {
            title: '线索',
            dataIndex: 'leadCount',
            align: 'right',
            render: (v: number, c) => <Link to={`/leads?campaign=${c.id}`}>{formatCount(v)}</Link>,
          },
          {
            title: '案件',
            dataIndex: 'caseCount',
            align: 'right',
            render: (v: number, c) => (
              <Link to={`/supervision-cases?open=0&campaign=${c.id}`}>{formatCount(v)}</Link>
            ),
          },
        ]}
      />
      <CampaignForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          void navigate(`/campaigns/${id}`);
        }}
      />
    </Card>
  );
}
