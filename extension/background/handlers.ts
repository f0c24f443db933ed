import { TRPCClientError } from '@trpc/client';
import type { ZLoginResult } from '../../shared/schemas/auth';
import { createApiClient, type ApiClient } from '../api-client';
import { loadServiceConfig, type KeyValueArea, type ServiceConfig } from '../config/service-config';
import { catalogueError, extensionError, toUserError, UserFacingError } from '../errors/user-error';
import { zNotificationPrefs, zRequest, type LoginStep, type NotificationPrefs, type Overview, type Request, type RequestType, type Response, type ResponseData } from '../messages/protocol';
import { AuthStore } from './auth-store';
import { defaultPrefs } from './handler-defaults';
import { errorCatalogue } from '../../shared/errors/catalogue';

/** What the background needs from the browser, so tests can give it fakes. */
export interface BackgroundDeps {
  session: KeyValueArea;
  local: KeyValueArea;
  /** The browser's web-auth window: opens `url`, resolves with the final redirect URL. */
  launchWebAuthFlow(url: string): Promise<string>;
  /** The URL PSC's return lands on, which the server must allow in AUTH_RETURN_URLS. */
  redirectUrl(): string;
  /** Opens the ordering page and hands the token to its widget. */
  openOrdering(pageUrl: string, token: string): Promise<void>;
  /** Called after anything that changes what the badge and alarms depend on. */
  onChange(overview: Overview | null, config: ServiceConfig): Promise<void>;
  api?: (config: ServiceConfig, token: string | null) => ApiClient;
}

const tokenProblems = new Set(['UNAUTHENTICATED', 'TOKEN_INVALID', 'TOKEN_EXPIRED']);
/** Requests after which the popup's snapshot of the login state is written again (a lapsed token can end any signed-in one). */
const changesLoginState = new Set<RequestType>(['cibaStart', 'cibaPoll', 'cibaCancel', 'pscLogin', 'chooseOfficine', 'overview', 'logout', 'openOrdering', 'configChanged']);

const appCodeOf = (error: unknown): string | null => {
  if (!(error instanceof TRPCClientError)) return null;
  const data: unknown = error.data;
  return typeof data === 'object' && data !== null && 'appCode' in data && typeof data.appCode === 'string' ? data.appCode : null;
};

/**
 * The background's answers to the pages: it alone holds the token (session storage) and the
 * API client. Every request is parsed against the protocol before anything happens.
 */
export function createHandlers(deps: BackgroundDeps) {
  const store = new AuthStore(deps.session);
  const apiFor = deps.api ?? ((config, token) => createApiClient({ url: config.serviceUrl, token }));
  const config = () => loadServiceConfig(deps.local);

  async function signedIn(): Promise<{ api: ApiClient; token: string; config: ServiceConfig }> {
    const auth = await store.auth();
    if (!auth) throw new UserFacingError(extensionError('NOT_LOGGED_IN'));
    const current = await config();
    return { api: apiFor(current, auth.token), token: auth.token, config: current };
  }

  /** A login result becomes a stored token, or a stored choice of officine. */
  async function finishLogin(result: ZLoginResult): Promise<LoginStep> {
    if (result.status === 'choose_officine') {
      await store.setChoice({ code: result.code, officines: result.officines });
      return { status: 'choose_officine', officines: result.officines };
    }
    await store.setAuth({ token: result.token, expiresAt: result.expiresAt, me: result.me });
    await refreshWatch();
    return { status: 'authenticated', me: result.me };
  }

  async function overview(): Promise<Overview> {
    const { api } = await signedIn();
    const me = await api.auth.me.query();
    if (me.required.includes('email')) return { me, session: null, serverTime: new Date().toISOString(), order: { status: 'none' }, emailRequired: true };
    let current;
    try {
      current = await api.sessions.current.query();
    } catch (error) {
      if (appCodeOf(error) === 'NO_CURRENT_SESSION') return { me, session: null, serverTime: new Date().toISOString(), order: { status: 'none' }, emailRequired: false };
      throw error;
    }
    const orders = await api.orders.list.query();
    const mine = orders.find((o) => o.sessionId === current.session.id && o.status === 'submitted');
    const order: Overview['order'] = !mine
      ? { status: 'none' }
      : { status: current.session.status === 'confirmed' ? 'confirmed' : 'submitted', lineCount: mine.lineCount, totalVials: mine.totalVials };
    return { me, session: current.session, serverTime: current.serverTime, order, emailRequired: false };
  }

  /** Keeps badge and alarms on the latest snapshot; a lapsed token signs the user out. */
  async function refreshWatch(): Promise<Overview | null> {
    let snapshot: Overview | null = null;
    try {
      if (await store.auth()) snapshot = await overview();
    } catch (error) {
      if (tokenProblems.has(appCodeOf(error) ?? '')) await store.clearAll();
    }
    await deps.onChange(snapshot, await config());
    return snapshot;
  }

  async function prefs(): Promise<NotificationPrefs> {
    const parsed = zNotificationPrefs.safeParse((await deps.local.get('notificationPrefs')).notificationPrefs);
    return parsed.success ? parsed.data : defaultPrefs;
  }

  const handlers: { [T in RequestType]: (request: Extract<Request, { type: T }>) => Promise<ResponseData<T>> } = {
    async getState() {
      const [auth, ciba, choice, current] = await Promise.all([store.auth(), store.ciba(), store.choice(), config()]);
      const state = {
        serviceUrl: current.serviceUrl,
        me: auth?.me ?? null,
        pendingCiba: ciba ? { bindingMessage: ciba.bindingMessage, expiresAt: ciba.expiresAt, intervalSeconds: ciba.intervalSeconds } : null,
        officineChoice: choice?.officines ?? null,
      };
      // Not awaited: the answer need not wait for the write (a change after it removes it again).
      void store.setStateSnapshot(state).catch(() => undefined);
      return state;
    },
    async cibaStart({ idNat }) {
      const started = await apiFor(await config(), null).auth.cibaStart.mutate({ idNat });
      await store.setCiba(started);
      return { status: 'pending', ciba: { bindingMessage: started.bindingMessage, expiresAt: started.expiresAt, intervalSeconds: started.intervalSeconds } };
    },
    async cibaPoll() {
      const ciba = await store.ciba();
      if (!ciba) throw new UserFacingError(catalogueError('CIBA_REQUEST_NOT_FOUND'));
      const polled = await apiFor(await config(), null).auth.cibaPoll.mutate({ requestId: ciba.requestId });
      switch (polled.status) {
        case 'pending': {
          const next = { ...ciba, intervalSeconds: polled.intervalSeconds };
          await store.setCiba(next);
          return { status: 'pending', ciba: { bindingMessage: next.bindingMessage, expiresAt: next.expiresAt, intervalSeconds: next.intervalSeconds } };
        }
        case 'denied':
          await store.clearCiba();
          throw new UserFacingError(extensionError('CIBA_DENIED'));
        case 'expired':
          await store.clearCiba();
          throw new UserFacingError(extensionError('CIBA_EXPIRED'));
        case 'authenticated':
        case 'choose_officine':
          await store.clearCiba();
          return finishLogin(polled);
      }
    },
    async cibaCancel() {
      await store.clearCiba();
      return null;
    },
    async pscLogin() {
      const current = await config();
      const loginUrl = `${current.serviceUrl}/auth/psc/login?return_to=${encodeURIComponent(deps.redirectUrl())}`;
      let back: URL;
      try {
        back = new URL(await deps.launchWebAuthFlow(loginUrl));
      } catch {
        throw new UserFacingError(extensionError('PSC_WINDOW_CLOSED'));
      }
      const failure = back.searchParams.get('login_error');
      const code = back.searchParams.get('login_code');
      if (failure || !code) {
        throw new UserFacingError(failure && failure in errorCatalogue ? catalogueError(failure as keyof typeof errorCatalogue) : catalogueError('PSC_LOGIN_FAILED'));
      }
      return finishLogin(await apiFor(current, null).auth.exchangeCode.mutate({ code }));
    },
    async chooseOfficine({ officineId }) {
      const choice = await store.choice();
      if (!choice) throw new UserFacingError(catalogueError('OFFICINE_CHOICE_INVALID'));
      await store.clearChoice();
      return finishLogin(await apiFor(await config(), null).auth.exchangeCode.mutate({ code: choice.code, officineId }));
    },
    async overview() {
      const snapshot = await overview();
      await deps.onChange(snapshot, await config());
      return snapshot;
    },
    async logout() {
      const auth = await store.auth();
      // The token is dropped whatever the server says: it also expires on its own.
      if (auth) await apiFor(await config(), auth.token).auth.logout.mutate().catch(() => undefined);
      await store.clearAll();
      await deps.onChange(null, await config());
      return null;
    },
    async openOrdering() {
      const { token, config: current } = await signedIn();
      await deps.openOrdering(`${current.serviceUrl}${current.orderPagePath}`, token);
      return null;
    },
    getNotificationPrefs: prefs,
    async setNotificationPrefs({ prefs: next }) {
      await deps.local.set({ notificationPrefs: next });
      return next;
    },
    async configChanged() {
      // Another service means another token: never send one service's token to another.
      await store.clearAll();
      await deps.onChange(null, await config());
      return null;
    },
    async createTicket({ type: _type, ...ticket }) {
      const auth = await store.auth();
      return apiFor(await config(), auth?.token ?? null).support.createTicket.mutate(ticket);
    },
  };

  async function handle(raw: unknown): Promise<Response> {
    const parsed = zRequest.safeParse(raw);
    if (!parsed.success) return { ok: false, error: catalogueError('INVALID_INPUT') };
    const request = parsed.data;
    try {
      const handler = handlers[request.type] as (r: Request) => Promise<unknown>;
      return { ok: true, data: await handler(request) } as Response;
    } catch (error) {
      if (tokenProblems.has(appCodeOf(error) ?? '') && request.type !== 'createTicket') {
        await store.clearAll();
        await deps.onChange(null, await config());
      }
      return { ok: false, error: toUserError(error) };
    } finally {
      // The popup's next first draw (messages/state-snapshot.ts) is the state this request left.
      if (changesLoginState.has(request.type)) void handlers.getState({ type: 'getState' }).catch(() => undefined);
    }
  }

  return { handle, refreshWatch, overview, prefs, store };
}
