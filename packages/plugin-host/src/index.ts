export { CORE_VERSION, PluginDeclarationSchema, validateDeclaration, type ValidationContext } from "./validate.js";
export { loadPlugins, emptyPluginRuntime, type LoadOptions, type PluginRegistry, type PluginRegistryEntry } from "./load.js";
export { PluginRuntime, feedNote, type LocalityYear, type PluginState, type PreparedRecord, type RecordInput } from "./runtime.js";
