import polyglotI18nProvider from "ra-i18n-polyglot";
import vi from "./vi";

export const LOCALES = [
  { locale: "vi", name: "Tiếng Việt" },
  { locale: "en", name: "English" },
];

/**
 * Vietnamese by default (bundled); English loaded on demand when chosen in the locale menu. react-admin remembers
 * the choice in its store (localStorage).
 */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === "en" ? import("./en").then((m) => m.default) : vi),
  "vi",
  LOCALES,
  { allowMissing: true },
);
