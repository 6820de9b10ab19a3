// The pool's thread entry: TypeScript through tsx (the workspace runs its sources directly), then the worker.
import { register } from "tsx/esm/api";

register();
const { default: run } = await import("./worker.ts");
export default run;
