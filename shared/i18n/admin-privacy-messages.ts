// The programme office's page for people's data requests (a copy, erasure), Italian and English.

export const adminPrivacyMessagesIt = {
  'admin.privacy.link': 'Richieste sui dati personali',
  'admin.privacy.title': 'Richieste sui dati personali',
  'admin.privacy.intro':
    'Per chi chiede una copia dei propri dati o la loro cancellazione (art. 15, 17 e 20 GDPR): cerca per indirizzo e-mail tutto ciò che il programma conserva su quella persona. Ogni richiesta è registrata nel registro delle decisioni, senza i dati.',
  'admin.privacy.email': 'Indirizzo e-mail della persona',
  'admin.privacy.export': 'Scarica la copia (JSON)',
  'admin.privacy.preview': 'Verifica la cancellazione',
  'admin.privacy.plan':
    'Conservato: {applications} domande come referente ({running} percorsi ancora in corso, che sarebbero ritirati), {manager} profilo di manager, {emails} e-mail in coda.',
  'admin.privacy.planManagerYes': 'un',
  'admin.privacy.planManagerNo': 'nessun',
  'admin.privacy.nothing': 'Non è conservato nulla su questo indirizzo.',
  'admin.privacy.erase': 'Cancella ora (non si può annullare)',
  'admin.privacy.eraseWhat':
    'Nomi, indirizzo, telefono, CV e ogni testo sulla persona diventano «—»; restano conteggi, stati, cifre, la Partita IVA dove va conservata e il registro delle decisioni.',
  'admin.privacy.refusedProject':
    'Non si può cancellare: il progetto {project} è ancora monitorato. Chiudilo prima; i suoi dati scadono poi con il periodo di conservazione.',
  'admin.privacy.refusedManager':
    'Non si può cancellare: il manager segue ancora {engagements} imprese. Riassegnale o chiudile prima.',
  'admin.privacy.erased':
    'Cancellato: {items} elementi anonimizzati, {withdrawn} percorsi ritirati, {links} link eliminati. Registrato nel registro delle decisioni.',
  'admin.privacy.invalidEmail': 'Scrivi un indirizzo e-mail valido.',
};

export const adminPrivacyMessagesEn: Record<keyof typeof adminPrivacyMessagesIt, string> = {
  'admin.privacy.link': 'Personal-data requests',
  'admin.privacy.title': 'Personal-data requests',
  'admin.privacy.intro':
    'For someone who asks for a copy of their data or its erasure (GDPR art. 15, 17 and 20): finds by e-mail address everything the programme holds about that person. Every request is recorded in the decision log, without the data.',
  'admin.privacy.email': 'The person’s e-mail address',
  'admin.privacy.export': 'Download the copy (JSON)',
  'admin.privacy.preview': 'Check the erasure',
  'admin.privacy.plan':
    'Held: {applications} application(s) as a contact ({running} journey(s) still running, which would be withdrawn), {manager} manager profile, {emails} queued e-mail(s).',
  'admin.privacy.planManagerYes': 'a',
  'admin.privacy.planManagerNo': 'no',
  'admin.privacy.nothing': 'Nothing is held about this address.',
  'admin.privacy.erase': 'Erase now (cannot be undone)',
  'admin.privacy.eraseWhat':
    'Names, address, telephone, CV and every text about the person become “—”; counts, statuses, figures, the Partita IVA where it must be kept and the decision log stay.',
  'admin.privacy.refusedProject':
    'Cannot erase: project {project} is still monitored. Close it first; its data then expires with the retention period.',
  'admin.privacy.refusedManager':
    'Cannot erase: the manager still follows {engagements} firm(s). Reassign or close those first.',
  'admin.privacy.erased':
    'Erased: {items} item(s) anonymised, {withdrawn} journey(s) withdrawn, {links} link(s) deleted. Recorded in the decision log.',
  'admin.privacy.invalidEmail': 'Write a valid e-mail address.',
};
