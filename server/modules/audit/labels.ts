import { ROLE_LABELS_SV, RoleSchema } from '../../contracts/roles';
import type { RouteDef } from '../../http/route';

/**
 * Swedish words for the access log, which stores machine codes
 * ("encounter.create", "write", "clinician") so that extracts stay
 * comparable across versions. An action is named by the summary of the route
 * that writes it; the few written outside a route are named here.
 */
const OUTSIDE_ROUTES: Record<string, string> = {
  'auth.login': 'Inloggning',
  'auth.login_oidc': 'Inloggning via regionens inloggning (OIDC)',
  'recording.audio_deleted': 'Ljudfil raderad enligt gallringsregeln',
  'transcript.deleted': 'Transkript raderat enligt gallringsregeln',
  'report.deleted': 'Rapportfil raderad när den blev för gammal',
};

export const AUDIT_KIND_SV: Record<string, string> = {
  read: 'läsning',
  write: 'ändring',
  delete: 'borttagning',
  export: 'uttag',
  login: 'inloggning',
};

export function auditActionLabels(routes: readonly RouteDef[]): Map<string, string> {
  const labels = new Map(Object.entries(OUTSIDE_ROUTES));
  for (const r of routes) {
    const action = r.audit?.action;
    if (action && !labels.has(action)) labels.set(action, r.summary);
  }
  return labels;
}

/** The log keeps the actor's roles comma-separated ("clinician,designer"). */
export const roleLabel = (roles: string | null): string | null =>
  roles === null
    ? null
    : roles
        .split(',')
        .filter(Boolean)
        .map((role) => {
          const parsed = RoleSchema.safeParse(role);
          return parsed.success ? ROLE_LABELS_SV[parsed.data] : role;
        })
        .join(', ');
