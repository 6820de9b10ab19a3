/**
 * `pnpm eduplan plugin registry [--check]` regenerates the typed plugin registries of the server and the console
 * (see @eduplan/plugin-host/registry); `pnpm eduplan plugin new <name>` scaffolds a working plugin under plugins/
 * (package.json with the eduplan field, a form, an indicator and a feed, the console entry, a test, a README), then
 * updates the registries and runs `pnpm install` so that the hosts resolve it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { findWorkspaceRoot, generateRegistry, RegistryError, type RegistryTargets } from "@eduplan/plugin-host/registry";

const PLUGIN_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** How the README runs pnpm (no global pnpm is assumed). */
const PNPM = "npx -y pnpm@10.34.8";

/** The pnpm that runs this command (`npx -y pnpm@… eduplan …` sets npm_execpath), else the README's form. */
function pnpmCommand(): string[] {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm\.c?js$/.test(execPath)) return [process.execPath, execPath];
  return PNPM.split(" ");
}

export function runPluginRegistry(options: { check?: boolean; root?: string } = {}): number {
  const root = options.root ?? findWorkspaceRoot();
  try {
    const result = generateRegistry(root, { check: options.check });
    const shown = (files: string[]) => files.map((f) => `  ${relative(root, f)}`).join("\n");
    if (options.check) {
      if (result.outOfDate.length) {
        console.error(`Sổ đăng ký plugin chưa cập nhật / plugin registry out of date — run \`${PNPM} eduplan plugin registry\`:\n${shown(result.outOfDate)}`);
        return 1;
      }
      console.log(`Sổ đăng ký plugin đã cập nhật / plugin registry up to date (${result.plugins.length} plugins)`);
      return 0;
    }
    console.log(`Plugins: ${result.plugins.map((p) => p.pluginId).join(", ") || "(none)"}`);
    console.log(result.written.length ? `Đã ghi / written:\n${shown(result.written)}` : "Không có thay đổi / nothing changed");
    return 0;
  } catch (e) {
    if (e instanceof RegistryError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

const snake = (id: string) => id.replace(/-/g, "_");
const title = (id: string) => id.split("-").map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" ");

/** The files of a new plugin, by path relative to its folder. */
export function pluginTemplate(id: string): Record<string, string> {
  const name = title(id);
  const indicator = `${id}.${snake(id)}_participation_rate`;
  return {
    "package.json": `${JSON.stringify(
      {
        name: `@eduplan/plugin-${id}`,
        version: "0.1.0",
        private: true,
        type: "module",
        description: `${name}: an EduPlan locality plugin.`,
        eduplan: { pluginId: id, role: "locality-plugin" },
        exports: { ".": "./src/server.ts", "./admin": "./src/admin.tsx" },
        scripts: { typecheck: "tsc --noEmit", test: "vitest run" },
        dependencies: { "@eduplan/domain": "workspace:*", "@eduplan/plugin-sdk": "workspace:*", zod: "catalog:" },
        devDependencies: {
          "@eduplan/db": "workspace:*",
          "@eduplan/plugin-host": "workspace:*",
          "@eduplan/province-config": "workspace:*",
          typescript: "catalog:",
          vitest: "catalog:",
        },
      },
      null,
      2,
    )}\n`,
    "tsconfig.json": `{\n  "extends": "../../tsconfig.base.json",\n  "compilerOptions": { "jsx": "react-jsx", "lib": ["ES2023", "DOM"] },\n  "include": ["src"]\n}\n`,
    "vitest.config.ts": `import { defineConfig } from "vitest/config";\nexport default defineConfig({ test: { include: ["src/**/*.test.ts"], testTimeout: 30_000 } });\n`,
    "src/forms.ts": `/** The plugin's forms: zod schemas with labels and hints, shared by the server and the console entries. */
import { z } from "zod";
import { bi } from "@eduplan/domain";
import { defineForm, SchoolYearSchema } from "@eduplan/plugin-sdk";

/** What a school records once per school year. */
export const participation = defineForm({
  id: "participation",
  name: { vi: "Học sinh tham gia", en: "Participation" },
  schema: z
    .object({
      schoolYear: SchoolYearSchema,
      pupils: z.number().int().min(0).max(20000),
      participants: z.number().int().min(0).max(20000),
    })
    .refine((d) => d.participants <= d.pupils, {
      path: ["participants"],
      message: bi("participants cannot exceed pupils", "Số học sinh tham gia không được vượt quá tổng số học sinh"),
    }),
  fields: {
    schoolYear: { label: { vi: "Năm học", en: "School year" }, widget: "schoolYear" },
    pupils: { label: { vi: "Tổng số học sinh", en: "Pupils" } },
    participants: { label: { vi: "Số học sinh tham gia", en: "Participants" } },
  },
  levels: ["school"],
  year: { from: "schoolYear", field: "schoolYear" },
});

export const forms = { participation };
`,
    "src/server.ts": `/** Server entry of the ${id} plugin: one indicator, one form, one feed. */
import { definePlugin, ratio } from "@eduplan/plugin-sdk";
import { forms } from "./forms.js";

export default definePlugin({
  id: "${id}",
  version: "0.1.0",
  name: { vi: "${name}", en: "${name}" },
  coreVersion: "^0.1.0",
  indicators: [
    {
      code: "${indicator}",
      nameVi: "Tỷ lệ học sinh tham gia",
      nameEn: "Share of pupils taking part",
      educationLevelCode: "general",
      unit: "percent",
      direction: "increase",
      aggregation: "ratio",
      measure: { countedEntity: "pupil", numeratorVi: "Số học sinh tham gia", denominatorVi: "Tổng số học sinh" },
    },
  ],
  forms,
  feeds: [
    {
      id: "participation-rate",
      indicator: "${indicator}",
      forms: ["participation"],
      compute: ({ records }) =>
        ratio(
          records.participation.reduce((n, r) => n + r.data.participants, 0),
          records.participation.reduce((n, r) => n + r.data.pupils, 0),
        ),
    },
  ],
});
`,
    "src/admin.tsx": `/** Console entry of the ${id} plugin: its forms are rendered by the console's generic renderer. */
import { defineAdminPlugin } from "@eduplan/plugin-sdk/admin";
import { forms } from "./forms.js";

export default defineAdminPlugin({
  id: "${id}",
  name: { vi: "${name}", en: "${name}" },
  forms,
  messages: { vi: {}, en: {} },
});
`,
    "src/plugin.test.ts": `import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { closeDatabase, first, openDatabase, schema as s, sql } from "@eduplan/db";
import { loadPlugins, validateDeclaration } from "@eduplan/plugin-host";
import { describeFields } from "@eduplan/plugin-sdk";
import { ensureReferenceData } from "@eduplan/province-config";
import plugin from "./server.js";
import admin from "./admin.js";
import { forms } from "./forms.js";

describe("${id}", () => {
  test("its declaration is valid", () => {
    expect(validateDeclaration(plugin, { folder: "${id}" })).toEqual([]);
    expect(admin.id).toBe(plugin.id);
    expect(describeFields(forms.participation).map((f) => f.name)).toEqual(["schoolYear", "pupils", "participants"]);
  });

  test("its form validates records, and its feed computes the rate", () => {
    const form = forms.participation;
    expect(form.schema.safeParse({ schoolYear: "2025-2026", pupils: 10, participants: 11 }).success).toBe(false);
    const records = [{ id: 1, localityId: 1, year: 2026, data: form.schema.parse({ schoolYear: "2025-2026", pupils: 200, participants: 150 }) }];
    const feed = plugin.feeds![0]!;
    expect(feed.compute({ year: 2026, locality: { id: 1, code: "school", levelCode: "school", nameVi: "Trường" }, records: { participation: records }, settings: {}, db: null as never })).toEqual({ numerator: 150, denominator: 200 });
  });

  test("it loads into a database: active, its indicator upserted", async () => {
    const dir = mkdtempSync(join(tmpdir(), "eduplan-${id}-"));
    const db = openDatabase(join(dir, "test.db"));
    try {
      await ensureReferenceData(db);
      const runtime = await loadPlugins(db, { "${id}": { folder: "${id}", packageName: "@eduplan/plugin-${id}", plugin } }, { log: (m) => { throw new Error(m); } });
      expect(runtime.isActive("${id}")).toBe(true);
      expect(await first(db.select().from(s.indicators).where(sql\`code = \${"${indicator}"}\`))).toMatchObject({ pluginId: "${id}" });
    } finally {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
`,
    "README.md": `# @eduplan/plugin-${id}

${name}: an EduPlan locality plugin (scaffolded by \`${PNPM} eduplan plugin new ${id}\`). See [docs/plugins.md](../../docs/plugins.md).

| file | what |
|---|---|
| \`src/forms.ts\` | the form \`participation\` (zod schema, labels, hints): shared by both entries |
| \`src/server.ts\` | \`definePlugin\`: the indicator \`${indicator}\` and the feed that computes it from the form's records |
| \`src/admin.tsx\` | \`defineAdminPlugin\`: what the console adds (the form is rendered by the console's generic renderer) |
| \`src/plugin.test.ts\` | the declaration is valid, the feed computes, the plugin loads |

\`\`\`sh
${PNPM} --filter @eduplan/plugin-${id} test
\`\`\`

Enable it for a province in the console (Plugins page), or with \`plugins: [${id}]\` in the province file.
`,
  };
}

export type PluginNewOptions = {
  /** Workspace root (default: found from the current directory). */
  root?: string;
  /** Run `pnpm install` afterwards (default true). */
  install?: boolean;
  /** Where the registries are regenerated (default: the hosts' generated files). */
  registryTargets?: RegistryTargets;
};

export function runPluginNew(name: string, options: PluginNewOptions = {}): number {
  const root = options.root ?? findWorkspaceRoot();
  if (!PLUGIN_ID.test(name)) {
    console.error(`Tên plugin không hợp lệ / invalid plugin name '${name}': kebab-case, e.g. ethnic-languages`);
    return 1;
  }
  const dir = join(root, "plugins", name);
  if (existsSync(dir)) {
    console.error(`Đã có thư mục / already exists: ${relative(root, dir)}`);
    return 1;
  }
  for (const [file, content] of Object.entries(pluginTemplate(name))) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  console.log(`Đã tạo plugin / created plugins/${name}`);
  const result = generateRegistry(root, { targets: options.registryTargets });
  for (const f of result.written) console.log(`  cập nhật / updated ${relative(root, f)}`);
  if (options.install !== false) {
    const [command, ...args] = pnpmCommand();
    const install = spawnSync(command!, [...args, "install"], { cwd: root, stdio: "inherit", env: { ...process.env, COREPACK_INTEGRITY_KEYS: "0" } });
    if (install.status !== 0) {
      console.error(`pnpm install failed: run \`${PNPM} install\` yourself before starting the server`);
      return 1;
    }
  } else console.log(`Tiếp theo / next: ${PNPM} install`);
  console.log(`Kiểm thử / test: ${PNPM} --filter @eduplan/plugin-${name} test`);
  return 0;
}
