// The programme office's pages for collaboration between firms: the programme's figures, the
// opportunities found (why, estimated benefit, the form to propose one with its coordinator) and
// its collaborations; one collaboration (members, verifications, the network contract's forms);
// and the contract's printable draft for the notary (Italian, as it will be signed).
import {
  type CollaborationRecord,
  type ContractSignature,
  collaborationStatuses,
  type NetworkContract,
  type Opportunity,
  opportunityKinds,
} from '#shared/domain/collaboration.ts';
import { sitePath } from '#shared/http/routes.ts';
import { estimatedBenefitText, opportunityTitle, opportunityWhy } from '#shared/i18n/collaboration-text.ts';
import { formatEuro, formatNumber, formatRomeDate, formatRomeDateTime } from '#shared/i18n/format.ts';
import type { Language } from '#shared/i18n/language.ts';
import { t } from '#shared/i18n/messages.ts';
import type { FieldError } from '#shared/schemas/application.ts';
import type { CollaborationDetail, CollaborationsOverview } from '#shared/use-cases/collaboration-office.ts';
import { type FormValues, formKit } from './form-kit.tsx';
import { Layout } from './layout.tsx';

type Notice = { tone: 'ok' | 'bad'; message: string } | undefined;

function NoticeBox({ notice, errors }: { notice: Notice; errors?: readonly FieldError[] | undefined }) {
  if (!notice) return null;
  return (
    <div class={`notice ${notice.tone}`} role={notice.tone === 'ok' ? 'status' : 'alert'}>
      <p data-testid="collaboration-notice">{notice.message}</p>
      {errors && errors.length > 0 ? (
        <ul>
          {errors.map((error) => (
            <li>{error.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The programme's collaboration figures, opportunities and collaborations. */
export function CollaborationsPage(props: {
  lang: Language;
  programmeName: string;
  overview: CollaborationsOverview;
  catalogue: Parameters<typeof opportunityTitle>[2];
  selfHref: string;
  dashboardHref: string;
  exportHref: (kind: 'collaborations' | 'collaboration-members') => string;
  collaborationHref: (collaborationId: string) => string;
  notice?: Notice;
}) {
  const { lang, overview } = props;
  const { figures } = overview;
  const nameOf = (id: string) => overview.firmNames.get(id) ?? id;
  return (
    <Layout
      lang={lang}
      title={`${t(lang, 'collaborations.title')} · ${props.programmeName}`}
      switchHref={props.selfHref}
    >
      <p>
        <a href={`${props.dashboardHref}?lang=${lang}`}>{t(lang, 'dashboard.title')}</a>
      </p>
      <h1>
        {t(lang, 'collaborations.title')} · {props.programmeName}
      </h1>
      <NoticeBox notice={props.notice} />
      <h2>{t(lang, 'collaborations.figures')}</h2>
      <dl class="facts" data-testid="collaboration-figures">
        <dt>{t(lang, 'collaborations.firmsTakingPart')}</dt>
        <dd data-testid="firms-taking-part">
          {t(lang, 'collaborations.ofFirms', {
            count: figures.firmsTakingPart,
            total: figures.programmeFirms,
          })}
        </dd>
        <dt>{t(lang, 'collaborations.pooledPurchasing')}</dt>
        <dd>{formatEuro(figures.pooledPurchasingEur, lang)}</dd>
        <dt>{t(lang, 'collaborations.benefitTotal')}</dt>
        <dd data-testid="benefit-total">{formatEuro(figures.benefitTotalEur, lang)}</dd>
        <dt>{t(lang, 'collaborations.networksFormed')}</dt>
        <dd>{formatNumber(figures.networksFormed, lang)}</dd>
      </dl>
      <table data-testid="collaborations-by-kind">
        <caption>{t(lang, 'collaborations.byKind')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'collaborations.kind')}</th>
            {collaborationStatuses.map((status) => (
              <th scope="col">{t(lang, `collaboration.status.${status}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {opportunityKinds.map((kind) => (
            <tr>
              <th scope="row">{t(lang, `collaboration.kind.${kind}`)}</th>
              {collaborationStatuses.map((status) => (
                <td>{figures.byKind[kind][status]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {figures.benefitByFirm.length > 0 ? (
        <table data-testid="benefit-by-firm">
          <caption>{t(lang, 'collaborations.benefitByFirm')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'collaborations.firm')}</th>
              <th scope="col">{t(lang, 'collaborations.benefit')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.benefitByFirm.map((entry) => (
              <tr>
                <td>{entry.companyName}</td>
                <td>{formatEuro(entry.benefitEur, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p class="exports">
        {t(lang, 'dashboard.export')}{' '}
        <a href={props.exportHref('collaborations')} download>
          {t(lang, 'dashboard.export.collaborations')}
        </a>{' '}
        <a href={props.exportHref('collaboration-members')} download>
          {t(lang, 'dashboard.export.collaboration-members')}
        </a>
      </p>

      <h2>{t(lang, 'collaborations.list')}</h2>
      {overview.collaborations.length === 0 ? (
        <p>{t(lang, 'collaborations.none')}</p>
      ) : (
        <table data-testid="collaborations">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'collaborations.collaboration')}</th>
              <th scope="col">{t(lang, 'collaborations.status')}</th>
              <th scope="col">{t(lang, 'collaboration.members')}</th>
              <th scope="col">{t(lang, 'collaborations.benefit')}</th>
            </tr>
          </thead>
          <tbody>
            {[...overview.collaborations].reverse().map((c) => (
              <tr>
                <td>
                  <a href={props.collaborationHref(c.collaborationId)}>
                    {opportunityTitle(lang, c.opportunity, props.catalogue)}
                  </a>
                </td>
                <td>{t(lang, `collaboration.status.${c.status}`)}</td>
                <td>
                  {t(lang, 'collaborations.joinedOf', {
                    joined: Object.values(c.members).filter((m) => m.status === 'joined').length,
                    invited: Object.keys(c.members).length,
                  })}
                </td>
                <td>{formatEuro(c.benefitTotalEur, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t(lang, 'collaborations.opportunities')}</h2>
      {overview.opportunities.length === 0 ? <p>{t(lang, 'collaborations.noOpportunities')}</p> : null}
      {overview.opportunities.map((opportunity) => (
        <OpportunityCard
          lang={lang}
          opportunity={opportunity}
          title={opportunityTitle(lang, opportunity, props.catalogue)}
          why={opportunityWhy(lang, opportunity, nameOf)}
          members={opportunity.members.map(nameOf).sort((x, y) => x.localeCompare(y, lang))}
          proposedAs={overview.proposed.get(opportunity.id)}
          collaborationHref={props.collaborationHref}
          coordinators={overview.coordinators}
          action={`${sitePath(props.selfHref)}?lang=${lang}`}
        />
      ))}
    </Layout>
  );
}

function OpportunityCard(props: {
  lang: Language;
  opportunity: Opportunity;
  title: string;
  why: readonly string[];
  members: readonly string[];
  proposedAs: string | undefined;
  collaborationHref: (id: string) => string;
  coordinators: readonly { managerId: string; name: string }[];
  action: string;
}) {
  const { lang, opportunity } = props;
  const selectId = `coordinator-${opportunity.id.replace(/[^a-z0-9_-]/gi, '-')}`;
  return (
    <section class="opportunity" data-opportunity={opportunity.id}>
      <h3>{props.title}</h3>
      <p>
        {t(lang, `collaboration.kind.${opportunity.kind}`)} · {estimatedBenefitText(lang, opportunity)}
      </p>
      <p>
        {t(lang, 'collaboration.members')}: {props.members.join(', ')}
      </p>
      <ul>
        {props.why.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      {props.proposedAs ? (
        <p>
          <a href={props.collaborationHref(props.proposedAs)}>{t(lang, 'collaborations.alreadyProposed')}</a>
        </p>
      ) : props.coordinators.length === 0 ? (
        <p>{t(lang, 'collaborations.noCoordinators')}</p>
      ) : (
        <form method="post" action={props.action}>
          <input type="hidden" name="opportunityId" value={opportunity.id} />
          <label for={selectId}>{t(lang, 'collaborations.coordinator')}</label>{' '}
          <select id={selectId} name="coordinatorManagerId" required>
            {props.coordinators.map((m) => (
              <option value={m.managerId}>{m.name}</option>
            ))}
          </select>{' '}
          <button type="submit">{t(lang, 'collaborations.propose')}</button>
        </form>
      )}
    </section>
  );
}

/** One collaboration: its firms and their benefit, its verifications, the network contract. */
export function CollaborationPage(props: {
  lang: Language;
  detail: CollaborationDetail;
  selfHref: string;
  programmeHref: string;
  contractHref: string;
  draftHref: string;
  signatureHref: string;
  notice?: Notice;
  errors?: readonly FieldError[];
  values?: FormValues;
}) {
  const { lang, detail } = props;
  const { collaboration: c, programme } = detail;
  const title = opportunityTitle(lang, c.opportunity, programme.collaboration.catalogue);
  const members = Object.values(c.members).sort((a, b) => a.number - b.number);
  const started = c.status === 'active' || c.status === 'paused' || c.status === 'closed';
  return (
    <Layout lang={lang} title={title} switchHref={props.selfHref}>
      <p>
        <a href={`${props.programmeHref}?lang=${lang}`}>{t(lang, 'collaborations.title')}</a>
      </p>
      <h1>{title}</h1>
      <NoticeBox notice={props.notice} errors={props.errors} />
      <dl class="facts">
        <dt>{t(lang, 'collaborations.status')}</dt>
        <dd data-testid="collaboration-status">{t(lang, `collaboration.status.${c.status}`)}</dd>
        <dt>{t(lang, 'collaboration.coordinator')}</dt>
        <dd>{detail.coordinatorName}</dd>
        <dt>{t(lang, 'collaborations.proposedOn')}</dt>
        <dd>{formatRomeDateTime(c.createdAt, lang)}</dd>
        <dt>{t(lang, 'collaborations.estimated')}</dt>
        <dd>{estimatedBenefitText(lang, c.opportunity)}</dd>
        <dt>{t(lang, 'collaborations.benefit')}</dt>
        <dd data-testid="collaboration-benefit">{formatEuro(c.benefitTotalEur, lang)}</dd>
        <dt>{t(lang, 'collaborations.cyclesDone')}</dt>
        <dd>
          {c.cyclesDone} / {programme.collaboration.verification.cycles}
        </dd>
      </dl>
      <table data-testid="collaboration-members">
        <caption>{t(lang, 'collaboration.members')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'collaborations.firm')}</th>
            <th scope="col">{t(lang, 'collaborations.status')}</th>
            <th scope="col">{t(lang, 'collaborations.benefit')}</th>
            <th scope="col">{t(lang, 'collaborations.flagged')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr>
              <td>{m.companyName}</td>
              <td>{t(lang, `collaboration.member.${m.status}`)}</td>
              <td>{formatEuro(m.benefitEur, lang)}</td>
              <td>{m.flaggedAt ? formatRomeDate(m.flaggedAt, lang) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t(lang, 'collaborations.verifications')}</h2>
      {detail.reports.length === 0 ? (
        <p>{t(lang, 'collaborations.noVerifications')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'collaborations.cycle')}</th>
              <th scope="col">{t(lang, 'collaborations.date')}</th>
              <th scope="col">{t(lang, 'collaborations.status')}</th>
              <th scope="col">{t(lang, 'collaborations.benefit')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.reports.map((r) => (
              <tr>
                <td>{r.cycle}</td>
                <td>{formatRomeDate(r.at, lang)}</td>
                <td>
                  {r.missed
                    ? t(lang, 'collaborations.missed')
                    : t(lang, `collaboration.report.activity.${r.status ?? 'active'}`)}
                </td>
                <td>
                  {formatEuro(
                    r.benefits.reduce((sum, b) => sum + b.economicBenefitEur, 0),
                    lang,
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t(lang, 'contract.title')}</h2>
      {!started ? <p>{t(lang, 'contract.notStarted')}</p> : null}
      {c.signature ? <SignatureFacts lang={lang} signature={c.signature} collaboration={c} /> : null}
      {c.contract ? (
        <p>
          <a href={props.draftHref} data-testid="contract-draft-link">
            {t(lang, 'contract.draft')}
          </a>
        </p>
      ) : null}
      {started && !c.signature ? (
        <ContractForm
          lang={lang}
          c={c}
          action={props.contractHref}
          values={props.values}
          errors={props.errors}
        />
      ) : null}
      {started && c.contract && !c.signature ? (
        <SignatureForm
          lang={lang}
          c={c}
          action={props.signatureHref}
          values={props.values}
          errors={props.errors}
        />
      ) : null}
    </Layout>
  );
}

function SignatureFacts(props: {
  lang: Language;
  signature: ContractSignature;
  collaboration: CollaborationRecord;
}) {
  const { lang, signature } = props;
  return (
    <dl class="facts" data-testid="contract-signature">
      <dt>{t(lang, 'field.task.signedOn')}</dt>
      <dd>{formatRomeDate(signature.signedOn, lang)}</dd>
      <dt>{t(lang, 'field.task.filedOn')}</dt>
      <dd>{formatRomeDate(signature.filedOn, lang)}</dd>
      <dt>{t(lang, 'field.task.registryReference')}</dt>
      <dd>{signature.registryReference}</dd>
      <dt>{t(lang, 'field.task.signatories')}</dt>
      <dd>
        {signature.signatories.map((id) => props.collaboration.members[id]?.companyName ?? id).join(', ')}
      </dd>
    </dl>
  );
}

/** The contract's content as a form's initial values (the saved content, else nothing). */
export function contractFormValues(contract: NetworkContract | undefined): FormValues {
  if (!contract) return {};
  return {
    name: contract.name,
    objectives: contract.objectives.join('\n'),
    programme: contract.programme,
    rightsAndObligations: contract.rightsAndObligations,
    durationMonths: String(contract.durationMonths),
    joiningRules: contract.joiningRules,
    withdrawalRules: contract.withdrawalRules,
    ...(contract.commonFund
      ? {
          'commonFund.rules': contract.commonFund.rules,
          ...Object.fromEntries(
            Object.entries(contract.commonFund.contributionsEur).map(([id, amount]) => [
              `commonFund.contributionsEur.${id}`,
              String(amount),
            ]),
          ),
        }
      : {}),
    ...(contract.commonBody
      ? { 'commonBody.name': contract.commonBody.name, 'commonBody.powers': contract.commonBody.powers }
      : {}),
  };
}

function ContractForm(props: {
  lang: Language;
  c: CollaborationRecord;
  action: string;
  values: FormValues | undefined;
  errors: readonly FieldError[] | undefined;
}) {
  const { lang, c } = props;
  const kit = formKit(lang, props.values ?? contractFormValues(c.contract), props.errors ?? []);
  const members = Object.values(c.members)
    .filter((m) => m.status === 'joined')
    .sort((a, b) => a.number - b.number);
  return (
    <form method="post" action={props.action} data-testid="contract-form">
      <input type="hidden" name="lang" value={lang} />
      <h3>{t(lang, 'contract.mandatory')}</h3>
      <kit.Input name="name" label={t(lang, 'field.task.name')} required />
      <kit.TextArea
        name="objectives"
        label={t(lang, 'field.task.objectives')}
        hint={t(lang, 'contract.hint.lines')}
        required
      />
      <kit.TextArea name="programme" label={t(lang, 'field.task.programme')} rows={6} required />
      <kit.TextArea
        name="rightsAndObligations"
        label={t(lang, 'field.task.rightsAndObligations')}
        rows={6}
        required
      />
      <kit.Input
        name="durationMonths"
        label={t(lang, 'field.task.durationMonths')}
        inputMode="numeric"
        required
      />
      <kit.TextArea name="joiningRules" label={t(lang, 'field.task.joiningRules')} required />
      <kit.TextArea name="withdrawalRules" label={t(lang, 'field.task.withdrawalRules')} required />
      <h3>{t(lang, 'contract.optional')}</h3>
      <fieldset>
        <legend>{t(lang, 'contract.commonFund')}</legend>
        {members.map((m) => (
          <kit.Input
            name={`commonFund.contributionsEur.${m.applicationId}`}
            label={t(lang, 'contract.contribution', { company: m.companyName })}
            inputMode="decimal"
            optional
          />
        ))}
        <kit.TextArea name="commonFund.rules" label={t(lang, 'field.task.commonFund.rules')} optional />
      </fieldset>
      <fieldset>
        <legend>{t(lang, 'contract.commonBody')}</legend>
        <kit.Input name="commonBody.name" label={t(lang, 'field.task.commonBody.name')} optional />
        <kit.TextArea name="commonBody.powers" label={t(lang, 'field.task.commonBody.powers')} optional />
      </fieldset>
      <button type="submit">{t(lang, 'contract.save')}</button>
    </form>
  );
}

function SignatureForm(props: {
  lang: Language;
  c: CollaborationRecord;
  action: string;
  values: FormValues | undefined;
  errors: readonly FieldError[] | undefined;
}) {
  const { lang, c } = props;
  const kit = formKit(lang, props.values ?? {}, props.errors ?? []);
  const members = Object.values(c.members)
    .filter((m) => m.status === 'joined')
    .sort((a, b) => a.number - b.number);
  return (
    <form method="post" action={props.action} data-testid="signature-form">
      <input type="hidden" name="lang" value={lang} />
      <h3>{t(lang, 'contract.signature')}</h3>
      <kit.Input name="signedOn" label={t(lang, 'field.task.signedOn')} type="date" required />
      <kit.Group
        name="signatories"
        type="checkbox"
        legend={t(lang, 'field.task.signatories')}
        options={members.map((m) => ({ value: m.applicationId, label: m.companyName }))}
      />
      <kit.Input name="filedOn" label={t(lang, 'field.task.filedOn')} type="date" required />
      <kit.Input name="registryReference" label={t(lang, 'field.task.registryReference')} required />
      <button type="submit">{t(lang, 'contract.sign')}</button>
    </form>
  );
}

/**
 * The network contract's draft for the notary, in Italian (the language it is signed in), printable:
 * the parties, the mandatory content (art. 3 c. 4-ter DL 5/2009) and the optional parts filled.
 */
export function ContractDraftPage(props: { detail: CollaborationDetail }) {
  const lang: Language = 'it';
  const { collaboration: c, programme } = props.detail;
  const contract = c.contract;
  const members = Object.values(c.members)
    .filter((m) => (c.signature ? c.signature.signatories.includes(m.applicationId) : m.status === 'joined'))
    .sort((a, b) => a.number - b.number);
  const title = contract
    ? contract.name
    : opportunityTitle(lang, c.opportunity, programme.collaboration.catalogue);
  return (
    <Layout lang={lang} title={t(lang, 'contract.draftTitle', { name: title })}>
      <article class="contract" data-testid="contract-draft">
        <h1>{t(lang, 'contract.draftTitle', { name: title })}</h1>
        <p class="hint">{t(lang, 'contract.draftNotice')}</p>
        <h2>{t(lang, 'contract.parties')}</h2>
        <ol>
          {members.map((m) => (
            <li>{m.companyName}</li>
          ))}
        </ol>
        {contract ? (
          <>
            <h2>{t(lang, 'field.task.objectives')}</h2>
            <ol>
              {contract.objectives.map((o) => (
                <li>{o}</li>
              ))}
            </ol>
            <h2>{t(lang, 'field.task.programme')}</h2>
            <p class="prewrap">{contract.programme}</p>
            <h2>{t(lang, 'field.task.rightsAndObligations')}</h2>
            <p class="prewrap">{contract.rightsAndObligations}</p>
            <h2>{t(lang, 'field.task.durationMonths')}</h2>
            <p>{t(lang, 'contract.duration', { months: contract.durationMonths })}</p>
            <h2>{t(lang, 'field.task.joiningRules')}</h2>
            <p class="prewrap">{contract.joiningRules}</p>
            <h2>{t(lang, 'field.task.withdrawalRules')}</h2>
            <p class="prewrap">{contract.withdrawalRules}</p>
            {contract.commonFund ? (
              <>
                <h2>{t(lang, 'contract.commonFund')}</h2>
                <ul>
                  {Object.entries(contract.commonFund.contributionsEur).map(([id, amount]) => (
                    <li>
                      {c.members[id]?.companyName ?? id}: {formatEuro(amount, lang)}
                    </li>
                  ))}
                </ul>
                <p class="prewrap">{contract.commonFund.rules}</p>
              </>
            ) : null}
            {contract.commonBody ? (
              <>
                <h2>{t(lang, 'contract.commonBody')}</h2>
                <p>{contract.commonBody.name}</p>
                <p class="prewrap">{contract.commonBody.powers}</p>
              </>
            ) : null}
          </>
        ) : (
          <p>{t(lang, 'contract.noContent')}</p>
        )}
        <h2>{t(lang, 'contract.signatures')}</h2>
        <ul>
          {members.map((m) => (
            <li>{m.companyName}: ______________________</li>
          ))}
        </ul>
      </article>
    </Layout>
  );
}
