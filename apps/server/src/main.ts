#!/usr/bin/env tsx
/**
 * `pnpm --filter @eduplan/server start`: the server on $HOST:$PORT with the database $EDUPLAN_DB. SIGTERM or SIGINT:
 * stop accepting, let the requests in flight (writes and jobs included) finish, close the database, exit; a second
 * signal exits at once.
 */
import { startServer } from "./server.js";

const server = await startServer();
console.log(`EduPlan: ${server.url} (database ${process.env.EDUPLAN_DB ?? "./data/eduplan.db"})`);
let stopping = false;
const stop = () => {
  if (stopping) process.exit(1);
  stopping = true;
  void server.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
