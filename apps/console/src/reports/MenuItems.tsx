import Assessment from "@mui/icons-material/Assessment";
import GridOn from "@mui/icons-material/GridOn";
import UploadFile from "@mui/icons-material/UploadFile";
import { Menu as RaMenu, usePermissions, useTranslate } from "react-admin";
import type { ConsolePermissions } from "../permissions";

/**
 * The reporting section of the menu: the reports (every reader), reports through Excel (officers who enter
 * figures), the consolidation (province officers, administrators and viewers — not commune officers, whose own
 * report is the whole of their area).
 */
export function ReportingMenuItems() {
  const translate = useTranslate();
  const { permissions } = usePermissions<ConsolePermissions | null>();
  if (!permissions?.canRead?.reports) return null;
  return (
    <>
      <RaMenu.ResourceItem name="reports" />
      {permissions.canWrite?.reportValues ? <RaMenu.Item to="/reports-excel" primaryText={translate("eduplan.menu.reportsExcel")} leftIcon={<GridOn />} /> : null}
      {permissions.canWrite?.indicatorValues && permissions.role !== "commune_officer" ? <RaMenu.Item to="/figures-import" primaryText={translate("eduplan.menu.figuresImport")} leftIcon={<UploadFile />} /> : null}
      {permissions.role !== "commune_officer" ? <RaMenu.Item to="/consolidation" primaryText={translate("eduplan.menu.consolidation")} leftIcon={<Assessment />} data-testid="menu-consolidation" /> : null}
    </>
  );
}
