import type { Generated, Insertable, Kysely, Selectable } from 'kysely';

/**
 * Portable storage conventions (SQLite now, PostgreSQL later): integer ids, timestamps as
 * ISO-8601 UTC text written by the application, booleans as 0/1, small lists as JSON text.
 */
export interface OfficinesTable {
  id: Generated<number>;
  finess: string;
  name: string;
  address_line: string;
  postal_code: string;
  city: string;
  departement: string | null;
  kind: string;
  email: string | null;
  siret: Generated<string | null>;
  created_at: string;
  updated_at: string;
}

export interface PharmacistsTable {
  id: Generated<number>;
  id_nat: string;
  first_name: string;
  last_name: string;
  created_at: string;
}

export interface PharmacistOfficinesTable {
  pharmacist_id: number;
  officine_id: number;
  role: string;
}

export interface EffecteursTable {
  id: Generated<number>;
  officine_id: number;
  type: string;
  name: string;
  rpps: string | null;
  finess: string | null;
  email: string | null;
  notify_by_email: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface ProductsTable {
  id: Generated<number>;
  code: string;
  label: string;
  laboratory: string;
  kind: string;
  doses_per_vial: number;
  vials_per_box: number;
  min_vials: number;
  box_only: number;
  allowed_effecteur_types: string;
  substitute_product_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: Generated<number>;
  label: string;
  opens_at: string;
  closes_at: string;
  confirmation_at: string;
  expected_delivery_dates: string;
  allocated_at: string | null;
  /** 1 when the session asks officines to declare the doses they hold. */
  stock_survey: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SessionProductsTable {
  session_id: number;
  product_id: number;
  stock_vials: number | null;
  policy: string;
  min_one_per_officine: number;
  /** JSON array of département codes served first when stock is short. */
  priority_departements: Generated<string>;
  min_one_before_surplus: Generated<number>;
  tie_vaccine_product_id: number | null;
  tie_per: string | null;
  tie_ratio: number | null;
  tie_rule: string | null;
}

export interface SessionCapsTable {
  session_id: number;
  product_id: number;
  effecteur_type: string;
  cap_vials: number | null;
}

export interface OrdersTable {
  id: Generated<number>;
  session_id: number;
  officine_id: number;
  status: string;
  version: number;
  idempotency_key: string;
  submitted_at: string;
  updated_at: string;
  pharmacist_id: number | null;
}

export interface OrderLinesTable {
  id: Generated<number>;
  order_id: number;
  effecteur_id: number;
  product_id: number;
  vials: number;
}

export interface AllocationsTable {
  order_line_id: number;
  session_id: number;
  confirmed_vials: number;
  substitute_product_id: number | null;
  substitute_vials: number;
  reason: string;
}

export interface DeliveryImportsTable {
  id: Generated<number>;
  session_id: number;
  imported_at: string;
  row_count: number;
}

export interface DeliveriesTable {
  id: Generated<number>;
  import_id: number;
  session_id: number;
  officine_id: number;
  effecteur_id: number;
  product_id: number;
  vials: number;
  delivered_on: string;
  wholesaler: string;
  lot: string | null;
  /** 1 for a part announced with its expected date, 0 once delivered. */
  planned: Generated<number>;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor_kind: string;
  actor_id: number | null;
  officine_id: number | null;
  entity: string;
  entity_id: number;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

export interface AuthTokensTable {
  id: Generated<number>;
  token_hash: string;
  kind: string;
  pharmacist_id: number | null;
  officine_id: number | null;
  label: string | null;
  method: string;
  created_at: string;
  last_used_at: string;
  idle_expires_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface SupportTicketsTable {
  id: Generated<number>;
  created_at: string;
  officine_id: number | null;
  pharmacist_id: number | null;
  motif: string;
  error_code: string | null;
  message: string;
  contact_email: string;
  diagnostics_json: string | null;
}

export interface AuthFlowsTable {
  id: Generated<number>;
  state_hash: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginCodesTable {
  id: Generated<number>;
  code_hash: string;
  pharmacist_id: number;
  officine_ids: string;
  method: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface CibaRequestsTable {
  id: Generated<number>;
  request_hash: string;
  auth_req_id: string;
  id_nat: string;
  binding_message: string;
  status: string;
  interval_seconds: number;
  next_poll_at: string;
  created_at: string;
  expires_at: string;
}

export interface EmailPasswordsTable {
  id: Generated<number>;
  officine_id: number;
  password_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: string;
  count: number;
}

export interface ConfirmationMailsTable {
  id: Generated<number>;
  session_id: number;
  officine_id: number;
  effecteur_id: number | null;
  /** 'officine', or 'effecteur:<id>'. */
  recipient_key: string;
  to_email: string;
  /** pending → sending (claimed) → sent, or failed after the last attempt. */
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_until: string | null;
  last_error: string | null;
  sent_at: string | null;
}

export interface StockDeclarationsTable {
  id: Generated<number>;
  session_id: number;
  officine_id: number;
  product_id: number;
  doses: number;
  declared_at: string;
  pharmacist_id: number | null;
}

export interface Database {
  stock_declarations: StockDeclarationsTable;
  confirmation_mails: ConfirmationMailsTable;
  email_passwords: EmailPasswordsTable;
  rate_limits: RateLimitsTable;
  auth_flows: AuthFlowsTable;
  login_codes: LoginCodesTable;
  ciba_requests: CibaRequestsTable;
  officines: OfficinesTable;
  pharmacists: PharmacistsTable;
  pharmacist_officines: PharmacistOfficinesTable;
  effecteurs: EffecteursTable;
  products: ProductsTable;
  sessions: SessionsTable;
  session_products: SessionProductsTable;
  session_caps: SessionCapsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  allocations: AllocationsTable;
  delivery_imports: DeliveryImportsTable;
  deliveries: DeliveriesTable;
  audit_events: AuditEventsTable;
  auth_tokens: AuthTokensTable;
  support_tickets: SupportTicketsTable;
}

/** A connection or a transaction: repositories accept either. */
export type Db = Kysely<Database>;

export type OfficineRow = Selectable<OfficinesTable>;
export type EffecteurRow = Selectable<EffecteursTable>;
export type ProductRow = Selectable<ProductsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type OrderRow = Selectable<OrdersTable>;
export type OrderLineRow = Selectable<OrderLinesTable>;
export type AuthTokenRow = Selectable<AuthTokensTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
