/** Waits until `check` returns a value (polling every 25 ms), or fails after `timeoutMs` naming `what`. */
export async function until<T>(check: () => T | null | undefined | false, what: string, timeoutMs = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
