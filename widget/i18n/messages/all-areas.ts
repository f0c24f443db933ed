// One file of messages per screen; adding a screen means adding its line here.
export { account } from './account';
export { common } from './common';
export { documentation } from './documentation';
export { home } from './home';
export { login } from './login';
export { orderEntry } from './order-entry';
export { shell } from './shell';
export { stockSurvey } from './stock-survey';
export { support } from './support';
export { tracking } from './tracking';
