import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { NewPassword, PASSWORD_POLICY_HINT } from '../../../src/contract/session.ts';
import { api, ApiError } from '../api/client.ts';
import { useSession } from '../hooks/use-session.tsx';

/**
 * 修改密码. `forced`: the first sign-in with a one-time password, shown instead of every page
 * until the user picks their own.
 */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { refresh, signOut } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: { oldPassword: string; newPassword: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.call('POST /api/session/password', {
        body: { oldPassword: v.oldPassword, newPassword: v.newPassword },
      });
      message.success('密码已修改');
      await refresh();
      if (!forced) void navigate('/');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '修改失败');
    } finally {
      setBusy(false);
    }
  };

  const card = (
    <Card
      title={forced ? '首次登录：请设置新密码' : '修改密码'}
      style={{ maxWidth: 460, margin: '0 auto' }}
    >
      {forced && (
        <Typography.Paragraph type="secondary">
          您正在使用一次性密码登录。为保障账号安全，请先设置自己的密码。
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="oldPassword"
          label={forced ? '一次性密码' : '原密码'}
          rules={[{ required: true, message: '请输入原密码' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra={`密码要求：${PASSWORD_POLICY_HINT}。`}
          rules={[
            { required: true, message: '请输入新密码' },
            {
              validator: (_, v: string | undefined) => {
                const r = NewPassword.safeParse(v ?? '');
                return r.success
                  ? Promise.resolve()
                  : Promise.reject(new Error(r.error.issues[0]?.message ?? '密码不符合要求'));
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                v === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          确认修改
        </Button>
        {forced && (
          <Button type="link" block onClick={() => void signOut()} style={{ marginTop: 8 }}>
            退出登录
          </Button>
        )}
      </Form>
    </Card>
  );
  return forced ? <div style={{ padding: '10vh 16px' }}>{card}</div> : card;
}
