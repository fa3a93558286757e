// Services programmes (an EDIH): customer types, the service plan in the assessment, the office's
// approval of a plan, the providers' delivery tasks, the T1 DMA, the services dashboard and the
// EDIH network export.

export const servicesMessagesIt = {
  'ineligibility.customer_type': 'Il programma non è rivolto a questo tipo di soggetto.',
  'field.company.customerKind':
    'Tipo di soggetto (per un’impresa la dimensione si ricava dai dati qui sotto)',
  'customerKind.firm': 'Impresa',
  'customerKind.public_body': 'Ente pubblico',
  'customerType.sme': 'PMI',
  'customerType.small_midcap': 'Small mid-cap',
  'customerType.large': 'Grande impresa',
  'customerType.public_body': 'Ente pubblico',

  'serviceCategory.test_before_invest': 'Test prima di investire',
  'serviceCategory.skills_training': 'Competenze e formazione',
  'serviceCategory.investment_support': 'Supporto alla ricerca di investimenti',
  'serviceCategory.ecosystem_networking': 'Ecosistema e networking',
  'serviceMode.training': 'Formazione',
  'serviceMode.consulting': 'Consulenza e trasferimento tecnologico',

  'status.in_delivery': 'Servizi in erogazione',
  'status.in_delivery.explanation':
    'Il piano di servizi è stato approvato: i servizi vengono erogati e, dopo l’ultimo, l’esperto rileva di nuovo la maturità digitale (T1).',
  'outcome.services_completed':
    'I servizi del piano sono stati erogati e la maturità digitale è stata misurata di nuovo (T1).',
  'dashboard.outcome.services_completed': 'Servizi erogati, T1 misurato',
  'outcome.services_not_delivered':
    'Nessuno dei servizi del piano è stato erogato: il percorso si è chiuso senza una seconda misura (T1).',
  'dashboard.outcome.services_not_delivered': 'Nessun servizio erogato',
  'status.withdraw.confirmServices':
    'Puoi ritirare la candidatura anche mentre ricevi i servizi del piano: quelli già erogati restano registrati, quelli non ancora erogati non lo saranno più e la misura T1 non verrà fatta. Il percorso si interrompe subito e non può essere ripreso.',
  'escalation.reason.followup_overdue':
    'L’esperto non ha registrato la seconda misura della maturità digitale (T1) entro il termine previsto.',
  'audit.action.service.recorded': 'Servizio registrato',
  'audit.actor.provider': 'Chi eroga il servizio (link)',
  'audit.action.followup.recorded': 'DMA T1 registrato',
  'services.aidTitle': 'Servizi dell’European Digital Innovation Hub',

  'assessment.section.plan': 'Piano di servizi',
  'assessment.hint.plan':
    'Indica quanti servizi del catalogo proponi all’impresa (0 o vuoto per nessuno). L’ufficio approva il piano intero; il suo valore non può superare {cap} per cliente.',
  'assessment.hint.planService':
    '{category}, {mode}. Valore {value}, di cui aiuto {aid}%. Al massimo {max} per cliente.',
  'field.assessment.servicePlan': 'Piano di servizi',
  'validation.unknownService': '{field}: servizio non presente nel catalogo del programma.',
  'validation.projectInServices':
    '{field}: in questo programma l’esperto propone un piano di servizi, non un progetto.',
  'validation.futureDate': '{field}: la data non può essere nel futuro.',
  'validation.notWithNotDelivered':
    '{field}: da indicare solo per un servizio erogato (o solo il motivo se non erogato).',
  'task.plan.overPerCustomer': '{field}: al massimo {max} per cliente.',
  'task.plan.overValueCap': '{field}: il piano supera il valore massimo per cliente di {amount}.',
  'task.plan.approveWholePlan': '{field}: il piano si approva per intero, al suo valore di {amount}.',

  'plan.title': 'Piano di servizi proposto',
  'journeyEmail.assessmentSummary.plan':
    'L’esperto propone questi servizi del programma: {services}. L’ufficio del programma li approverà e poi vi contatterà chi li eroga.',
  'journeyEmail.assessmentSummary.noPlan': 'Per ora l’esperto non propone servizi del catalogo.',
  'financing.intro.services':
    'L’esperto {manager} ha misurato la maturità digitale di {company} (T0) e propone un piano di servizi dal catalogo. Decidi se approvarlo con il budget del programma «{programme}».',
  'plan.service': 'Servizio',
  'plan.quantity': 'Quantità',
  'plan.value': 'Valore',
  'plan.aid': 'Di cui aiuto',
  'plan.total': 'Totale',
  'plan.approveWhole':
    'Approvando, il valore del piano viene riservato dal budget del programma e ogni servizio viene affidato a chi lo eroga.',

  'delivery.title': 'Registrazione di un servizio erogato',
  'delivery.intro':
    'Per {company} ({programme}) registra il servizio «{service}» ({number} di {of} del piano): la data e le ore di erogazione, oppure che non è stato erogato e perché.',
  'delivery.category': 'Categoria e modalità',
  'delivery.delivered': 'Il servizio è stato erogato',
  'delivery.notDelivered': 'Il servizio non è stato erogato (il suo valore torna al budget)',
  'delivery.section.delivered': 'Se erogato',
  'delivery.section.notDelivered': 'Se non erogato',
  'field.task.deliveryOutcome': 'Esito',
  'field.task.deliveredOn': 'Data di conclusione',
  'field.task.hours': 'Ore erogate',
  'field.task.participants': 'Partecipanti',
  'field.task.investmentTriggeredEur': 'Investimento attivato (€)',
  'delivery.hint.investment':
    'L’investimento che il cliente ha ottenuto o avviato grazie a questo supporto (lo chiede la rete EDIH). Facoltativo.',
  'validation.investmentOnlyForInvestmentSupport':
    'L’investimento attivato si indica solo per i servizi di supporto alla ricerca di investimenti.',
  'dashboard.services.investment': 'Investimenti attivati dal supporto all’accesso ai finanziamenti',
  'field.task.notDelivered': 'Non erogato',
  'task.done.delivery.delivered': 'Grazie: il servizio è registrato come erogato.',
  'task.done.delivery.notDelivered':
    'Grazie: il servizio è registrato come non erogato e il suo valore torna al budget.',

  'followup.title': 'Seconda misura della maturità digitale (T1)',
  'followup.intro':
    'I servizi del piano di {company} ({programme}) sono conclusi: misura di nuovo la maturità digitale con le sei dimensioni del DMA. Il punteggio T0 è indicato accanto a ciascuna.',
  'followup.section.dma': 'Maturità digitale dopo i servizi (T1)',
  'followup.hint.dma': 'Punteggi da 0 a 100, come nell’assessment iniziale.',
  'task.done.followup.submitted': 'Grazie: la misura T1 è registrata e il percorso si chiude.',

  'dashboard.services': 'Servizi',
  'dashboard.services.reached': 'Clienti raggiunti: {customers}, di cui PMI {smes}.',
  'dashboard.services.target': 'Obiettivo {target} PMI ({percent}).',
  'dashboard.services.delivered': 'Servizi erogati per {delivered} su {planned} pianificati ({percent}).',
  'dashboard.services.inDelivery': 'Piani approvati ancora da erogare',
  'dashboard.services.aid': 'Aiuti concessi con i servizi erogati',
  'dashboard.services.count': 'Servizi erogati',
  'dashboard.services.notDelivered': 'Servizi non erogati',
  'dashboard.services.firstService': 'Tempo mediano dalla registrazione al primo servizio',
  'dashboard.services.days': '{days} giorni',
  'dashboard.services.byCustomerType': 'Clienti raggiunti per tipo',
  'dashboard.services.byMode': 'Formazione e consulenza',
  'dashboard.services.mode': 'Modalità',
  'dashboard.services.servicesShare': 'Servizi erogati (quota)',
  'dashboard.services.customersShare': 'Clienti che ne hanno ricevuto (quota)',
  'dashboard.services.byCategory': 'Per categoria di servizio',
  'dashboard.services.category': 'Categoria',
  'dashboard.services.dma': 'Maturità digitale da T0 a T1 (media di {customers} clienti)',
  'dashboard.services.dimension': 'Dimensione',
  'edih.invalidPeriod':
    'Periodo non valido: indica from e to come date AAAA-MM-GG, con from non successiva a to.',
  'edih.title': 'Rendicontazione per la rete EDIH',
  'edih.files': 'Clienti, servizi e DMA dall’inizio del programma:',
  'home.title': 'Programmi per le imprese lombarde',
  'home.intro': 'I programmi aperti oggi: scegli il tuo e compila il suo modulo di candidatura.',
  'home.none': 'Nessun programma accetta candidature oggi.',
  'home.support': 'Cosa offre',
  'home.support.project':
    'Assessment gratuito con un manager selezionato per merito e finanziamento di un progetto di sviluppo.',
  'home.support.services':
    'Servizi di digitalizzazione da un catalogo (formazione, test prima di investire, consulenza), con la misura della maturità digitale prima e dopo.',
  'home.support.collaboration': 'Collaborazioni tra le imprese della filiera, fino al contratto di rete.',
  'home.who': 'Chi può candidarsi',
  'home.smes': 'PMI ({classes})',
  'home.allLombardy': 'in tutta la Lombardia',
  'home.sectors': 'sezioni ATECO {sections}',
  'home.allSectors': 'tutti i settori',
  'home.dates': 'Candidature',
  'home.openFrom': 'aperte dal {from}, senza scadenza',
  'home.openUntil': 'dal {from} al {to}',
  'home.places': 'Posti',
  'home.placesLeft': '{left} ancora disponibili su {total}',
  'home.placesNone': 'esauriti: le nuove candidature restano in attesa di un posto che si liberi',
  'home.apply': 'Candidati a {programme}',
  'servicesEmail.delivery.subject': 'Registra il servizio «{service}» per {company}',
  'servicesEmail.delivery.body':
    'Il piano di servizi di {company} nel programma {programme} è stato approvato. Quando il servizio «{service}» (valore {value}) è concluso, registra la data e le ore dal link; se non potrà essere erogato, indicalo con il motivo.',
  'servicesEmail.delivery.link': 'Registra il servizio',
  'servicesEmail.followUp.subject': 'Misura T1 della maturità digitale di {company}',
  'servicesEmail.followUp.body':
    'I servizi di {company} nel programma {programme} sono conclusi: è il momento di misurare di nuovo la maturità digitale (DMA T1).',
  'servicesEmail.followUp.link': 'Registra la misura T1',
} as const;

export const servicesMessagesEn: Record<keyof typeof servicesMessagesIt, string> = {
  'ineligibility.customer_type': 'The programme is not open to this kind of applicant.',
  'field.company.customerKind': 'Kind of applicant (for a firm, its size follows from the figures below)',
  'customerKind.firm': 'Firm',
  'customerKind.public_body': 'Public body',
  'customerType.sme': 'SME',
  'customerType.small_midcap': 'Small mid-cap',
  'customerType.large': 'Large firm',
  'customerType.public_body': 'Public body',

  'serviceCategory.test_before_invest': 'Test before invest',
  'serviceCategory.skills_training': 'Skills and training',
  'serviceCategory.investment_support': 'Support to find investments',
  'serviceCategory.ecosystem_networking': 'Innovation ecosystem and networking',
  'serviceMode.training': 'Training',
  'serviceMode.consulting': 'Consulting and technology transfer',

  'status.in_delivery': 'Services being delivered',
  'status.in_delivery.explanation':
    'The service plan was approved: the services are being delivered and, after the last one, the expert measures the digital maturity again (T1).',
  'outcome.services_completed':
    'The services of the plan were delivered and the digital maturity was measured again (T1).',
  'dashboard.outcome.services_completed': 'Services delivered, T1 measured',
  'outcome.services_not_delivered':
    'None of the services of the plan was delivered: the journey closed without a second measurement (T1).',
  'dashboard.outcome.services_not_delivered': 'No service delivered',
  'status.withdraw.confirmServices':
    'You can withdraw the application while receiving the services of your plan too: those already delivered stay recorded, those not yet delivered will not be, and the T1 measurement will not be taken. The journey stops at once and cannot be resumed.',
  'escalation.reason.followup_overdue':
    'The expert did not record the second digital maturity measurement (T1) by the deadline.',
  'audit.action.service.recorded': 'Service recorded',
  'audit.actor.provider': 'The service’s provider (link)',
  'audit.action.followup.recorded': 'T1 DMA recorded',
  'services.aidTitle': 'European Digital Innovation Hub services',

  'assessment.section.plan': 'Service plan',
  'assessment.hint.plan':
    'Say how many of each catalogue service you propose to the firm (0 or blank for none). The office approves the whole plan; its value may not exceed {cap} per customer.',
  'assessment.hint.planService':
    '{category}, {mode}. Value {value}, of which {aid}% aid. At most {max} per customer.',
  'field.assessment.servicePlan': 'Service plan',
  'validation.unknownService': '{field}: not a service of the programme’s catalogue.',
  'validation.projectInServices':
    '{field}: in this programme the expert proposes a service plan, not a project.',
  'validation.futureDate': '{field}: the date cannot be in the future.',
  'validation.notWithNotDelivered':
    '{field}: only for a service delivered (or only the reason when it was not).',
  'task.plan.overPerCustomer': '{field}: at most {max} per customer.',
  'task.plan.overValueCap': '{field}: the plan exceeds the most a customer may receive, {amount}.',
  'task.plan.approveWholePlan': '{field}: a plan is approved whole, at its value of {amount}.',

  'plan.title': 'Proposed service plan',
  'journeyEmail.assessmentSummary.plan':
    'The expert proposes these services of the programme: {services}. Once the programme office approves them, their providers will contact you.',
  'journeyEmail.assessmentSummary.noPlan': 'For now the expert proposes no service of the catalogue.',
  'financing.intro.services':
    'Expert {manager} measured the digital maturity of {company} (T0) and proposes a plan of catalogue services. Decide whether to approve it from the budget of the “{programme}” programme.',
  'plan.service': 'Service',
  'plan.quantity': 'Quantity',
  'plan.value': 'Value',
  'plan.aid': 'Of which aid',
  'plan.total': 'Total',
  'plan.approveWhole':
    'Approving reserves the plan’s value from the programme budget and hands each service to its provider.',

  'delivery.title': 'Recording a service delivered',
  'delivery.intro':
    'For {company} ({programme}), record the service “{service}” ({number} of {of} in the plan): the day and hours it was delivered, or that it was not and why.',
  'delivery.category': 'Category and mode',
  'delivery.delivered': 'The service was delivered',
  'delivery.notDelivered': 'The service was not delivered (its value goes back to the budget)',
  'delivery.section.delivered': 'If delivered',
  'delivery.section.notDelivered': 'If not delivered',
  'field.task.deliveryOutcome': 'Outcome',
  'field.task.deliveredOn': 'Completed on',
  'field.task.hours': 'Hours delivered',
  'field.task.participants': 'Participants',
  'field.task.investmentTriggeredEur': 'Investment triggered (€)',
  'delivery.hint.investment':
    'The investment the customer obtained or started thanks to this support (the EDIH network asks for it). Optional.',
  'validation.investmentOnlyForInvestmentSupport':
    'The investment triggered is given only for services supporting the search for investment.',
  'dashboard.services.investment': 'Investment triggered by access-to-finance support',
  'field.task.notDelivered': 'Not delivered',
  'task.done.delivery.delivered': 'Thank you: the service is recorded as delivered.',
  'task.done.delivery.notDelivered':
    'Thank you: the service is recorded as not delivered and its value goes back to the budget.',

  'followup.title': 'Second digital maturity measurement (T1)',
  'followup.intro':
    'The services of {company}’s plan ({programme}) are over: measure the digital maturity again on the six DMA dimensions. The T0 score is shown beside each.',
  'followup.section.dma': 'Digital maturity after the services (T1)',
  'followup.hint.dma': 'Scores from 0 to 100, as in the first assessment.',
  'task.done.followup.submitted': 'Thank you: the T1 measurement is recorded and the journey closes.',

  'dashboard.services': 'Services',
  'dashboard.services.reached': 'Customers reached: {customers}, of which SMEs {smes}.',
  'dashboard.services.target': 'Target {target} SMEs ({percent}).',
  'dashboard.services.delivered': 'Services delivered worth {delivered} of {planned} planned ({percent}).',
  'dashboard.services.inDelivery': 'Approved plans still to be delivered',
  'dashboard.services.aid': 'Aid granted with the services delivered',
  'dashboard.services.count': 'Services delivered',
  'dashboard.services.notDelivered': 'Services not delivered',
  'dashboard.services.firstService': 'Median time from registration to the first service',
  'dashboard.services.days': '{days} days',
  'dashboard.services.byCustomerType': 'Customers reached by type',
  'dashboard.services.byMode': 'Training and consulting',
  'dashboard.services.mode': 'Mode',
  'dashboard.services.servicesShare': 'Services delivered (share)',
  'dashboard.services.customersShare': 'Customers who received it (share)',
  'dashboard.services.byCategory': 'By service category',
  'dashboard.services.category': 'Category',
  'dashboard.services.dma': 'Digital maturity from T0 to T1 (mean of {customers} customers)',
  'dashboard.services.dimension': 'Dimension',
  'edih.invalidPeriod': 'Invalid period: give from and to as YYYY-MM-DD dates, from not after to.',
  'edih.title': 'Reporting to the EDIH network',
  'edih.files': 'Customers, services and DMA since the programme began:',
  'home.title': 'Programmes for Lombard firms',
  'home.intro': 'The programmes open today: choose yours and fill in its application form.',
  'home.none': 'No programme accepts applications today.',
  'home.support': 'What it offers',
  'home.support.project':
    'A free assessment by a manager selected on merit, and funding for a development project.',
  'home.support.services':
    'Digitalisation services from a catalogue (training, test before invest, consulting), with the digital maturity measured before and after.',
  'home.support.collaboration':
    'Collaboration between the firms of the supply chain, up to a network contract.',
  'home.who': 'Who may apply',
  'home.smes': 'SMEs ({classes})',
  'home.allLombardy': 'anywhere in Lombardy',
  'home.sectors': 'ATECO sections {sections}',
  'home.allSectors': 'every sector',
  'home.dates': 'Applications',
  'home.openFrom': 'open from {from}, no closing date',
  'home.openUntil': 'from {from} to {to}',
  'home.places': 'Places',
  'home.placesLeft': '{left} still available of {total}',
  'home.placesNone': 'all taken: new applications wait for a place to free up',
  'home.apply': 'Apply to {programme}',
  'servicesEmail.delivery.subject': 'Record the service “{service}” for {company}',
  'servicesEmail.delivery.body':
    'The service plan of {company} in the {programme} programme was approved. When the service “{service}” (value {value}) is completed, record its day and hours through the link; if it cannot be delivered, say so with the reason.',
  'servicesEmail.delivery.link': 'Record the service',
  'servicesEmail.followUp.subject': 'T1 digital maturity measurement of {company}',
  'servicesEmail.followUp.body':
    'The services of {company} in the {programme} programme are over: it is time to measure its digital maturity again (DMA T1).',
  'servicesEmail.followUp.link': 'Record the T1 measurement',
};
