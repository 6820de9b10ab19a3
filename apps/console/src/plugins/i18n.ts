/**
 * Plugins' messages (`messages: { vi, en }` of their console entries) under `plugins.<id>.…`, on top of the console's
 * translations: keys starting with `plugins.` are looked up there (polyglot-style `%{name}` and `smart_count` plurals).
 */
import type { I18nProvider } from "react-admin";
import type { AdminPlugin } from "@eduplan/plugin-sdk/admin";

const messages: Record<string, Record<string, unknown>> = { vi: {}, en: {} };

export function registerPluginMessages(plugins: readonly AdminPlugin[]): void {
  for (const p of plugins) {
    messages.vi![p.id] = p.messages?.vi ?? {};
    messages.en![p.id] = p.messages?.en ?? {};
  }
}

function lookup(locale: string, key: string): string | undefined {
  let node: unknown = messages[locale === "en" ? "en" : "vi"];
  for (const part of key.split(".").slice(1)) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

function interpolate(text: string, options: Record<string, unknown> = {}): string {
  const count = typeof options.smart_count === "number" ? options.smart_count : null;
  const forms = text.split("||||").map((s) => s.trim());
  const chosen = count === null || forms.length === 1 ? forms[0]! : count === 1 ? forms[0]! : forms[1]!;
  return chosen.replace(/%\{(\w+)\}/g, (_, name: string) => String(options[name] ?? ""));
}

export function withPluginMessages(base: I18nProvider): I18nProvider {
  return {
    ...base,
    translate(key, options) {
      if (key.startsWith("plugins.")) {
        const text = lookup(base.getLocale(), key);
        if (text !== undefined) return interpolate(text, options as Record<string, unknown>);
      }
      return base.translate(key, options);
    },
  };
}
