import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { Avatar, Dropdown, Layout, Menu, Space, Tag, Typography } from 'antd';
import {
  AuditOutlined,
  ClockCircleOutlined,
  BarChartOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FileWordOutlined,
  FlagOutlined,
  FolderOpenOutlined,
  KeyOutlined,
  LogoutOutlined,
  MoneyCollectOutlined,
  TableOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '../../../src/contract/vocabulary.ts';
import { useSession } from '../hooks/use-session.tsx';

const { Header, Sider, Content } = Layout;

const TITLES: Record<string, string> = {
  '/': '工作台',
  '/data': '数据管理',
  '/models': '监督模型',
  '/leads': '线索',
  '/cases': '执行案件',
  '/supervision-cases': '监督案件',
  '/recommendations': '逾期未回复',
  '/supervision-cases/outcomes': '成效台账',
  '/campaigns': '专项活动',
  '/ledger': '一本账',
  '/stats': '统计分析',
  '/persons': '串并审查',
  '/extract': '文书复核',
  '/users': '用户管理',
  '/audit': '审计日志',
  '/password': '修改密码',
};

/** The frame of every signed-in page: left menu, the user's name/unit/role, sign-out. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { user, signOut, hasRight } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const top = '/' + (location.pathname.split('/')[1] ?? '');
  // 成效台账 lives under /supervision-cases but has its own menu entry.
  const OUTCOMES = '/supervision-cases/outcomes';
  const selected = location.pathname.startsWith(OUTCOMES) ? OUTCOMES : top;

  // The browser tab names the page (users keep several open side by side).
  useEffect(() => {
    const title = TITLES[selected];
    document.title = title ? `${title} · 执检` : '执检 · 民事执行检察监督平台';
  }, [selected]);

  const items = [
    { key: '/', icon: <DashboardOutlined />, label: <Link to="/">工作台</Link> },
    { key: '/data', icon: <DatabaseOutlined />, label: <Link to="/data">数据管理</Link> },
    { key: '/models', icon: <ExperimentOutlined />, label: <Link to="/models">监督模型</Link> },
    { key: '/leads', icon: <FileSearchOutlined />, label: <Link to="/leads">线索</Link> },
    {
      key: '/supervision-cases',
      icon: <FolderOpenOutlined />,
      label: <Link to="/supervision-cases">监督案件</Link>,
    },
    ...(hasRight('work_cases')
      ? [
          {
            key: '/document-templates',
            icon: <FileWordOutlined />,
            label: <Link to="/document-templates">文书模板</Link>,
          },
        ]
      : []),
    {
      key: '/recommendations',
      icon: <ClockCircleOutlined />,
      label: <Link to="/recommendations">逾期未回复</Link>,
    },
    {
      key: OUTCOMES,
      icon: <MoneyCollectOutlined />,
      label: <Link to={OUTCOMES}>成效台账</Link>,
    },
    { key: '/campaigns', icon: <FlagOutlined />, label: <Link to="/campaigns">专项活动</Link> },
    { key: '/ledger', icon: <TableOutlined />, label: <Link to="/ledger">一本账</Link> },
    { key: '/stats', icon: <BarChartOutlined />, label: <Link to="/stats">统计分析</Link> },
    // Every role reviews rulings: prosecutors read the documents of their own cases.
    { key: '/extract', icon: <FileTextOutlined />, label: <Link to="/extract">文书复核</Link> },
    ...(hasRight('manage_users')
      ? [{ key: '/users', icon: <TeamOutlined />, label: <Link to="/users">用户管理</Link> }]
      : []),
    ...(hasRight('view_audit')
      ? [{ key: '/audit', icon: <AuditOutlined />, label: <Link to="/audit">审计日志</Link> }]
      : []),
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={200} theme="dark">
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#fff',
            fontWeight: 600,
            fontSize: collapsed ? 16 : 18,
            letterSpacing: 2,
            borderBottom: '1px solid rgba(255,255,255,0.1)',
          }}
        >
          {collapsed ? '执检' : '执检 · 执行监督'}
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={[selected]} items={items} />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            boxShadow: '0 1px 4px rgba(0,21,41,0.08)',
            height: 56,
          }}
        >
          <Typography.Text strong style={{ fontSize: 16 }}>
            民事执行检察监督平台
          </Typography.Text>
          {user && (
            <Dropdown
              menu={{
                items: [
                  { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
                ],
                onClick: ({ key }) => {
                  if (key === 'password') void navigate('/password');
                  if (key === 'logout') void signOut().then(() => navigate('/login'));
                },
              }}
            >
              <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
                <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f4e9c' }} />
                <span>{user.displayName}</span>
                <Typography.Text type="secondary">{user.unitName}</Typography.Text>
                {user.roles.map((r) => (
                  <Tag key={r} color="blue" style={{ marginInlineEnd: 0 }}>
                    {ROLE_LABELS[r]}
                  </Tag>
                ))}
              </Space>
            </Dropdown>
          )}
        </Header>
        <Content style={{ margin: 16 }}>{children}</Content>
      </Layout>
    </Layout>
  );
}
