import { useEffect } from 'react';
import { Link, navigate, useLocation } from '../router';
import { Empty } from '../ui/feedback';
import { CalendarPage } from './calendar-page';
import { DutyListImportPage } from './duty-list-import-page';
import { SchedulesPage } from './schedules-page';
import { SetAsidePage } from './set-aside-page';
import './admin.css';

const SECTIONS = [
  { path: '/admin/duty-list', label: '履职清单导入' },
  { path: '/admin/calendar', label: '工作日历' },
  { path: '/admin/schedules', label: '事项计划' },
  { path: '/admin/set-aside', label: '暂置记录' },
] as const;

/** Everything under /admin/* (routed here by the shell): a tab row and the chosen admin screen. */
export function AdminRoutes() {
  const { path } = useLocation();
  useEffect(() => {
    if (path === '/admin' || path === '/admin/') navigate(SECTIONS[0].path, { replace: true });
  }, [path]);

  return (
    <div className="admin">
      <nav className="admin-tabs" aria-label="系统管理">
        {SECTIONS.map((s) => (
          <Link key={s.path} to={s.path} className={path.startsWith(s.path) ? 'admin-tab active' : 'admin-tab'} aria-current={path.startsWith(s.path) ? 'page' : undefined}>
            {s.label}
          </Link>
        ))}
      </nav>
      <AdminScreen path={path} />
    </div>
  );
}

function AdminScreen({ path }: { path: string }) {
  if (path.startsWith('/admin/duty-list')) return <DutyListImportPage />;
  if (path.startsWith('/admin/calendar')) return <CalendarPage />;
  if (path.startsWith('/admin/schedules')) return <SchedulesPage />;
  if (path.startsWith('/admin/set-aside')) return <SetAsidePage />;
  if (path === '/admin' || path === '/admin/') return null;
  return <Empty>页面不存在。</Empty>;
}
