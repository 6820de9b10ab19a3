/**
 * Plugins in the console: the resources of every installed plugin (its forms' pages, rendered from their zod schemas,
 * and its own resources), registered once the plugins' console entries are loaded; the menu follows the plugins
 * enabled for the user's province (`PluginMenuItems`), the dashboard shows their widgets (`PluginWidgets`).
 */
import { Resource } from "react-admin";
import type { AdminPlugin } from "@eduplan/plugin-sdk/admin";
import { formResourcesOf } from "./formResource";
import { registerPluginMessages } from "./i18n";

export function pluginResources(admins: readonly AdminPlugin[] | null) {
  if (!admins) return [];
  registerPluginMessages(admins);
  return admins.flatMap((plugin) => [
    ...formResourcesOf(plugin).map((r) => <Resource key={r.name} name={r.name} list={r.list} create={r.create} edit={r.edit} options={{ label: r.label.vi }} />),
    ...(plugin.resources ?? []).map((r) => (
      <Resource key={r.name} name={r.name} list={r.list} show={r.show} edit={r.edit} create={r.create} icon={r.icon} recordRepresentation={r.recordRepresentation} options={{ label: r.label.vi }} />
    )),
  ]);
}

export { PluginMenuItems, PluginSettingsMenuItem } from "./PluginMenu";
export { PluginWidgets } from "./PluginWidgets";
export { usePluginAdmins, useEnabledPlugins } from "./registry";
export { withPluginForms } from "./dataProvider";
export { withPluginMessages } from "./i18n";
