import { lazy } from "react";

/** The province's consolidation page (`/consolidation`), loaded on demand. */
export const ConsolidationPage = lazy(() => import("./ConsolidationPage"));
