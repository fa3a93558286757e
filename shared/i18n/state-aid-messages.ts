// State aid: the self-declaration on the application form, the de minimis figures on the financing
// page, the aid registration task of the programme office (COR) and the e-mails that go with it.

export const stateAidMessagesIt = {
  'dashboard.export.aids': 'registro degli aiuti',
  'export.column.concessionId': 'ID concessione',
  'export.column.carCode': 'Codice CAR',
  'export.column.regime': 'Regime',
  'export.column.regulation': 'Regolamento',
  'export.column.beneficiaryTaxCode': 'Codice fiscale del beneficiario',
  'export.column.beneficiaryVatNumber': 'Partita IVA del beneficiario',
  'export.column.beneficiaryName': 'Beneficiario',
  'export.column.legalForm': 'Forma giuridica',
  'export.column.atecoVersion': 'Versione ATECO',
  'export.column.projectStartsOn': 'Inizio del progetto',
  'export.column.projectEndsOn': 'Fine del progetto',
  'export.column.grantedOn': 'Data di concessione',
  'export.column.instrument': 'Strumento',
  'export.column.costItems': 'Voci di costo',
  'export.column.nominalAmountEur': 'Importo nominale (€)',
  'export.column.aidAmountEur': 'Importo dell’aiuto (€)',
  'export.column.programmeId': 'Programma',
  'export.column.cor': 'COR',
  'export.column.registeredAt': 'Registrato il (ora italiana)',
  'legalForm.srl': 'Società a responsabilità limitata (S.r.l.)',
  'legalForm.srls': 'S.r.l. semplificata (S.r.l.s.)',
  'legalForm.spa': 'Società per azioni (S.p.A.)',
  'legalForm.sapa': 'Società in accomandita per azioni (S.a.p.a.)',
  'legalForm.snc': 'Società in nome collettivo (S.n.c.)',
  'legalForm.sas': 'Società in accomandita semplice (S.a.s.)',
  'legalForm.sole_trader': 'Impresa individuale',
  'legalForm.cooperative': 'Società cooperativa',
  'legalForm.consortium': 'Consorzio',
  'legalForm.network_contract': 'Rete di imprese con soggettività giuridica',
  'legalForm.other': 'Altra forma',
  'ineligibility.de_minimis_exceeded':
    'Con il beneficio di questo programma l’impresa unica supererebbe il massimale degli aiuti «de minimis» (Reg. UE 2023/2831) nel triennio: gli aiuti già ricevuti dichiarati e quelli concessi da questo sistema non lasciano spazio sufficiente.',

  'form.section.stateAid': 'Aiuti di Stato «de minimis»',
  'form.stateAid.intro':
    'Dichiarazione sostitutiva (DPR 445/2000): indica le imprese che con la tua formano un’«impresa unica» (controllate o controllanti) e gli aiuti «de minimis» che l’impresa unica ha ricevuto negli ultimi {years} anni. Il massimale è {ceiling} per impresa unica. Se non ci sono collegamenti né aiuti, lascia vuoto.',
  'form.stateAid.aidRow': 'Aiuto «de minimis» {n}',
  'form.stateAid.aidRowHint': 'Compila tutti e quattro i campi o lascia la riga vuota.',
  'field.stateAid': 'Dichiarazione aiuti di Stato',
  'field.stateAid.linkedVatNumbers': 'Partite IVA delle imprese collegate',
  'field.stateAid.linkedVatNumbers.hint': 'Una per riga (o separate da virgole). Al massimo 20.',
  'field.stateAid.deMinimis': 'Aiuti «de minimis» ricevuti',
  'field.stateAid.deMinimis.grantingBody': 'Ente concedente',
  'field.stateAid.deMinimis.grantedOn': 'Data di concessione',
  'field.stateAid.deMinimis.amountEur': 'Importo dell’aiuto (euro)',
  'field.stateAid.deMinimis.regulation': 'Regolamento',
  'validation.stateAid.ownVatNumber': '{field}: non indicare la Partita IVA della tua stessa impresa.',
  'validation.stateAid.futureDate': '{field}: la data non può essere nel futuro.',
  'validation.rnaCode': '{field}: solo cifre, al massimo 12.',

  'task.financing.overDeMinimis':
    '{field}: l’aiuto supererebbe il massimale «de minimis» dell’impresa unica (massimale {ceiling}, già utilizzati nel periodo {used}, disponibili {headroom}); si possono approvare al massimo {amount}.',
  'financing.deMinimis':
    'Aiuti «de minimis» dell’impresa unica negli ultimi {years} anni: massimale {ceiling}, già utilizzati {used} (dichiarati dall’impresa e concessi da questo sistema), disponibili {headroom}.',
  'financing.deMinimisAid':
    'L’aiuto di questa concessione è {assessment} per l’assessment più il {percent}% dell’importo approvato.',

  'registration.title': 'Registrazione dell’aiuto nel Registro nazionale aiuti (RNA)',
  'registration.intro':
    'Il finanziamento di {company} nel programma «{programme}» è stato approvato. Prima di concederlo, registra l’aiuto nel Registro nazionale aiuti di Stato e inserisci qui il codice COR restituito: solo allora il progetto viene avviato e l’impresa informata.',
  'registration.facts': 'Dati per la registrazione',
  'registration.concessionId': 'ID concessione (locale)',
  'registration.carCode': 'Codice CAR della misura',
  'registration.carMissing': 'non indicato nel programma',
  'registration.aidAmount': 'Importo dell’aiuto',
  'registration.nominalAmount': 'Importo nominale',
  'registration.grantedOn': 'Data di concessione',
  'registration.regulation': 'Regolamento',
  'registration.beneficiary': 'Beneficiario',
  'field.task.cor': 'Codice COR',
  'registration.hint.cor':
    'Il Codice Identificativo della Concessione restituito dal RNA (solo cifre). In alternativa: npm run admin -- aid cor import.',
  'task.done.registration.registered': 'COR registrato: il progetto viene avviato.',
  'task.registration.corTaken': '{field}: questo COR è già registrato per un altro aiuto.',

  'journeyEmail.registration.subject': 'Registrare l’aiuto nel RNA: {company} — {programme}',
  'journeyEmail.registration.body':
    'Il finanziamento di {company} ({title}) è stato approvato per {amount}; l’aiuto da registrare è {aid}. Registralo nel Registro nazionale aiuti di Stato (codice CAR {car}) con l’ID concessione {concessionId} e inserisci il COR restituito.',
  'journeyEmail.registration.link': 'Inserisci il COR',
  'journeyEmail.launched.cor': 'Codice COR dell’aiuto nel Registro nazionale aiuti di Stato: {cor}.',
  'status.aidRegistration':
    'Il finanziamento è stato approvato. L’ufficio del programma sta registrando l’aiuto nel Registro nazionale aiuti di Stato: appena riceverà il codice COR, il progetto sarà avviato e ti scriveremo.',
} as const;

export const stateAidMessagesEn: Record<keyof typeof stateAidMessagesIt, string> = {
  'dashboard.export.aids': 'aid register',
  'export.column.concessionId': 'Concession ID',
  'export.column.carCode': 'CAR code',
  'export.column.regime': 'Regime',
  'export.column.regulation': 'Regulation',
  'export.column.beneficiaryTaxCode': 'Beneficiary tax code',
  'export.column.beneficiaryVatNumber': 'Beneficiary VAT number',
  'export.column.beneficiaryName': 'Beneficiary',
  'export.column.legalForm': 'Legal form',
  'export.column.atecoVersion': 'ATECO version',
  'export.column.projectStartsOn': 'Project start',
  'export.column.projectEndsOn': 'Project end',
  'export.column.grantedOn': 'Concession date',
  'export.column.instrument': 'Instrument',
  'export.column.costItems': 'Cost items',
  'export.column.nominalAmountEur': 'Nominal amount (€)',
  'export.column.aidAmountEur': 'Aid amount (€)',
  'export.column.programmeId': 'Programme',
  'export.column.cor': 'COR',
  'export.column.registeredAt': 'Registered at (Italian time)',
  'legalForm.srl': 'Limited liability company (S.r.l.)',
  'legalForm.srls': 'Simplified limited liability company (S.r.l.s.)',
  'legalForm.spa': 'Joint-stock company (S.p.A.)',
  'legalForm.sapa': 'Partnership limited by shares (S.a.p.a.)',
  'legalForm.snc': 'General partnership (S.n.c.)',
  'legalForm.sas': 'Limited partnership (S.a.s.)',
  'legalForm.sole_trader': 'Sole trader',
  'legalForm.cooperative': 'Cooperative',
  'legalForm.consortium': 'Consortium',
  'legalForm.network_contract': 'Business network with legal personality',
  'legalForm.other': 'Other form',
  'ineligibility.de_minimis_exceeded':
    'With this programme’s benefit the single undertaking would exceed the de minimis ceiling (Regulation (EU) 2023/2831) over three years: the aid already received that was declared, and the aid granted through this system, leave too little room.',

  'form.section.stateAid': 'De minimis state aid',
  'form.stateAid.intro':
    'Self-declaration (Italian DPR 445/2000): list the firms that form a “single undertaking” with yours (that control it or that it controls) and the de minimis aid the single undertaking received in the last {years} years. The ceiling is {ceiling} per single undertaking. With no links and no aid, leave this empty.',
  'form.stateAid.aidRow': 'De minimis aid {n}',
  'form.stateAid.aidRowHint': 'Fill in all four fields or leave the row empty.',
  'field.stateAid': 'State aid declaration',
  'field.stateAid.linkedVatNumbers': 'VAT numbers of the linked firms',
  'field.stateAid.linkedVatNumbers.hint': 'One per line (or separated by commas). At most 20.',
  'field.stateAid.deMinimis': 'De minimis aid received',
  'field.stateAid.deMinimis.grantingBody': 'Granting body',
  'field.stateAid.deMinimis.grantedOn': 'Date granted',
  'field.stateAid.deMinimis.amountEur': 'Aid amount (euro)',
  'field.stateAid.deMinimis.regulation': 'Regulation',
  'validation.stateAid.ownVatNumber': '{field}: do not list your own firm’s VAT number.',
  'validation.stateAid.futureDate': '{field}: the date cannot be in the future.',
  'validation.rnaCode': '{field}: digits only, at most 12.',

  'task.financing.overDeMinimis':
    '{field}: the aid would exceed the single undertaking’s de minimis ceiling (ceiling {ceiling}, already used in the period {used}, headroom {headroom}); at most {amount} can be approved.',
  'financing.deMinimis':
    'De minimis aid of the single undertaking in the last {years} years: ceiling {ceiling}, already used {used} (declared by the firm and granted through this system), headroom {headroom}.',
  'financing.deMinimisAid':
    'The aid of this grant is {assessment} for the assessment plus {percent}% of the amount approved.',

  'registration.title': 'Registering the aid in the national State-aid register (RNA)',
  'registration.intro':
    'The financing of {company} in the programme “{programme}” was approved. Before it is granted, register the aid in the national State-aid register and enter the COR code it returns here: only then is the project launched and the firm told.',
  'registration.facts': 'Data for the registration',
  'registration.concessionId': 'Concession ID (local)',
  'registration.carCode': 'CAR code of the measure',
  'registration.carMissing': 'not set in the programme',
  'registration.aidAmount': 'Aid amount',
  'registration.nominalAmount': 'Nominal amount',
  'registration.grantedOn': 'Concession date',
  'registration.regulation': 'Regulation',
  'registration.beneficiary': 'Beneficiary',
  'field.task.cor': 'COR code',
  'registration.hint.cor':
    'The concession code (Codice Identificativo della Concessione) the RNA returned (digits only). Alternatively: npm run admin -- aid cor import.',
  'task.done.registration.registered': 'COR recorded: the project is being launched.',
  'task.registration.corTaken': '{field}: this COR is already recorded for another aid.',

  'journeyEmail.registration.subject': 'Register the aid in the RNA: {company} — {programme}',
  'journeyEmail.registration.body':
    'The financing of {company} ({title}) was approved for {amount}; the aid to register is {aid}. Register it in the national State-aid register (CAR code {car}) with the concession ID {concessionId} and enter the COR it returns.',
  'journeyEmail.registration.link': 'Enter the COR',
  'journeyEmail.launched.cor': 'COR code of the aid in the national State-aid register: {cor}.',
  'status.aidRegistration':
    'The financing was approved. The programme office is registering the aid in the national State-aid register: as soon as it has the COR code, the project is launched and we will write to you.',
};
