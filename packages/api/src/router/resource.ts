/** The resource router factory lives in `@eduplan/api-core` (plugins use it too); re-exported for the API's routers. */
export { readOnlyRouter, readProcedures, requireRole, resourceRouter, writeProcedures, type ListResult, type ReadOptions } from "@eduplan/api-core";
