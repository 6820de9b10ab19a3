import { lazy, Suspense } from "react";
import PostAdd from "@mui/icons-material/PostAdd";
import { Menu, useCanAccess, useTranslate } from "react-admin";

const Page = lazy(() => import("./PlanImportPage").then((m) => ({ default: m.PlanImportPage })));

/** The page "Nhập kế hoạch từ văn bản", loaded on demand. */
export function PlanImportRoute() {
  return (
    <Suspense fallback={null}>
      <Page />
    </Suspense>
  );
}

/** Its menu entry, for administrators and province officers (who may write plan imports). */
export function PlanImportMenuItem() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: "planImports", action: "create" });
  if (!canAccess) return null;
  return <Menu.Item to="/plan-import" primaryText={translate("eduplan.planImport.menu")} leftIcon={<PostAdd />} data-testid="menu-plan-import" />;
}
