import { lazy, Suspense } from "react";
import { Route } from "react-router-dom";
import { Admin, CustomRoutes, Resource, defaultTheme } from "react-admin";
import { createAuthProvider } from "./authProvider";
import { createDataProvider } from "./dataProvider";
import { pluginResources, usePluginAdmins, withPluginForms, withPluginMessages } from "./plugins";
import { i18nProvider } from "./i18n";
import { Layout } from "./layout/Layout";
import { ProvinceSetupPage } from "./provinceSetup";
import localities from "./localities";
import agencies from "./agencies";
import educationLevels from "./educationLevels";
import indicators from "./indicators";
import plans from "./plans";
import targets from "./targets";
import milestones from "./milestones";
import tasks from "./tasks";
import fundingSources from "./fundingSources";
import users from "./users";
import auditLog from "./auditLog";
import solutionGroups from "./solutionGroups";
import agencyDuties from "./agencyDuties";
import documentRelations from "./documentRelations";
import reportingObligations from "./reportingObligations";
import indicatorValues from "./indicatorValues";
import reports, { ExcelPage } from "./reports";
import { ConsolidationPage } from "./consolidation";
import { PlanImportRoute } from "./planImport";

const Dashboard = lazy(() => import("./dashboard/Dashboard"));
const LazyLoginPage = lazy(() => import("./layout/LoginPage"));
/** The login page (and its form library) loads only for users who are not logged in. */
const LoginPage = () => (
  <Suspense fallback={null}>
    <LazyLoginPage />
  </Suspense>
);

const locale = () => i18nProvider.getLocale();
// Plugin forms (`pluginForms.<plugin>.<form>`) are the API's `pluginRecords` restricted to one form.
const dataProvider = withPluginForms(createDataProvider(locale));
/** Plugins' messages (`plugins.<id>.…`) on top of the console's. */
const pluginI18nProvider = withPluginMessages(i18nProvider);
const PluginSettingsPage = lazy(() => import("./plugins/PluginSettingsPage"));
// Pages of their own routes, loaded when opened (not part of the login page's first load).
const AreaDashboardPage = lazy(() => import("./dashboard/AreaDashboardPage").then((m) => ({ default: m.AreaDashboardPage })));
const FiguresImportPage = lazy(() => import("./reports/FiguresImportPage").then((m) => ({ default: m.FiguresImportPage })));
const authProvider = createAuthProvider(locale);

const theme = {
  ...defaultTheme,
  palette: { ...defaultTheme.palette, primary: { main: "#1565c0" }, secondary: { main: "#00897b" } },
  sidebar: { width: 248, closedWidth: 55 },
};

/**
 * EduPlan's console. Resources are named exactly like the API's routers (`docs/api-conventions.md`) and each has a
 * folder of the same name whose `index.tsx` exports its pages (loaded lazily), icon and record representation.
 */
export function App() {
  // The installed plugins' console entries (lazy chunks): their forms' pages and resources are registered once loaded.
  const pluginAdmins = usePluginAdmins();
  return (
    <Admin
      title="EduPlan"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={pluginI18nProvider}
      dashboard={Dashboard}
      layout={Layout}
      loginPage={LoginPage}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      <Resource name="plans" {...plans} />
      <Resource name="targets" {...targets} />
      <Resource name="milestones" {...milestones} />
      <Resource name="tasks" {...tasks} />
      <Resource name="fundingSources" {...fundingSources} />
      <Resource name="localities" {...localities} />
      <Resource name="agencies" {...agencies} />
      <Resource name="indicators" {...indicators} />
      <Resource name="educationLevels" {...educationLevels} />
      <Resource name="users" {...users} />
      <Resource name="auditLog" {...auditLog} />
      <Resource name="solutionGroups" {...solutionGroups} />
      <Resource name="agencyDuties" {...agencyDuties} />
      <Resource name="documentRelations" {...documentRelations} />
      <Resource name="reportingObligations" {...reportingObligations} />
      <Resource name="indicatorValues" {...indicatorValues} />
      <Resource name="reports" {...reports} />
      {pluginResources(pluginAdmins)}
      <CustomRoutes>
        <Route path="/province-setup" element={<ProvinceSetupPage />} />
        <Route
          path="/plugins"
          element={
            <Suspense fallback={null}>
              <PluginSettingsPage />
            </Suspense>
          }
        />
        <Route path="/consolidation" element={<ConsolidationPage />} />
        <Route
          path="/area-dashboard"
          element={
            <Suspense fallback={null}>
              <AreaDashboardPage />
            </Suspense>
          }
        />
        <Route
          path="/figures-import"
          element={
            <Suspense fallback={null}>
              <FiguresImportPage />
            </Suspense>
          }
        />
        <Route path="/reports-excel" element={<ExcelPage />} />
        <Route path="/plan-import" element={<PlanImportRoute />} />
      </CustomRoutes>
    </Admin>
  );
}

export default App;
