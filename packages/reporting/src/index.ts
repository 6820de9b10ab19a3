export * from "./format.js";
export {
  consolidate,
  consolidateIn,
  consolidatedActual,
  reportingUnits,
  type ConsolidateOptions,
  type Consolidation,
  type ConsolidatedActual,
  type ConsolidatedTarget,
  type ConsolidationSummary,
  type PlanSummary,
  type ReportingUnit,
  type TargetSummary,
  type UnitStatus,
} from "./consolidate.js";
export {
  exportReportTemplate,
  importReportWorkbook,
  templateData,
  templateHeaders,
  templateHeaderRow,
  templateDataRows,
  META_SHEET,
  TEMPLATE_COLUMNS,
  TEMPLATE_FORMAT_VERSION,
  TEMPLATE_SHEET,
  type ImportActor,
  type ImportError,
  type ImportOptions,
  type ImportResult,
  type ReportUnitOptions,
  type TemplateData,
  type TemplateRow,
} from "./excel-template.js";
export {
  evaluableTarget,
  firstReportedFigure,
  primaryTargets,
  roadmapsOf,
  targetEvaluationInput,
  verdictOf,
  type TargetEvaluationInput,
} from "./evaluation.js";
export { DEFAULT_TIME_ZONE, escapeFormulaText, exportList, type ListColumn, type ListExportOptions } from "./list-export.js";
export {
  annualReportModel,
  annualReportModelIn,
  assessTarget,
  placeName,
  type AnnualReportModel,
  type AnnualReportOptions,
  type TargetTableRow,
  type TargetTableSection,
  type TaskGroupByAgency,
  type TaskLine,
  type UnitLine,
} from "./annual-report.js";
export { annualReportDocx, buildAnnualReportDocx } from "./annual-report-docx.js";
export {
  ISSUER_KINDS,
  SIGNING_FORMS,
  issuerBlock,
  recipientsOf,
  signerTitle,
  type IssuerBlock,
  type IssuerKind,
  type SignatureOptions,
  type SigningForm,
} from "./signature.js";
export { annualReportXlsx, buildAnnualReportXlsx } from "./annual-report-xlsx.js";
export { areaDashboard, type AreaDashboard, type AreaDashboardCell } from "./area-dashboard.js";
export { FIGURE_COLUMNS, figuresTemplate, importFiguresFile, type FiguresImportResult } from "./figures-file.js";
export { assertWorkbookWithinLimits, checkWorkbookUpload, DEFAULT_UPLOAD_LIMITS, WorkbookRefused, type UploadLimits, type UploadProblem } from "./upload-check.js";
