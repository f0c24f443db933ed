import type { ContactId } from '../shared/support/contacts';
import type { SupportMotifId } from '../shared/support/motifs';

/**
 * Every sentence the extension shows, in French (the users' language), in one place so the
 * wording stays consistent between the popup, the diagnostics page and the notifications.
 */

/** Failures of the extension itself (no API answer to take a catalogue message from). */
export const extensionErrors = {
  SERVICE_UNREACHABLE: {
    message: 'Impossible de joindre le service de commande. Vérifiez votre connexion internet puis lancez le diagnostic de connexion.',
    motif: 'technique',
    contact: 'spf_support',
  },
  CIBA_DENIED: { message: 'La connexion a été refusée sur votre téléphone.', motif: 'connexion', contact: 'ans' },
  CIBA_EXPIRED: { message: 'La demande e-CPS a expiré sans réponse. Recommencez la connexion.', motif: 'connexion', contact: 'ans' },
  PSC_WINDOW_CLOSED: { message: 'La fenêtre Pro Santé Connect a été fermée avant la fin de la connexion.', motif: 'connexion', contact: 'spf_support' },
  NOT_LOGGED_IN: { message: 'Vous devez vous connecter pour accéder à ce service.', motif: 'connexion', contact: 'spf_support' },
  ORDER_PAGE_UNAVAILABLE: {
    message: 'La page de saisie de commande ne s’est pas ouverte correctement. Réessayez, ou ouvrez-la depuis le site du service.',
    motif: 'saisie_commande',
    contact: 'spf_support',
  },
  BACKGROUND_SILENT: {
    message:
      'L’extension ne répond pas. Fermez toutes les fenêtres du navigateur puis rouvrez-le ; si cela continue, désactivez puis réactivez l’extension dans la page des extensions.',
    motif: 'technique',
    contact: 'spf_support',
  },
  UNEXPECTED: { message: 'Une erreur inattendue est survenue dans l’extension.', motif: 'technique', contact: 'spf_support' },
} as const satisfies Record<string, { message: string; motif: SupportMotifId; contact: ContactId }>;
export type ExtensionErrorCode = keyof typeof extensionErrors;

export const common = {
  appName: 'Commande de vaccins Covid-19',
  contactSupport: 'Contacter le support',
  loading: 'Chargement…',
  retry: 'Réessayer',
  cancel: 'Annuler',
  errorCode: (code: string) => `Code : ${code}`,
};

export const popup = {
  loginTitle: 'Connexion',
  loginIntro: 'Connectez-vous avec votre e-CPS ou votre carte CPS.',
  cibaLegend: 'Connexion par notification e-CPS',
  idNatLabel: 'Identifiant national (8 suivi de votre numéro RPPS)',
  idNatInvalid: 'Saisissez votre identifiant national : 8 suivi de votre numéro RPPS.',
  cibaStart: 'Recevoir la notification e-CPS',
  cibaWaiting: 'Validez la demande dans l’application e-CPS de votre téléphone.',
  cibaCompare: 'Vérifiez que votre téléphone affiche le même code :',
  cibaExpiresIn: (seconds: number) => `La demande expire dans ${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s.`,
  pscLogin: 'Se connecter avec Pro Santé Connect',
  pscHint: 'Une fenêtre Pro Santé Connect s’ouvre (carte CPS ou e-CPS). Rouvrez ensuite cette fenêtre.',
  chooseOfficine: 'Pour quelle officine souhaitez-vous commander ?',
  officine: 'Officine',
  pharmacist: (first: string, last: string) => `Connecté : ${first} ${last}`,
  sessionTitle: 'Session de commande',
  noSession: 'Aucune session de commande.',
  sessionStatus: {
    upcoming: 'À venir',
    open: 'Ouverte',
    closed: 'Fermée',
    confirmed: 'Quantités confirmées',
  } as Record<'upcoming' | 'open' | 'closed' | 'confirmed', string>,
  opensAt: (when: string) => `Ouverture : ${when}`,
  closesAt: (when: string) => `Fermeture : ${when}`,
  countdown: (text: string) => `Fermeture dans ${text}`,
  orderTitle: 'Votre commande',
  orderNone: 'Aucune commande pour cette session.',
  orderSubmitted: (lines: number) => `Commande envoyée : ${lines} ligne${lines > 1 ? 's' : ''}.`,
  orderConfirmed: (lines: number) => `Commande confirmée : ${lines} ligne${lines > 1 ? 's' : ''}. Consultez les quantités confirmées.`,
  emailRequired: 'Renseignez l’adresse e-mail de votre officine dans la saisie de commande avant de continuer.',
  openOrdering: 'Ouvrir la saisie de commande',
  diagnostics: 'Diagnostic de connexion',
  logout: 'Se déconnecter',
  settings: 'Notifications',
};

export const notificationsText = {
  sessionOpens: { title: 'Session de commande ouverte', message: (closes: string) => `Vous pouvez commander jusqu’au ${closes}.` },
  closingSoon: { title: 'Fermeture dans 2 heures', message: (closes: string) => `Votre officine n’a pas encore commandé. La session ferme le ${closes}.` },
  confirmation: { title: 'Quantités confirmées', message: 'Les quantités confirmées de votre commande sont publiées.' },
  prefsTitle: 'Notifications',
  prefs: {
    sessionOpens: 'Quand une session de commande ouvre',
    closingSoon: 'Deux heures avant la fermeture, si l’officine n’a pas commandé',
    confirmation: 'Quand les quantités confirmées sont publiées',
  },
};

export const badgeTitles = {
  loggedOut: 'Commande de vaccins : non connecté',
  upcoming: 'Session de commande à venir',
  open: 'Session de commande ouverte',
  closingSoon: 'La session ferme bientôt et l’officine n’a pas commandé',
  closed: 'Session de commande fermée',
  confirmed: 'Quantités confirmées publiées',
};

/** Dates as pharmacists read them: Paris time, in words. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso));
}

export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} j ${hours} h`;
  if (hours > 0) return `${hours} h ${String(rest).padStart(2, '0')} min`;
  return `${rest} min`;
}

/** The diagnostics page: titles, meanings and remedies, after the seed's troubleshooting advice. */
export const checkText = {
  browser: {
    title: 'Navigateur et version',
    pass: (name: string, version: string) => `${name} ${version} : navigateur pris en charge.`,
    outdated: (name: string, version: string, min: number) => `${name} ${version} est trop ancien (version ${min} ou plus récente attendue).`,
    outdatedRemedy: 'Mettez à jour le navigateur (menu Aide › À propos), puis redémarrez-le. Si le logiciel pharmacie empêche la mise à jour, contactez son prestataire.',
    other: (name: string) => `${name} n’est pas l’un des deux navigateurs pour lesquels l’outil est optimisé (Google Chrome et Mozilla Firefox).`,
    otherRemedy:
      'Connectez-vous avec Google Chrome ou Mozilla Firefox. Si votre logiciel pharmacie impose un autre navigateur ou son propre moteur, contactez votre prestataire de logiciel pharmacie.',
  },
  cookieSettings: {
    title: 'Cookies autorisés (réglages du navigateur)',
    pass: 'Les cookies sont autorisés pour le service et pour Pro Santé Connect.',
    blocked: (sites: string) => `Les cookies sont bloqués pour ${sites} : la connexion par carte CPS ou e-CPS échouera.`,
    firefoxRejectAll: 'Firefox est réglé pour refuser tous les cookies : la connexion échouera.',
    remedy:
      'Activez « Autoriser les cookies » pour le service et pour Pro Santé Connect, effacez l’historique du service, redémarrez le navigateur (ou le poste) puis réessayez de vous connecter.',
    locked: 'Ces réglages sont imposés par votre administrateur ou votre logiciel pharmacie : contactez votre prestataire pour les modifier.',
    perSiteUnknown: 'Firefox ne permet pas aux extensions de lire les exceptions par site : la vérification dans la page du service le complète.',
    thirdParty: (allowed: boolean) => (allowed ? 'autorisés' : 'bloqués (le service n’en a pas besoin)'),
    session_only: 'autorisés jusqu’à la fermeture du navigateur',
    allow: 'autorisés',
    block: 'bloqués',
  },
  cookieProbe: {
    title: 'Cookies et stockage dans la page du service',
    pass: 'La page du service peut enregistrer un cookie et ses données : c’est ce que le site lui-même constate.',
    fail: 'La page du service ne peut pas enregistrer de cookie ou de données : la connexion échouera.',
    timeout: 'La page de vérification du service n’a pas répondu à temps.',
    timeoutRemedy: 'Vérifiez que le service est joignable (vérification ci-dessous), puis relancez le diagnostic.',
  },
  service: {
    title: 'Service de commande joignable',
    pass: (ms: number) => `Le service répond en ${ms} ms.`,
    slow: (ms: number) => `Le service répond lentement (${ms} ms).`,
    degraded: 'Le service répond mais signale un incident (base de données).',
    degradedRemedy: 'Réessayez dans quelques minutes. Si le problème dure, contactez le support de Santé publique France.',
    httpError: (status: number) => `Le service répond avec une erreur HTTP ${status}.`,
    unreachable: (code: string) => `Le service est injoignable (${code}).`,
    unreachableRemedy:
      'Vérifiez la connexion internet du poste. Si d’autres sites fonctionnent, un pare-feu, un proxy ou un antivirus peut bloquer le service : contactez votre prestataire informatique ou de logiciel pharmacie.',
    tlsRemedy: 'Le certificat du site est refusé : vérifiez la date et l’heure du poste, puis l’antivirus (inspection HTTPS). Contactez votre prestataire si le problème persiste.',
    slowRemedy: 'La connexion est lente : la commande reste possible, mais évitez de la saisir au dernier moment.',
  },
  psc: {
    title: 'Pro Santé Connect joignable',
    pass: 'Pro Santé Connect répond au navigateur et au service.',
    browserBlocked: (code: string) => `Votre navigateur n’atteint pas Pro Santé Connect (${code}), alors que le service l’atteint.`,
    browserBlockedRemedy:
      'Utilisez la connexion par notification e-CPS, qui ne passe pas par le navigateur. Faites vérifier par votre prestataire le pare-feu ou le proxy, qui bloque Pro Santé Connect.',
    serverSaysDown: 'Le service signale que Pro Santé Connect est indisponible.',
    serverSaysDownRemedy: 'Réessayez plus tard. Pendant la panne, la connexion par adresse e-mail de l’officine est ouverte sur le site du service.',
    serverUnknown: 'Le service n’a pas encore pu vérifier Pro Santé Connect.',
  },
  clock: {
    title: 'Heure du poste',
    pass: (seconds: number) => `L’horloge du poste est à l’heure (écart de ${seconds} s avec le service).`,
    warning: (seconds: number) => `L’horloge du poste a un écart de ${seconds} s avec le service.`,
    failure: (seconds: number) => `L’horloge du poste a un écart de ${Math.round(seconds / 60)} min avec le service : les jetons de connexion seront refusés.`,
    remedy: 'Réglez la date et l’heure du poste en mode automatique (paramètres de Windows ou de votre système), puis redémarrez le navigateur.',
    unknown: 'L’écart d’horloge n’a pas pu être mesuré : le service ne répond pas.',
  },
  policies: {
    title: 'Stratégies d’entreprise et proxy',
    pass: 'Aucune stratégie ne bloque la connexion.',
    locked: 'Les réglages des cookies sont imposés par une stratégie (administrateur ou logiciel pharmacie).',
    lockedRemedy: 'Si une vérification des cookies échoue, seul votre administrateur ou le prestataire de logiciel pharmacie peut modifier ce réglage.',
    proxyChromeUnavailable: 'non exposé à l’extension par Chrome (voir chrome://net-internals/#proxy)',
    proxyNotPermitted: 'non lu (autorisation « proxy » non accordée)',
    managedNone: 'aucune',
  },
  labels: {
    browser: 'Navigateur',
    serviceCookies: 'Cookies du service',
    pscCookies: 'Cookies de Pro Santé Connect',
    thirdParty: 'Cookies tiers',
    firefoxBehavior: 'Comportement des cookies (Firefox)',
    cookie: 'Cookie écrit et relu',
    localStorage: 'Stockage local',
    sessionStorage: 'Stockage de session',
    storageAccess: 'Accès au stockage (Storage Access API)',
    latency: 'Temps de réponse',
    error: 'Code d’erreur',
    status: 'État signalé',
    pscByServer: 'Pro Santé Connect selon le service',
    skew: 'Écart d’horloge',
    managed: 'Configuration gérée',
    installType: 'Installation',
    proxy: 'Proxy',
    lockedByPolicy: 'Réglages des cookies imposés',
  },
  yes: 'oui',
  no: 'non',
  unknown: 'inconnu',
};

export const diagnosticsPage = {
  title: 'Diagnostic de connexion',
  intro: 'Ces vérifications reprennent les conseils de la page « Besoin d’aide ? » : navigateur, cookies, accès au service, heure du poste.',
  running: 'Vérifications en cours…',
  done: (seconds: string) => `Vérifications terminées en ${seconds} s.`,
  verdict: { pass: 'Réussi', warning: 'Attention', failure: 'Échec' } as Record<'pass' | 'warning' | 'failure', string>,
  remedy: 'Que faire',
  contact: 'Qui contacter',
  rerun: 'Relancer les vérifications',
  clearData: 'Effacer l’historique du service',
  clearConfirm: (origin: string, what: string) => `Effacer les données du service (${origin}) : ${what} ? Les autres sites ne sont pas touchés. Vous devrez vous reconnecter.`,
  clearedChrome: 'cookies, stockage local, bases de données, cache',
  clearedFirefox: 'cookies, stockage local, bases de données (Firefox ne permet pas de vider le cache d’un seul site)',
  cleared: 'Les données du service ont été effacées. Redémarrez le navigateur puis reconnectez-vous.',
  clearFailed: 'L’effacement a échoué : ',
  openCookieSettings: 'Ouvrir les réglages des cookies',
  firefoxCookieSettings: 'Dans Firefox, ouvrez about:preferences#privacy (Vie privée et sécurité › Cookies et données de sites › Gérer les exceptions) et autorisez le service et Pro Santé Connect.',
  grantProxy: 'Autoriser la lecture du proxy',
  contactsTitle: 'Contacts',
  supportTitle: 'Écrire au support de Santé publique France',
  motif: 'Motif',
  email: 'Adresse e-mail de contact',
  message: 'Votre message',
  defaultMessage: 'Je n’arrive pas à me connecter au service de commande. Le rapport de diagnostic est joint.',
  attachReport: 'Joindre le rapport de diagnostic',
  send: 'Envoyer au support',
  sent: (id: number) => `Votre demande n° ${id} a été envoyée au support. Le rapport de diagnostic est joint.`,
  copy: 'Copier le rapport',
  copied: 'Rapport copié dans le presse-papiers.',
  reportHeading: 'Rapport de diagnostic — Commande de vaccins Covid-19',
  optionsLink: 'Réglages de l’extension',
};

export const optionsPage = {
  title: 'Réglages de l’extension',
  serviceUrl: 'Adresse du service',
  pscDiscoveryUrl: 'Adresse de découverte de Pro Santé Connect',
  orderPagePath: 'Chemin de la page de saisie de commande',
  save: 'Enregistrer',
  reset: 'Revenir aux adresses d’origine',
  saved: 'Réglages enregistrés. Vous devez vous reconnecter.',
  denied: 'L’autorisation d’accéder à cette adresse a été refusée : réglages non enregistrés.',
  testHint: 'Ne changez ces adresses que pour un environnement de test, à la demande du support.',
};
