import { label as l, list, note, p, steps, strong, type GuideBook } from './guide-types';

/**
 * The user guides in English: a summary of the French guides (guides.fr.ts), with the same
 * guides and sections. The tool's labels are quoted in French, as the screens show them in French.
 */
export const guideBook: GuideBook = {
  guides: [
    {
      id: 'connexion',
      title: 'Logging in with CPS and e-CPS',
      summary: 'Who may log in, with the CPS card or the e-CPS app, and what to do when Pro Santé Connect is down.',
      sections: [
        {
          id: 'qui-peut-se-connecter',
          title: 'Who may log in?',
          blocks: [
            list(
              'the (or one of the) titulaire pharmacist(s) of the pharmacy;',
              'the manager of the pharmacy after the titulaire’s death;',
              'the manager of a mining or mutual pharmacy.',
            ),
            p('Wrong professional data (activity, status, pharmacy, civil status) are corrected by the ', strong('Ordre national des pharmaciens'), '.'),
          ],
        },
        {
          id: 'connexion-cps',
          title: 'With the CPS card',
          blocks: [
            steps(
              'Insert your CPS card in the reader connected to your computer.',
              ['Choose ', l('Se connecter avec Pro Santé Connect'), ', then the CPS card, and type your PIN (code porteur).'],
              'You come back to the ordering tool, logged in for your pharmacy.',
            ),
            note('Three wrong PINs block the card: the Agence du numérique en santé (CPS Info Service) unblocks it, and handles lost cards and Cryptolib.'),
          ],
        },
        {
          id: 'connexion-ecps',
          title: 'With the e-CPS app',
          blocks: [
            steps(
              'Install the e-CPS app from Google Play or the App Store and activate it on wallet.esw.esante.gouv.fr.',
              ['Choose ', l('Se connecter avec Pro Santé Connect'), ' then e-CPS, or send an ', l('Notification e-CPS'), ' with your national id (8 followed by your RPPS).'],
              'Approve the request in the app on your phone.',
            ),
          ],
        },
        {
          id: 'connexion-email',
          title: 'When Pro Santé Connect is down: e-mail login',
          blocks: [
            p(
              'The pharmacy e-mail address, asked at first login, becomes the login: a one-time password valid 15 minutes is sent to it. To change it: ',
              l('Visualiser compte'),
              ', ',
              l('Modifier'),
              ', new address, ',
              l('Enregistrer'),
              '.',
            ),
          ],
        },
      ],
    },
    {
      id: 'saisie',
      title: 'Entering an order',
      summary: 'Create, check, submit and modify the week’s order.',
      sections: [
        {
          id: 'saisie-etapes',
          title: 'Steps',
          blocks: [
            steps(
              ['Open ', l('Transaction commerciale'), ' then ', l('Saisie de commande'), ', and click ', l('Créer'), ' (bottom right).'],
              ['Click ', l('Visualiser'), ' then ', l('Tout Développer'), ' to show the eligible effecteurs under each product.'],
              'Type the vials wanted for each effecteur in the yellow cells, within the cap per effecteur type.',
              ['Click ', l('Suivant'), ' to see the recap, then ', l('Valider'), ' to submit, or ', l('Retour'), ' / ', l('Annuler'), ' to go back.'],
            ),
          ],
        },
        {
          id: 'saisie-modifier',
          title: 'Modifying the order',
          blocks: [p('Until the session closes, select the order line and click ', l('Modifier'), ' (bottom left).')],
        },
        {
          id: 'saisie-effecteurs',
          title: 'Attached effecteurs',
          blocks: [p('Managed in ', l('Visualiser compte'), ': professionals by RPPS (11 digits), structures by FINESS (9 characters).')],
        },
      ],
    },
    {
      id: 'confirmation',
      title: 'Checking the confirmation',
      summary: 'Confirmed quantities, deliveries and the PDF recap in « Suivi de commande ».',
      sections: [
        {
          id: 'confirmation-suivi',
          title: '« Suivi de commande »',
          blocks: [
            p(
              'From the day after the session closes (usually Wednesday from 6 pm), ',
              l('Transaction commerciale'),
              ' › ',
              l('Suivi de commande'),
              ' shows the ordered, confirmed and delivered vials per effecteur and product, and a PDF recap (',
              l('Télécharger le PDF'),
              ').',
            ),
          ],
        },
        {
          id: 'confirmation-reduction',
          title: 'Why a confirmed quantity may be lower',
          blocks: [p('When stock is short it is shared among orders by the session’s rule (proportional, fair share, first come first served), or replaced by another vaccine.')],
        },
      ],
    },
    {
      id: 'navigateur',
      title: 'Browser, cookies and contacts',
      summary: 'What to do when logging in fails, and whom to contact.',
      sections: [
        {
          id: 'navigateur-cookies',
          title: 'Browser and cookies',
          blocks: [
            p('Use Mozilla Firefox or Google Chrome. If problems persist, allow cookies:'),
            steps('Clear the browsing history of the ordering service.', 'Turn on « Autoriser les cookies ».', 'Restart your computer.', 'Try to log in again.'),
          ],
        },
        {
          id: 'navigateur-contacts',
          title: 'Whom to contact',
          blocks: [
            list(
              [strong('Santé publique France support'), ': orders, confirmed quantities, deliveries, errors; form ', l('Besoin d’aide ?'), ' with the matching motif.'],
              [strong('Your pharmacy software vendor'), ': imposed browser, card reader, computer.'],
              [strong('Agence du numérique en santé'), ': Cryptolib, blocked or lost CPS card, e-CPS app.'],
              [strong('Ordre national des pharmaciens'), ': your professional data on the CPS card.'],
            ),
          ],
        },
      ],
    },
    {
      id: 'campagne',
      title: 'Campaign features',
      summary: 'Associated products, confirmation e-mails, territorial priority, split deliveries, stock survey.',
      sections: [
        {
          id: 'produits-associes',
          title: 'Associated products (solvent, syringes, needles)',
          blocks: [
            p(
              'Tied to a vaccine, per vial or per dose, with a rule: ',
              strong('at most'),
              ' the expected quantity, ',
              strong('exactly'),
              ' the expected quantity, or ',
              strong('free'),
              '. Counted over the whole order.',
            ),
          ],
        },
        {
          id: 'emails-confirmation',
          title: 'Confirmation e-mails',
          blocks: [
            p(
              'When confirmed quantities are published, the pharmacy and each effecteur of the order with an e-mail address receive a summary. An effecteur can opt out in ',
              l('Visualiser compte'),
              '.',
            ),
          ],
        },
        {
          id: 'priorite-territoriale',
          title: 'Territorial priority',
          blocks: [p('When stock is short, pharmacies in priority départements are served first; depending on the session, every ordering pharmacy first gets at least one vial.')],
        },
        {
          id: 'livraisons-partielles',
          title: 'Split deliveries',
          blocks: [p(l('Suivi de commande'), ' shows the vials delivered so far, those remaining, and the expected date of the next delivery.')],
        },
        {
          id: 'enquete-stocks',
          title: 'Stock survey',
          blocks: [p('For some sessions, declare the doses (not vials) of each vaccine you hold, while the session is open. A new declaration replaces the previous one.')],
        },
      ],
    },
  ],
};
