import type { ContactId } from '../support/contacts';
import type { SupportMotifId } from '../support/motifs';

/** The tRPC error codes we use; each maps to one HTTP status. */
export type TransportCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNPROCESSABLE_CONTENT'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR'
  | 'SERVICE_UNAVAILABLE';

export interface CatalogueEntry {
  transport: TransportCode;
  /** Shown to users; `{name}` placeholders are filled from the error's params. */
  fr: string;
  en: string;
  motif: SupportMotifId;
  contact: ContactId;
}

/**
 * Every error the API can return. Codes are stable: clients and pharmacy software
 * branch on them, so rename nothing, only add.
 */
export const errorCatalogue = {
  INVALID_INPUT: {
    transport: 'BAD_REQUEST',
    fr: 'Certaines informations envoyées sont invalides.',
    en: 'Some of the information sent is invalid.',
    motif: 'technique',
    contact: 'spf_support',
  },
  PAYLOAD_TOO_LARGE: {
    transport: 'PAYLOAD_TOO_LARGE',
    fr: 'La requête est trop volumineuse.',
    en: 'The request is too large.',
    motif: 'technique',
    contact: 'software_vendor',
  },
  UNAUTHENTICATED: {
    transport: 'UNAUTHORIZED',
    fr: 'Vous devez vous connecter pour accéder à ce service.',
    en: 'You must log in to use this service.',
    motif: 'connexion',
    contact: 'spf_support',
  },
  TOKEN_INVALID: {
    transport: 'UNAUTHORIZED',
    fr: 'Votre session n’est plus valide. Veuillez vous reconnecter.',
    en: 'Your session is no longer valid. Please log in again.',
    motif: 'connexion',
    contact: 'spf_support',
  },
  TOKEN_EXPIRED: {
    transport: 'UNAUTHORIZED',
    fr: 'Votre session a expiré. Veuillez vous reconnecter.',
    en: 'Your session has expired. Please log in again.',
    motif: 'connexion',
    contact: 'spf_support',
  },
  ROLE_FORBIDDEN: {
    transport: 'FORBIDDEN',
    fr: 'Votre compte ne permet pas cette action.',
    en: 'Your account does not allow this action.',
    motif: 'connexion',
    contact: 'spf_support',
  },
  EMAIL_REQUIRED: {
    transport: 'PRECONDITION_FAILED',
    fr: 'Veuillez renseigner l’adresse e-mail de votre officine avant de continuer.',
    en: 'Please enter your pharmacy’s e-mail address before continuing.',
    motif: 'compte',
    contact: 'spf_support',
  },
  RATE_LIMITED: {
    transport: 'TOO_MANY_REQUESTS',
    fr: 'Trop de tentatives. Veuillez patienter quelques minutes avant de réessayer.',
    en: 'Too many attempts. Please wait a few minutes before trying again.',
    motif: 'connexion',
    contact: 'spf_support',
  },
  PSC_UNAVAILABLE: {
    transport: 'SERVICE_UNAVAILABLE',
    fr: 'Pro Santé Connect ne répond pas. Réessayez dans quelques minutes ; si l’adresse e-mail de votre officine est enregistrée, vous pouvez vous connecter avec elle.',
    en: 'Pro Santé Connect is not answering. Try again in a few minutes; if your pharmacy’s e-mail is registered, you can log in with it.',
    motif: 'connexion',
    contact: 'spf_support',
  },
  PSC_CANCELLED: {
    transport: 'UNAUTHORIZED',
    fr: 'La connexion avec Pro Santé Connect a été annulée.',
    en: 'The Pro Santé Connect login was cancelled.',
    motif: 'connexion',
    contact: 'spf_support',
  },
  PSC_STATE_MISMATCH: {
    transport: 'BAD_REQUEST',
    fr: 'Cette tentative de connexion n’est plus valable (lien déjà utilisé ou trop ancien). Recommencez la connexion.',
    en: 'This login attempt is no longer valid (link already used or too old). Start the login again.',
    motif: 'connexion',
    contact: 'spf_support',
  },
  PSC_CODE_EXPIRED: {
    transport: 'UNAUTHORIZED',
    fr: 'Le code de connexion a expiré ou a déjà servi. Recommencez la connexion.',
    en: 'The login code has expired or was already used. Start the login again.',
    motif: 'connexion',
    contact: 'spf_support',
  },
  PSC_ACR_TOO_LOW: {
    transport: 'FORBIDDEN',
    fr: 'Le niveau d’authentification est insuffisant : connectez-vous avec votre carte CPS ou votre e-CPS.',
    en: 'The authentication level is too low: log in with your CPS card or e-CPS.',
    motif: 'connexion',
    contact: 'ans',
  },
  PSC_LOGIN_FAILED: {
    transport: 'UNAUTHORIZED',
    fr: 'La réponse de Pro Santé Connect n’a pas pu être vérifiée. Recommencez la connexion ; si le problème persiste, contactez le support.',
    en: 'The answer from Pro Santé Connect could not be verified. Start the login again; if it persists, contact support.',
    motif: 'connexion',
    contact: 'spf_support',
  },
  PSC_NOT_PHARMACIST: {
    transport: 'FORBIDDEN',
    fr: 'Ce service est réservé aux pharmaciens titulaires d’officine, aux gérants après décès et aux gérants de pharmacie minière ou mutualiste. Si vos données professionnelles sont erronées, rapprochez-vous de l’Ordre national des pharmaciens.',
    en: 'This service is for pharmacy owners, managers after an owner’s death and managers of mining or mutual pharmacies. If your professional data is wrong, contact the Ordre national des pharmaciens.',
    motif: 'connexion',
    contact: 'ordre',
  },
  PSC_ROLE_NOT_ELIGIBLE: {
    transport: 'FORBIDDEN',
    fr: 'Votre activité (par exemple pharmacien adjoint ou remplaçant) ne permet pas de commander : seuls le ou les titulaires, le gérant après décès et le gérant d’une pharmacie minière ou mutualiste le peuvent. Si votre situation d’exercice est mal enregistrée, rapprochez-vous de l’Ordre national des pharmaciens.',
    en: 'Your activity (for example assistant or locum pharmacist) does not allow ordering: only owners, managers after an owner’s death and managers of mining or mutual pharmacies can. If your situation is recorded wrongly, contact the Ordre national des pharmaciens.',
    motif: 'connexion',
    contact: 'ordre',
  },
  PSC_OFFICINE_UNKNOWN: {
    transport: 'FORBIDDEN',
    fr: 'L’officine de votre activité ({structure}) n’est pas inscrite au service de commande. Contactez le support de Santé publique France.',
    en: 'The pharmacy of your activity ({structure}) is not registered with the ordering service. Contact Santé publique France support.',
    motif: 'connexion',
    contact: 'spf_support',
  },
  RETURN_URL_NOT_ALLOWED: {
    transport: 'BAD_REQUEST',
    fr: 'L’adresse de retour après connexion n’est pas autorisée. Le logiciel qui intègre le service doit être configuré.',
    en: 'The return address after login is not allowed. The software embedding the service must be configured.',
    motif: 'connexion',
    contact: 'software_vendor',
  },
  OFFICINE_CHOICE_INVALID: {
    transport: 'FORBIDDEN',
    fr: 'Vous ne pouvez pas agir pour cette officine.',
    en: 'You cannot act for this pharmacy.',
    motif: 'connexion',
    contact: 'spf_support',
  },
  CIBA_UNKNOWN_USER: {
    transport: 'BAD_REQUEST',
    fr: 'Pro Santé Connect ne connaît pas cet identifiant ou n’a pas d’e-CPS active pour lui. Vérifiez votre identifiant national (8 suivi de votre numéro RPPS).',
    en: 'Pro Santé Connect does not know this identifier or has no active e-CPS for it. Check your national identifier (8 followed by your RPPS number).',
    motif: 'connexion',
    contact: 'ans',
  },
  CIBA_REQUEST_NOT_FOUND: {
    transport: 'NOT_FOUND',
    fr: 'Demande de connexion e-CPS introuvable ou déjà utilisée. Recommencez la connexion.',
    en: 'e-CPS login request not found or already used. Start the login again.',
    motif: 'connexion',
    contact: 'spf_support',
  },
  EMAIL_LOGIN_CLOSED: {
    transport: 'FORBIDDEN',
    fr: 'La connexion par e-mail n’est ouverte que lorsque Pro Santé Connect est indisponible. Connectez-vous avec votre carte CPS ou votre e-CPS.',
    en: 'E-mail login is only open while Pro Santé Connect is unavailable. Log in with your CPS card or e-CPS.',
    motif: 'connexion',
    contact: 'spf_support',
  },
  EMAIL_LOGIN_FAILED: {
    transport: 'UNAUTHORIZED',
    fr: 'Adresse e-mail ou mot de passe incorrect, ou mot de passe expiré (15 minutes) ou déjà utilisé. Demandez un nouveau mot de passe.',
    en: 'Wrong e-mail or password, or the password expired (15 minutes) or was already used. Ask for a new password.',
    motif: 'connexion',
    contact: 'spf_support',
  },
  EMAIL_LOGIN_NO_PHARMACIST: {
    transport: 'FORBIDDEN',
    fr: 'Aucun pharmacien de cette officine ne s’est encore connecté avec Pro Santé Connect : la connexion par e-mail n’est pas possible. Contactez le support.',
    en: 'No pharmacist of this pharmacy has logged in with Pro Santé Connect yet: e-mail login is not possible. Contact support.',
    motif: 'connexion',
    contact: 'spf_support',
  },
  OFFICINE_NOT_FOUND: {
    transport: 'NOT_FOUND',
    fr: 'Officine introuvable.',
    en: 'Pharmacy not found.',
    motif: 'compte',
    contact: 'spf_support',
  },
  EFFECTEUR_NOT_FOUND: {
    transport: 'NOT_FOUND',
    fr: 'Effecteur introuvable.',
    en: 'Professional not found.',
    motif: 'effecteurs',
    contact: 'spf_support',
  },
  PRODUCT_NOT_FOUND: {
    transport: 'NOT_FOUND',
    fr: 'Produit introuvable.',
    en: 'Product not found.',
    motif: 'saisie_commande',
    contact: 'spf_support',
  },
  SESSION_NOT_FOUND: {
    transport: 'NOT_FOUND',
    fr: 'Session de commande introuvable.',
    en: 'Ordering session not found.',
    motif: 'saisie_commande',
    contact: 'spf_support',
  },
  NO_CURRENT_SESSION: {
    transport: 'NOT_FOUND',
    fr: 'Aucune session de commande n’est ouverte ou programmée.',
    en: 'No ordering session is open or scheduled.',
    motif: 'saisie_commande',
    contact: 'spf_support',
  },
  ORDER_NOT_FOUND: {
    transport: 'NOT_FOUND',
    fr: 'Commande introuvable.',
    en: 'Order not found.',
    motif: 'saisie_commande',
    contact: 'spf_support',
  },
  TICKET_NOT_FOUND: {
    transport: 'NOT_FOUND',
    fr: 'Demande de support introuvable.',
    en: 'Support request not found.',
    motif: 'autre',
    contact: 'spf_support',
  },
  SESSION_NOT_OPEN_YET: {
    transport: 'PRECONDITION_FAILED',
    fr: 'La session de commande n’est pas encore ouverte (ouverture le {opensAt}).',
    en: 'The ordering session is not open yet (opens {opensAt}).',
    motif: 'saisie_commande',
    contact: 'spf_support',
  },
  SESSION_CLOSED: {
    transport: 'PRECONDITION_FAILED',
    fr: 'La session de commande est fermée depuis le {closesAt} : la commande ne peut plus être créée, modifiée ni annulée.',
    en: 'The ordering session closed on {closesAt}: orders can no longer be created, changed or cancelled.',
    motif: 'saisie_commande',
    contact: 'spf_support',
  },
  ORDER_EXISTS: {
    transport: 'CONFLICT',
    fr: 'Votre officine a déjà une commande pour cette session : modifiez-la plutôt que d’en créer une autre.',
    en: 'Your pharmacy already has an order for this session: change it instead of creating another.',
    motif: 'saisie_commande',
    contact: 'spf_support',
  },
  ORDER_VERSION_CONFLICT: {
    transport: 'CONFLICT',
    fr: 'La commande a été modifiée entre-temps (version {current}). Rechargez-la avant d’enregistrer vos changements.',
    en: 'The order was changed in the meantime (version {current}). Reload it before saving your changes.',
    motif: 'saisie_commande',
    contact: 'spf_support',
  },
  ORDER_CANCELLED: {
    transport: 'CONFLICT',
    fr: 'Cette commande a été annulée : créez une nouvelle commande.',
    en: 'This order was cancelled: create a new order.',
    motif: 'saisie_commande',
    contact: 'spf_support',
  },
  ORDER_EMPTY: {
    transport: 'UNPROCESSABLE_CONTENT',
    fr: 'La commande ne contient aucune quantité : saisissez au moins un flacon.',
    en: 'The order contains no quantity: enter at least one vial.',
    motif: 'saisie_commande',
    contact: 'spf_support',
  },
  ORDER_LINES_INVALID: {
    transport: 'UNPROCESSABLE_CONTENT',
    fr: 'Certaines lignes de la commande ne respectent pas les règles de la session.',
    en: 'Some order lines break the session’s rules.',
    motif: 'saisie_commande',
    contact: 'spf_support',
  },
  IDEMPOTENCY_KEY_REUSED: {
    transport: 'CONFLICT',
    fr: 'Cette clé de requête a déjà servi pour une autre commande.',
    en: 'This request key was already used for another order.',
    motif: 'technique',
    contact: 'software_vendor',
  },
  SESSION_TIMES_ORDER: {
    transport: 'BAD_REQUEST',
    fr: 'Les horaires de la session sont incohérents : ouverture < fermeture ≤ publication de la confirmation.',
    en: 'Session times are inconsistent: opening < closing ≤ confirmation.',
    motif: 'technique',
    contact: 'spf_support',
  },
  STOCK_SURVEY_CLOSED: {
    transport: 'PRECONDITION_FAILED',
    fr: 'Cette session ne demande pas de déclaration de stock, ou elle est fermée.',
    en: 'This session does not ask for a stock declaration, or it is closed.',
    motif: 'saisie_commande',
    contact: 'spf_support',
  },
  SESSION_NOT_CLOSED: {
    transport: 'PRECONDITION_FAILED',
    fr: 'La session n’est pas encore fermée : l’allocation se fait après la fermeture.',
    en: 'The session is not closed yet: allocation happens after closing.',
    motif: 'technique',
    contact: 'spf_support',
  },
  SESSION_ALREADY_ALLOCATED: {
    transport: 'CONFLICT',
    fr: 'Les quantités de cette session ont déjà été confirmées.',
    en: 'This session’s quantities were already confirmed.',
    motif: 'technique',
    contact: 'spf_support',
  },
  EFFECTEUR_DUPLICATE: {
    transport: 'CONFLICT',
    fr: 'Cet effecteur est déjà rattaché à votre officine (même numéro RPPS ou FINESS).',
    en: 'This professional is already attached to your pharmacy (same RPPS or FINESS number).',
    motif: 'effecteurs',
    contact: 'spf_support',
  },
  EFFECTEUR_IDENTIFIER_REQUIRED: {
    transport: 'BAD_REQUEST',
    fr: 'Un professionnel s’identifie par son numéro RPPS, une structure par son numéro FINESS.',
    en: 'A professional is identified by an RPPS number, a structure by a FINESS number.',
    motif: 'effecteurs',
    contact: 'spf_support',
  },
  EFFECTEUR_SELF_LOCKED: {
    transport: 'FORBIDDEN',
    fr: 'L’officine elle-même est un effecteur permanent : elle ne peut être ni ajoutée, ni modifiée, ni retirée ici.',
    en: 'The pharmacy itself is a permanent professional entry: it cannot be added, changed or removed here.',
    motif: 'effecteurs',
    contact: 'spf_support',
  },
  OFFICINE_EXISTS: {
    transport: 'CONFLICT',
    fr: 'Une officine porte déjà ce numéro FINESS ou SIRET.',
    en: 'A pharmacy already has this FINESS or SIRET number.',
    motif: 'compte',
    contact: 'spf_support',
  },
  PRODUCT_CODE_EXISTS: {
    transport: 'CONFLICT',
    fr: 'Un produit porte déjà ce code.',
    en: 'A product already has this code.',
    motif: 'technique',
    contact: 'spf_support',
  },
  DELIVERY_IMPORT_INVALID: {
    transport: 'UNPROCESSABLE_CONTENT',
    fr: 'Le fichier de livraisons contient des lignes invalides : rien n’a été importé.',
    en: 'The delivery file has invalid rows: nothing was imported.',
    motif: 'livraison',
    contact: 'spf_support',
  },
  FINESS_FORMAT: {
    transport: 'BAD_REQUEST',
    fr: 'Le numéro FINESS doit comporter 9 caractères (chiffres, ou 2A/2B pour la Corse).',
    en: 'A FINESS number has 9 characters (digits, or 2A/2B for Corsica).',
    motif: 'effecteurs',
    contact: 'spf_support',
  },
  FINESS_CHECK_DIGIT: {
    transport: 'BAD_REQUEST',
    fr: 'Le numéro FINESS est incorrect : sa clé de contrôle ne correspond pas. Vérifiez la saisie.',
    en: 'The FINESS number is wrong: its check digit does not match. Check what you typed.',
    motif: 'effecteurs',
    contact: 'spf_support',
  },
  RPPS_FORMAT: {
    transport: 'BAD_REQUEST',
    fr: 'Le numéro RPPS doit comporter 11 chiffres.',
    en: 'An RPPS number has 11 digits.',
    motif: 'effecteurs',
    contact: 'spf_support',
  },
  INTERNAL_ERROR: {
    transport: 'INTERNAL_SERVER_ERROR',
    fr: 'Une erreur technique est survenue. Réessayez ; si elle persiste, contactez le support.',
    en: 'A technical error occurred. Try again; if it persists, contact support.',
    motif: 'technique',
    contact: 'spf_support',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof errorCatalogue;

/** Why one order line is refused; `{name}` placeholders come from the line error's params. */
export const lineErrorCatalogue = {
  LINE_DUPLICATE: {
    fr: 'Cet effecteur apparaît deux fois pour le même produit.',
    en: 'This professional appears twice for the same product.',
  },
  LINE_EFFECTEUR_UNKNOWN: {
    fr: 'Cet effecteur n’est pas rattaché à votre officine.',
    en: 'This professional is not attached to your pharmacy.',
  },
  LINE_EFFECTEUR_INACTIVE: {
    fr: 'Cet effecteur est désactivé.',
    en: 'This professional is deactivated.',
  },
  LINE_PRODUCT_NOT_OPEN: {
    fr: 'Ce produit n’est pas ouvert à la commande dans cette session.',
    en: 'This product is not open for ordering in this session.',
  },
  LINE_TYPE_NOT_ALLOWED: {
    fr: 'Ce type d’effecteur ne peut pas commander ce produit.',
    en: 'This type of professional cannot order this product.',
  },
  LINE_ABOVE_CAP: {
    fr: 'Au-delà du plafond de {cap} flacon(s) pour ce type d’effecteur.',
    en: 'Above the cap of {cap} vial(s) for this type of professional.',
  },
  LINE_NOT_BOX_MULTIPLE: {
    fr: 'Ce produit se commande par boîte de {box} flacons.',
    en: 'This product is ordered in boxes of {box} vials.',
  },
  LINE_TIE_AT_MOST: {
    fr: 'Au plus {expected} unité(s) de ce produit associé pour les vaccins commandés.',
    en: 'At most {expected} unit(s) of this associated product for the vaccines ordered.',
  },
  LINE_TIE_EXACTLY: {
    fr: 'Ce produit associé se commande avec les vaccins : {expected} unité(s) attendue(s).',
    en: 'This associated product goes with the vaccines: {expected} unit(s) expected.',
  },
  LINE_BELOW_MINIMUM: {
    fr: 'La commande minimale est de {min} flacons.',
    en: 'The minimum order is {min} vials.',
  },
} as const satisfies Record<string, { fr: string; en: string }>;

export type LineErrorCode = keyof typeof lineErrorCatalogue;

export type Lang = 'fr' | 'en';

export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function errorMessage(code: ErrorCode, lang: Lang = 'fr', params?: Record<string, string | number>): string {
  return formatMessage(errorCatalogue[code][lang], params);
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCatalogue, value);
}
