// One file of French messages per screen; adding a screen means adding its line here and its
// English twin's in en/all-areas.ts (the compiler asks for it, see ../english.ts).
export { account } from './account';
export { common } from './common';
export { contacts } from './contacts';
export { documentation } from './documentation';
export { home } from './home';
export { login } from './login';
export { orderEntry } from './order-entry';
export { shell } from './shell';
export { stockSurvey } from './stock-survey';
export { support } from './support';
export { tracking } from './tracking';
