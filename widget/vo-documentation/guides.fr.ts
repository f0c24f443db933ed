import { label as l, list, note, p, steps, strong, subtitle, type GuideBook } from './guide-types';

/**
 * The user guides in French, written for this service. Loaded only when « Documentation »
 * opens (dynamic import), so they do not weigh on the widget's first load.
 */
export const guideBook: GuideBook = {
  guides: [
    {
      id: 'connexion',
      title: 'Guide de connexion CPS et e-CPS',
      summary: 'Qui peut se connecter, avec la carte CPS ou l’application e-CPS, et que faire si Pro Santé Connect est indisponible.',
      sections: [
        {
          id: 'qui-peut-se-connecter',
          title: 'Qui peut se connecter ?',
          blocks: [
            p('Le service de commande de vaccins est réservé aux personnes suivantes :'),
            list(
              'le ou l’un des pharmaciens titulaires de l’officine ;',
              'le gérant de l’officine après décès ;',
              'le gérant d’une pharmacie minière ou mutualiste.',
            ),
            p(
              'Un pharmacien adjoint ou remplaçant ne peut pas commander. Si vos données professionnelles (activité, statut, officine, état civil) sont erronées, rapprochez-vous de l’',
              strong('Ordre national des pharmaciens'),
              ' (conseil régional pour la section A) : c’est lui qui les met à jour, aucune autre démarche n’est ensuite nécessaire.',
            ),
          ],
        },
        {
          id: 'connexion-cps',
          title: 'Se connecter avec la carte CPS',
          blocks: [
            steps(
              'Insérez votre Carte de Professionnel de Santé (CPS) dans le lecteur relié à votre poste.',
              ['Sur la page d’accueil de l’outil, choisissez ', l('Se connecter avec Pro Santé Connect'), '.'],
              'Sur la page Pro Santé Connect, choisissez la carte CPS, puis saisissez votre code porteur (code PIN à 4 chiffres).',
              'Vous revenez sur l’outil de commande, connecté au nom de votre officine. Si vous exercez dans plusieurs officines, choisissez celle pour laquelle vous commandez.',
            ),
            p(
              'La lecture de la carte dans le navigateur nécessite les composants de l’Agence du numérique en santé (Cryptolib CPS, version 5.2 au moins pour les cartes CPS4). L’outil en ligne DiagCPS vérifie l’installation.',
            ),
            note(
              'Trois codes porteur erronés à la suite bloquent la carte. Le code de déblocage à 8 chiffres figure sur le courrier qui accompagnait votre code porteur ; pour le déblocage, une carte perdue ou volée, contactez l’Agence du numérique en santé (CPS Info Service).',
            ),
          ],
        },
        {
          id: 'connexion-ecps',
          title: 'Se connecter avec l’application e-CPS',
          blocks: [
            subtitle('Activer votre e-CPS (une seule fois)'),
            steps(
              'Téléchargez l’application e-CPS sur votre smartphone : sur Google Play ou sur l’App Store.',
              'Suivez la procédure d’activation sur wallet.esw.esante.gouv.fr : avec votre carte CPS et un lecteur, ou avec l’adresse e-mail et le numéro de mobile enregistrés dans l’Annuaire Santé.',
              'Choisissez le mot de passe de votre e-CPS.',
            ),
            subtitle('Vous connecter par Pro Santé Connect'),
            steps(
              ['Sur la page d’accueil de l’outil, choisissez ', l('Se connecter avec Pro Santé Connect'), ', puis l’e-CPS.'],
              'Saisissez votre identifiant, validez la demande sur votre téléphone avec le mot de passe de votre e-CPS, puis choisissez parmi les trois valeurs proposées celle affichée sur la page de connexion.',
              'L’outil de commande s’ouvre au nom de votre officine.',
            ),
            subtitle('Ou par notification e-CPS'),
            steps(
              ['Dans la partie ', l('Notification e-CPS'), ', saisissez votre identifiant national (8 suivi de votre numéro RPPS) puis cliquez sur ', l('Envoyer la notification'), '.'],
              'Vérifiez que votre téléphone affiche le même code que l’écran, puis validez la demande dans l’application e-CPS.',
            ),
            note(
              'Si l’e-CPS ne fonctionne pas : mettez l’application à jour, puis utilisez « Je teste ma e-CPS » dans l’application. Si le test réussit, le problème vient du service : contactez le support de Santé publique France. Sinon, contactez l’Agence du numérique en santé.',
            ),
          ],
        },
        {
          id: 'connexion-email',
          title: 'Si Pro Santé Connect est indisponible : connexion par e-mail',
          blocks: [
            p(
              'Lors de votre première connexion, une fenêtre vous demande l’adresse e-mail de votre officine. Si Pro Santé Connect est indisponible, cette adresse devient votre identifiant de secours :',
            ),
            steps(
              ['Sur la page de connexion, dans la partie ', l('Connexion par e-mail'), ' (proposée seulement pendant l’indisponibilité), saisissez l’adresse e-mail de l’officine puis cliquez sur ', l('Recevoir un mot de passe'), '.'],
              'Un mot de passe à usage unique est envoyé à cette adresse.',
              'Saisissez ce mot de passe dans les 15 minutes. Il ne sert qu’une fois.',
            ),
            p(
              'Cette connexion n’est possible que si un pharmacien de l’officine s’est déjà connecté au moins une fois avec Pro Santé Connect.',
            ),
            subtitle('Changer l’adresse e-mail de l’officine'),
            steps(
              ['Sur la page d’accueil, cliquez sur ', l('Visualiser compte'), ' puis sur ', l('Modifier'), ', en bas à droite de l’écran.'],
              ['Saisissez la nouvelle adresse e-mail puis cliquez sur ', l('Enregistrer'), '.'],
            ),
            p('Un message de confirmation est envoyé à la nouvelle adresse et à l’ancienne.'),
          ],
        },
      ],
    },
    {
      id: 'saisie',
      title: 'Saisir une commande',
      summary: 'Créer, vérifier, valider puis modifier la commande de la semaine, pour l’officine et pour ses effecteurs.',
      sections: [
        {
          id: 'saisie-etapes',
          title: 'Les étapes de la saisie',
          blocks: [
            steps(
              'Connectez-vous à l’outil de commande avec Pro Santé Connect (carte CPS ou e-CPS).',
              ['Cliquez sur l’onglet ', l('Transaction commerciale'), ', puis sur le sous-onglet ', l('Saisie de commande'), '.'],
              ['Cliquez sur le bouton ', l('Créer'), ', en bas à droite, pour saisir une nouvelle commande.'],
              [
                'En haut à gauche du tableau des vaccins ouverts à la commande, cliquez sur ',
                l('Visualiser'),
                ' puis sur ',
                l('Tout Développer'),
                ' : les effecteurs ouverts à la commande s’affichent sous chaque produit.',
              ],
              'Saisissez le nombre de flacons souhaité pour chaque effecteur dans les cases jaunes, en respectant le plafond par type d’effecteur indiqué pour la session (DGS-Urgent). Seuls les effecteurs éligibles au produit apparaissent.',
              ['Cliquez sur ', l('Suivant'), ', en bas à droite : le récapitulatif de la commande s’affiche.'],
              [
                'Vérifiez les quantités, puis cliquez sur ',
                l('Valider'),
                ' pour soumettre la commande de la semaine, ou sur ',
                l('Retour'),
                ' / ',
                l('Annuler'),
                ' pour revenir à la saisie.',
              ],
            ),
            note('Les quantités se saisissent en flacons, pas en doses. Certains produits se commandent par boîte entière ou avec un minimum.'),
          ],
        },
        {
          id: 'saisie-modifier',
          title: 'Modifier ou annuler la commande',
          blocks: [
            p(
              'Jusqu’à la fermeture de la session de commande (habituellement le mardi à 23 h), vous pouvez modifier la commande : cliquez sur la ligne de la commande puis sur ',
              l('Modifier'),
              ', en bas à gauche. Après la fermeture, la commande ne peut plus être ni modifiée ni annulée.',
            ),
            p('Une seule commande par officine et par session : elle regroupe les besoins de l’officine et ceux de tous ses effecteurs.'),
          ],
        },
        {
          id: 'saisie-effecteurs',
          title: 'Gérer les effecteurs rattachés',
          blocks: [
            p(
              'Les effecteurs sont les professionnels (médecins, infirmiers, sages-femmes, chirurgiens-dentistes, médecins du travail) et les structures (laboratoires, EHPAD…) pour lesquels l’officine commande. Ils se gèrent dans ',
              l('Visualiser compte'),
              ' :',
            ),
            list(
              'un professionnel s’identifie par son numéro RPPS (11 chiffres), une structure par son numéro FINESS (9 caractères) ;',
              'un même numéro ne peut être rattaché qu’une fois à l’officine ;',
              'un effecteur désactivé ne peut plus recevoir de flacons ; ses commandes passées sont conservées.',
            ),
          ],
        },
      ],
    },
    {
      id: 'confirmation',
      title: 'Consulter la confirmation de commande',
      summary: 'Les quantités confirmées, les livraisons et le récapitulatif PDF, dans « Suivi de commande ».',
      sections: [
        {
          id: 'confirmation-suivi',
          title: 'La page « Suivi de commande »',
          blocks: [
            p(
              'Les quantités confirmées sont consultables à partir du jour suivant la fermeture de la session (habituellement le mercredi à partir de 18 h). Avant cette heure, seules les quantités commandées sont affichées.',
            ),
            steps(
              ['Dans le menu ', l('Transaction commerciale'), ' à gauche de l’écran, choisissez ', l('Suivi de commande'), '.'],
              'Choisissez la session : pour chaque effecteur et chaque produit s’affichent les flacons commandés, confirmés et livrés, et la raison d’une éventuelle réduction.',
              ['Cliquez sur ', l('Télécharger le PDF'), ' pour obtenir le document récapitulatif des commandes.'],
            ),
            p('Ces informations vous permettent de répondre aux questions des professionnels de santé rattachés à votre officine.'),
          ],
        },
        {
          id: 'confirmation-reduction',
          title: 'Pourquoi une quantité confirmée peut être inférieure',
          blocks: [
            p('Lorsque le stock national d’un produit ne suffit pas, il est réparti entre les commandes, selon la règle de la session :'),
            list(
              'partage proportionnel aux quantités commandées ;',
              'partage équitable, les petites commandes étant servies en entier d’abord ;',
              'premier arrivé, premier servi (ordre de validation des commandes) ;',
              'remplacement par un autre vaccin (substitution), indiqué sur la ligne.',
            ),
          ],
        },
      ],
    },
    {
      id: 'navigateur',
      title: 'Navigateur, cookies et contacts',
      summary: 'Que faire si la connexion échoue, et qui contacter selon le problème.',
      sections: [
        {
          id: 'navigateur-cookies',
          title: 'Navigateur et cookies',
          blocks: [
            p('L’outil est optimisé pour Mozilla Firefox et Google Chrome. Avec un autre navigateur, essayez d’abord de vous connecter avec l’un de ces deux.'),
            p('Si les difficultés persistent, vérifiez que la fonction « Autoriser les cookies » de votre navigateur est activée. Sinon :'),
            steps(
              'Effacez votre historique de navigation sur le service de commande.',
              'Activez « Autoriser les cookies ».',
              'Redémarrez votre poste pour que les modifications soient prises en compte.',
              'Essayez de nouveau de vous connecter au service de commande.',
            ),
            p(
              'L’extension de navigateur du service peut faire ces vérifications pour vous (navigateur, cookies, accès au service et à Pro Santé Connect, horloge) et joindre son rapport à une demande de support.',
            ),
          ],
        },
        {
          id: 'navigateur-contacts',
          title: 'Qui contacter ?',
          blocks: [
            list(
              [
                strong('Support de Santé publique France'),
                ' : commandes, sessions, quantités confirmées, livraisons et erreurs de l’outil. Utilisez le formulaire ',
                l('Besoin d’aide ?'),
                ' en choisissant le motif correspondant au message d’erreur rencontré.',
              ],
              [
                strong('Votre prestataire de logiciel pharmacie'),
                ' : si votre logiciel impose un navigateur autre que Chrome ou Firefox, pour le lecteur de carte ou le poste informatique, après les manipulations ci-dessus.',
              ],
              [
                strong('Agence du numérique en santé'),
                ' : installation de Cryptolib, carte CPS bloquée (code PIN oublié), perdue ou volée, application e-CPS (CPS Info Service, centre de relation client e-CPS).',
              ],
              [
                strong('Ordre national des pharmaciens'),
                ' : données de votre carte CPS à mettre à jour (cessation ou reprise d’activité, statut, état civil, situation d’exercice).',
              ],
            ),
          ],
        },
      ],
    },
    {
      id: 'campagne',
      title: 'Fonctionnalités de la campagne',
      summary: 'Produits associés, e-mails de confirmation, priorité territoriale, livraisons en plusieurs fois, enquête sur les stocks.',
      sections: [
        {
          id: 'produits-associes',
          title: 'Produits associés (solvant, seringues, aiguilles)',
          blocks: [
            p(
              'Certains produits se commandent avec un vaccin : solvant de dilution, seringues, aiguilles. Pour chaque session, Santé publique France fixe la quantité attendue par flacon ou par dose du vaccin associé, et l’une de ces règles :',
            ),
            list(
              [strong('au plus'), ' : la commande peut contenir jusqu’à la quantité prévue pour les vaccins commandés, pas davantage ;'],
              [strong('exactement'), ' : la commande doit contenir exactement la quantité prévue ;'],
              [strong('libre'), ' : aucune vérification.'],
            ),
            p(
              'Le calcul porte sur l’ensemble de la commande (tous effecteurs confondus). L’outil propose la quantité correspondante ; si elle n’est pas respectée, la validation est refusée et la ligne concernée indique la quantité attendue.',
            ),
          ],
        },
        {
          id: 'emails-confirmation',
          title: 'E-mails de confirmation',
          blocks: [
            p('À la publication des quantités confirmées, un e-mail récapitulatif est envoyé :'),
            list(
              'à l’officine, à son adresse e-mail : les quantités commandées et confirmées, effecteur par effecteur, la raison d’une éventuelle réduction et les dates de livraison prévues ;',
              'à chaque effecteur de la commande dont l’adresse e-mail est renseignée : ses propres quantités, l’adresse de l’officine où les retirer et les dates de livraison prévues.',
            ),
            p(
              'Un effecteur peut refuser ces e-mails : dans ',
              l('Visualiser compte'),
              ', modifiez l’effecteur et décochez « Envoyer à cet effecteur ses quantités confirmées par e-mail ». Une adresse ajoutée après la publication reçoit encore l’e-mail pendant 15 jours.',
            ),
          ],
        },
        {
          id: 'priorite-territoriale',
          title: 'Priorité territoriale',
          blocks: [
            p(
              'Quand le stock d’un produit est insuffisant, Santé publique France peut désigner des départements prioritaires (les plus touchés). Les officines de ces départements sont alors servies en premier, puis le reste du stock est réparti entre les autres.',
            ),
            p(
              'Selon la session, chaque officine ayant commandé reçoit d’abord au moins un flacon, quel que soit son département, avant la répartition du surplus. Le département de votre officine figure dans ',
              l('Visualiser compte'),
              ' ; la raison d’une réduction est indiquée dans ',
              l('Suivi de commande'),
              '.',
            ),
          ],
        },
        {
          id: 'livraisons-partielles',
          title: 'Livraisons en plusieurs fois',
          blocks: [
            p('Une quantité confirmée peut être livrée en plusieurs fois par le grossiste-répartiteur. Pour chaque ligne, ', l('Suivi de commande'), ' indique :'),
            list(
              'les flacons déjà livrés, avec la date de chaque livraison ;',
              'les flacons restant à livrer ;',
              'la date prévue de la prochaine livraison, lorsqu’elle est connue.',
            ),
          ],
        },
        {
          id: 'enquete-stocks',
          title: 'Enquête sur les stocks',
          blocks: [
            p(
              'Pour certaines sessions, Santé publique France demande à chaque officine combien de doses de chaque vaccin elle détient. La déclaration se fait en doses (et non en flacons), vaccin par vaccin, tant que la session de commande est ouverte.',
            ),
            list(
              'une nouvelle déclaration remplace la précédente pour le même vaccin ;',
              '0 est une réponse : aucune dose en stock ;',
              'après la fermeture de la session, la déclaration n’est plus possible.',
            ),
          ],
        },
      ],
    },
  ],
};
