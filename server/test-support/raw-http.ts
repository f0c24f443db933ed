import { appRouter } from '../api/router';

export type ProcedureType = 'query' | 'mutation';

/** Every procedure of the API with its type, read from the router itself so none is forgotten. */
export function listProcedures(): { path: string; type: ProcedureType }[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureType } }>;
  return Object.entries(procedures)
    .map(([path, procedure]) => ({ path, type: procedure._def.type }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

export interface RawAnswer {
  status: number;
  appCode: string | undefined;
  message: string | undefined;
  body: unknown;
}

/** A plain HTTP call, as pharmacy software in any language would make it. */
export async function rawCall(
  url: string,
  path: string,
  type: ProcedureType,
  options: { token?: string; input?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers };
  const target = new URL(`${url}/trpc/${path}`);
  let response: Response;
  if (type === 'query') {
    if (options.input !== undefined) target.searchParams.set('input', JSON.stringify(options.input));
    response = await fetch(target, { headers });
  } else {
    response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: options.body ?? (options.input === undefined ? undefined : JSON.stringify(options.input)),
    });
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: kept as text for the assertion message.
  }
  const error = (body as { error?: { message?: string; data?: { appCode?: string } } } | null)?.error;
  return { status: response.status, appCode: error?.data?.appCode, message: error?.message, body };
}
