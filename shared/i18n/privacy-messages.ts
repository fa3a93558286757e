// The privacy notice (GDPR art. 13), Italian and English. Its version is privacyNoticeTextVersion
// (shared/domain/privacy.ts): raise it whenever this text changes, so consents name what was read.

export const privacyMessagesIt = {
  'privacy.title': 'Informativa sulla privacy',
  'privacy.intro.sme':
    'Come trattiamo i dati personali raccolti per il programma «{programme}» (art. 13 del Regolamento UE 2016/679, GDPR).',
  'privacy.intro.manager':
    'Come trattiamo i dati personali dei manager che si iscrivono all’albo e seguono le imprese dei programmi (art. 13 del Regolamento UE 2016/679, GDPR).',
  'privacy.version': 'Versione {version}.',
  'privacy.controller.title': 'Titolare del trattamento',
  'privacy.controller.default.sme': 'L’ufficio del programma «{programme}».',
  'privacy.controller.default.manager': 'L’ufficio dei programmi che gestisce l’albo dei manager.',
  'privacy.controller.contact': 'Per ogni richiesta sui tuoi dati scrivi a {email}.',
  'privacy.data.title': 'Quali dati',
  'privacy.data.sme':
    'I dati dell’impresa (ragione sociale, partita IVA, settore, provincia, dimensione), quelli della persona di contatto (nome, e-mail, telefono, lingua), le risposte date nel percorso e le valutazioni del manager sull’impresa.',
  'privacy.data.manager':
    'Nome, e-mail, telefono, lingue, competenze, province, CV e imprese con cui hai legami (conflitti di interesse), le risposte agli incarichi e le valutazioni che registri.',
  'privacy.purposes.title': 'Perché e su quale base',
  'privacy.purposes.sme':
    'Per gestire la candidatura e il percorso (ammissione, abbinamento con un manager, assessment, decisione sul finanziamento, monitoraggio del progetto) e per rendicontare il programma in forma aggregata. La base giuridica è l’esecuzione di un compito di interesse pubblico e delle misure richieste dall’impresa (art. 6, par. 1, lettere e) e b) del GDPR).',
  'privacy.purposes.manager':
    'Per valutare l’iscrizione all’albo, proporti incarichi adatti, gestire gli incarichi accettati ed evitare conflitti di interesse. La base giuridica è l’esecuzione delle misure che hai richiesto iscrivendoti e di un compito di interesse pubblico (art. 6, par. 1, lettere b) ed e) del GDPR).',
  'privacy.recipients.title': 'Chi li vede',
  'privacy.recipients.sme':
    'L’ufficio del programma e il manager assegnato all’impresa. Il servizio è ospitato da Amazon Web Services nell’Unione europea, che tratta i dati per nostro conto (responsabile del trattamento).',
  'privacy.recipients.manager':
    'L’ufficio dei programmi e, per ogni incarico, l’impresa che segui (nome, e-mail e telefono). Il servizio è ospitato da Amazon Web Services nell’Unione europea, che tratta i dati per nostro conto (responsabile del trattamento).',
  'privacy.retention.title': 'Per quanto tempo',
  'privacy.retention.body':
    'Per {months} mesi dalla conclusione del percorso, del progetto o dell’incarico; i dati che la legge impone di conservare (ad esempio gli aiuti di Stato concessi) per il tempo che essa prevede. I conteggi statistici del programma non contengono dati personali.',
  'privacy.rights.title': 'I tuoi diritti',
  'privacy.rights.body':
    'Puoi chiedere di accedere ai tuoi dati e averne copia, di rettificarli o cancellarli, di limitarne il trattamento o di opporti, scrivendo a {email}. Puoi anche proporre reclamo al Garante per la protezione dei dati personali (www.garanteprivacy.it).',
  'privacy.link': 'Leggi l’informativa sulla privacy (versione {version})',
  'privacy.programmes.title': 'Le informative dei programmi',
  'privacy.programmes.intro':
    'Se hai candidato un’impresa a un programma, vale l’informativa di quel programma. Quella qui sotto riguarda i manager.',
};

export const privacyMessagesEn: Record<keyof typeof privacyMessagesIt, string> = {
  'privacy.title': 'Privacy notice',
  'privacy.intro.sme':
    'How we process the personal data collected for the “{programme}” programme (art. 13 of Regulation (EU) 2016/679, GDPR).',
  'privacy.intro.manager':
    'How we process the personal data of the managers who join the roster and follow the programmes’ companies (art. 13 of Regulation (EU) 2016/679, GDPR).',
  'privacy.version': 'Version {version}.',
  'privacy.controller.title': 'Data controller',
  'privacy.controller.default.sme': 'The office of the “{programme}” programme.',
  'privacy.controller.default.manager': 'The programme office that keeps the roster of managers.',
  'privacy.controller.contact': 'For any request about your data write to {email}.',
  'privacy.data.title': 'Which data',
  'privacy.data.sme':
    'The company’s data (name, VAT number, sector, province, size), the contact person’s (name, e-mail, telephone, language), the answers given during the journey and the manager’s assessment of the company.',
  'privacy.data.manager':
    'Name, e-mail, telephone, languages, competences, provinces, CV and the companies you have ties to (conflicts of interest), your answers to engagements and the assessments you record.',
  'privacy.purposes.title': 'Why, and on what basis',
  'privacy.purposes.sme':
    'To handle the application and the journey (admission, matching with a manager, assessment, financing decision, project monitoring) and to report on the programme in aggregate. The legal basis is a task carried out in the public interest and steps taken at the company’s request (GDPR art. 6(1)(e) and (b)).',
  'privacy.purposes.manager':
    'To assess your registration, offer you suitable engagements, manage the engagements you accept and avoid conflicts of interest. The legal basis is steps taken at your request when registering and a task carried out in the public interest (GDPR art. 6(1)(b) and (e)).',
  'privacy.recipients.title': 'Who sees them',
  'privacy.recipients.sme':
    'The programme office and the manager assigned to the company. The service is hosted by Amazon Web Services in the European Union, which processes the data on our behalf (processor).',
  'privacy.recipients.manager':
    'The programme office and, for each engagement, the company you follow (name, e-mail and telephone). The service is hosted by Amazon Web Services in the European Union, which processes the data on our behalf (processor).',
  'privacy.retention.title': 'For how long',
  'privacy.retention.body':
    'For {months} months after the journey, the project or the engagement ends; data the law requires us to keep (such as State aid granted) for as long as it requires. The programme’s statistics hold no personal data.',
  'privacy.rights.title': 'Your rights',
  'privacy.rights.body':
    'You may ask to access your data and get a copy, to correct or erase them, to restrict their processing or to object to it, by writing to {email}. You may also lodge a complaint with the Italian data protection authority (Garante per la protezione dei dati personali, www.garanteprivacy.it).',
  'privacy.link': 'Read the privacy notice (version {version})',
  'privacy.programmes.title': 'Each programme’s notice',
  'privacy.programmes.intro':
    'If you applied for a company to a programme, that programme’s notice applies. The one below is for managers.',
};
