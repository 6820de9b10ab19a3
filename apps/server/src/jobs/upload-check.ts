/** The upload limits live with the parser (packages/reporting/src/upload-check.ts), so every caller gets them. */
export { checkWorkbookUpload, DEFAULT_UPLOAD_LIMITS, type UploadLimits, type UploadProblem } from "@eduplan/reporting";
