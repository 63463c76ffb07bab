import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Modal,
  Popconfirm,
  Result,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CreateUserRequest, Unit, User, UserWithPassword } from '../../../src/contract/org.ts';
import { PASSWORD_POLICY_HINT } from '../../../src/contract/session.ts';
import { ROLE_LABELS, ROLES } from '../../../src/contract/vocabulary.ts';
import type { Role } from '../../../src/contract/vocabulary.ts';
import { holdersOf } from '../../../src/contract/rights.ts';
import { api, ApiError } from '../api/client.ts';
import { ErrorResult } from '../components/error-result.tsx';
import { formatDateTime } from '../components/format.ts';
import { useApi } from '../hooks/use-api.ts';
import { useSession } from '../hooks/use-session.tsx';

interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}

function unitTree(units: Unit[]): TreeNode[] {
  const nodes = new Map(
    units.map((u) => [u.id, { value: u.id, title: u.name, children: [] as TreeNode[] }]),
  );
  const roots: TreeNode[] = [];
  for (const u of units) {
    const node = nodes.get(u.id)!;
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** 用户管理 (administrators): users of the unit tree, roles, one-time passwords, unlock. */
export default function UsersPage() {
  const { message, modal } = App.useApp();
  const { hasRight } = useSession();
  const canManage = hasRight('manage_users');
  const [form] = Form.useForm<CreateUserRequest>();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const users = useApi(
    (s) => (canManage ? api.call('GET /api/users', {}, s) : Promise.resolve([])),
    [canManage],
  );
  const units = useApi((s) => api.call('GET /api/units', {}, s), []);
  const tree = useMemo(() => unitTree(units.data ?? []), [units.data]);

  if (!canManage)
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle={`用户管理仅限${holdersOf('manage_users')}。`}
      />
    );
  if (users.error) return <ErrorResult error={users.error} onRetry={users.reload} />;

  const showPassword = (r: UserWithPassword, title: string) => {
    if (!r.oneTimePassword) return;
    modal.info({
      title,
      content: (
        <div>
          <p>
            用户 <b>{r.user.username}</b> 的一次性密码（仅显示这一次，首次登录须修改）：
          </p>
          <Typography.Text code copyable style={{ fontSize: 16 }}>
            {r.oneTimePassword}
          </Typography.Text>
        </div>
      ),
    });
  };

  const call = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(done);
      users.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    } finally {
      setBusy(false);
    }
  };

  const create = async () => {
    const v = await form.validateFields();
    await call(async () => {
      const r = await api.call('POST /api/users', {
        body: { ...v, canViewFullId: !!v.canViewFullId },
      });
      setCreating(false);
      form.resetFields();
      showPassword(r, '用户已创建');
    }, '用户已创建');
  };

  return (
    <Card
      title="用户管理"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建用户
        </Button>
      }
    >
      <Table<User>
        size="small"
        rowKey="id"
        loading={users.loading}
        dataSource={users.data ?? []}
        locale={{ emptyText: '暂无用户' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '单位', dataIndex: 'unitName' },
          {
            title: '角色',
            dataIndex: 'roles',
            render: (rs: Role[]) => rs.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>),
          },
          {
            title: '可看完整证件号',
            dataIndex: 'canViewFullId',
            render: (v: boolean) => (v ? '是' : '否'),
          },
          {
            title: '状态',
            key: 'state',
            render: (_: unknown, u) =>
              u.disabled ? (
                <Tag>已停用</Tag>
              ) : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
                <Tag color="red">锁定至 {formatDateTime(u.lockedUntil)}</Tag>
              ) : u.mustChangePassword ? (
                <Tag color="gold">待改密码</Tag>
              ) : (
                <Tag color="green">正常</Tag>
              ),
          },
          { title: '最近登录', dataIndex: 'lastLoginAt', render: formatDateTime },
          {
            title: '操作',
            key: 'op',
            render: (_: unknown, u) => (
              <Space size={4} wrap>
                <Popconfirm
                  title={`重置 ${u.username} 的密码？`}
                  description="将生成一次性密码，原密码立即失效。"
                  onConfirm={() =>
                    call(async () => {
                      const r = await api.call('POST /api/users/:id/reset-password', {
                        params: { id: u.id },
                      });
                      showPassword(r, '密码已重置');
                    }, '密码已重置')
                  }
                >
                  <Button size="small" disabled={busy}>
                    重置密码
                  </Button>
                </Popconfirm>
                {u.lockedUntil && (
                  <Button
                    size="small"
                    disabled={busy}
                    onClick={() =>
                      void call(
                        () => api.call('POST /api/users/:id/unlock', { params: { id: u.id } }),
                        '已解除锁定',
                      )
                    }
                  >
                    解锁
                  </Button>
                )}
                <Popconfirm
                  title={u.disabled ? `启用 ${u.username}？` : `停用 ${u.username}？`}
                  onConfirm={() =>
                    call(
                      () =>
                        api.call('PATCH /api/users/:id', {
                          params: { id: u.id },
                          body: { disabled: !u.disabled },
                        }),
                      u.disabled ? '已启用' : '已停用',
                    )
                  }
                >
                  <Button size="small" danger={!u.disabled} disabled={busy}>
                    {u.disabled ? '启用' : '停用'}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        title="新建用户"
        open={creating}
        onCancel={() => setCreating(false)}
        onOk={() => void create().catch(() => undefined)}
        okText="创建"
        okButtonProps={{ loading: busy }}
        destroyOnHidden
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="创建后系统生成一次性密码，用户首次登录时须修改。"
          description={`新密码要求：${PASSWORD_POLICY_HINT}。`}
        />
        <Form form={form} layout="vertical" initialValues={{ roles: ['prosecutor'] }}>
          <Form.Item
            name="username"
            label="用户名"
            rules={[{ required: true, message: '请输入用户名' }]}
          >
            <Input placeholder="字母、数字，如 zhangsan" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label="姓名"
            rules={[{ required: true, message: '请输入姓名' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
            <TreeSelect
              treeData={tree}
              showSearch
              treeNodeFilterProp="title"
              placeholder="选择单位"
              treeDefaultExpandedKeys={tree.map((t) => t.value)}
            />
          </Form.Item>
          <Form.Item
            name="roles"
            label="角色"
            rules={[{ required: true, message: '至少选择一个角色' }]}
          >
            <Select
              mode="multiple"
              options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            />
          </Form.Item>
          <Form.Item name="canViewFullId" valuePropName="checked">
            <Checkbox>可查看完整证件号码（每次查看均记入审计日志）</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
