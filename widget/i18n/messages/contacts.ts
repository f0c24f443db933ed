import { contacts as shared } from '../../../shared/support/contacts';
import { defineMessages } from '../define';

// Whom to contact, shown under errors and in « Besoin d'aide ? ». The French words are the
// shared ones (the extension and the server's pages show them too): referenced, not rewritten.
export const contacts = defineMessages({
  'contact.spf_support.name': shared.spf_support.name,
  'contact.spf_support.scope': shared.spf_support.scope,
  'contact.spf_support.how': shared.spf_support.how,
  'contact.ans.name': shared.ans.name,
  'contact.ans.scope': shared.ans.scope,
  'contact.ans.how': shared.ans.how,
  'contact.ordre.name': shared.ordre.name,
  'contact.ordre.scope': shared.ordre.scope,
  'contact.ordre.how': shared.ordre.how,
  'contact.software_vendor.name': shared.software_vendor.name,
  'contact.software_vendor.scope': shared.software_vendor.scope,
  'contact.software_vendor.how': shared.software_vendor.how,
});
