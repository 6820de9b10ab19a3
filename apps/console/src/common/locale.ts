import { useLocaleState } from "react-admin";
import { localeTag, uiLocale, type UiLocale } from "../format";

/** The console's current language ("vi" | "en") and its Intl tag ("vi-VN" | "en-GB"). */
export function useUiLocale(): { locale: UiLocale; tag: string } {
  const [locale] = useLocaleState();
  return { locale: uiLocale(locale), tag: localeTag(locale) };
}

/** A record's name in the user's language: `nameEn`/`titleEn` in English when present, else the Vietnamese one. */
export function localName(record: Record<string, unknown> | null | undefined, locale: string, base: "name" | "title" = "name"): string {
  if (!record) return "";
  const vi = record[`${base}Vi`];
  const en = record[`${base}En`];
  if (locale === "en" && typeof en === "string" && en.trim() !== "") return en;
  return typeof vi === "string" ? vi : String(record.code ?? record.id ?? "");
}
