/** Console entry of the boarding-schools plugin: its form, rendered by the console's generic renderer. */
import { defineAdminPlugin } from "@eduplan/plugin-sdk/admin";
import { forms } from "./forms.js";

export default defineAdminPlugin({
  id: "boarding-schools",
  name: { vi: "Trường dân tộc nội trú, bán trú", en: "Ethnic boarding schools" },
  forms,
  messages: { vi: {}, en: {} },
});
