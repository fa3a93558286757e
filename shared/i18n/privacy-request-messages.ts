// An SME contact's requests about their data (copy, erasure) from the status page, confirmed by an
// e-mailed link: the page's section, the e-mail and the confirmation pages, Italian and English.

export const privacyRequestMessagesIt = {
  'status.data.title': 'I tuoi dati',
  'status.data.intro':
    'Puoi ricevere una copia di tutti i dati che il programma conserva su di te, o chiederne la cancellazione. Per sicurezza ti mandiamo un link di conferma all’indirizzo e-mail della domanda.',
  'status.data.export': 'Chiedi una copia dei miei dati',
  'status.data.erase': 'Chiedi la cancellazione dei miei dati',
  'status.data.sent':
    'Ti abbiamo inviato un’e-mail con il link per confermare la richiesta: vale {hours} ore.',
  'status.data.alreadySent':
    'Il link per confermare questa richiesta ti è già stato inviato e vale ancora: cerca l’e-mail nella tua casella (anche tra la posta indesiderata).',
  'status.action.invalid': 'Richiesta non valida: usa i pulsanti della pagina di stato.',
  'privacyRequest.export.title': 'Una copia dei tuoi dati',
  'privacyRequest.export.body':
    'Scarica un documento JSON con tutti i dati che il programma conserva sul tuo indirizzo e-mail: le domande con le loro e-mail, attività e valutazioni, i progetti. Il link funziona una volta sola.',
  'privacyRequest.export.button': 'Scarica i miei dati',
  'privacyRequest.erase.title': 'Cancellare i tuoi dati',
  'privacyRequest.erase.body':
    'Nomi, indirizzo e-mail, telefono e ogni testo che ti riguarda saranno sostituiti da «—» ovunque; un percorso ancora in corso sarà ritirato. Restano i conteggi del programma e la Partita IVA dove il programma deve conservarla. Non si può annullare.',
  'privacyRequest.erase.button': 'Cancella i miei dati',
  'privacyRequest.erase.done':
    'I tuoi dati sono stati cancellati. Questo link e quello della pagina di stato non aprono più nulla.',
  'privacyRequest.erase.doneTitle': 'Dati cancellati',
  'privacyRequest.erase.refused':
    'Il progetto finanziato della tua impresa è ancora in corso: i suoi dati vanno conservati finché non si chiude, poi sono cancellati al termine del periodo di conservazione. Per ogni domanda scrivi all’ufficio del programma, {email}.',
  'privacyRequest.erase.refusedTitle': 'Non è possibile cancellare ora',
  'email.privacyRequest.subject': 'Conferma la tua richiesta sui dati personali',
  'email.privacyRequest.export':
    'Dalla pagina di stato della domanda al programma «{programme}» è stata chiesta una copia dei dati che conserviamo su di te. Apri il link per scaricarla: vale {hours} ore e una volta sola.',
  'email.privacyRequest.erase':
    'Dalla pagina di stato della domanda al programma «{programme}» è stata chiesta la cancellazione dei tuoi dati. Apri il link per vedere che cosa comporta e confermarla: vale {hours} ore.',
  'email.privacyRequest.ignore': 'Se non l’hai chiesto tu, ignora questa e-mail: non cambia nulla.',
  'email.privacyRequest.link': 'Conferma la richiesta',
};

export const privacyRequestMessagesEn: Record<keyof typeof privacyRequestMessagesIt, string> = {
  'status.data.title': 'Your data',
  'status.data.intro':
    'You can receive a copy of all the data the programme holds about you, or ask for it to be erased. For your security we send a confirmation link to the application’s e-mail address.',
  'status.data.export': 'Request a copy of my data',
  'status.data.erase': 'Ask to erase my data',
  'status.data.sent':
    'We have sent you an e-mail with the link to confirm the request: it is valid for {hours} hours.',
  'status.data.alreadySent':
    'The link to confirm this request was already sent to you and is still valid: look for the e-mail in your inbox (and in the spam folder).',
  'status.action.invalid': 'Invalid request: use the buttons on the status page.',
  'privacyRequest.export.title': 'A copy of your data',
  'privacyRequest.export.body':
    'Download a JSON document with all the data the programme holds about your e-mail address: the applications with their e-mails, tasks and assessments, the projects. The link works once.',
  'privacyRequest.export.button': 'Download my data',
  'privacyRequest.erase.title': 'Erasing your data',
  'privacyRequest.erase.body':
    'Names, e-mail address, telephone and every text about you will be replaced by “—” everywhere; a journey still in progress will be withdrawn. The programme’s counts stay, and so does the Partita IVA where the programme must keep it. This cannot be undone.',
  'privacyRequest.erase.button': 'Erase my data',
  'privacyRequest.erase.done':
    'Your data has been erased. This link and the status page’s no longer open anything.',
  'privacyRequest.erase.doneTitle': 'Data erased',
  'privacyRequest.erase.refused':
    'Your firm’s funded project is still running: its data must be kept until it closes, and is erased when the retention period ends. For any question write to the programme office, {email}.',
  'privacyRequest.erase.refusedTitle': 'Erasure is not possible now',
  'email.privacyRequest.subject': 'Confirm your personal-data request',
  'email.privacyRequest.export':
    'From the status page of the application to the programme “{programme}”, a copy of the data we hold about you was requested. Open the link to download it: it is valid for {hours} hours and works once.',
  'email.privacyRequest.erase':
    'From the status page of the application to the programme “{programme}”, the erasure of your data was requested. Open the link to see what it means and confirm it: it is valid for {hours} hours.',
  'email.privacyRequest.ignore': 'If you did not ask for this, ignore this e-mail: nothing changes.',
  'email.privacyRequest.link': 'Confirm the request',
};
