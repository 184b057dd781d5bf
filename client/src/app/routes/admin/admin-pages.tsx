import { useDocumentTitle } from '@/components/motion/page';
import { AdminModels } from '@/features/admin/components/admin-models';
import { Approvals } from '@/features/admin/components/approvals';
import { AuditLog } from '@/features/admin/components/audit-log';
import { RateLimitsEditor } from '@/features/admin/components/rate-limits-editor';
import { SyncPanel } from '@/features/admin/components/sync-panel';
import { TiersEditor } from '@/features/admin/components/tiers-editor';
import { UserManager } from '@/features/admin/components/user-manager';
import { useT, type MessageKey } from '@/lib/i18n';
import type { ReactNode } from 'react';

function Tab({ title, children }: { title: MessageKey; children: ReactNode }) {
  const t = useT();
  useDocumentTitle(`${t(title)} · ${t('admin.title')}`);
  return (
    <section aria-labelledby="admin-tab-title" className="stack" style={{ gap: 24 }}>
      <h2 id="admin-tab-title">{t(title)}</h2>
      {children}
    </section>
  );
}

export const SyncTab = () => (
  <Tab title="admin.tab.sync">
    <SyncPanel />
  </Tab>
);
export const ModelsTab = () => (
  <Tab title="admin.tab.models">
    <AdminModels />
  </Tab>
);
export const TiersTab = () => (
  <Tab title="admin.tab.tiers">
    <div className="stack" style={{ gap: 48 }}>
      <TiersEditor />
      <RateLimitsEditor />
    </div>
  </Tab>
);
export const UsersTab = () => (
  <Tab title="admin.tab.users">
    <UserManager />
  </Tab>
);
export const ApprovalsTab = () => (
  <Tab title="admin.tab.approvals">
    <Approvals />
  </Tab>
);
export const AuditTab = () => (
  <Tab title="admin.tab.audit">
    <AuditLog />
  </Tab>
);
