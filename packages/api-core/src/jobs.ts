/**
 * Where heavy work runs: DOCX/XLSX generation and the parsing of uploaded workbooks and plan documents. A procedure hands the work to
 * `ctx.services.jobs.run(job, inline)`: the server (`@eduplan/server`) runs `job` in its worker pool, off the event
 * loop, with a per-user limit and queue; without a pool (in-process callers, API tests) `inline` runs here.
 */
export type JobKind = "annualReportDocx" | "annualReportXlsx" | "reportTemplate" | "listExport" | "importWorkbook" | "importFigures" | "readPlan";

export type Job = {
  kind: JobKind;
  /** Structured-cloneable input of the job (see the worker of @eduplan/server for each kind's shape). */
  input: unknown;
  /** Whose job it is: the per-user limit counts by this. */
  userId: number;
  /** Fraction done (0…1), for jobs that report it (imports). */
  onProgress?: (fraction: number) => void;
};

export type JobRunner = {
  run<T>(job: Job, inline: () => Promise<T>): Promise<T>;
};

/** Runs every job inline, on the caller's thread. */
export const inlineJobs: JobRunner = { run: (_job, inline) => inline() };
