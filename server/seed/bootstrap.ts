import type { AppDeps } from '../deps';
import { hashPassword, oneTimePassword } from '../modules/auth/passwords';
import { DEMO_CARE_UNITS, DEMO_PROFESSIONS, DEMO_USERS } from './organisation';
import { seedContent } from './content';
import { seedDemoPilot } from './demo-pilot';

/**
 * First start on an empty database: create the administrator with a
 * one-time password printed once (it must be changed at first login) and,
 * unless DEMO_DATA=false, a Swedish demo workspace. Idempotent: does nothing
 * when any user exists.
 */
export interface BootstrapResult {
  created: boolean;
  /** returned for tests; main.ts only prints them */
  adminPassword?: string;
  demoPassword?: string;
}

export async function bootstrap(deps: AppDeps, print: (line: string) => void): Promise<BootstrapResult> {
  const db = deps.db.prisma;
  if ((await db.user.count()) > 0) return { created: false };
  const logN = deps.env.SCRYPT_LOG_N;
  const adminPassword = oneTimePassword();
  await db.user.create({
    data: {
      username: 'admin',
      displayName: 'Administratör',
      passwordHash: await hashPassword(adminPassword, logN),
      mustChangePassword: true,
      roles: { create: [{ role: 'admin' }] },
    },
  });
  const lines = [
    '',
    '══════════════════════════════════════════════════════════════',
    ' Journalverkstan: första start',
    ` Administratör:  admin / ${adminPassword}   (engångslösenord, byts vid första inloggningen)`,
  ];
  let demoPassword: string | undefined;
  if (deps.env.DEMO_DATA) {
    demoPassword = oneTimePassword();
    await seedDemoWorkspace(deps, await hashPassword(demoPassword, logN));
    lines.push(` Demoanvändare (samma engångslösenord för alla: ${demoPassword}):`, ...demoUserLines());
    if (deps.env.DEMO_PILOT) {
      const pilot = await seedDemoPilot(deps);
      lines.push(
        ` Påhittad pilot: ${pilot.notes} syntetiska anteckningar av ${pilot.clinicians} påhittade kliniker ${pilot.from} – ${pilot.to},`,
        '                 så att uppföljningens diagram syns. Tas bort under Administration › Demodata.',
      );
    }
    lines.push(' Demodata stängs av med DEMO_DATA=false (den påhittade piloten med DEMO_PILOT=false) före första start.');
  }
  lines.push(' Lösenorden visas bara nu.', '══════════════════════════════════════════════════════════════', '');
  lines.forEach(print);
  return { created: true, adminPassword, demoPassword };
}

const ROLE_SV: Record<string, string> = { clinician: 'kliniker', designer: 'arbetsgruppsdesigner', lead: 'projektledare' };

/** One line per demo user: who they are and what they may do, so a first user knows whom to sign in as. */
export function demoUserLines(): string[] {
  const width = Math.max(...DEMO_USERS.map((u) => u.username.length));
  return DEMO_USERS.map((u) => {
    const roles = u.roles.map((r) => ROLE_SV[r] ?? r).join(' och ');
    const profession = u.profession ? `, ${DEMO_PROFESSIONS.find((p) => p.code === u.profession)?.name.toLowerCase()}` : '';
    return `   ${u.username.padEnd(width)}  ${roles}${profession}`;
  });
}

async function seedDemoWorkspace(deps: AppDeps, passwordHash: string): Promise<void> {
  const db = deps.db.prisma;
  const professions = new Map<string, string>();
  const groups = new Map<string, string>();
  for (const p of DEMO_PROFESSIONS) {
    const profession = await db.profession.upsert({ where: { code: p.code }, update: {}, create: { code: p.code, name: p.name } });
    professions.set(p.code, profession.id);
    const group = await db.workingGroup.upsert({ where: { name: p.group }, update: {}, create: { name: p.group, professionId: profession.id } });
    groups.set(p.code, group.id);
  }
  const units = new Map<string, string>();
  for (const u of DEMO_CARE_UNITS) {
    units.set(u.code, (await db.careUnit.upsert({ where: { code: u.code }, update: {}, create: u })).id);
  }
  for (const u of DEMO_USERS) {
    // Everyone of a profession is a member of its working group: members rate blind (the gate wants three
    // raters), designers among them also edit. The läkare group thus has lakare1, lakare2 and design1.
    const groupId = u.profession ? groups.get(u.profession) : undefined;
    await db.user.create({
      data: {
        username: u.username,
        displayName: u.displayName,
        passwordHash,
        mustChangePassword: true,
        professionId: u.profession ? professions.get(u.profession)! : null,
        careUnitId: units.get(u.unit)!,
        roles: { create: u.roles.map((role) => ({ role })) },
        groups: { create: groupId ? [{ groupId }] : [] },
      },
    });
  }
  await seedContent(deps, { professions, groups });
}
