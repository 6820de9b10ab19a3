import type { ReactNode } from "react";
import { AppBar, Layout as RaLayout, TitlePortal } from "react-admin";
import { Menu } from "./Menu";

/** react-admin's app bar in the primary colour; the locale menu (Tiếng Việt / English) is react-admin's own. */
function EduPlanAppBar() {
  return (
    <AppBar color="primary">
      <TitlePortal />
    </AppBar>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RaLayout menu={Menu} appBar={EduPlanAppBar}>
      {children}
    </RaLayout>
  );
}
