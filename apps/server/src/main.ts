#!/usr/bin/env tsx
/** `pnpm --filter @eduplan/server start`: the server on $HOST:$PORT with the database $EDUPLAN_DB. */
import { startServer } from "./server.js";

const server = await startServer();
console.log(`EduPlan: ${server.url} (database ${process.env.EDUPLAN_DB ?? "./data/eduplan.db"})`);
const stop = () => void server.close().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
