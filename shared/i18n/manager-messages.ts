// The texts of the managers' side: the public registration form, the thank-you page, the personal
// availability page, the programme office's vetting task and the e-mails around them. Italian is
// the reference; the English catalogue must have exactly the same keys and placeholders. Spread
// into messages.ts.

export const managerMessagesIt = {
  'manager.form.title': 'Candidati come manager',
  'manager.form.intro':
    'Percorso PMI cerca manager esperti che affianchino le piccole e medie imprese lombarde nei programmi di sviluppo. Descrivi la tua esperienza: l’ufficio del programma valuterà il profilo e ti scriverà. I campi sono obbligatori salvo dove indicato.',
  'manager.form.section.contact': 'I tuoi dati',
  'manager.form.section.experience': 'Esperienza',
  'manager.form.section.availability': 'Dove e quanto puoi lavorare',
  'manager.form.section.conflicts': 'Conflitti di interesse',
  'manager.form.hint.phone': 'Ad esempio +39 02 1234567.',
  'manager.form.hint.languages': 'Le lingue in cui puoi seguire un’impresa; almeno una.',
  'manager.form.hint.atecoSections': 'I settori (sezioni ATECO 2025) in cui hai esperienza diretta.',
  'manager.form.hint.atecoDivisions':
    'Se vuoi essere più preciso: le divisioni ATECO 2025 a due cifre, separate da virgola o spazio, ad esempio 25, 28.',
  'manager.form.hint.competences': 'Gli ambiti in cui puoi aiutare un’impresa a migliorare.',
  'manager.form.competences.areas': 'Aree di miglioramento',
  'manager.form.competences.dma': 'Dimensioni della maturità digitale (DMA)',
  'manager.form.hint.provinces': 'Le province lombarde in cui puoi seguire le imprese; almeno una.',
  'manager.form.hint.capacity': 'Quante imprese puoi seguire contemporaneamente, ad esempio 3.',
  'manager.form.hint.cv': 'Un breve curriculum: ruoli, settori, risultati (al massimo 4000 caratteri).',
  'manager.form.hint.conflicts':
    'Le imprese con cui hai legami (incarichi, partecipazioni, parentele): una Partita IVA per riga. Non ti verranno mai assegnate.',
  'manager.form.submit': 'Invia la candidatura',

  'manager.language.it': 'Italiano',
  'manager.language.en': 'Inglese',

  'field.name': 'Nome e cognome',
  'field.email': 'E-mail',
  'field.phone': 'Telefono',
  'field.languages': 'Lingue di lavoro',
  'field.atecoSections': 'Settori di esperienza',
  'field.atecoDivisions': 'Divisioni ATECO di esperienza',
  'field.competences': 'Competenze',
  'field.provinces': 'Province in cui lavori',
  'field.capacity': 'Imprese seguite contemporaneamente',
  'field.cv': 'Curriculum',
  'field.conflicts': 'Imprese con cui hai legami (Partita IVA)',
  'field.manager.consent.privacy':
    'Ho letto l’informativa sulla privacy e acconsento al trattamento dei miei dati per la gestione della candidatura e degli incarichi.',
  'field.status': 'Disponibilità',

  'atecoSection.A': 'Agricoltura, silvicoltura e pesca',
  'atecoSection.B': 'Estrazione di minerali',
  'atecoSection.C': 'Attività manifatturiere',
  'atecoSection.D': 'Energia elettrica, gas e vapore',
  'atecoSection.E': 'Acqua, reti fognarie e rifiuti',
  'atecoSection.F': 'Costruzioni',
  'atecoSection.G': 'Commercio all’ingrosso e al dettaglio',
  'atecoSection.H': 'Trasporto e magazzinaggio',
  'atecoSection.I': 'Alloggio e ristorazione',
  'atecoSection.J': 'Editoria, trasmissione e produzione di contenuti',
  'atecoSection.K': 'Telecomunicazioni, informatica e servizi d’informazione',
  'atecoSection.L': 'Attività finanziarie e assicurative',
  'atecoSection.M': 'Attività immobiliari',
  'atecoSection.N': 'Attività professionali, scientifiche e tecniche',
  'atecoSection.O': 'Servizi amministrativi e di supporto',
  'atecoSection.P': 'Amministrazione pubblica e difesa',
  'atecoSection.Q': 'Istruzione',
  'atecoSection.R': 'Sanità e assistenza sociale',
  'atecoSection.S': 'Attività artistiche, sportive e di intrattenimento',
  'atecoSection.T': 'Altre attività di servizi',
  'atecoSection.U': 'Famiglie come datori di lavoro',
  'atecoSection.V': 'Organizzazioni extraterritoriali',

  'manager.registered.title': 'Candidatura ricevuta',
  'manager.registered.body':
    'Grazie: abbiamo ricevuto il tuo profilo. L’ufficio del programma lo esaminerà e riceverai una e-mail con l’esito.',
  'manager.registered.next':
    'Se la candidatura è accolta, la e-mail conterrà un link personale per aggiornare la tua disponibilità.',

  'manager.status.pending_vetting': 'In attesa di verifica',
  'manager.status.active': 'Disponibile per nuovi incarichi',
  'manager.status.inactive': 'In pausa',
  'manager.status.rejected': 'Candidatura non accolta',

  'manager.availability.title': 'La tua disponibilità',
  'manager.availability.intro':
    'Gentile {name}, da questa pagina puoi indicare quante imprese puoi seguire contemporaneamente e metterti in pausa quando non puoi accettare nuovi incarichi. Gli incarichi in corso non cambiano.',
  'manager.availability.current': 'Situazione attuale',
  'manager.availability.load': 'Imprese che segui ora',
  'manager.availability.loadValue': '{load} su {capacity}',
  'manager.availability.status': 'Stato',
  'manager.availability.hint.capacity':
    'Un numero intero da 0 a 100; non può essere inferiore alle imprese che segui ora ({load}).',
  'manager.availability.status.active': 'Disponibile: posso ricevere nuovi incarichi',
  'manager.availability.status.inactive': 'In pausa: non voglio ricevere nuovi incarichi per ora',
  'manager.availability.submit': 'Aggiorna la disponibilità',
  'manager.availability.saved': 'La tua disponibilità è stata aggiornata.',
  'manager.availability.notAvailable':
    'Il tuo profilo non è ancora attivo, quindi non puoi modificare la disponibilità da questa pagina.',

  'vetting.title': 'Verifica di un nuovo manager',
  'vetting.intro':
    '{manager} si è candidato come manager di Percorso PMI. Esamina il profilo e decidi se ammetterlo nel registro, con un punteggio di merito, oppure respingere la candidatura.',
  'vetting.section.candidate': 'Profilo del candidato',
  'vetting.capacityValue': '{capacity} imprese contemporaneamente',
  'vetting.conflictsValue': '{count} imprese dichiarate (escluse dagli abbinamenti)',
  'vetting.none': 'Nessuno',
  'vetting.decision': 'La tua decisione',
  'vetting.decision.approve': 'Ammetto il manager',
  'vetting.decision.reject': 'Respingo la candidatura',
  'vetting.hint.merit': 'Da 0 a 100, decimali ammessi: pesa nella scelta del manager per ogni impresa.',
  'vetting.hint.notes': 'Restano all’ufficio del programma; il manager non le riceve.',
  'vetting.hint.reason': 'Sarà comunicato al candidato nella e-mail di esito.',
  'field.task.merit': 'Punteggio di merito',
  'field.task.notes': 'Note',
  'task.done.vetting.approve':
    'Hai ammesso il manager: riceverà una e-mail di benvenuto e da ora può ricevere incarichi.',
  'task.done.vetting.reject': 'Hai respinto la candidatura: il candidato riceverà una e-mail con il motivo.',

  'managerEmail.vetting.subject': 'Nuovo manager da verificare: {manager}',
  'managerEmail.vetting.body':
    '{manager} si è candidato come manager di Percorso PMI. Esamina il profilo e decidi se ammetterlo, con un punteggio di merito da 0 a 100, oppure respingere la candidatura indicandone il motivo.',
  'managerEmail.vetting.link': 'Esamina il profilo',
  'managerEmail.known.subject': 'Sei già registrato nel registro dei manager di Percorso PMI',
  'managerEmail.known.body':
    'Abbiamo ricevuto una nuova registrazione con questo indirizzo, che risulta già nel registro: non ne abbiamo creata un’altra.',
  'managerEmail.known.active':
    'Dal link qui sotto puoi aggiornare la tua disponibilità e il numero di incarichi che puoi seguire.',
  'managerEmail.known.pending':
    'La tua registrazione è in verifica presso l’ufficio del programma: ti scriveremo appena sarà completata.',
  'managerEmail.known.rejected':
    'La tua candidatura come manager non era stata accolta; per informazioni scrivi all’ufficio del programma.',
  'managerEmail.known.notYou': 'Se non hai inviato tu la registrazione, puoi ignorare questo messaggio.',
  'managerEmail.welcome.subject': 'Benvenuto nel registro dei manager di Percorso PMI',
  'managerEmail.welcome.body':
    'la tua candidatura è stata accolta: fai parte del registro dei manager e da ora potrai ricevere proposte di incarico per seguire le imprese dei programmi. Ogni proposta arriverà per e-mail e potrai accettarla o rifiutarla.',
  'managerEmail.welcome.availability':
    'Con il link qui sotto puoi aggiornare in qualsiasi momento il numero di imprese che puoi seguire e metterti in pausa. Il link è personale: non condividerlo.',
  'managerEmail.welcome.link': 'Aggiorna la tua disponibilità',
  'managerEmail.rejected.subject': 'Esito della candidatura come manager — Percorso PMI',
  'managerEmail.rejected.body':
    'abbiamo esaminato il tuo profilo; purtroppo la candidatura come manager non è stata accolta, per questo motivo:',
  'managerEmail.rejected.closing': 'Ti ringraziamo per l’interesse verso i programmi di Percorso PMI.',
} as const;

export const managerMessagesEn: Record<keyof typeof managerMessagesIt, string> = {
  'manager.form.title': 'Register as a manager',
  'manager.form.intro':
    'Percorso PMI is looking for experienced managers to support small and medium enterprises in Lombardy through its development programmes. Describe your experience: the programme office will review your profile and write to you. Every field is required unless marked optional.',
  'manager.form.section.contact': 'About you',
  'manager.form.section.experience': 'Experience',
  'manager.form.section.availability': 'Where and how much you can work',
  'manager.form.section.conflicts': 'Conflicts of interest',
  'manager.form.hint.phone': 'For example +39 02 1234567.',
  'manager.form.hint.languages': 'The languages you can work with a company in; at least one.',
  'manager.form.hint.atecoSections': 'The sectors (ATECO 2025 sections) you have hands-on experience of.',
  'manager.form.hint.atecoDivisions':
    'To be more precise: two-digit ATECO 2025 divisions, separated by commas or spaces, e.g. 25, 28.',
  'manager.form.hint.competences': 'The areas where you can help a company improve.',
  'manager.form.competences.areas': 'Improvement areas',
  'manager.form.competences.dma': 'Digital maturity dimensions (DMA)',
  'manager.form.hint.provinces': 'The provinces of Lombardy where you can work with companies; at least one.',
  'manager.form.hint.capacity': 'How many companies you can follow at the same time, e.g. 3.',
  'manager.form.hint.cv': 'A short CV: roles, sectors, results (at most 4000 characters).',
  'manager.form.hint.conflicts':
    'Companies you have ties to (positions, shareholdings, relatives): one VAT number (Partita IVA) per line. They will never be assigned to you.',
  'manager.form.submit': 'Send the registration',

  'manager.language.it': 'Italian',
  'manager.language.en': 'English',

  'field.name': 'Full name',
  'field.email': 'E-mail',
  'field.phone': 'Telephone',
  'field.languages': 'Working languages',
  'field.atecoSections': 'Sectors of experience',
  'field.atecoDivisions': 'ATECO divisions of experience',
  'field.competences': 'Competences',
  'field.provinces': 'Provinces you work in',
  'field.capacity': 'Companies followed at the same time',
  'field.cv': 'CV',
  'field.conflicts': 'Companies you have ties to (VAT numbers)',
  'field.manager.consent.privacy':
    'I have read the privacy notice and consent to the processing of my data to handle the registration and the engagements.',
  'field.status': 'Availability',

  'atecoSection.A': 'Agriculture, forestry and fishing',
  'atecoSection.B': 'Mining and quarrying',
  'atecoSection.C': 'Manufacturing',
  'atecoSection.D': 'Electricity, gas and steam supply',
  'atecoSection.E': 'Water supply, sewerage and waste',
  'atecoSection.F': 'Construction',
  'atecoSection.G': 'Wholesale and retail trade',
  'atecoSection.H': 'Transport and storage',
  'atecoSection.I': 'Accommodation and food services',
  'atecoSection.J': 'Publishing, broadcasting and content production',
  'atecoSection.K': 'Telecommunications, computing and information services',
  'atecoSection.L': 'Financial and insurance activities',
  'atecoSection.M': 'Real estate activities',
  'atecoSection.N': 'Professional, scientific and technical activities',
  'atecoSection.O': 'Administrative and support services',
  'atecoSection.P': 'Public administration and defence',
  'atecoSection.Q': 'Education',
  'atecoSection.R': 'Human health and social work',
  'atecoSection.S': 'Arts, sports and recreation',
  'atecoSection.T': 'Other service activities',
  'atecoSection.U': 'Households as employers',
  'atecoSection.V': 'Extraterritorial organisations',

  'manager.registered.title': 'Registration received',
  'manager.registered.body':
    'Thank you: we have received your profile. The programme office will review it and you will receive an e-mail with the outcome.',
  'manager.registered.next':
    'If you are admitted, the e-mail will hold a personal link to update your availability.',

  'manager.status.pending_vetting': 'Awaiting review',
  'manager.status.active': 'Available for new engagements',
  'manager.status.inactive': 'Paused',
  'manager.status.rejected': 'Registration not accepted',

  'manager.availability.title': 'Your availability',
  'manager.availability.intro':
    'Dear {name}, on this page you can say how many companies you can follow at the same time, and pause when you cannot take new engagements. The engagements under way do not change.',
  'manager.availability.current': 'Where you stand',
  'manager.availability.load': 'Companies you follow now',
  'manager.availability.loadValue': '{load} of {capacity}',
  'manager.availability.status': 'Status',
  'manager.availability.hint.capacity':
    'A whole number from 0 to 100; it cannot be lower than the companies you follow now ({load}).',
  'manager.availability.status.active': 'Available: I can take new engagements',
  'manager.availability.status.inactive': 'Paused: I do not want new engagements for now',
  'manager.availability.submit': 'Update my availability',
  'manager.availability.saved': 'Your availability has been updated.',
  'manager.availability.notAvailable':
    'Your profile is not active yet, so you cannot change your availability from this page.',

  'vetting.title': 'Review of a new manager',
  'vetting.intro':
    '{manager} has registered as a Percorso PMI manager. Review the profile and decide whether to admit them to the registry, with a merit score, or to reject the registration.',
  'vetting.section.candidate': 'The candidate’s profile',
  'vetting.capacityValue': '{capacity} companies at the same time',
  'vetting.conflictsValue': '{count} companies declared (excluded from matching)',
  'vetting.none': 'None',
  'vetting.decision': 'Your decision',
  'vetting.decision.approve': 'I admit the manager',
  'vetting.decision.reject': 'I reject the registration',
  'vetting.hint.merit':
    'From 0 to 100, decimals allowed: it weighs in choosing the manager for each company.',
  'vetting.hint.notes': 'They stay with the programme office; the manager does not receive them.',
  'vetting.hint.reason': 'It will be sent to the candidate in the outcome e-mail.',
  'field.task.merit': 'Merit score',
  'field.task.notes': 'Notes',
  'task.done.vetting.approve':
    'You admitted the manager: they will receive a welcome e-mail and can receive engagements from now on.',
  'task.done.vetting.reject':
    'You rejected the registration: the candidate will receive an e-mail with the reason.',

  'managerEmail.vetting.subject': 'New manager to review: {manager}',
  'managerEmail.vetting.body':
    '{manager} has registered as a Percorso PMI manager. Review the profile and decide whether to admit them, with a merit score from 0 to 100, or to reject the registration, giving the reason.',
  'managerEmail.vetting.link': 'Review the profile',
  'managerEmail.known.subject': 'You are already in the Percorso PMI managers’ registry',
  'managerEmail.known.body':
    'We received a new registration with this address, which is already in the registry: we did not create another one.',
  'managerEmail.known.active':
    'With the link below you can update your availability and the number of engagements you can take.',
  'managerEmail.known.pending':
    'Your registration is being reviewed by the programme office: we will write to you as soon as it is done.',
  'managerEmail.known.rejected':
    'Your application as a manager was not accepted; for information, write to the programme office.',
  'managerEmail.known.notYou': 'If you did not send this registration, you can ignore this message.',
  'managerEmail.welcome.subject': 'Welcome to the Percorso PMI managers’ registry',
  'managerEmail.welcome.body':
    'your registration has been accepted: you are in the managers’ registry and from now on you may receive engagement offers to follow the programmes’ companies. Each offer will arrive by e-mail, and you can accept or decline it.',
  'managerEmail.welcome.availability':
    'With the link below you can update at any time how many companies you can follow, and pause. The link is personal: do not share it.',
  'managerEmail.welcome.link': 'Update your availability',
  'managerEmail.rejected.subject': 'Outcome of your registration as a manager — Percorso PMI',
  'managerEmail.rejected.body':
    'we have reviewed your profile; unfortunately your registration as a manager has not been accepted, for this reason:',
  'managerEmail.rejected.closing': 'Thank you for your interest in the Percorso PMI programmes.',
};
