import { useEffect } from 'react';
import { AdminRoutes } from './admin/admin-routes';
import { loginPathFor, useSession } from './auth/session';
import { AppLayout } from './layout/app-layout';
import { matchPath, navigate, useLocation } from './router';
import { BoardPage } from './screens/board-page';
import { InboxPage } from './screens/inbox-page';
import { LoginPage } from './screens/login-page';
import { NotificationsPage } from './screens/notifications-page';
import { ReportPage } from './screens/report-page';
import { TaskPage } from './screens/task-page';
import { Empty, Loading } from './ui/feedback';

function Screen() {
  const { path } = useLocation();
  let params: Record<string, string> | null;
  if (path === '/') return <InboxPage />;
  if ((params = matchPath('/tasks/:id', path))) return <TaskPage id={params.id} />;
  if (path === '/board') return <BoardPage />;
  if (path === '/report') return <ReportPage />;
  if (path === '/notifications') return <NotificationsPage />;
  if (path === '/admin' || matchPath('/admin/*', path)) return <AdminRoutes />;
  return <Empty>页面不存在。</Empty>;
}

export function App() {
  const { me } = useSession();
  const location = useLocation();
  const onLogin = location.path === '/login';

  useEffect(() => {
    if (me === null && !onLogin) navigate(loginPathFor(location.href), { replace: true });
  }, [me, onLogin, location.href]);

  if (onLogin) return <LoginPage />;
  if (!me) return <Loading />;
  return (
    <AppLayout>
      <Screen />
    </AppLayout>
  );
}
