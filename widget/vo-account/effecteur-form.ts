import { effecteurTypeLabels, effecteurTypes, isStructureType, type EffecteurType } from '../../shared/domain/effecteur-types';
import type { ZEffecteur, ZEffecteurInput } from '../../shared/schemas/reference-data';
import type { WidgetError } from '../core/widget-error';
import type { Lang, Translate } from '../i18n/index';

/** The types an officine may add: every type but the officine itself. */
export const addableTypes = effecteurTypes.filter((type): type is Exclude<EffecteurType, 'officine'> => type !== 'officine');

/** What the add / edit dialog holds while the user types. */
export interface EffecteurDraft {
  type: EffecteurType;
  name: string;
  /** RPPS for a professional, FINESS for a structure: one field, labelled after the type. */
  identifier: string;
  email: string;
  notifyByEmail: boolean;
}

export type DraftField = 'type' | 'name' | 'identifier' | 'email';
export type DraftErrors = Partial<Record<DraftField, string>>;

export function emptyDraft(): EffecteurDraft {
  return { type: 'medecin', name: '', identifier: '', email: '', notifyByEmail: true };
}

export function draftFrom(effecteur: ZEffecteur): EffecteurDraft {
  return {
    type: effecteur.type,
    name: effecteur.name,
    identifier: (isStructureType(effecteur.type) ? effecteur.finess : effecteur.rpps) ?? '',
    email: effecteur.email ?? '',
    notifyByEmail: effecteur.notifyByEmail,
  };
}

/** The API input of a draft: only the identifier that fits the type is sent. */
export function inputFrom(draft: EffecteurDraft): ZEffecteurInput {
  const structure = isStructureType(draft.type);
  const identifier = draft.identifier.trim();
  const email = draft.email.trim();
  return {
    type: draft.type,
    name: draft.name.trim(),
    rpps: structure ? null : identifier || null,
    finess: structure ? identifier || null : null,
    email: email ? email : null,
    notifyByEmail: draft.notifyByEmail,
  };
}

/**
 * The checks done before sending: name length and e-mail shape. The identifier rules
 * (RPPS, FINESS and its check digit, duplicates) are the server's, shown on the same field.
 */
export function checkDraft(draft: EffecteurDraft, t: Translate, isEmail: (value: string) => boolean): DraftErrors {
  const errors: DraftErrors = {};
  const name = draft.name.trim();
  if (name.length < 2 || name.length > 200) errors.name = t('account.eff.nameInvalid');
  const email = draft.email.trim();
  if (email && !isEmail(email)) errors.email = t('account.eff.emailInvalid');
  return errors;
}

const identifierCodes = new Set<WidgetError['code']>([
  'RPPS_FORMAT',
  'FINESS_FORMAT',
  'FINESS_CHECK_DIGIT',
  'EFFECTEUR_IDENTIFIER_REQUIRED',
  'EFFECTEUR_DUPLICATE',
]);

/** Puts a server refusal on the field it is about; null when it belongs to no field. */
export function fieldErrorsFrom(error: WidgetError, t: Translate): DraftErrors | null {
  if (identifierCodes.has(error.code)) return { identifier: error.message };
  if (error.code === 'EFFECTEUR_SELF_LOCKED') return { type: error.message };
  if (error.code === 'INVALID_INPUT' && error.fieldErrors) {
    const errors: DraftErrors = {};
    for (const [key, messages] of Object.entries(error.fieldErrors)) {
      if (!messages?.length) continue;
      const field: DraftField | null =
        key === 'rpps' || key === 'finess' ? 'identifier' : key === 'name' || key === 'email' || key === 'type' ? key : null;
      if (!field) continue;
      errors[field] =
        field === 'name' ? t('account.eff.nameInvalid') : field === 'email' ? t('account.eff.emailInvalid') : t('account.eff.fieldInvalid');
    }
    return Object.keys(errors).length ? errors : null;
  }
  return null;
}

export function typeLabel(type: EffecteurType, lang: Lang): string {
  return effecteurTypeLabels[type][lang];
}

/** Lower case without accents, so « Hélène » is found by « helene ». */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
