import { sessionStatus } from '../../shared/calendar/session-calendar';
import type { EffecteurType } from '../../shared/domain/effecteur-types';
import type { OfficineKind, ProductKind } from '../../shared/domain/kinds';
import type { RuleProduct } from '../../shared/rules/order-lines';
import type { ZEffecteur, ZOfficine, ZProduct } from '../../shared/schemas/reference-data';
import type { ZSession } from '../../shared/schemas/sessions';
import type { EffecteurRow, OfficineRow, ProductRow, SessionRow } from '../db/schema';

// Rows keep snake_case and storage encodings; everything leaving a service is the shared DTO shape.

export function toOfficine(row: OfficineRow): ZOfficine {
  return {
    id: row.id,
    finess: row.finess,
    name: row.name,
    addressLine: row.address_line,
    postalCode: row.postal_code,
    city: row.city,
    departement: row.departement,
    kind: row.kind as OfficineKind,
    email: row.email,
  };
}

export function toEffecteur(row: EffecteurRow): ZEffecteur {
  return {
    id: row.id,
    type: row.type as EffecteurType,
    name: row.name,
    rpps: row.rpps,
    finess: row.finess,
    email: row.email,
    notifyByEmail: row.notify_by_email === 1,
    active: row.active === 1,
  };
}

export function toProduct(row: ProductRow): ZProduct {
  return {
    id: row.id,
    code: row.code,
    label: row.label,
    laboratory: row.laboratory,
    kind: row.kind as ProductKind,
    dosesPerVial: row.doses_per_vial,
    vialsPerBox: row.vials_per_box,
    minVials: row.min_vials,
    boxOnly: row.box_only === 1,
    allowedEffecteurTypes: JSON.parse(row.allowed_effecteur_types) as EffecteurType[],
    substituteProductId: row.substitute_product_id,
  };
}

export function toRuleProduct(product: ZProduct): RuleProduct {
  return {
    id: product.id,
    dosesPerVial: product.dosesPerVial,
    vialsPerBox: product.vialsPerBox,
    minVials: product.minVials,
    boxOnly: product.boxOnly,
    allowedEffecteurTypes: product.allowedEffecteurTypes,
  };
}

export function toSession(row: SessionRow, now: Date): ZSession {
  const times = {
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    confirmationAt: row.confirmation_at,
    allocatedAt: row.allocated_at,
  };
  return {
    id: row.id,
    label: row.label,
    ...times,
    expectedDeliveryDates: JSON.parse(row.expected_delivery_dates) as string[],
    status: sessionStatus(times, now),
  };
}
