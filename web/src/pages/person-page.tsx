import { useState } from 'react';
import { Button, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { ErrorResult } from '../components/error-result.tsx';
import { LeadList } from '../components/lead-list.tsx';
import { PageLoading } from '../components/page-loading.tsx';
import { RelatedCases } from '../components/related-cases.tsx';
import { RevealButton, RevealedNotice } from '../components/reveal-button.tsx';
import { useApi } from '../hooks/use-api.ts';

/** 当事人 (串并审查): a person's or company's cases and leads in the user's units; audited. */
export default function PersonPage() {
  const { ref = '' } = useParams();
  const navigate = useNavigate();
  const [reveal, setReveal] = useState(false);
  const loaded = useApi(
    (s) =>
      api.call(
        'GET /api/persons/:ref',
        { params: { ref }, query: reveal ? { reveal: '1' } : {} },
        s,
      ),
    [ref, reveal],
  );
  const data = loaded.data;
  if (loaded.loading && !data) return <PageLoading />;
  if (loaded.error && !data) return <ErrorResult error={loaded.error} onRetry={loaded.reload} />;
  if (!data) return null;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="person-page">
      <Card
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)} />
            串并审查：{data.name ?? '（姓名未知）'}
          </Space>
        }
        extra={<RevealButton revealed={data.revealed} onToggle={() => setReveal((r) => !r)} />}
      >
        <RevealedNotice revealed={data.revealed} />
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="名称">{data.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="证件号码">
            <Typography.Text style={{ fontFamily: 'monospace' }}>{data.id}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="案件 / 线索">
            {data.cases.length} / {data.leads.length}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title={`涉及案件（${data.cases.length}）`} size="small">
            <RelatedCases cases={data.cases} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={`相关线索（${data.leads.length}）`} size="small">
            <LeadList leads={data.leads} empty="暂无线索" />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
