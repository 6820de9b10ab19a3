import { i18nProvider } from "../i18n";
import { localName } from "./locale";

/** `recordRepresentation` of resources with `nameVi`/`nameEn` (or `titleVi`/`titleEn`): the name in the current language. */
export const nameOf =
  (base: "name" | "title" = "name") =>
  (record: Record<string, unknown>) =>
    localName(record, i18nProvider.getLocale(), base);
