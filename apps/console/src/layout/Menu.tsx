import type { ReactNode } from "react";
import { ListSubheader } from "@mui/material";
import BuildCircle from "@mui/icons-material/BuildCircle";
import GridOn from "@mui/icons-material/GridOn";
import { PluginMenuItems, PluginSettingsMenuItem } from "../plugins";
import { Menu as RaMenu, useCanAccess, usePermissions, useSidebarState, useTranslate } from "react-admin";
import { ReportingMenuItems } from "../reports/MenuItems";
import { PlanImportMenuItem } from "../planImport";

function Section({ label, children }: { label: string; children: ReactNode }) {
  const translate = useTranslate();
  const [open] = useSidebarState();
  return (
    <>
      {open ? (
        <ListSubheader disableSticky sx={{ lineHeight: "32px", mt: 1, bgcolor: "transparent" }}>
          {translate(label)}
        </ListSubheader>
      ) : null}
      {children}
    </>
  );
}

/** The wizard entry, for administrators only. */
function ProvinceSetupItem() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: "provinceSetup", action: "create" });
  if (!canAccess) return null;
  return <RaMenu.Item to="/province-setup" primaryText={translate("eduplan.menu.provinceSetup")} leftIcon={<BuildCircle />} />;
}

/**
 * The menu, grouped the way officers work: the dashboard, planning (plans and what they contain), reference data,
 * administration. Each item shows only if the user may list the resource (react-admin's `canAccess`).
 */
export function Menu() {
  const translate = useTranslate();
  const { permissions } = usePermissions<{ isAdmin?: boolean } | null>();
  return (
    // Long labels wrap between words instead of being cut ("Dạy học tiếng Trung …").
    <RaMenu sx={{ "& .MuiMenuItem-root, & .MuiMenuItem-root *": { whiteSpace: "normal", overflow: "visible", textOverflow: "clip" }, "& .MuiMenuItem-root": { lineHeight: 1.3, py: 0.75 } }}>
      <RaMenu.DashboardItem />
      <RaMenu.Item to="/area-dashboard" primaryText={translate("eduplan.menu.areaDashboard")} leftIcon={<GridOn />} />
      <Section label="eduplan.menu.planning">
        <RaMenu.ResourceItem name="plans" />
        <PlanImportMenuItem />
        <RaMenu.ResourceItem name="targets" />
        <RaMenu.ResourceItem name="milestones" />
        <RaMenu.ResourceItem name="tasks" />
        <RaMenu.ResourceItem name="fundingSources" />
        <RaMenu.ResourceItem name="reportingObligations" />
        <RaMenu.ResourceItem name="documentRelations" />
      </Section>
      <Section label="eduplan.menu.reporting">
        <ReportingMenuItems />
      </Section>
      {/* One section per plugin enabled for the user's province (its forms and resources). */}
      <PluginMenuItems />
      <Section label="eduplan.menu.reference">
        <RaMenu.ResourceItem name="localities" />
        <RaMenu.ResourceItem name="agencies" />
        <RaMenu.ResourceItem name="indicators" />
        <RaMenu.ResourceItem name="educationLevels" />
      </Section>
      {permissions?.isAdmin ? (
        <Section label="eduplan.menu.administration">
          <RaMenu.ResourceItem name="users" />
          <RaMenu.ResourceItem name="auditLog" />
          <ProvinceSetupItem />
          <PluginSettingsMenuItem />
        </Section>
      ) : null}
    </RaMenu>
  );
}
