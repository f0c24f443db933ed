import { AccountService } from './account-service';
import { AllocationService } from './allocation-service';
import { ConfirmationMailService } from './confirmation-mail-service';
import { StockSurveyService } from './stock-survey-service';
import { AuthService } from './auth-service';
import { DeliveryService } from './delivery-service';
import type { ServiceDeps } from './deps';
import { createMailer, type Mailer } from '../mail/mailer';
import { ExportService } from './export-service';
import { OrderService } from './order-service';
import { SessionService } from './session-service';
import { SupportService } from './support-service';
import { TrackingService } from './tracking-service';
import { ProductService } from './product-service';
import { HealthService } from './health-service';
import { LoginService } from './login-service';
import { RateLimiter } from './rate-limiter';
import { EmailLoginService } from './email-login-service';
import type { PscClient } from '../auth/psc/psc-client';
import { PscMonitor } from '../auth/psc/psc-monitor';
import { OfficineService } from './officine-service';
import { EffecteurService } from './effecteur-service';

/** Builds every service on one set of dependencies; without a mailer, the configured one. */
export function createServices(options: Omit<ServiceDeps, 'mailer'> & { mailer?: Mailer; psc?: PscClient | null }) {
  const deps: ServiceDeps = { db: options.db, clock: options.clock, config: options.config, mailer: options.mailer ?? createMailer(options.config.mail) };
  const psc = options.psc ?? null;
  const auth = new AuthService(deps);
  const account = new AccountService(deps);
  const pscMonitor = new PscMonitor(psc);
  const limiter = new RateLimiter(deps);
  return {
    mailer: deps.mailer,
    health: new HealthService(deps, pscMonitor),
    pscMonitor,
    auth,
    account,
    login: new LoginService(deps, psc, auth, account, limiter),
    emailLogin: new EmailLoginService(deps, pscMonitor, auth, account, limiter),
    officines: new OfficineService(deps),
    effecteurs: new EffecteurService(deps),
    sessions: new SessionService(deps),
    products: new ProductService(deps),
    orders: new OrderService(deps),
    allocation: new AllocationService(deps),
    confirmationMails: new ConfirmationMailService(deps),
    stockSurvey: new StockSurveyService(deps),
    deliveries: new DeliveryService(deps),
    tracking: new TrackingService(deps),
    support: new SupportService(deps, limiter),
    exports: new ExportService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
