import type { Translation } from '../../define';
import type { home as french } from '../home';

export const home: Translation<typeof french> = {
  'home.title': 'Home',
  'home.officine': 'Your pharmacy',
  'home.finess': 'FINESS {finess}',
  'home.session': 'Current ordering session',
  'home.noSession': 'No ordering session is scheduled for now.',
  'home.session.opens': 'Opens: {date}',
  'home.session.closes': 'Closes: {date}',
  'home.session.confirmation': 'Confirmed quantities published: {date}',
  'home.order': 'Your order for this session',
  'home.order.none': 'No order entered for this session.',
  'home.order.submitted': 'Order saved on {date}: {lines} line(s), {vials} vial(s).',
  'home.order.cancelled': 'Order cancelled.',
  'home.entries': 'Shortcuts',
  'email.title': 'Pharmacy e-mail address',
  'email.intro':
    'At your first login, give your pharmacy’s e-mail address. It receives order confirmations and is your login if Pro Santé Connect is unavailable.',
  'email.label': 'E-mail address',
  'email.invalid': 'Enter a valid e-mail address, for example contact@pharmacie.fr.',
  'email.saved': 'E-mail address saved.',
};
