import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { fetchOidcConfig, login, OIDC_START_URL } from '../api/auth';
import { ApiError } from '../api/problem';
import { ErrorMessage } from '../components/ErrorMessage';
import { PlainLayout } from '../components/PlainLayout';
import { TextField } from '../components/TextField';
import { useResource } from '../hooks/useResource';
import { useSubmit } from '../hooks/useSubmit';
import { CHANGE_PASSWORD_PATH } from '../session/homes';
import { useSession } from '../session/SessionContext';

/** Where to go after sign-in: back where the user was sent from, if it was inside the app. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

/** The server accepts returnTo only for a path below the root ("/x"). */
const oidcStartHref = (to: string) => (to.length > 1 ? `${OIDC_START_URL}?returnTo=${encodeURIComponent(to)}` : OIDC_START_URL);

/** The server says "Inte inloggad" for a wrong password; at the login form that title reads oddly. */
function loginProblem(error: ApiError | null): ApiError | null {
  if (error?.status !== 401) return error;
  return new ApiError(401, error.code, 'Inloggningen misslyckades', error.detail, error.errors, error.requestId);
}

export function LoginPage() {
  const { me, notice, signedIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit(login);
  const oidc = useResource(fetchOidcConfig, []);

  if (me) return <Navigate to={me.mustChangePassword ? CHANGE_PASSWORD_PATH : '/'} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await submit.run(username, password);
    if (!outcome.ok) return;
    const user = outcome.value;
    signedIn(user);
    navigate(user.mustChangePassword ? CHANGE_PASSWORD_PATH : returnPath(location.state), { replace: true });
  };

  return (
    <PlainLayout>
      <section className="panel narrow" aria-labelledby="login-title">
        <h1 id="login-title">Logga in</h1>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <TextField label="Användarnamn" value={username} onChange={setUsername} autoComplete="username" required errors={submit.error?.fieldMessages('username')} />
          <TextField label="Lösenord" type="password" value={password} onChange={setPassword} autoComplete="current-password" required errors={submit.error?.fieldMessages('password')} />
          <ErrorMessage error={loginProblem(submit.error)} hideFields={['username', 'password']} />
          <button type="submit" disabled={submit.busy}>
            {submit.busy ? 'Loggar in …' : 'Logga in'}
          </button>
        </form>
        {oidc.data?.enabled && (
          <p className="oidc">
            <a className="button secondary" href={oidcStartHref(returnPath(location.state))}>
              {oidc.data.label}
            </a>
          </p>
        )}
      </section>
    </PlainLayout>
  );
}
