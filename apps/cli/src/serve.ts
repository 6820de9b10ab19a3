export async function startServerFromCli(_db?: string): Promise<void> {
  throw new Error("serve: the API server is not built yet");
}
