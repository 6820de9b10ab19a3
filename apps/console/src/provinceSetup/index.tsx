import { lazy } from "react";

/** The province setup wizard: a custom route, loaded only when an administrator opens it. */
export const ProvinceSetupPage = lazy(() => import("./ProvinceSetup"));
