import { useEffect, useState, type FormEvent } from 'react';
import { useSession } from '../auth/session';
import { navigate, useLocation } from '../router';
import { ErrorBox } from '../ui/feedback';
import { useAction } from '../ui/use-api';

/** Only same-origin paths: a crafted ?next= must not send the user elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { me, login } = useSession();
  const { query } = useLocation();
  const next = safeNext(query.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction(login);

  useEffect(() => {
    if (me) navigate(next, { replace: true });
  }, [me, next]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(username.trim(), password);
  };

  return (
    <div className="login-page">
      <form className="login-card" onSubmit={submit}>
        <h1>履职督办</h1>
        <p className="muted">定岗定责 · 履职留痕</p>
        {next !== '/' && <p className="notice">请登录后继续。</p>}
        <label>
          用户名
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label>
          密码
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        <ErrorBox error={action.error} />
        <button type="submit" className="primary" disabled={action.busy}>
          {action.busy ? '登录中…' : '登录'}
        </button>
      </form>
    </div>
  );
}
