// The CSV exports a programme office can download, one per kind (shared/use-cases/export-programme.ts
// writes them; the dashboard links them; the admin route accepts exactly these).
export const exportKinds = ['applications', 'assessments', 'projects', 'audit', 'aids'] as const;
export type ExportKind = (typeof exportKinds)[number];
