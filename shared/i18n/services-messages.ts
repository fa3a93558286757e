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
  'escalation.reason.followup_overdue':
    'L’esperto non ha registrato la seconda misura della maturità digitale (T1) entro il termine previsto.',
  'audit.action.service.recorded': 'Servizio registrato',
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
  'escalation.reason.followup_overdue':
    'The expert did not record the second digital maturity measurement (T1) by the deadline.',
  'audit.action.service.recorded': 'Service recorded',
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

  'servicesEmail.delivery.subject': 'Record the service “{service}” for {company}',
  'servicesEmail.delivery.body':
    'The service plan of {company} in the {programme} programme was approved. When the service “{service}” (value {value}) is completed, record its day and hours through the link; if it cannot be delivered, say so with the reason.',
  'servicesEmail.delivery.link': 'Record the service',
  'servicesEmail.followUp.subject': 'T1 digital maturity measurement of {company}',
  'servicesEmail.followUp.body':
    'The services of {company} in the {programme} programme are over: it is time to measure its digital maturity again (DMA T1).',
  'servicesEmail.followUp.link': 'Record the T1 measurement',
};
