import type { ReactNode } from 'react';
import { useSession } from '../auth/session';
import { Link, useLocation } from '../router';

interface NavItem {
  to: string;
  label: string;
  /** Paths that keep this entry highlighted. */
  prefix: string;
}

/** Header with the screens the user's roles offer; wraps into two rows on a phone. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { me, can, logout } = useSession();
  const { path } = useLocation();
  const items: NavItem[] = [{ to: '/', label: '我的任务', prefix: '/tasks' }];
  if (can.supervise) items.push({ to: '/board', label: '督办看板', prefix: '/board' });
  if (can.report) items.push({ to: '/report', label: '督办报表', prefix: '/report' });
  items.push({ to: '/notifications', label: '通知', prefix: '/notifications' });
  if (can.admin) items.push({ to: '/admin', label: '系统管理', prefix: '/admin' });
  const active = (item: NavItem) => (item.to === '/' ? path === '/' || path.startsWith(item.prefix) : path.startsWith(item.prefix));

  return (
    <div className="app">
      <header className="topbar">
        <Link to="/" className="brand">
          履职督办
        </Link>
        <nav className="nav" aria-label="主导航">
          {items.map((item) => (
            <Link key={item.to} to={item.to} className={active(item) ? 'nav-item active' : 'nav-item'} aria-current={active(item) ? 'page' : undefined}>
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="user">
          <span className="user-name" title={me?.user.username}>
            {me?.person?.name ?? me?.user.username}
          </span>
          <button type="button" className="link-button" onClick={() => void logout()}>
            退出
          </button>
        </div>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
