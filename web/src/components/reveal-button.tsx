import { Alert, Button } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useSession } from '../hooks/use-session.tsx';

/** 显示完整证件号: only for users with the right; the server audits every revealed view. */
export function RevealButton({ revealed, onToggle }: { revealed: boolean; onToggle: () => void }) {
  const { user } = useSession();
  if (!user?.canViewFullId) return null;
  return (
    <Button icon={<EyeOutlined />} onClick={onToggle} data-testid="reveal">
      {revealed ? '隐藏证件号' : '显示完整证件号'}
    </Button>
  );
}

export function RevealedNotice({ revealed }: { revealed: boolean }) {
  if (!revealed) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title="正在显示完整证件号码，本次查看已记入审计日志。"
      style={{ marginBottom: 12 }}
    />
  );
}
