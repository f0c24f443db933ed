import type { Translation } from '../../define';
import type { support as french } from '../support';

export const support: Translation<typeof french> = {
  'support.title': 'Need help?',
  'support.intro':
    'Write to Santé publique France support, choosing the motif that matches the error message you saw. Support will answer as soon as possible.',
  'support.formTitle': 'Contact support',
  'support.motif': 'Motif of the request',
  'support.motifChoose': 'Choose a motif',
  'support.motifRequired': 'Choose the motif of your request.',
  'support.errorCode': 'Code of the error you saw (optional)',
  'support.errorCodeHelp': 'The code shown under the error message, for example SESSION_CLOSED.',
  'support.errorCodeGiven': 'Code of the error that brought you here; it is attached to the request.',
  'support.errorCodeInvalid': 'The code is capitals, digits and _ (example: SESSION_CLOSED), or leave it empty.',
  'support.message': 'Your message',
  'support.messageHelp': 'Describe what you were doing, what happened and, if you can, when. At most 5,000 characters.',
  'support.messageRequired': 'Write your message (at most 5,000 characters).',
  'support.contactEmail': 'E-mail address for the answer',
  'support.contactEmailInvalid': 'Enter a valid e-mail address (example: contact@pharmacy.fr).',
  'support.send': 'Send the request',
  'support.sending': 'Sending…',
  'support.sent': 'Your request no. {id} is recorded ({when}). Support will answer at {email}.',
  'support.newRequest': 'New request',
  'support.motifsFailed': 'The list of motifs could not be loaded from the service: the usual list is shown.',
  'support.fieldInvalid': 'Invalid value.',
  'support.contactsTitle': 'Whom to contact?',
  'support.contactsIntro':
    'Depending on the problem, the right contact is not always Santé publique France. After the steps advised in the documentation (browser, cookies):',
  'support.contactHandles': 'For:',
  'support.contactHow': 'How:',
};
