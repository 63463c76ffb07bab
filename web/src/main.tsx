import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { SessionProvider, useSession } from './hooks/use-session.tsx';
import { AppLayout } from './components/app-layout.tsx';
import { PageLoading } from './components/page-loading.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { ChangePasswordPage } from './pages/change-password-page.tsx';

dayjs.locale('zh-cn');

// One chunk per page: the first load carries only the shell, the sign-in page and 工作台.
const DashboardPage = lazy(() => import('./pages/dashboard-page.tsx'));
const DataPage = lazy(() => import('./pages/data-page.tsx'));
const StatsPage = lazy(() => import('./pages/stats-page.tsx'));
const ModelsPage = lazy(() => import('./pages/models-page.tsx'));
const ModelDetailPage = lazy(() => import('./pages/model-detail-page.tsx'));
const LeadsPage = lazy(() => import('./pages/leads-page.tsx'));
const LeadPage = lazy(() => import('./pages/lead-page.tsx'));
const AuditPage = lazy(() => import('./pages/audit-page.tsx'));
const CasePage = lazy(() => import('./pages/case-page.tsx'));
const PersonPage = lazy(() => import('./pages/person-page.tsx'));
const SupervisionCasesPage = lazy(() => import('./pages/supervision-cases-page.tsx'));
const SupervisionCasePage = lazy(() => import('./pages/supervision-case-page.tsx'));
const DueRecommendationsPage = lazy(() => import('./pages/due-recommendations-page.tsx'));
const OutcomesPage = lazy(() => import('./pages/outcomes-page.tsx'));
const UsersPage = lazy(() => import('./pages/users-page.tsx'));
const DocumentTemplatesPage = lazy(() => import('./pages/document-templates-page.tsx'));
const CampaignsPage = lazy(() => import('./pages/campaigns-page.tsx'));
const CampaignPage = lazy(() => import('./pages/campaign-page.tsx'));
const LedgerPage = lazy(() => import('./pages/ledger-page.tsx'));
const ExtractPage = lazy(() => import('./pages/extract-page.tsx'));
const NotFoundPage = lazy(() => import('./pages/not-found-page.tsx'));

function Guarded() {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <PageLoading />;
  if (user === null) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (user.mustChangePassword) return <ChangePasswordPage forced />;
  return (
    <AppLayout>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/" element={<DashboardPage />} />
          <Route path="/data" element={<DataPage />} />
          <Route path="/models" element={<ModelsPage />} />
          <Route path="/models/:id" element={<ModelDetailPage />} />
          <Route path="/leads" element={<LeadsPage />} />
          <Route path="/leads/:id" element={<LeadPage />} />
          <Route path="/cases/:caseNo" element={<CasePage />} />
          <Route path="/supervision-cases" element={<SupervisionCasesPage />} />
          <Route path="/supervision-cases/outcomes" element={<OutcomesPage />} />
          <Route path="/supervision-cases/:id" element={<SupervisionCasePage />} />
          <Route path="/document-templates" element={<DocumentTemplatesPage />} />
          <Route path="/recommendations" element={<DueRecommendationsPage />} />
          <Route path="/campaigns" element={<CampaignsPage />} />
          <Route path="/campaigns/:id" element={<CampaignPage />} />
          <Route path="/ledger" element={<LedgerPage />} />
          <Route path="/stats" element={<StatsPage />} />
          <Route path="/persons/:ref" element={<PersonPage />} />
          <Route path="/audit" element={<AuditPage />} />
          <Route path="/users" element={<UsersPage />} />
          <Route path="/extract" element={<ExtractPage />} />
          <Route path="/extract/:id" element={<ExtractPage />} />
          <Route path="/password" element={<ChangePasswordPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}

function Root() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/*" element={<Guarded />} />
    </Routes>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1f4e9c', borderRadius: 4 } }}>
      <AntApp>
        <BrowserRouter>
          <SessionProvider>
            <Root />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
