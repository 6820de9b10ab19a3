export * from "./form.js";
export * from "./plugin.js";
export { formResourceName, WIDGET_SLOTS, type WidgetSlot } from "./admin.js";
