// The English twin of ../all-areas.ts, screen for screen; only ../../english.ts imports it, so
// none of it weighs on the widget's first load.
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
