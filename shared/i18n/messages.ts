// Every user-facing text, in Italian (the reference) and English. The English catalogue must have
// exactly the Italian keys (the type enforces it). Parameters are written {name}.
import { adminPrivacyMessagesEn, adminPrivacyMessagesIt } from './admin-privacy-messages.ts';
import { collaborationMessagesEn, collaborationMessagesIt } from './collaboration-messages.ts';
import { dashboardMessagesEn, dashboardMessagesIt } from './dashboard-messages.ts';
import { journeyMessagesEn, journeyMessagesIt } from './journey-messages.ts';
import type { Language } from './language.ts';
import { managerMessagesEn, managerMessagesIt } from './manager-messages.ts';
import { onboardingMessagesEn, onboardingMessagesIt } from './onboarding-messages.ts';
import { privacyMessagesEn, privacyMessagesIt } from './privacy-messages.ts';
import { privacyRequestMessagesEn, privacyRequestMessagesIt } from './privacy-request-messages.ts';
import { servicesMessagesEn, servicesMessagesIt } from './services-messages.ts';
import { stateAidMessagesEn, stateAidMessagesIt } from './state-aid-messages.ts';

const commonIt = {
  'language.name': 'Italiano',

  'page.switchLanguage': 'English',
  'page.footer': 'Percorso PMI · programmi regionali di sviluppo delle piccole e medie imprese lombarde',
  'page.backHome': 'Torna alla pagina iniziale',

  'form.title': 'Candidatura della tua impresa',
  'form.intro':
    'Candida la tua impresa al programma «{programme}». Ti assegneremo un manager selezionato per merito che valuterà con te la maturità digitale e le aree di miglioramento. I campi sono obbligatori salvo dove indicato.',
  'form.section.company': 'Impresa',
  'form.section.size': 'Dimensione dell’impresa',
  'form.section.contact': 'Referente',
  'form.section.consent': 'Privacy',
  'form.hint.vatNumber': '11 cifre, con o senza il prefisso IT.',
  'form.hint.taxCode': 'Solo se diverso dalla Partita IVA.',
  'form.hint.atecoCode': 'Come nella visura camerale, ad esempio 25.62.00.',
  'form.hint.size':
    'Dati dell’ultimo esercizio chiuso, secondo la definizione europea di PMI (Raccomandazione 2003/361/CE).',
  'form.hint.employees': 'Unità lavorative annue (ULA); i decimali sono ammessi, ad esempio 12,5.',
  'form.hint.euro': 'In euro, ad esempio 1.250.000.',
  'form.hint.publicControl':
    'Quota di capitale o di diritti di voto detenuta da enti pubblici, in percentuale; lascia vuoto se nessuna.',
  'form.optional': 'facoltativo',
  'form.choose': 'Scegli…',
  'form.submit': 'Invia la candidatura',
  'form.errorSummary': 'Controlla i dati inseriti',

  'field.programmeId': 'Programma',
  'field.company': 'Impresa',
  'field.company.name': 'Ragione sociale',
  'field.company.vatNumber': 'Partita IVA',
  'field.company.taxCode': 'Codice fiscale',
  'field.company.legalForm': 'Forma giuridica',
  'field.company.atecoCode': 'Codice ATECO dell’attività prevalente',
  'field.company.atecoVersion': 'Classificazione ATECO',
  'field.company.province': 'Provincia della sede operativa',
  'field.company.municipality': 'Comune',
  'field.company.website': 'Sito web',
  'field.size': 'Dimensione',
  'field.size.employees': 'Dipendenti (ULA)',
  'field.size.turnoverEur': 'Fatturato annuo (€)',
  'field.size.balanceSheetEur': 'Totale di bilancio annuo (€)',
  'field.size.publicControlPercent': 'Partecipazione pubblica (%)',
  'field.contact': 'Referente',
  'field.contact.name': 'Nome e cognome del referente',
  'field.contact.email': 'E-mail del referente',
  'field.contact.phone': 'Telefono',
  'field.contact.language': 'Lingua delle comunicazioni',
  'field.interests': 'Aree in cui l’impresa vuole crescere',
  'field.consent': 'Consenso',
  'field.consent.privacy':
    'Ho letto l’informativa sulla privacy e acconsento al trattamento dei dati per la gestione della candidatura.',

  'interest.digital': 'Digitale e Industria 4.0',
  'interest.supply_chain': 'Filiera e catena di fornitura',
  'interest.reshoring': 'Rilocalizzazione produttiva (reshoring)',
  'interest.diversification': 'Diversificazione di prodotti e mercati',
  'interest.internationalisation': 'Internazionalizzazione',
  'interest.business_model': 'Modello di business',
  'interest.training': 'Competenze e formazione',
  'interest.green_transition': 'Transizione ecologica',

  'validation.text.control': '{field}: contiene caratteri di controllo non ammessi; riscrivi il testo.',
  'validation.text.lineBreak': '{field}: scrivilo su una sola riga, senza a capo.',
  'validation.text.bidi':
    '{field}: contiene caratteri che invertono la direzione del testo, non ammessi; riscrivi il testo.',
  'validation.text.encoding':
    '{field}: contiene caratteri non leggibili (il testo è arrivato con una codifica diversa da UTF-8); riscrivilo.',
  'validation.text.invisible': '{field}: contiene solo caratteri invisibili; scrivi un testo leggibile.',
  'validation.number.storable':
    '{field}: inserisci un numero con al massimo 6 decimali, non oltre un milione di miliardi.',
  'validation.bodyObject':
    'Il corpo della richiesta deve essere un oggetto JSON con i campi indicati nella documentazione.',
  'validation.unknownFieldsMore': 'e altri {count} campi sconosciuti.',
  'validation.required': '{field}: campo obbligatorio.',
  'validation.text': '{field}: inserisci un testo.',
  'validation.tooShort': '{field}: almeno {min} caratteri.',
  'validation.tooLong': '{field}: al massimo {max} caratteri.',
  'validation.number': '{field}: inserisci un numero, ad esempio 1.250.000 o 12,5.',
  'validation.tooSmall': '{field}: il valore minimo è {min}.',
  'validation.tooBig': '{field}: il valore massimo è {max}.',
  'validation.choice': '{field}: scegli uno dei valori proposti.',
  'validation.unknownField': '{field}: campo non previsto.',
  'validation.invalid': '{field}: valore non valido.',
  'validation.vatNumber.format': '{field}: deve avere 11 cifre, con o senza il prefisso IT.',
  'validation.vatNumber.zero_serial': '{field}: il numero di matricola non può essere composto da soli zeri.',
  'validation.vatNumber.office_code': '{field}: il codice dell’ufficio (cifre 8–10) non esiste.',
  'validation.vatNumber.check_digit': '{field}: la cifra di controllo non corrisponde; verifica il numero.',
  'validation.taxCode': '{field}: 11 cifre per le società, 16 caratteri per le persone fisiche.',
  'validation.ateco.format': '{field}: usa il formato 25.62.00 (da 2 a 6 cifre).',
  'validation.ateco.division':
    '{field}: la divisione {division} non esiste nella classificazione ATECO {version}.',
  'validation.province': '{field}: il programma è riservato alle imprese con sede in Lombardia.',
  'validation.email': '{field}: inserisci un indirizzo e-mail valido, ad esempio nome@impresa.it.',
  'validation.phone': '{field}: inserisci un numero di telefono valido, ad esempio +39 02 1234567.',
  'validation.url': '{field}: inserisci un indirizzo web completo, ad esempio https://www.impresa.it.',
  'validation.interests': '{field}: scegli almeno un’area.',
  'validation.consent': 'Per candidarti devi accettare l’informativa sulla privacy.',

  'receipt.title': 'Candidatura ricevuta',
  'receipt.body':
    'Abbiamo ricevuto la candidatura al programma «{programme}». Ti abbiamo inviato una e-mail di conferma; le prossime comunicazioni arriveranno allo stesso indirizzo.',
  'receipt.reference': 'Riferimento',
  'receipt.applicationId': 'Numero della candidatura',
  'receipt.statusLink': 'Link per seguire la candidatura',
  'receipt.keepLink':
    'Conserva questo link: è personale e permette di vedere a che punto è la candidatura, senza password.',

  'status.title': 'Stato della candidatura',
  'status.programme': 'Programma',
  'status.company': 'Impresa',
  'status.current': 'Stato attuale',
  'status.history': 'Cronologia',
  'status.submitted': 'Ricevuta',
  'status.submitted.explanation': 'Stiamo verificando i requisiti di ammissione.',
  'status.place.held':
    'La tua candidatura ha il posto n. {place} dei {quota} disponibili per l’assessment: i posti vanno in ordine di arrivo delle candidature.',
  'status.place.none':
    'Tutti i {quota} posti per l’assessment erano già assegnati quando è arrivata la tua candidatura (i posti vanno in ordine di arrivo).',
  'status.eligible': 'Ammessa',
  'status.eligible.explanation':
    'L’impresa ha i requisiti del programma. Stiamo cercando il manager più adatto: ti scriverà appena avrà accettato l’incarico.',
  'status.ineligible': 'Non ammessa',
  'status.ineligible.explanation': 'L’impresa non ha i requisiti del programma, per questo motivo:',
  'status.withdrawn': 'Ritirata',
  'status.withdrawn.explanation': 'La candidatura è stata ritirata.',

  'ineligibility.programme_closed': 'Il programma non accettava candidature alla data di invio.',
  'ineligibility.not_sme':
    'In base ai dati dichiarati l’impresa non rientra nella definizione europea di PMI (meno di 250 ULA e fatturato fino a 50 milioni di euro o totale di bilancio fino a 43 milioni, partecipazione pubblica inferiore al 25%).',
  'ineligibility.size_class': 'Il programma è riservato ad altre classi dimensionali di impresa.',
  'ineligibility.province': 'Il programma è riservato alle imprese con sede operativa in altre province.',
  'ineligibility.ateco_section': 'Il programma è riservato ad altri settori di attività (sezioni ATECO).',
  'ineligibility.quota_exhausted':
    'I posti disponibili per gli assessment di questo programma sono esauriti.',

  'error.title': 'Non è stato possibile completare la richiesta',
  'error.validationFailed': 'Alcuni dati non sono validi: correggi i campi indicati.',
  'error.duplicateApplication':
    'Questa impresa (stessa Partita IVA) si è già candidata a questo programma: controlla la e-mail di conferma ricevuta. Se non vi siete candidati voi, scrivete all’ufficio del programma ({office}), che può verificare e sbloccare la candidatura.',
  'error.unknownProgramme': 'Il programma indicato non esiste.',
  'error.programmeClosed': 'Il programma non accetta candidature in questo momento.',
  'error.serviceUnavailable':
    'Il servizio non è disponibile in questo momento e la candidatura non è stata registrata. Riprova tra qualche minuto.',
  'error.payloadTooLarge': 'La richiesta è troppo grande: il limite è {limitKb} KB.',
  'error.unsupportedMediaType':
    'Formato non supportato: invia application/json oppure application/x-www-form-urlencoded.',
  'error.malformedBody': 'Il corpo della richiesta non è JSON valido.',
  'error.idempotencyKeyReused':
    'Questa Idempotency-Key è già stata usata per una richiesta diversa: usa una chiave nuova.',
  'error.requestInProgress':
    'Una richiesta con la stessa Idempotency-Key è ancora in corso: riprova tra qualche secondo.',
  'error.notFound': 'La pagina richiesta non esiste.',
  'error.methodNotAllowed': 'Metodo non consentito per questo indirizzo.',
  'error.internal': 'Si è verificato un errore imprevisto. Riprova più tardi.',

  'link.unknown.title': 'Link non valido',
  'link.unknown.body':
    'Questo link non corrisponde a nessuna candidatura: controlla di averlo copiato per intero dalla e-mail.',

  'email.signature': 'Il team del programma — Percorso PMI',
  'email.greeting': 'Gentile {name},',
  'email.receipt.subject': 'Candidatura ricevuta — {programme}',
  'email.receipt.body':
    'abbiamo ricevuto la candidatura di {company} al programma «{programme}». Verificheremo i requisiti e ti scriveremo a ogni passaggio.',
  'email.receipt.reference': 'Riferimento della candidatura: {reference} (numero completo {applicationId})',
  'email.receipt.statusLink': 'Segui la candidatura',
  'email.ineligible.subject': 'Esito della verifica dei requisiti — {programme}',
  'email.ineligible.body':
    'abbiamo verificato la candidatura di {company} al programma «{programme}»; purtroppo non può essere ammessa per questo motivo:',
} as const;

type Merged<T extends readonly object[]> = T extends readonly [infer Head, ...infer Rest extends object[]]
  ? Head & Merged<Rest>
  : unknown;

/**
 * One catalogue from its parts, as a dictionary (a null-prototype object). Spreading some 1,500
 * keys into an object literal gave V8 a hidden class per key: about 50 ms of every cold start,
 * and as much again collecting the garbage.
 */
function catalogue<const Parts extends readonly object[]>(...parts: Parts): Merged<Parts> {
  return Object.assign(Object.create(null) as object, ...parts) as Merged<Parts>;
}

const it = catalogue(
  journeyMessagesIt,
  dashboardMessagesIt,
  onboardingMessagesIt,
  managerMessagesIt,
  privacyMessagesIt,
  privacyRequestMessagesIt,
  adminPrivacyMessagesIt,
  stateAidMessagesIt,
  collaborationMessagesIt,
  servicesMessagesIt,
  commonIt,
);

export type MessageKey = keyof typeof it;

const commonEn: Record<keyof typeof commonIt, string> = {
  'language.name': 'English',

  'page.switchLanguage': 'Italiano',
  'page.footer':
    'Percorso PMI · regional development programmes for small and medium enterprises in Lombardy',
  'page.backHome': 'Back to the home page',

  'form.title': 'Apply for your company',
  'form.intro':
    'Apply to the “{programme}” programme. We will assign you a manager selected on merit who will assess your digital maturity and improvement areas with you. Every field is required unless marked optional.',
  'form.section.company': 'Company',
  'form.section.size': 'Company size',
  'form.section.contact': 'Contact person',
  'form.section.consent': 'Privacy',
  'form.hint.vatNumber': '11 digits, with or without the IT prefix.',
  'form.hint.taxCode': 'Only if different from the VAT number.',
  'form.hint.atecoCode': 'As in the Chamber of Commerce record, e.g. 25.62.00.',
  'form.hint.size':
    'Figures of the last closed financial year, per the EU SME definition (Recommendation 2003/361/EC).',
  'form.hint.employees': 'Annual work units (AWU); decimals allowed, e.g. 12.5.',
  'form.hint.euro': 'In euro, e.g. 1,250,000.',
  'form.hint.publicControl':
    'Share of capital or voting rights held by public bodies, in percent; leave empty if none.',
  'form.optional': 'optional',
  'form.choose': 'Choose…',
  'form.submit': 'Submit application',
  'form.errorSummary': 'Please check what you entered',

  'field.programmeId': 'Programme',
  'field.company': 'Company',
  'field.company.name': 'Company name',
  'field.company.vatNumber': 'VAT number (Partita IVA)',
  'field.company.taxCode': 'Tax code (codice fiscale)',
  'field.company.legalForm': 'Legal form',
  'field.company.atecoCode': 'ATECO code of the main activity',
  'field.company.atecoVersion': 'ATECO classification',
  'field.company.province': 'Province of the operating site',
  'field.company.municipality': 'Municipality',
  'field.company.website': 'Website',
  'field.size': 'Size',
  'field.size.employees': 'Employees (AWU)',
  'field.size.turnoverEur': 'Annual turnover (€)',
  'field.size.balanceSheetEur': 'Annual balance-sheet total (€)',
  'field.size.publicControlPercent': 'Public ownership (%)',
  'field.contact': 'Contact person',
  'field.contact.name': 'Full name of the contact person',
  'field.contact.email': 'Contact e-mail',
  'field.contact.phone': 'Telephone',
  'field.contact.language': 'Language for our messages',
  'field.interests': 'Areas where the company wants to grow',
  'field.consent': 'Consent',
  'field.consent.privacy':
    'I have read the privacy notice and consent to the processing of these data to handle the application.',

  'interest.digital': 'Digital and Industry 4.0',
  'interest.supply_chain': 'Supply chain',
  'interest.reshoring': 'Reshoring of production',
  'interest.diversification': 'Diversification of products and markets',
  'interest.internationalisation': 'Internationalisation',
  'interest.business_model': 'Business model',
  'interest.training': 'Skills and training',
  'interest.green_transition': 'Green transition',

  'validation.text.control':
    '{field}: contains control characters that are not allowed; please retype the text.',
  'validation.text.lineBreak': '{field}: write it on one line, without line breaks.',
  'validation.text.bidi':
    '{field}: contains characters that reverse the direction of the text, which are not allowed; please retype it.',
  'validation.text.encoding':
    '{field}: contains unreadable characters (the text arrived in an encoding other than UTF-8); please retype it.',
  'validation.text.invisible': '{field}: contains only invisible characters; please write readable text.',
  'validation.number.storable':
    '{field}: enter a number with at most 6 decimals, no larger than a million billion.',
  'validation.bodyObject': 'The request body must be a JSON object with the fields the documentation lists.',
  'validation.unknownFieldsMore': 'and {count} more unknown fields.',
  'validation.required': '{field}: this field is required.',
  'validation.text': '{field}: enter some text.',
  'validation.tooShort': '{field}: at least {min} characters.',
  'validation.tooLong': '{field}: at most {max} characters.',
  'validation.number': '{field}: enter a number, e.g. 1,250,000 or 12.5.',
  'validation.tooSmall': '{field}: the minimum is {min}.',
  'validation.tooBig': '{field}: the maximum is {max}.',
  'validation.choice': '{field}: choose one of the values offered.',
  'validation.unknownField': '{field}: unexpected field.',
  'validation.invalid': '{field}: invalid value.',
  'validation.vatNumber.format': '{field}: must have 11 digits, with or without the IT prefix.',
  'validation.vatNumber.zero_serial': '{field}: the serial number cannot be all zeros.',
  'validation.vatNumber.office_code': '{field}: the office code (digits 8–10) does not exist.',
  'validation.vatNumber.check_digit': '{field}: the check digit does not match; please check the number.',
  'validation.taxCode': '{field}: 11 digits for companies, 16 characters for individuals.',
  'validation.ateco.format': '{field}: use the format 25.62.00 (2 to 6 digits).',
  'validation.ateco.division': '{field}: division {division} does not exist in ATECO {version}.',
  'validation.province': '{field}: the programme is open to companies based in Lombardy only.',
  'validation.email': '{field}: enter a valid e-mail address, e.g. name@company.it.',
  'validation.phone': '{field}: enter a valid telephone number, e.g. +39 02 1234567.',
  'validation.url': '{field}: enter a full web address, e.g. https://www.company.it.',
  'validation.interests': '{field}: choose at least one area.',
  'validation.consent': 'You must accept the privacy notice to apply.',

  'receipt.title': 'Application received',
  'receipt.body':
    'We have received the application to the “{programme}” programme. We have sent you a confirmation e-mail; further messages will reach the same address.',
  'receipt.reference': 'Reference',
  'receipt.applicationId': 'Application number',
  'receipt.statusLink': 'Link to follow the application',
  'receipt.keepLink':
    'Keep this link: it is personal and shows where the application stands, with no password.',

  'status.title': 'Application status',
  'status.programme': 'Programme',
  'status.company': 'Company',
  'status.current': 'Current status',
  'status.history': 'History',
  'status.submitted': 'Received',
  'status.submitted.explanation': 'We are checking the eligibility requirements.',
  'status.place.held':
    'Your application holds place {place} of the {quota} assessment places: places go in the order applications arrive.',
  'status.place.none':
    'All {quota} assessment places were already taken when your application arrived (places go in the order applications arrive).',
  'status.eligible': 'Eligible',
  'status.eligible.explanation':
    'The company meets the programme requirements. We are finding the best-suited manager, who will write to you once they accept.',
  'status.ineligible': 'Not eligible',
  'status.ineligible.explanation': 'The company does not meet the programme requirements, for this reason:',
  'status.withdrawn': 'Withdrawn',
  'status.withdrawn.explanation': 'The application was withdrawn.',

  'ineligibility.programme_closed': 'The programme was not accepting applications on the day it was sent.',
  'ineligibility.not_sme':
    'From the figures given, the company is not an SME under the EU definition (fewer than 250 AWU and turnover up to €50 million or balance-sheet total up to €43 million, public ownership below 25%).',
  'ineligibility.size_class': 'The programme is reserved for other company size classes.',
  'ineligibility.province': 'The programme is reserved for companies operating in other provinces.',
  'ineligibility.ateco_section': 'The programme is reserved for other sectors of activity (ATECO sections).',
  'ineligibility.quota_exhausted': 'All the assessment places of this programme have been taken.',

  'error.title': 'The request could not be completed',
  'error.validationFailed': 'Some data are not valid: please correct the fields listed.',
  'error.duplicateApplication':
    'This company (same VAT number) has already applied to this programme: please check the confirmation e-mail it received. If you did not apply, write to the programme office ({office}), which can check and unlock the application.',
  'error.unknownProgramme': 'The programme given does not exist.',
  'error.programmeClosed': 'The programme is not accepting applications at the moment.',
  'error.serviceUnavailable':
    'The service is unavailable right now and the application was not recorded. Please try again in a few minutes.',
  'error.payloadTooLarge': 'The request is too large: the limit is {limitKb} KB.',
  'error.unsupportedMediaType':
    'Unsupported format: send application/json or application/x-www-form-urlencoded.',
  'error.malformedBody': 'The request body is not valid JSON.',
  'error.idempotencyKeyReused':
    'This Idempotency-Key was already used for a different request: please use a new key.',
  'error.requestInProgress':
    'A request with the same Idempotency-Key is still in progress: please retry in a few seconds.',
  'error.notFound': 'The page requested does not exist.',
  'error.methodNotAllowed': 'Method not allowed for this address.',
  'error.internal': 'An unexpected error occurred. Please try again later.',

  'link.unknown.title': 'Invalid link',
  'link.unknown.body':
    'This link does not match any application: check that you copied all of it from the e-mail.',

  'email.signature': 'The programme team — Percorso PMI',
  'email.greeting': 'Dear {name},',
  'email.receipt.subject': 'Application received — {programme}',
  'email.receipt.body':
    'we have received the application of {company} to the “{programme}” programme. We will check the requirements and write to you at every step.',
  'email.receipt.reference': 'Application reference: {reference} (full number {applicationId})',
  'email.receipt.statusLink': 'Follow the application',
  'email.ineligible.subject': 'Outcome of the eligibility check — {programme}',
  'email.ineligible.body':
    'we have checked the application of {company} to the “{programme}” programme; unfortunately it cannot be admitted, for this reason:',
};

const en: Record<MessageKey, string> = catalogue(
  journeyMessagesEn,
  dashboardMessagesEn,
  onboardingMessagesEn,
  managerMessagesEn,
  privacyMessagesEn,
  privacyRequestMessagesEn,
  adminPrivacyMessagesEn,
  stateAidMessagesEn,
  collaborationMessagesEn,
  servicesMessagesEn,
  commonEn,
);

export const messageCatalogues: Record<Language, Record<MessageKey, string>> = { it, en };

/** Whether a string is a key of the catalogue (for keys built at run time). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(it, key);
}

/**
 * The text of a message in a language, with {name} placeholders filled in.
 * @param params - values for the placeholders; a missing one is left as written
 */
export function t(lang: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = messageCatalogues[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** The names of form fields that have a label (`field.<name>` in the catalogue). */
export type FieldName = MessageKey extends infer Key
  ? Key extends `field.${infer Name}`
    ? Name
    : never
  : never;
