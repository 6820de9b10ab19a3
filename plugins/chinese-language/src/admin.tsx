/** Console entry of the chinese-language plugin: its form, rendered by the console's generic renderer. */
import { defineAdminPlugin } from "@eduplan/plugin-sdk/admin";
import { forms } from "./forms.js";

export default defineAdminPlugin({
  id: "chinese-language",
  name: { vi: "Dạy học tiếng Trung Quốc", en: "Chinese-language teaching" },
  forms,
  messages: { vi: {}, en: {} },
});
