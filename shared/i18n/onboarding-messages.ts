// Texts of the manager registration and availability answers, Italian and English.

export const onboardingMessagesIt = {
  'error.duplicateManager':
    'Questo indirizzo e-mail è già registrato come manager: se vuoi aggiornare il profilo usa il link personale ricevuto via e-mail.',
  'availability.belowLoad':
    'La capacità non può scendere sotto gli incarichi in corso ({load}): concludi o cedi prima qualche incarico.',
  'availability.updated': 'Disponibilità aggiornata: {capacity} imprese alla volta, stato «{status}».',
  'availability.status.active': 'disponibile',
  'availability.status.inactive': 'in pausa',
  'error.adminOnly':
    'Questa pagina è riservata all’ufficio del programma: accedi con un utente del gruppo admin.',
} as const;

export const onboardingMessagesEn: Record<keyof typeof onboardingMessagesIt, string> = {
  'error.duplicateManager':
    'This e-mail address is already registered as a manager: to update the profile, use the personal link you received by e-mail.',
  'availability.belowLoad':
    'Capacity cannot go below the engagements in progress ({load}): close or hand over some engagements first.',
  'availability.updated': 'Availability updated: {capacity} SMEs at a time, status “{status}”.',
  'availability.status.active': 'available',
  'availability.status.inactive': 'paused',
  'error.adminOnly': 'This page is for the programme office: sign in as a member of the admin group.',
};
