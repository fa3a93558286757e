// The reporting of a services programme to the EDIH network: its customers, the services delivered
// to them and their digital maturity at T0 and T1, for a period, as three CSV files and one JSON
// document with the same rows. No official template is published: the columns below are the
// product's own, named for machines (stable, English), documented in the README. CSV cells go
// through the product's one writer (formula-safe); comma-separated, decimal point, UTF-8 with BOM.
import * as z from 'zod';
import { listApplicationsOfProgramme } from '#shared/data/applications.ts';
import { listAssessments } from '#shared/data/assessments.ts';
import { listDmaFollowUps, listServicesOfProgramme } from '#shared/data/services.ts';
import { customerTypeOfApplication } from '#shared/domain/application.ts';
import { dmaOverall } from '#shared/domain/dma-score.ts';
import type { HumanTaskAnswer } from '#shared/domain/human-tasks.ts';
import { dmaDimensions } from '#shared/domain/manager.ts';
import type { Programme } from '#shared/domain/programme.ts';
import { lombardyNuts2, nuts3OfProvince } from '#shared/domain/services.ts';
import { toCsv, utf8Bom } from '#shared/formats/csv.ts';

/** The parts of the report, each one CSV file. */
export const edihReportParts = ['customers', 'services', 'dma'] as const;
export type EdihReportPart = (typeof edihReportParts)[number];

/** The columns of each part, in order (the README documents each one). */
export const edihReportColumns = {
  customers: [
    'customerId',
    'name',
    'vatNumber',
    'customerType',
    'sizeClass',
    'atecoCode',
    'naceSection',
    'country',
    'nuts2',
    'nuts3',
    'registeredOn',
  ],
  services: [
    'customerId',
    'serviceNumber',
    'catalogueId',
    'category',
    'mode',
    'startDate',
    'endDate',
    'hours',
    'participants',
    'valueEur',
    'aidEur',
    'investmentTriggeredEur',
  ],
  dma: ['customerId', 'measurement', 'date', ...dmaDimensions, 'overall'],
} as const satisfies Record<EdihReportPart, readonly string[]>;

/** A reporting period: first and last day, inclusive; either may be open. */
export const reportPeriodSchema = z
  .strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional() })
  .refine((period) => !period.from || !period.to || period.from <= period.to, {
    message: 'validation.periodOrder',
    path: ['to'],
  });
export type ReportPeriod = z.output<typeof reportPeriodSchema>;

type Row = Record<string, string | number>;

export interface EdihReport {
  readonly programmeId: string;
  readonly period: ReportPeriod;
  readonly generatedAt: string;
  readonly customers: Row[];
  readonly services: Row[];
  readonly dma: Row[];
}

const inPeriod = (date: string, period: ReportPeriod) =>
  (!period.from || period.from <= date) && (!period.to || date <= period.to);

const day = (iso: string) => iso.slice(0, 10);

/**
 * The report of a period: the services delivered in it (those ended in it), the DMA measurements
 * taken in it, and every customer either of them concerns (a customer is registered before any
 * service of theirs, as the network requires).
 */
export async function edihReport(
  tableName: string,
  programme: Programme,
  period: ReportPeriod,
  now: Date = new Date(),
): Promise<EdihReport> {
  const [applications, services, followUps] = await Promise.all([
    listApplicationsOfProgramme(tableName, programme.id),
    listServicesOfProgramme(tableName, programme.id),
    listDmaFollowUps(tableName, programme.id),
  ]);
  const delivered = services
    .filter((s) => s.status === 'delivered' && s.deliveredOn && inPeriod(s.deliveredOn, period))
    .sort((a, b) => a.applicationId.localeCompare(b.applicationId) || a.number - b.number);
  const served = new Set(services.map((s) => s.applicationId));
  const assessments = await listAssessments(tableName, [...served]);
  const dma: Row[] = [];
  const scoreRow = (
    customerId: string,
    measurement: 'T0' | 'T1',
    date: string,
    scores: Record<string, number>,
  ) => ({
    customerId,
    measurement,
    date: day(date),
    ...Object.fromEntries(dmaDimensions.map((d) => [d, scores[d] ?? 0])),
    overall: dmaOverall(scores as Parameters<typeof dmaOverall>[0]),
  });
  for (const assessment of assessments) {
    const applicationId = String(assessment.applicationId);
    const submittedAt = String(assessment.submittedAt);
    const scores = (assessment.answer as HumanTaskAnswer<'assessment'> | undefined)?.dma;
    if (scores && inPeriod(day(submittedAt), period))
      dma.push(scoreRow(applicationId, 'T0', submittedAt, scores));
  }
  for (const pair of followUps)
    if (inPeriod(day(pair.t1On), period)) dma.push(scoreRow(pair.applicationId, 'T1', pair.t1On, pair.t1));
  dma.sort(
    (a, b) =>
      String(a.customerId).localeCompare(String(b.customerId)) ||
      String(a.measurement).localeCompare(String(b.measurement)),
  );
  const concerned = new Set([
    ...delivered.map((s) => s.applicationId),
    ...dma.map((row) => String(row.customerId)),
  ]);
  const customers = applications
    .filter((application) => concerned.has(application.applicationId))
    .sort((a, b) => a.applicationId.localeCompare(b.applicationId))
    .map((application) => ({
      customerId: application.applicationId,
      name: application.company.name,
      vatNumber: application.company.vatNumber,
      customerType: customerTypeOfApplication(application),
      sizeClass: application.size.sizeClass,
      atecoCode: application.company.atecoCode,
      // ATECO is the Italian edition of NACE: their section letters are the same.
      naceSection: application.company.atecoSection,
      country: 'IT',
      nuts2: lombardyNuts2,
      nuts3: nuts3OfProvince[application.company.province],
      registeredOn: day(application.submittedAt),
    }));
  return {
    programmeId: programme.id,
    period,
    generatedAt: now.toISOString(),
    customers,
    services: delivered.map((s) => ({
      customerId: s.applicationId,
      serviceNumber: s.number,
      catalogueId: s.serviceId,
      category: s.category,
      mode: s.mode,
      startDate: day(s.plannedAt),
      endDate: s.deliveredOn ?? '',
      hours: s.hours ?? '',
      participants: s.participants ?? '',
      valueEur: s.valueEur,
      aidEur: s.aidEur,
      investmentTriggeredEur: s.investmentTriggeredEur ?? '',
    })),
    dma,
  };
}

/** One part of the report as CSV (UTF-8 with BOM, comma-separated, decimal point, formula-safe). */
export function edihReportCsv(report: EdihReport, part: EdihReportPart): string {
  return utf8Bom + toCsv(report[part], edihReportColumns[part]);
}
