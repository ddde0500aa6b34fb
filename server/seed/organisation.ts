import type { ProfessionCode } from '../contracts/workflow';

/** The demo workspace's organisation: invented units in Jämtland Härjedalen. */
export const DEMO_PROFESSIONS: { code: ProfessionCode; name: string; group: string }[] = [
  { code: 'lakare', name: 'Läkare', group: 'Arbetsgrupp läkare primärvård' },
  { code: 'sjukskoterska', name: 'Sjuksköterska', group: 'Arbetsgrupp sjuksköterskor (VIPS)' },
  { code: 'fysioterapeut', name: 'Fysioterapeut', group: 'Arbetsgrupp fysioterapeuter' },
  { code: 'arbetsterapeut', name: 'Arbetsterapeut', group: 'Arbetsgrupp arbetsterapeuter (ARTUR)' },
  { code: 'psykolog-kurator', name: 'Psykolog/kurator', group: 'Arbetsgrupp psykologer och kuratorer' },
  { code: 'telefonradgivning', name: 'Telefonrådgivning', group: 'Arbetsgrupp telefonrådgivning' },
];

export const DEMO_CARE_UNITS = [
  { code: 'vc-ostersund', name: 'Hälsocentral Östersund (demo)' },
  { code: 'vc-sveg', name: 'Hälsocentral Sveg (demo)' },
  { code: 'avd-medicin', name: 'Medicinavdelning Östersunds sjukhus (demo)' },
];

/** Demo users: usernames only; they get one shared one-time password printed at first start. */
export const DEMO_USERS: { username: string; displayName: string; roles: ('clinician' | 'designer' | 'lead')[]; profession: ProfessionCode | null; unit: string }[] = [
  { username: 'lakare1', displayName: 'Demoläkare Ett', roles: ['clinician'], profession: 'lakare', unit: 'vc-ostersund' },
  { username: 'lakare2', displayName: 'Demoläkare Två', roles: ['clinician', 'designer'], profession: 'lakare', unit: 'vc-sveg' },
  { username: 'ssk1', displayName: 'Demosjuksköterska Ett', roles: ['clinician'], profession: 'sjukskoterska', unit: 'avd-medicin' },
  { username: 'ssk2', displayName: 'Demosjuksköterska Två', roles: ['clinician', 'designer'], profession: 'sjukskoterska', unit: 'avd-medicin' },
  { username: 'fysio1', displayName: 'Demofysioterapeut', roles: ['clinician', 'designer'], profession: 'fysioterapeut', unit: 'vc-ostersund' },
  { username: 'arbter1', displayName: 'Demoarbetsterapeut', roles: ['clinician', 'designer'], profession: 'arbetsterapeut', unit: 'vc-sveg' },
  { username: 'kurator1', displayName: 'Demokurator', roles: ['clinician', 'designer'], profession: 'psykolog-kurator', unit: 'vc-ostersund' },
  { username: 'tel1', displayName: 'Demotelefonrådgivare', roles: ['clinician', 'designer'], profession: 'telefonradgivning', unit: 'vc-ostersund' },
  { username: 'design1', displayName: 'Demodesigner', roles: ['designer'], profession: 'lakare', unit: 'vc-ostersund' },
  { username: 'ledare1', displayName: 'Demoprojektledare', roles: ['lead'], profession: null, unit: 'vc-ostersund' },
];
