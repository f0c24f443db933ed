import type { Translation } from '../../define';
import type { shell as french } from '../shell';

export const shell: Translation<typeof french> = {
  'shell.menu': 'Main menu',
  'shell.home': 'Home',
  'shell.transaction': 'Orders',
  'shell.orderEntry': 'Order entry',
  'shell.tracking': 'Order tracking',
  'shell.account': 'View account',
  'shell.documentation': 'Documentation',
  'shell.support': 'Need help?',
  'shell.logout': 'Log out',
  'shell.expired': 'Your session has expired. Log in again: what you were typing is kept on this computer.',
  'shell.loggedOut': 'You are logged out.',
  'shell.unsupported':
    'This browser cannot run the ordering tool. Use Google Chrome or Mozilla Firefox; if your pharmacy software imposes this browser, contact your software vendor.',
};
