/** Menu entries of the plugins enabled for the user's province: one section per plugin (its forms and resources). */
import { ListSubheader } from "@mui/material";
import Extension from "@mui/icons-material/Extension";
import EditNote from "@mui/icons-material/EditNote";
import { Menu as RaMenu, usePermissions, useSidebarState } from "react-admin";
import { formResourceName } from "@eduplan/plugin-sdk/admin";
import { useUiLocale } from "../common/locale";
import { useEnabledPluginAdmins } from "./registry";

export function PluginMenuItems() {
  const { locale } = useUiLocale();
  const [open] = useSidebarState();
  const admins = useEnabledPluginAdmins();
  return (
    <>
      {admins.map((plugin) => (
        <div key={plugin.id} data-testid={`plugin-menu-${plugin.id}`}>
          {open ? (
            <ListSubheader disableSticky sx={{ lineHeight: "32px", mt: 1, bgcolor: "transparent" }}>
              {plugin.name[locale]}
            </ListSubheader>
          ) : null}
          {Object.values(plugin.forms ?? {}).map((form) => (
            <RaMenu.Item key={form.id} to={`/${formResourceName(plugin.id, form.id)}`} primaryText={form.name[locale]} leftIcon={<EditNote />} />
          ))}
          {(plugin.resources ?? [])
            .filter((r) => r.menu !== false)
            .map((r) => {
              const Icon = r.icon ?? Extension;
              return <RaMenu.Item key={r.name} to={`/${r.name}`} primaryText={r.label[locale]} leftIcon={<Icon />} />;
            })}
          {(plugin.menu ?? []).map((m) => (
            <RaMenu.Item key={m.to} to={m.to} primaryText={m.label[locale]} leftIcon={<Extension />} />
          ))}
        </div>
      ))}
    </>
  );
}

/** The administrators' page enabling plugins per province. */
export function PluginSettingsMenuItem() {
  const { locale } = useUiLocale();
  const { permissions } = usePermissions<{ isAdmin?: boolean } | null>();
  if (!permissions?.isAdmin) return null;
  return <RaMenu.Item to="/plugins" primaryText={locale === "en" ? "Plugins" : "Plugin theo tỉnh"} leftIcon={<Extension />} />;
}
