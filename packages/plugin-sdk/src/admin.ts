/**
 * The console entry of a plugin: `defineAdminPlugin({...})`, exported by default from the plugin's `src/admin.tsx`
 * (package export `./admin`). Only types and data: the console (`apps/console`) mounts what it declares.
 */
import type { ComponentType, ReactNode } from "react";
import type { AnyForm, Bilingual } from "./form.js";

/** Named places in the console where a plugin may add widgets. */
export const WIDGET_SLOTS = ["dashboard.main", "dashboard.side"] as const;
export type WidgetSlot = (typeof WIDGET_SLOTS)[number];

/** What a widget receives: the user's province (null for administrators) and the locale. */
export type WidgetProps = { pluginId: string; provinceId: number | null; locale: "vi" | "en" };

export type AdminWidget = { id: string; slot: WidgetSlot; title: Bilingual; component: ComponentType<WidgetProps> };

/** A react-admin resource the plugin adds (e.g. the list of its sites, served by its procedures). */
export type AdminResource = {
  /** The API path of its router: `plugins.geopark-education.sites` (list/getOne/getMany… by the conventions). */
  name: string;
  label: Bilingual;
  list?: ComponentType;
  show?: ComponentType;
  edit?: ComponentType;
  create?: ComponentType;
  icon?: ComponentType;
  recordRepresentation?: string;
  /** Shown in the menu (default true). */
  menu?: boolean;
};

/** Replace the generic rendering of one of the plugin's forms. Components get react-admin's record context. */
export type FormOverride = { create?: ComponentType; edit?: ComponentType; list?: ComponentType; fields?: (props: { locale: "vi" | "en" }) => ReactNode };

export type AdminPlugin = {
  id: string;
  name: Bilingual;
  /** The plugin's forms (the same module as the server's): rendered by the console's generic renderer. */
  forms?: Record<string, AnyForm>;
  formOverrides?: Record<string, FormOverride>;
  resources?: readonly AdminResource[];
  /** Extra menu entries (links inside the console); each form and resource gets one already. */
  menu?: readonly { to: string; label: Bilingual }[];
  widgets?: readonly AdminWidget[];
  /** Messages merged into the console's translations under `plugins.<id>.…`. */
  messages?: { vi: Record<string, unknown>; en: Record<string, unknown> };
};

/** Declare a plugin's console part (the default export of `src/admin.tsx`). */
export function defineAdminPlugin<const A extends AdminPlugin>(plugin: A): A {
  return plugin;
}

/** The console resource name of a plugin form: `pluginForms.geopark-education.fieldTrip`. */
export const formResourceName = (pluginId: string, formId: string) => `pluginForms.${pluginId}.${formId}`;

export type { AnyForm, Bilingual } from "./form.js";
