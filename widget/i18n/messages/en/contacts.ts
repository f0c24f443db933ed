import type { Translation } from '../../define';
import type { contacts as french } from '../contacts';

export const contacts: Translation<typeof french> = {
  'contact.spf_support.name': 'Santé publique France support',
  'contact.spf_support.scope': 'Orders, sessions, confirmed quantities, deliveries and errors of this tool.',
  'contact.spf_support.how': '« Besoin d’aide ? » (Need help?) form, choosing the motif that matches the error message.',
  'contact.ans.name': 'Agence du numérique en santé (digital health agency)',
  'contact.ans.scope': 'CPS card (blocked PIN, lost card), Cryptolib, the e-CPS app.',
  'contact.ans.how': 'CPS Info Service or the e-CPS customer service.',
  'contact.ordre.name': 'Ordre national des pharmaciens (pharmacists’ council)',
  'contact.ordre.scope': 'Wrong professional data: activity, status, pharmacy, civil status.',
  'contact.ordre.how': 'Your regional (section A) or central council of the Ordre.',
  'contact.software_vendor.name': 'Pharmacy software vendor',
  'contact.software_vendor.scope': 'Browser imposed by the software, card reader, workstation.',
  'contact.software_vendor.how': 'The support of your pharmacy management software.',
};
