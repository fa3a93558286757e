// The CSV exports a programme office can download, one per kind (shared/use-cases/export-programme.ts
// writes them; the dashboard links them; the admin route accepts exactly these).
export const exportKinds = [
  'applications',
  'assessments',
  'projects',
  'audit',
  'aids',
  'collaborations',
  'collaboration-members',
] as const;
export type ExportKind = (typeof exportKinds)[number];

/** The exports of collaboration between firms: offered where the programme enables it. */
export const collaborationExportKinds: readonly ExportKind[] = ['collaborations', 'collaboration-members'];
