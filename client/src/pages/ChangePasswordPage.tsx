import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { changePassword } from '../api/auth';
import { ApiError } from '../api/problem';
import { ErrorMessage } from '../components/ErrorMessage';
import { PlainLayout } from '../components/PlainLayout';
import { TextField } from '../components/TextField';
import { useNotify } from '../components/Notifier';
import { useSubmit } from '../hooks/useSubmit';
import { useMe, useSession } from '../session/SessionContext';

const MISMATCH = new ApiError(400, 'mismatch', 'Lösenorden stämmer inte överens', undefined, [
  { field: 'body.repeatPassword', message: 'Skriv samma nya lösenord två gånger.' },
]);

/**
 * Required after a one-time password, and open to anyone signed in. The
 * rules are the server's: its messages are shown under the field they
 * concern; the hint only summarises them.
 */
export function ChangePasswordPage() {
  const me = useMe();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const notify = useNotify();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const submit = useSubmit(changePassword);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== repeat) {
      submit.setError(MISMATCH);
      return;
    }
    if (!(await submit.run(current, next)).ok) return;
    const updated = await refresh();
    if (updated && !updated.mustChangePassword) {
      notify('Lösenordet är bytt.');
      navigate('/', { replace: true });
    }
  };

  const error = submit.error;
  return (
    <PlainLayout>
      <section className="panel narrow" aria-labelledby="password-title">
        <h1 id="password-title">Byt lösenord</h1>
        {me.mustChangePassword && <p className="notice">Du har loggat in med ett engångslösenord. Välj ett eget lösenord innan du fortsätter.</p>}
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <TextField label="Nuvarande lösenord" type="password" autoComplete="current-password" value={current} onChange={setCurrent} required errors={error?.fieldMessages('currentPassword')} />
          <TextField
            label="Nytt lösenord"
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={setNext}
            required
            hint="Minst 12 tecken, inte ditt användarnamn, gärna en mening."
            errors={error?.fieldMessages('newPassword')}
          />
          <TextField label="Upprepa nytt lösenord" type="password" autoComplete="new-password" value={repeat} onChange={setRepeat} required errors={error?.fieldMessages('repeatPassword')} />
          <ErrorMessage error={error} hideFields={['currentPassword', 'newPassword', 'repeatPassword']} />
          <button type="submit" disabled={submit.busy}>
            {submit.busy ? 'Sparar …' : 'Byt lösenord'}
          </button>
        </form>
        {!me.mustChangePassword && (
          <p>
            <Link to="/">Avbryt</Link>
          </p>
        )}
      </section>
    </PlainLayout>
  );
}
