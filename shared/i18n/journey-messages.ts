// The texts of the SME journey's human tasks (offer, assessment, financing decision, escalation, and
// the launched project's check-ins and closing): their pages, their e-mails, the journey statuses
// and outcomes. Italian is the reference; the English catalogue must have exactly the same keys and
// placeholders. Spread into messages.ts.

export const journeyMessagesIt = {
  'status.manager_assigned': 'Manager assegnato',
  'status.manager_assigned.explanation':
    'Un manager ha accettato di seguire l’impresa e ti contatterà per fissare l’assessment di maturità digitale.',
  'status.assessed': 'Assessment completato',
  'status.assessed.explanation':
    'Il manager ha completato l’assessment di maturità digitale; ti abbiamo inviato il riepilogo per e-mail.',
  'status.financing_pending': 'In attesa della decisione sul finanziamento',
  'status.financing_pending.explanation':
    'Il manager ha proposto un progetto di sviluppo: l’ufficio del programma sta valutando se finanziarlo.',
  'status.launched': 'Progetto avviato',
  'status.launched.explanation':
    'Il progetto di sviluppo è stato finanziato e avviato; il manager seguirà l’impresa durante la realizzazione.',
  'status.closed': 'Percorso concluso',
  'status.closed.explanation': 'Il percorso dell’impresa nel programma si è concluso, con questo esito:',
  'status.withdraw.button': 'Ritira la candidatura…',
  'status.withdraw.confirmTitle': 'Vuoi davvero ritirare la candidatura?',
  'status.withdraw.confirmButton': 'Sì, ritira la candidatura',
  'status.withdraw.keep': 'No, mantieni la candidatura',
  'status.withdraw.confirm':
    'Puoi ritirare la candidatura in qualsiasi momento prima dell’avvio del progetto. Il percorso si interrompe subito e non può essere ripreso: per partecipare di nuovo serve una nuova candidatura.',
  'status.withdraw.done': 'La candidatura è stata ritirata e il percorso si è interrotto.',
  'status.withdraw.notWithdrawable':
    'La candidatura non si può più ritirare: il percorso è già concluso, è già stata ritirata o il progetto è avviato.',

  'outcome.ineligible': 'L’impresa non aveva i requisiti di ammissione del programma.',
  'outcome.no_manager': 'Non è stato possibile trovare un manager disponibile a seguire l’impresa.',
  'outcome.assessed_no_project':
    'L’assessment è stato completato; il manager non ha raccomandato un progetto di sviluppo da finanziare.',
  'outcome.financing_rejected':
    'L’ufficio del programma non ha approvato il finanziamento del progetto proposto.',
  'outcome.launched': 'Il progetto di sviluppo è stato finanziato e avviato.',
  'outcome.withdrawn': 'La candidatura è stata ritirata su richiesta dell’impresa.',
  'outcome.closed_by_office': 'L’ufficio del programma ha chiuso il percorso.',

  'task.assign.conflictOfInterest':
    '{field}: questo manager ha dichiarato un legame con l’impresa (conflitto di interessi); scegline un altro tra quelli proposti.',
  'task.assign.unavailable':
    '{field}: questo manager non può essere incaricato per questa impresa (non attivo, senza posti liberi, già interpellato o fuori dall’elenco del programma); scegline uno tra quelli proposti.',
  'task.financing.overCap':
    '{field}: supera il tetto per progetto del programma; si possono approvare al massimo {amount}.',
  'task.financing.overBudget':
    '{field}: supera il budget del programma ancora disponibile; si possono approvare al massimo {amount}.',
  'journeyEmail.financing.askedAgain':
    'Ti chiediamo di decidere di nuovo: l’importo approvato non rientra più nel budget ancora disponibile o nel margine «de minimis» dell’impresa, impegnati nel frattempo da altre approvazioni.',
  'task.draft.save': 'Salva la bozza',
  'task.draft.saved':
    'Bozza salvata il {date}. Non è stata inviata: puoi riprenderla da questo stesso link fino alla scadenza.',
  'task.draft.resumed': 'Stai riprendendo la bozza salvata il {date}. Non è ancora stata inviata.',
  'task.draft.tooLarge': 'La bozza è troppo lunga per essere salvata: accorcia i testi e riprova.',
  'task.answerBy': 'Rispondi entro {date} (ora italiana).',
  'task.reminder': 'Promemoria: stiamo ancora aspettando la tua risposta.',
  'task.summary': 'Riepilogo',
  'task.programme': 'Programma',
  'task.company': 'Impresa',
  'task.company.sector': 'Settore (ATECO)',
  'task.company.sectorValue': '{code}, sezione {section}',
  'task.company.province': 'Provincia',
  'task.company.municipality': 'Comune',
  'task.company.size': 'Dimensione',
  'task.company.sizeValue': '{sizeClass}, {employees} dipendenti (ULA)',
  'task.company.website': 'Sito web',
  'task.company.interests': 'Aree in cui l’impresa vuole crescere',
  'task.manager': 'Manager',
  'task.sizeClass.micro': 'Microimpresa',
  'task.sizeClass.small': 'Piccola impresa',
  'task.sizeClass.medium': 'Media impresa',
  'task.sizeClass.large': 'Grande impresa',
  'task.onlyIf': 'solo se scegli «{choice}»',
  'task.submit': 'Invia la risposta',
  'task.closed.answered.title': 'Risposta già registrata',
  'task.closed.answered.body':
    'Questa richiesta ha già ricevuto una risposta, che non può essere modificata.',
  'task.closed.answered.next':
    'Non serve fare altro. Se pensi che ci sia un errore, rispondi alla e-mail che hai ricevuto per scrivere all’ufficio del programma.',
  'task.closed.expired.title': 'Termine scaduto',
  'task.closed.expired.body':
    'Il termine per rispondere a questa richiesta è scaduto e il percorso è andato avanti senza la risposta.',
  'task.closed.expired.next':
    'Non serve fare altro: se servirà ancora il tuo contributo, riceverai una nuova e-mail con un nuovo link.',
  'task.closed.cancelled.title': 'Richiesta annullata',
  'task.closed.cancelled.body':
    'Questa richiesta non è più necessaria, ad esempio perché la candidatura è stata ritirata o l’incarico è stato riassegnato.',
  'task.closed.cancelled.next': 'Non serve fare altro: puoi ignorare la e-mail che conteneva il link.',
  'task.closed.unknown.title': 'Link non valido',
  'task.closed.unknown.body': 'Questo link non corrisponde a nessuna richiesta aperta.',
  'task.closed.unknown.next':
    'Controlla di averlo copiato per intero dalla e-mail; se il problema continua, rispondi alla e-mail per scrivere all’ufficio del programma.',
  'task.done.title': 'Grazie, la risposta è stata registrata',
  'task.done.offer.accept':
    'Hai accettato l’incarico. Riceverai a breve una e-mail con i recapiti del referente dell’impresa.',
  'task.done.offer.decline': 'Hai rifiutato l’incarico: lo proporremo a un altro manager.',
  'task.done.assessment.project':
    'Hai registrato l’assessment con una proposta di progetto: l’impresa riceverà il riepilogo e l’ufficio del programma deciderà sul finanziamento.',
  'task.done.assessment.no_project':
    'Hai registrato l’assessment senza proposta di progetto: l’impresa riceverà il riepilogo.',
  'task.done.financing.approve':
    'Hai approvato il finanziamento del progetto: l’impresa e il manager riceveranno la comunicazione dell’avvio.',
  'task.done.financing.reject':
    'Hai respinto il finanziamento del progetto: l’impresa riceverà la comunicazione dell’esito.',
  'task.done.escalation.assign': 'Hai assegnato un manager all’impresa: il percorso riprende da qui.',
  'task.done.escalation.close':
    'Hai chiuso il percorso dell’impresa: il referente riceverà la comunicazione dell’esito.',
  'task.done.generic': 'La risposta è stata inoltrata al programma.',
  'task.done.next': 'Non serve fare altro: puoi chiudere questa pagina.',

  'offer.title': 'Proposta di incarico',
  'offer.intro':
    'Ti proponiamo di seguire questa impresa nel programma «{programme}». Se accetti, riceverai per e-mail i recapiti del referente per fissare l’assessment di maturità digitale.',
  'offer.privacy': 'I recapiti dell’impresa ti saranno comunicati solo se accetti l’incarico.',
  'offer.decision': 'Accetti l’incarico?',
  'offer.decision.accept': 'Sì, accetto l’incarico',
  'offer.decision.decline': 'No, rifiuto l’incarico',
  'offer.hint.reason': 'Facoltativo, solo se rifiuti: ci aiuta a proporti incarichi più adatti.',

  'assessment.title': 'Esito dell’assessment',
  'assessment.intro':
    'Registra l’esito dell’assessment di maturità digitale di {company} nel programma «{programme}». L’impresa riceverà per e-mail il riepilogo dei punteggi, delle aree di miglioramento e dell’eventuale progetto.',
  'assessment.section.dma': 'Maturità digitale (DMA)',
  'assessment.hint.dma':
    'Un punteggio da 0 a 100 per ciascuna delle sei dimensioni dell’assessment europeo di maturità digitale (DMA); il punteggio complessivo è la media.',
  'assessment.hint.areas':
    'In ordine di priorità, dalla più importante: almeno una, ciascuna una sola volta. Lascia vuote le posizioni che non servono.',
  'assessment.rank': 'Priorità {n}',
  'assessment.rank.duplicate': 'Già scelta come priorità {n}: scegline un’altra o lascia vuoto.',
  'assessment.progress.title': 'Avanzamento',
  'assessment.progress.count': '{done} di {total} sezioni complete',
  'assessment.progress.done': 'completata',
  'assessment.progress.todo': 'da completare',
  'assessment.overall': 'Punteggio complessivo: {overall} su 100 — livello {band}',
  'assessment.overall.pending':
    'Punteggio complessivo: compare quando hai inserito i sei punteggi (da 0 a 100).',
  'assessment.hint.findings': 'Punti di forza, criticità e raccomandazioni emerse dall’assessment.',
  'assessment.section.internationalisation': 'Internazionalizzazione',
  'assessment.hint.internationalisation':
    'Richiesto da questo programma: il segmento dell’impresa e almeno un fronte d’azione raccomandato.',
  'assessment.segment.1': '1 — Micro e PMI senza esperienza internazionale',
  'assessment.segment.2': '2 — Imprese con una lieve presenza internazionale',
  'assessment.segment.3': '3 — Imprese che consolidano la presenza all’estero',
  'assessment.segment.4': '4 — Imprese esperte che ampliano gli investimenti esteri',
  'assessment.hint.actionFronts':
    'Uno per riga, ad esempio: fiere internazionali, e-commerce B2B, rete di distributori.',
  'assessment.projectRecommended.yes': 'Sì, propongo il progetto descritto qui sotto',
  'assessment.projectRecommended.no': 'No, nessun progetto per ora',
  'assessment.hint.project': 'Compila solo se raccomandi un progetto.',
  'assessment.hint.durationMonths': 'Da 1 a 60 mesi.',
  'assessment.hint.kpis':
    'Almeno un indicatore; le righe lasciate vuote sono ignorate. Valori numerici, ad esempio 12,5.',
  'assessment.kpiRow': 'Indicatore {n}',
  'assessment.kpiRowField': '{field} (indicatore {n})',
  'assessment.hint.qualitativeObjectives': 'Facoltativo, uno per riga.',

  'field.assessment.dma': 'Punteggi DMA',
  'field.assessment.improvementAreas': 'Aree di miglioramento',
  'field.assessment.findings': 'Osservazioni',
  'field.assessment.internationalisation': 'Internazionalizzazione',
  'field.assessment.internationalisation.segment': 'Segmento di internazionalizzazione',
  'field.assessment.internationalisation.actionFronts': 'Fronti d’azione raccomandati',
  'field.assessment.projectRecommended': 'Raccomandi un progetto di sviluppo?',
  'field.assessment.project': 'Proposta di progetto',
  'field.assessment.project.title': 'Titolo del progetto',
  'field.assessment.project.objectives': 'Obiettivi del progetto',
  'field.assessment.project.durationMonths': 'Durata (mesi)',
  'field.assessment.project.budgetEur': 'Budget (€)',
  'field.assessment.project.kpis': 'Indicatori quantitativi (KPI)',
  'field.assessment.project.kpis.name': 'Nome dell’indicatore',
  'field.assessment.project.kpis.unit': 'Unità di misura',
  'field.assessment.project.kpis.baseline': 'Valore di partenza',
  'field.assessment.project.kpis.target': 'Valore obiettivo',
  'field.assessment.project.qualitativeObjectives': 'Obiettivi qualitativi',

  'field.task.decision': 'Decisione',
  'field.task.reason': 'Motivo',
  'field.task.amountEur': 'Importo approvato (€)',
  'field.task.managerId': 'Manager da assegnare',

  'financing.title': 'Decisione sul finanziamento',
  'financing.intro':
    'Il manager {manager} ha completato l’assessment di {company} e raccomanda un progetto di sviluppo. Decidi se finanziarlo con il budget del programma «{programme}».',
  'financing.overall': 'Punteggio complessivo',
  'financing.overallValue': '{overall} su 100, livello {band}',
  'financing.section.project': 'Progetto proposto',
  'financing.durationValue': '{months} mesi',
  'financing.decision': 'La tua decisione',
  'financing.decision.approve': 'Approvo il finanziamento',
  'financing.decision.reject': 'Respingo il finanziamento',
  'financing.hint.amount':
    'In euro, ad esempio 12.500: l’importo viene riservato sul budget del programma. Proposto: l’importo del progetto.',
  'financing.budgetLeft': 'Budget ancora disponibile nel programma: {amount}.',
  'assessment.hint.budget': 'In euro, ad esempio 45.000.',
  'financing.cap': 'Tetto per progetto: {amount}.',

  'escalation.title': 'Decisione richiesta all’ufficio del programma',
  'escalation.intro':
    'Il percorso di {company} nel programma «{programme}» si è fermato e richiede una decisione.',
  'escalation.reason': 'Motivo della segnalazione',
  'escalation.reason.no_manager':
    'Nessun manager ha accettato l’incarico: i manager compatibili hanno rifiutato, non hanno risposto in tempo o non hanno capacità libera.',
  'escalation.reason.assessment_overdue':
    'Il manager assegnato non ha registrato l’assessment entro il termine previsto.',
  'escalation.decision': 'Come vuoi procedere?',
  'escalation.decision.assign': 'Assegno un manager',
  'escalation.decision.close': 'Chiudo il percorso dell’impresa',
  'escalation.candidate': '{name} (incarichi: {load} su {capacity})',
  'escalation.noCandidates':
    'Al momento nessun manager ha capacità libera: puoi chiudere il percorso, oppure riaprire questo link più tardi.',

  'dma.digitalBusinessStrategy': 'Strategia di business digitale',
  'dma.digitalBusinessStrategy.hint':
    'Investimenti, pianificazione e preparazione dell’impresa alla trasformazione digitale.',
  'dma.digitalReadiness': 'Prontezza digitale',
  'dma.digitalReadiness.hint': 'Adozione delle tecnologie digitali, di base e avanzate.',
  'dma.humanCentricDigitalisation': 'Digitalizzazione centrata sulle persone',
  'dma.humanCentricDigitalisation.hint':
    'Competenze, coinvolgimento e tutela del personale nella transizione digitale.',
  'dma.dataManagementAndConnectedness': 'Gestione e connessione dei dati',
  'dma.dataManagementAndConnectedness.hint': 'Raccolta, integrazione, uso e sicurezza dei dati.',
  'dma.automationAndAi': 'Automazione e intelligenza artificiale',
  'dma.automationAndAi.hint': 'Automazione dei processi e uso dell’intelligenza artificiale.',
  'dma.greenDigitalisation': 'Digitalizzazione sostenibile',
  'dma.greenDigitalisation.hint': 'Tecnologie digitali al servizio della sostenibilità ambientale.',

  'dmaBand.basic': 'base',
  'dmaBand.average': 'medio',
  'dmaBand.moderately_advanced': 'moderatamente avanzato',
  'dmaBand.advanced': 'avanzato',

  'validation.duplicates': '{field}: ogni valore può comparire una sola volta.',
  'validation.projectNotRecommended': '{field}: descrivi un progetto solo se lo raccomandi.',
  'validation.positive': '{field}: inserisci un valore maggiore di zero.',
  'validation.integer': '{field}: inserisci un numero intero.',
  'validation.atLeastOne': '{field}: indicane almeno uno.',
  'validation.tooMany': '{field}: al massimo {max} elementi.',
  'validation.notInAssessmentModel': '{field}: non previsto dal modello di assessment di questo programma.',

  'journeyEmail.officeGreeting': 'Buongiorno,',
  'journeyEmail.reminderSubject': 'Promemoria: {subject}',
  'journeyEmail.reminder': 'Ti scriviamo di nuovo perché non abbiamo ancora ricevuto la tua risposta.',
  'journeyEmail.offer.subject': 'Proposta di incarico: {company} — {programme}',
  'journeyEmail.offer.body':
    'ti proponiamo di seguire un’impresa nel programma «{programme}»: {company}, settore ATECO {sector}, provincia di {province}.',
  'journeyEmail.offer.action':
    'Apri il link per vedere il profilo dell’impresa e accettare o rifiutare l’incarico. Se non rispondi entro il termine, lo proporremo a un altro manager.',
  'journeyEmail.offer.link': 'Accetta o rifiuta l’incarico',
  'journeyEmail.introSme.subject': 'Il tuo manager per il programma «{programme}»',
  'journeyEmail.introSme.body':
    '{manager} ha accettato di seguire {company} nel programma «{programme}» e ti contatterà a breve per fissare l’assessment di maturità digitale.',
  'journeyEmail.introSme.email': 'E-mail del manager: {email}',
  'journeyEmail.introSme.phone': 'Telefono del manager: {phone}',
  'journeyEmail.introManager.subject': 'Incarico confermato: {company} — {programme}',
  'journeyEmail.introManager.body':
    'grazie per aver accettato di seguire {company} nel programma «{programme}». Il referente dell’impresa è {contact}.',
  'journeyEmail.introManager.email': 'E-mail del referente: {email}',
  'journeyEmail.introManager.phone': 'Telefono del referente: {phone}',
  'journeyEmail.introManager.next':
    'Contatta l’impresa per fissare l’assessment di maturità digitale; riceverai un link per registrarne l’esito.',
  'journeyEmail.assessmentRequest.subject': 'Registra l’assessment di {company} — {programme}',
  'journeyEmail.assessmentRequest.body':
    'quando avrai completato l’assessment di maturità digitale di {company} nel programma «{programme}», registra dal link qui sotto i punteggi, le aree di miglioramento e l’eventuale proposta di progetto.',
  'journeyEmail.assessmentRequest.link': 'Registra l’assessment',
  'journeyEmail.assessmentSummary.subject': 'Il risultato dell’assessment di maturità digitale — {programme}',
  'journeyEmail.assessmentSummary.body':
    'il manager ha completato l’assessment di maturità digitale di {company} nel programma «{programme}». Ecco il riepilogo.',
  'journeyEmail.assessmentSummary.overall': 'Punteggio complessivo: {overall} su 100 (livello {band}).',
  'journeyEmail.assessmentSummary.scores': 'Punteggi per dimensione: {scores}.',
  'journeyEmail.assessmentSummary.areas': 'Aree di miglioramento, in ordine di priorità: {areas}.',
  'journeyEmail.assessmentSummary.project':
    'Il manager ha proposto il progetto di sviluppo «{title}»: l’ufficio del programma valuterà il finanziamento e ti scriveremo con l’esito.',
  'journeyEmail.assessmentSummary.noProject':
    'Il manager non ha raccomandato un progetto di sviluppo da finanziare in questa fase.',
  'journeyEmail.financing.subject': 'Decisione sul finanziamento: {company} — {programme}',
  'journeyEmail.financing.body':
    'il manager {manager} ha completato l’assessment di {company} nel programma «{programme}» e propone il progetto «{title}», con un budget di {budget}.',
  'journeyEmail.financing.action':
    'Apri il link per vedere la proposta e approvare o respingere il finanziamento.',
  'journeyEmail.financing.link': 'Decidi sul finanziamento',
  'journeyEmail.escalation.subject': 'Decisione richiesta: {company} — {programme}',
  'journeyEmail.escalation.body':
    'il percorso di {company} nel programma «{programme}» si è fermato e richiede una decisione dell’ufficio.',
  'journeyEmail.escalation.action': 'Apri il link per assegnare un manager o chiudere il percorso.',
  'journeyEmail.escalation.link': 'Decidi come procedere',
  'journeyEmail.launched.subject': 'Progetto avviato: {title} — {programme}',
  'journeyEmail.launched.body':
    'il progetto «{title}» di {company} nel programma «{programme}» è stato approvato con un finanziamento di {amount} ed è avviato.',
  'journeyEmail.launched.next':
    'Nei prossimi mesi il manager seguirà l’impresa e vi chiederemo periodicamente l’avanzamento degli indicatori del progetto.',
  'journeyEmail.closed.subject': 'Percorso concluso — {programme}',
  'journeyEmail.closed.body':
    'il percorso di {company} nel programma «{programme}» si è concluso con questo esito:',
  'journeyEmail.closed.thanks': 'Grazie per l’interesse nel programma.',
  // Project monitoring: the check-in and closing tasks, their pages and the monitoring e-mails.
  'task.done.checkin.submitted':
    'Hai registrato il check-in: l’impresa riceverà un breve riepilogo dell’avanzamento del progetto.',
  'task.done.closing.completed':
    'Hai chiuso il progetto come completato: l’impresa e l’ufficio del programma riceveranno l’esito e il confronto della maturità digitale tra T0 e T1.',
  'task.done.closing.completed_partially':
    'Hai chiuso il progetto come completato in parte: l’impresa e l’ufficio del programma riceveranno l’esito e il confronto della maturità digitale tra T0 e T1.',
  'task.done.closing.abandoned':
    'Hai chiuso il progetto come abbandonato: l’impresa e l’ufficio del programma riceveranno l’esito; il budget non speso torna al programma.',

  'checkin.title': 'Check-in del progetto',
  'checkin.intro':
    'Registra l’avanzamento del progetto di {company} nel programma «{programme}»: il valore attuale di ogni indicatore, i progressi sugli obiettivi qualitativi, il beneficio economico per l’impresa e la spesa sostenuta finora. L’impresa riceverà un breve riepilogo.',
  'closing.title': 'Chiusura del progetto',
  'closing.intro':
    'È l’ultimo check-in del progetto di {company} nel programma «{programme}»: registra l’avanzamento finale, la maturità digitale raggiunta (T1, sulle stesse sei dimensioni dell’assessment iniziale), l’esito del progetto e la relazione di chiusura. Il budget non speso tornerà al programma.',
  'checkin.section.project': 'Il progetto',
  'checkin.project.cycle': 'Check-in',
  'checkin.project.cycleValue': '{cycle} di {cycles}',
  'checkin.project.launchedAt': 'Avviato il',
  'checkin.project.elapsed': 'Tempo trascorso',
  'checkin.project.elapsedValue': '{months} di {duration} mesi',
  'checkin.project.amount': 'Finanziamento approvato',
  'checkin.project.t0': 'Maturità digitale iniziale (T0)',
  'checkin.section.kpis': 'Valore attuale degli indicatori (KPI)',
  'checkin.hint.kpis':
    'Il valore misurato oggi per ciascun indicatore, nella sua unità di misura; i decimali sono ammessi, ad esempio 12,5.',
  'checkin.kpiLabel': '{name} ({unit})',
  'checkin.kpiHint': 'Partenza {baseline} → atteso ora {expected} → obiettivo {target}.',
  'checkin.kpiLast': 'Ultimo valore registrato: {last}.',
  'checkin.kpiN': 'KPI {n}',
  'checkin.section.qualitative': 'Obiettivi qualitativi',
  'checkin.hint.qualitative': 'Per ciascun obiettivo, a che punto è oggi.',
  'checkin.objectiveN': 'Obiettivo qualitativo {n}',
  'checkin.section.benefit': 'Beneficio economico e spesa',
  'checkin.hint.economicBenefit':
    'Il beneficio economico per l’impresa dall’avvio del progetto (maggiori ricavi, minori costi, risparmi), in euro, ad esempio 12.500; 0 se ancora nessuno.',
  'checkin.hint.benefitJustification': 'Poche righe: da dove viene il beneficio e come è stato stimato.',
  'checkin.hint.spent': 'Il totale speso sul progetto dall’avvio, in euro, ad esempio 12.500.',
  'checkin.hint.funding': 'Finanziamento approvato: {amount}.',
  'checkin.hint.risks': 'Ritardi, ostacoli o rischi che l’ufficio del programma dovrebbe conoscere.',
  'qualitativeProgress.not_started': 'Non ancora iniziato',
  'qualitativeProgress.in_progress': 'In corso',
  'qualitativeProgress.achieved': 'Raggiunto',
  'closing.section.dma': 'Maturità digitale finale (T1)',
  'closing.hint.dma':
    'Un punteggio da 0 a 100 per ciascuna delle sei dimensioni, con gli stessi criteri dell’assessment iniziale (T0).',
  'closing.t0Score': 'Punteggio iniziale (T0): {score}.',
  'closing.hint.report':
    'Risultati raggiunti, obiettivi mancati e perché, raccomandazioni per il futuro dell’impresa.',
  'projectOutcome.completed': 'Completato',
  'projectOutcome.completed_partially': 'Completato in parte',
  'projectOutcome.abandoned': 'Abbandonato',

  'field.task.kpiValues': 'Valori degli indicatori (KPI)',
  'field.task.qualitativeProgress': 'Avanzamento degli obiettivi qualitativi',
  'field.task.economicBenefitEur': 'Beneficio economico finora (€)',
  'field.task.benefitJustification': 'Come è stato stimato il beneficio',
  'field.task.spentEur': 'Spesa sostenuta finora (€)',
  'field.task.risks': 'Rischi e criticità',
  'field.task.outcome': 'Esito del progetto',
  'field.task.report': 'Relazione di chiusura',

  'monitoringEmail.checkin.subject': 'Check-in {cycle} di {cycles}: {title} — {company}',
  'monitoringEmail.checkin.body':
    'è il momento del check-in {cycle} di {cycles} del progetto «{title}» di {company} nel programma «{programme}».',
  'monitoringEmail.checkin.action':
    'Apri il link per registrare il valore attuale di ogni indicatore, i progressi sugli obiettivi qualitativi, il beneficio economico per l’impresa e la spesa sostenuta finora. Se non rispondi entro il termine, il check-in sarà registrato come mancato e segnalato all’ufficio del programma.',
  'monitoringEmail.checkin.link': 'Registra il check-in',
  'monitoringEmail.closing.subject': 'Chiusura del progetto: {title} — {company}',
  'monitoringEmail.closing.body':
    'il progetto «{title}» di {company} nel programma «{programme}» è arrivato all’ultimo check-in ({cycle} di {cycles}).',
  'monitoringEmail.closing.action':
    'Apri il link per registrare l’avanzamento finale, la maturità digitale raggiunta (T1), l’esito del progetto e la relazione di chiusura. Se non rispondi entro il termine, la chiusura sarà segnalata all’ufficio del programma.',
  'monitoringEmail.closing.link': 'Registra la chiusura del progetto',
  'monitoringEmail.summary.subject': 'Avanzamento del progetto «{title}» — check-in {cycle}',
  'monitoringEmail.summary.body':
    'il manager ha registrato il check-in {cycle} del progetto «{title}» di {company} nel programma «{programme}». Ecco il riepilogo.',
  'monitoringEmail.summary.kpi':
    '{name} ({unit}): {value} (partenza {baseline}, obiettivo {target}), {status}.',
  'monitoringEmail.summary.onTrack': 'in linea con il percorso previsto',
  'monitoringEmail.summary.behind': 'in ritardo rispetto al percorso previsto',
  'monitoringEmail.summary.benefit': 'Beneficio economico stimato finora: {amount}.',
  'monitoringEmail.summary.spent': 'Spesa sostenuta finora: {amount}.',
  'monitoringEmail.atRisk.subject': 'Progetto a rischio: {title} — {company}',
  'monitoringEmail.atRisk.body':
    'al check-in {cycle} del progetto «{title}» di {company} nel programma «{programme}» questi indicatori sono in ritardo rispetto al percorso previsto (lineare dal valore di partenza all’obiettivo):',
  'monitoringEmail.atRisk.kpi': '{name} ({unit}): {value}, atteso ora {expected}.',
  'monitoringEmail.atRisk.action':
    'Il progetto è segnalato come «a rischio» nella console: valuta con il manager e l’impresa se servono interventi, oppure se sospendere o chiudere il progetto.',
  'monitoringEmail.missed.subject': 'Check-in mancato: {title} — {company}',
  'monitoringEmail.missed.body':
    'il manager non ha registrato entro il termine, nemmeno dopo il promemoria, il check-in {cycle} del progetto «{title}» di {company} nel programma «{programme}». Il check-in è stato registrato come mancato.',
  'monitoringEmail.missed.action':
    'Contatta il manager per capirne il motivo; dalla console puoi sospendere, riprendere o chiudere il progetto.',
  'monitoringEmail.closed.subject': 'Progetto concluso: {title} — {programme}',
  'monitoringEmail.closed.body':
    'il progetto «{title}» di {company} nel programma «{programme}» si è concluso. Esito: {outcome}.',
  'monitoringEmail.closed.dma':
    'Maturità digitale complessiva: da {t0} a {t1} su 100 ({change} punti rispetto all’assessment iniziale).',
  'monitoringEmail.closed.benefit': 'Beneficio economico per l’impresa: {amount}.',
  'monitoringEmail.closed.spent':
    'Spesa sostenuta: {spent}; budget non speso che torna al programma: {unspent}.',
  'monitoringEmail.closed.thanks': 'Grazie per la collaborazione nel programma.',
} as const;

export const journeyMessagesEn: Record<keyof typeof journeyMessagesIt, string> = {
  'status.manager_assigned': 'Manager assigned',
  'status.manager_assigned.explanation':
    'A manager has agreed to follow the company and will contact you to arrange the digital maturity assessment.',
  'status.assessed': 'Assessment completed',
  'status.assessed.explanation':
    'The manager has completed the digital maturity assessment; we have e-mailed you the summary.',
  'status.financing_pending': 'Awaiting the financing decision',
  'status.financing_pending.explanation':
    'The manager has proposed a development project: the programme office is deciding whether to fund it.',
  'status.launched': 'Project launched',
  'status.launched.explanation':
    'The development project has been funded and launched; the manager will follow the company while it is carried out.',
  'status.closed': 'Journey closed',
  'status.closed.explanation': 'The company’s journey in the programme has ended, with this outcome:',
  'status.withdraw.button': 'Withdraw the application…',
  'status.withdraw.confirmTitle': 'Do you really want to withdraw the application?',
  'status.withdraw.confirmButton': 'Yes, withdraw the application',
  'status.withdraw.keep': 'No, keep the application',
  'status.withdraw.confirm':
    'You can withdraw the application at any time before the project is launched. The journey stops at once and cannot be resumed: taking part again needs a new application.',
  'status.withdraw.done': 'The application has been withdrawn and the journey has stopped.',
  'status.withdraw.notWithdrawable':
    'The application can no longer be withdrawn: the journey has ended, it was already withdrawn, or the project has been launched.',

  'outcome.ineligible': 'The company did not meet the programme’s eligibility requirements.',
  'outcome.no_manager': 'No manager could be found who was available to follow the company.',
  'outcome.assessed_no_project':
    'The assessment was completed; the manager did not recommend a development project for funding.',
  'outcome.financing_rejected': 'The programme office did not approve funding for the proposed project.',
  'outcome.launched': 'The development project has been funded and launched.',
  'outcome.withdrawn': 'The application was withdrawn at the company’s request.',
  'outcome.closed_by_office': 'The programme office closed the journey.',

  'task.assign.conflictOfInterest':
    '{field}: this manager declared a tie to the firm (conflict of interest); choose another among those listed.',
  'task.assign.unavailable':
    '{field}: this manager cannot be engaged for this firm (not active, no free places, already asked, or outside the programme’s roster); choose one among those listed.',
  'task.financing.overCap':
    '{field}: above the programme’s per-project cap; at most {amount} can be approved.',
  'task.financing.overBudget':
    '{field}: above the programme budget still available; at most {amount} can be approved.',
  'journeyEmail.financing.askedAgain':
    'Please decide again: the amount approved no longer fits the budget still available or the firm’s de minimis headroom, taken meanwhile by other approvals.',
  'task.draft.save': 'Save as draft',
  'task.draft.saved':
    'Draft saved on {date}. It has not been sent: you can resume it from this same link until the deadline.',
  'task.draft.resumed': 'You are resuming the draft saved on {date}. It has not been sent yet.',
  'task.draft.tooLarge': 'The draft is too long to be saved: shorten the texts and try again.',
  'task.answerBy': 'Please answer by {date} (Italian time).',
  'task.reminder': 'Reminder: we are still waiting for your answer.',
  'task.summary': 'Summary',
  'task.programme': 'Programme',
  'task.company': 'Company',
  'task.company.sector': 'Sector (ATECO)',
  'task.company.sectorValue': '{code}, section {section}',
  'task.company.province': 'Province',
  'task.company.municipality': 'Municipality',
  'task.company.size': 'Size',
  'task.company.sizeValue': '{sizeClass}, {employees} employees (AWU)',
  'task.company.website': 'Website',
  'task.company.interests': 'Areas where the company wants to grow',
  'task.manager': 'Manager',
  'task.sizeClass.micro': 'Micro enterprise',
  'task.sizeClass.small': 'Small enterprise',
  'task.sizeClass.medium': 'Medium-sized enterprise',
  'task.sizeClass.large': 'Large enterprise',
  'task.onlyIf': 'only if you choose “{choice}”',
  'task.submit': 'Send the answer',
  'task.closed.answered.title': 'Answer already recorded',
  'task.closed.answered.body': 'This request has already been answered, and the answer cannot be changed.',
  'task.closed.answered.next':
    'There is nothing more to do. If you think there is a mistake, reply to the e-mail you received to write to the programme office.',
  'task.closed.expired.title': 'Deadline passed',
  'task.closed.expired.body':
    'The deadline to answer this request has passed and the journey has moved on without the answer.',
  'task.closed.expired.next':
    'There is nothing more to do: if your help is still needed, you will receive a new e-mail with a new link.',
  'task.closed.cancelled.title': 'Request cancelled',
  'task.closed.cancelled.body':
    'This request is no longer needed, for example because the application was withdrawn or the engagement was reassigned.',
  'task.closed.cancelled.next': 'There is nothing more to do: you can ignore the e-mail that held the link.',
  'task.closed.unknown.title': 'Invalid link',
  'task.closed.unknown.body': 'This link does not match any open request.',
  'task.closed.unknown.next':
    'Check that you copied all of it from the e-mail; if the problem persists, reply to the e-mail to write to the programme office.',
  'task.done.title': 'Thank you, your answer has been recorded',
  'task.done.offer.accept':
    'You accepted the engagement. You will shortly receive an e-mail with the details of the company’s contact person.',
  'task.done.offer.decline': 'You declined the engagement: we will offer it to another manager.',
  'task.done.assessment.project':
    'You recorded the assessment with a project proposal: the company will receive the summary and the programme office will decide on funding.',
  'task.done.assessment.no_project':
    'You recorded the assessment without a project proposal: the company will receive the summary.',
  'task.done.financing.approve':
    'You approved funding for the project: the company and the manager will be told it is launched.',
  'task.done.financing.reject': 'You rejected funding for the project: the company will be told the outcome.',
  'task.done.escalation.assign': 'You assigned a manager to the company: the journey resumes from here.',
  'task.done.escalation.close':
    'You closed the company’s journey: the contact person will be told the outcome.',
  'task.done.generic': 'Your answer has been passed on to the programme.',
  'task.done.next': 'There is nothing more to do: you can close this page.',

  'offer.title': 'Engagement offer',
  'offer.intro':
    'We are offering you this company to follow in the “{programme}” programme. If you accept, you will receive the contact person’s details by e-mail to arrange the digital maturity assessment.',
  'offer.privacy': 'The company’s contact details are shared with you only if you accept the engagement.',
  'offer.decision': 'Do you accept the engagement?',
  'offer.decision.accept': 'Yes, I accept the engagement',
  'offer.decision.decline': 'No, I decline the engagement',
  'offer.hint.reason': 'Optional, only if you decline: it helps us offer you better-suited engagements.',

  'assessment.title': 'Assessment outcome',
  'assessment.intro':
    'Record the outcome of the digital maturity assessment of {company} in the “{programme}” programme. The company will receive by e-mail a summary of the scores, the improvement areas and any project.',
  'assessment.section.dma': 'Digital maturity (DMA)',
  'assessment.hint.dma':
    'A score from 0 to 100 for each of the six dimensions of the European Digital Maturity Assessment (DMA); the overall score is their mean.',
  'assessment.hint.areas':
    'In order of priority, most important first: at least one, each only once. Leave unused positions empty.',
  'assessment.rank': 'Priority {n}',
  'assessment.rank.duplicate': 'Already chosen as priority {n}: choose another or leave it empty.',
  'assessment.progress.title': 'Progress',
  'assessment.progress.count': '{done} of {total} sections complete',
  'assessment.progress.done': 'complete',
  'assessment.progress.todo': 'to do',
  'assessment.overall': 'Overall score: {overall} out of 100 — {band} level',
  'assessment.overall.pending': 'Overall score: shown once the six scores are filled in (0 to 100).',
  'assessment.hint.findings': 'Strengths, weaknesses and recommendations from the assessment.',
  'assessment.section.internationalisation': 'Internationalisation',
  'assessment.hint.internationalisation':
    'Required by this programme: the firm’s segment and at least one recommended action front.',
  'assessment.segment.1': '1 — Micro firms and SMEs with no international experience',
  'assessment.segment.2': '2 — Firms with a slight international presence',
  'assessment.segment.3': '3 — Firms consolidating their presence abroad',
  'assessment.segment.4': '4 — Experienced firms expanding foreign investment',
  'assessment.hint.actionFronts':
    'One per line, e.g.: international trade fairs, B2B e-commerce, distributor network.',
  'assessment.projectRecommended.yes': 'Yes, I propose the project described below',
  'assessment.projectRecommended.no': 'No, no project for now',
  'assessment.hint.project': 'Fill in only if you recommend a project.',
  'assessment.hint.durationMonths': 'From 1 to 60 months.',
  'assessment.hint.kpis': 'At least one indicator; rows left empty are ignored. Numeric values, e.g. 12.5.',
  'assessment.kpiRow': 'Indicator {n}',
  'assessment.kpiRowField': '{field} (indicator {n})',
  'assessment.hint.qualitativeObjectives': 'Optional, one per line.',

  'field.assessment.dma': 'DMA scores',
  'field.assessment.improvementAreas': 'Improvement areas',
  'field.assessment.findings': 'Findings',
  'field.assessment.internationalisation': 'Internationalisation',
  'field.assessment.internationalisation.segment': 'Internationalisation segment',
  'field.assessment.internationalisation.actionFronts': 'Recommended action fronts',
  'field.assessment.projectRecommended': 'Do you recommend a development project?',
  'field.assessment.project': 'Project proposal',
  'field.assessment.project.title': 'Project title',
  'field.assessment.project.objectives': 'Project objectives',
  'field.assessment.project.durationMonths': 'Duration (months)',
  'field.assessment.project.budgetEur': 'Budget (€)',
  'field.assessment.project.kpis': 'Quantitative indicators (KPIs)',
  'field.assessment.project.kpis.name': 'Indicator name',
  'field.assessment.project.kpis.unit': 'Unit of measure',
  'field.assessment.project.kpis.baseline': 'Baseline value',
  'field.assessment.project.kpis.target': 'Target value',
  'field.assessment.project.qualitativeObjectives': 'Qualitative objectives',

  'field.task.decision': 'Decision',
  'field.task.reason': 'Reason',
  'field.task.amountEur': 'Amount approved (€)',
  'field.task.managerId': 'Manager to assign',

  'financing.title': 'Financing decision',
  'financing.intro':
    'Manager {manager} has completed the assessment of {company} and recommends a development project. Decide whether to fund it from the budget of the “{programme}” programme.',
  'financing.overall': 'Overall score',
  'financing.overallValue': '{overall} out of 100, {band} level',
  'financing.section.project': 'Proposed project',
  'financing.durationValue': '{months} months',
  'financing.decision': 'Your decision',
  'financing.decision.approve': 'I approve the funding',
  'financing.decision.reject': 'I reject the funding',
  'financing.hint.amount':
    'In euro, e.g. 12,500: the amount is reserved from the programme budget. Proposed: the project’s amount.',
  'financing.budgetLeft': 'Budget still available in the programme: {amount}.',
  'assessment.hint.budget': 'In euro, e.g. 45,000.',
  'financing.cap': 'Per-project cap: {amount}.',

  'escalation.title': 'A decision is needed from the programme office',
  'escalation.intro':
    'The journey of {company} in the “{programme}” programme has stopped and needs a decision.',
  'escalation.reason': 'Why this was escalated',
  'escalation.reason.no_manager':
    'No manager accepted the engagement: the suitable managers declined, did not answer in time or have no free capacity.',
  'escalation.reason.assessment_overdue':
    'The assigned manager did not record the assessment by the deadline.',
  'escalation.decision': 'How do you want to proceed?',
  'escalation.decision.assign': 'I assign a manager',
  'escalation.decision.close': 'I close the company’s journey',
  'escalation.candidate': '{name} (engagements: {load} of {capacity})',
  'escalation.noCandidates':
    'No manager has free capacity at the moment: you can close the journey, or open this link again later.',

  'dma.digitalBusinessStrategy': 'Digital business strategy',
  'dma.digitalBusinessStrategy.hint':
    'Investment, planning and readiness of the company for digital transformation.',
  'dma.digitalReadiness': 'Digital readiness',
  'dma.digitalReadiness.hint': 'Uptake of digital technologies, basic and advanced.',
  'dma.humanCentricDigitalisation': 'Human-centric digitalisation',
  'dma.humanCentricDigitalisation.hint':
    'Skills, engagement and protection of staff in the digital transition.',
  'dma.dataManagementAndConnectedness': 'Data management and connectedness',
  'dma.dataManagementAndConnectedness.hint': 'Collection, integration, use and security of data.',
  'dma.automationAndAi': 'Automation and artificial intelligence',
  'dma.automationAndAi.hint': 'Process automation and use of artificial intelligence.',
  'dma.greenDigitalisation': 'Green digitalisation',
  'dma.greenDigitalisation.hint': 'Digital technologies serving environmental sustainability.',

  'dmaBand.basic': 'basic',
  'dmaBand.average': 'average',
  'dmaBand.moderately_advanced': 'moderately advanced',
  'dmaBand.advanced': 'advanced',

  'validation.duplicates': '{field}: each value may appear only once.',
  'validation.projectNotRecommended': '{field}: describe a project only if you recommend one.',
  'validation.positive': '{field}: enter a value greater than zero.',
  'validation.integer': '{field}: enter a whole number.',
  'validation.atLeastOne': '{field}: give at least one.',
  'validation.tooMany': '{field}: at most {max} items.',
  'validation.notInAssessmentModel': '{field}: not part of this programme’s assessment model.',

  'journeyEmail.officeGreeting': 'Hello,',
  'journeyEmail.reminderSubject': 'Reminder: {subject}',
  'journeyEmail.reminder': 'We are writing again because we have not yet received your answer.',
  'journeyEmail.offer.subject': 'Engagement offer: {company} — {programme}',
  'journeyEmail.offer.body':
    'we are offering you a company to follow in the “{programme}” programme: {company}, ATECO sector {sector}, province of {province}.',
  'journeyEmail.offer.action':
    'Open the link to see the company’s profile and accept or decline the engagement. If you do not answer by the deadline, we will offer it to another manager.',
  'journeyEmail.offer.link': 'Accept or decline the engagement',
  'journeyEmail.introSme.subject': 'Your manager for the “{programme}” programme',
  'journeyEmail.introSme.body':
    '{manager} has agreed to follow {company} in the “{programme}” programme and will contact you shortly to arrange the digital maturity assessment.',
  'journeyEmail.introSme.email': 'Manager’s e-mail: {email}',
  'journeyEmail.introSme.phone': 'Manager’s telephone: {phone}',
  'journeyEmail.introManager.subject': 'Engagement confirmed: {company} — {programme}',
  'journeyEmail.introManager.body':
    'thank you for agreeing to follow {company} in the “{programme}” programme. The company’s contact person is {contact}.',
  'journeyEmail.introManager.email': 'Contact person’s e-mail: {email}',
  'journeyEmail.introManager.phone': 'Contact person’s telephone: {phone}',
  'journeyEmail.introManager.next':
    'Please contact the company to arrange the digital maturity assessment; you will receive a link to record its outcome.',
  'journeyEmail.assessmentRequest.subject': 'Record the assessment of {company} — {programme}',
  'journeyEmail.assessmentRequest.body':
    'once you have completed the digital maturity assessment of {company} in the “{programme}” programme, record the scores, the improvement areas and any project proposal through the link below.',
  'journeyEmail.assessmentRequest.link': 'Record the assessment',
  'journeyEmail.assessmentSummary.subject': 'Your digital maturity assessment results — {programme}',
  'journeyEmail.assessmentSummary.body':
    'the manager has completed the digital maturity assessment of {company} in the “{programme}” programme. Here is the summary.',
  'journeyEmail.assessmentSummary.overall': 'Overall score: {overall} out of 100 ({band} level).',
  'journeyEmail.assessmentSummary.scores': 'Scores by dimension: {scores}.',
  'journeyEmail.assessmentSummary.areas': 'Improvement areas, in order of priority: {areas}.',
  'journeyEmail.assessmentSummary.project':
    'The manager has proposed the development project “{title}”: the programme office will consider funding it and we will write to you with the outcome.',
  'journeyEmail.assessmentSummary.noProject':
    'The manager did not recommend a development project for funding at this stage.',
  'journeyEmail.financing.subject': 'Financing decision: {company} — {programme}',
  'journeyEmail.financing.body':
    'manager {manager} has completed the assessment of {company} in the “{programme}” programme and proposes the project “{title}”, with a budget of {budget}.',
  'journeyEmail.financing.action': 'Open the link to see the proposal and approve or reject the funding.',
  'journeyEmail.financing.link': 'Decide on the funding',
  'journeyEmail.escalation.subject': 'Decision needed: {company} — {programme}',
  'journeyEmail.escalation.body':
    'the journey of {company} in the “{programme}” programme has stopped and needs a decision from the office.',
  'journeyEmail.escalation.action': 'Open the link to assign a manager or close the journey.',
  'journeyEmail.escalation.link': 'Decide how to proceed',
  'journeyEmail.launched.subject': 'Project launched: {title} — {programme}',
  'journeyEmail.launched.body':
    'the project “{title}” of {company} in the “{programme}” programme has been approved with funding of {amount} and is launched.',
  'journeyEmail.launched.next':
    'In the coming months the manager will follow the company and we will periodically ask you for the progress of the project’s indicators.',
  'journeyEmail.closed.subject': 'Journey closed — {programme}',
  'journeyEmail.closed.body':
    'the journey of {company} in the “{programme}” programme has ended with this outcome:',
  'journeyEmail.closed.thanks': 'Thank you for your interest in the programme.',
  // Project monitoring: the check-in and closing tasks, their pages and the monitoring e-mails.
  'task.done.checkin.submitted':
    'You recorded the check-in: the company will receive a short summary of the project’s progress.',
  'task.done.closing.completed':
    'You closed the project as completed: the company and the programme office will receive the outcome and the T0 to T1 digital maturity comparison.',
  'task.done.closing.completed_partially':
    'You closed the project as partially completed: the company and the programme office will receive the outcome and the T0 to T1 digital maturity comparison.',
  'task.done.closing.abandoned':
    'You closed the project as abandoned: the company and the programme office will receive the outcome; the unspent budget returns to the programme.',

  'checkin.title': 'Project check-in',
  'checkin.intro':
    'Record the progress of the project of {company} in the “{programme}” programme: the current value of each indicator, the progress on the qualitative objectives, the economic benefit for the company and the spending so far. The company will receive a short summary.',
  'closing.title': 'Project closing',
  'closing.intro':
    'This is the last check-in of the project of {company} in the “{programme}” programme: record the final progress, the digital maturity reached (T1, on the same six dimensions as the initial assessment), the project’s outcome and the closing report. Any unspent budget will return to the programme.',
  'checkin.section.project': 'The project',
  'checkin.project.cycle': 'Check-in',
  'checkin.project.cycleValue': '{cycle} of {cycles}',
  'checkin.project.launchedAt': 'Launched on',
  'checkin.project.elapsed': 'Time elapsed',
  'checkin.project.elapsedValue': '{months} of {duration} months',
  'checkin.project.amount': 'Funding approved',
  'checkin.project.t0': 'Initial digital maturity (T0)',
  'checkin.section.kpis': 'Current value of the indicators (KPIs)',
  'checkin.hint.kpis':
    'The value measured today for each indicator, in its unit of measure; decimals are allowed, e.g. 12.5.',
  'checkin.kpiLabel': '{name} ({unit})',
  'checkin.kpiHint': 'Baseline {baseline} → expected now {expected} → target {target}.',
  'checkin.kpiLast': 'Last value recorded: {last}.',
  'checkin.kpiN': 'KPI {n}',
  'checkin.section.qualitative': 'Qualitative objectives',
  'checkin.hint.qualitative': 'For each objective, where it stands today.',
  'checkin.objectiveN': 'Qualitative objective {n}',
  'checkin.section.benefit': 'Economic benefit and spending',
  'checkin.hint.economicBenefit':
    'The economic benefit for the company since the project started (higher revenue, lower costs, savings), in euro, e.g. 12,500; 0 if none yet.',
  'checkin.hint.benefitJustification': 'A few lines: where the benefit comes from and how it was estimated.',
  'checkin.hint.spent': 'The total spent on the project since it started, in euro, e.g. 12,500.',
  'checkin.hint.funding': 'Funding approved: {amount}.',
  'checkin.hint.risks': 'Delays, obstacles or risks the programme office should know about.',
  'qualitativeProgress.not_started': 'Not started yet',
  'qualitativeProgress.in_progress': 'In progress',
  'qualitativeProgress.achieved': 'Achieved',
  'closing.section.dma': 'Final digital maturity (T1)',
  'closing.hint.dma':
    'A score from 0 to 100 for each of the six dimensions, with the same criteria as the initial assessment (T0).',
  'closing.t0Score': 'Initial score (T0): {score}.',
  'closing.hint.report':
    'Results achieved, objectives missed and why, recommendations for the company’s future.',
  'projectOutcome.completed': 'Completed',
  'projectOutcome.completed_partially': 'Partially completed',
  'projectOutcome.abandoned': 'Abandoned',

  'field.task.kpiValues': 'Indicator values (KPIs)',
  'field.task.qualitativeProgress': 'Progress on the qualitative objectives',
  'field.task.economicBenefitEur': 'Economic benefit so far (€)',
  'field.task.benefitJustification': 'How the benefit was estimated',
  'field.task.spentEur': 'Spending to date (€)',
  'field.task.risks': 'Risks and issues',
  'field.task.outcome': 'Project outcome',
  'field.task.report': 'Closing report',

  'monitoringEmail.checkin.subject': 'Check-in {cycle} of {cycles}: {title} — {company}',
  'monitoringEmail.checkin.body':
    'it is time for check-in {cycle} of {cycles} of the project “{title}” of {company} in the “{programme}” programme.',
  'monitoringEmail.checkin.action':
    'Open the link to record the current value of each indicator, the progress on the qualitative objectives, the economic benefit for the company and the spending so far. If you do not answer in time, the check-in will be recorded as missed and reported to the programme office.',
  'monitoringEmail.checkin.link': 'Record the check-in',
  'monitoringEmail.closing.subject': 'Project closing: {title} — {company}',
  'monitoringEmail.closing.body':
    'the project “{title}” of {company} in the “{programme}” programme has reached its last check-in ({cycle} of {cycles}).',
  'monitoringEmail.closing.action':
    'Open the link to record the final progress, the digital maturity reached (T1), the project’s outcome and the closing report. If you do not answer in time, the closing will be reported to the programme office.',
  'monitoringEmail.closing.link': 'Record the project closing',
  'monitoringEmail.summary.subject': 'Progress of the project “{title}” — check-in {cycle}',
  'monitoringEmail.summary.body':
    'the manager has recorded check-in {cycle} of the project “{title}” of {company} in the “{programme}” programme. Here is the summary.',
  'monitoringEmail.summary.kpi': '{name} ({unit}): {value} (baseline {baseline}, target {target}), {status}.',
  'monitoringEmail.summary.onTrack': 'on the planned trajectory',
  'monitoringEmail.summary.behind': 'behind the planned trajectory',
  'monitoringEmail.summary.benefit': 'Economic benefit estimated so far: {amount}.',
  'monitoringEmail.summary.spent': 'Spending to date: {amount}.',
  'monitoringEmail.atRisk.subject': 'Project at risk: {title} — {company}',
  'monitoringEmail.atRisk.body':
    'at check-in {cycle} of the project “{title}” of {company} in the “{programme}” programme, these indicators are behind the planned trajectory (linear from the baseline to the target):',
  'monitoringEmail.atRisk.kpi': '{name} ({unit}): {value}, expected now {expected}.',
  'monitoringEmail.atRisk.action':
    'The project is flagged “at risk” in the console: consider with the manager and the company whether action is needed, or whether to pause or close the project.',
  'monitoringEmail.missed.subject': 'Missed check-in: {title} — {company}',
  'monitoringEmail.missed.body':
    'the manager did not record check-in {cycle} of the project “{title}” of {company} in the “{programme}” programme in time, even after the reminder. The check-in has been recorded as missed.',
  'monitoringEmail.missed.action':
    'Please contact the manager to find out why; from the console you can pause, resume or close the project.',
  'monitoringEmail.closed.subject': 'Project closed: {title} — {programme}',
  'monitoringEmail.closed.body':
    'the project “{title}” of {company} in the “{programme}” programme has ended. Outcome: {outcome}.',
  'monitoringEmail.closed.dma':
    'Overall digital maturity: from {t0} to {t1} out of 100 ({change} points compared with the initial assessment).',
  'monitoringEmail.closed.benefit': 'Economic benefit for the company: {amount}.',
  'monitoringEmail.closed.spent': 'Spending: {spent}; unspent budget returning to the programme: {unspent}.',
  'monitoringEmail.closed.thanks': 'Thank you for your collaboration in the programme.',
};
