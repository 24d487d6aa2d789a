# Les lettres que DSP imprime et envoie aux patients : activation, récupération, confirmations.
# Lues par backend/src/letter.rs (`fluent-bundle`). Mêmes clés dans les quatre langues.
# Les espaces avant « : ; ? » et dans « 30 jours » sont insécables.

## Communs à toutes les lettres, et la lettre d’activation et de récupération

letter-title = Lettre d’information et d’activation – Dossier de Soins Partagé
letter-tagline = Dossier de Soins Partagé
letter-phone-label = Tél.
letter-id-label = Matricule
letter-date-label = Date
letter-helpdesk-label = Assistance
letter-place-date = Luxembourg, le { $date }
activation-subject = Votre Dossier de Soins Partagé (DSP) : information et code d’activation
letter-salutation = Madame, Monsieur,
activation-intro =
    L’Agence DSP a ouvert à votre nom un Dossier de Soins Partagé (DSP). Ce dossier est gratuit,
    personnel et sécurisé. Les professionnels de santé qui vous soignent y partagent vos documents
    de santé essentiels : comptes rendus d’hospitalisation, résultats d’analyses, rapports
    d’imagerie médicale, médicaments délivrés. Vous gardez la main : vous décidez qui voit quoi, et
    vous voyez chaque accès à votre dossier.
activation-object-heading = Votre droit d’opposition pendant 30 jours
activation-object-body =
    Vous n’êtes pas obligé(e) d’accepter ce dossier. Si vous vous y opposez avant le { $deadline },
    il sera supprimé. Si vous ne faites rien, les professionnels de santé qui vous soignent
    pourront l’utiliser à partir du { $deadline }, et vous serez informé(e) du premier accès. Pour
    vous opposer, appelez notre service d’assistance ou écrivez à l’Agence DSP à l’adresse
    ci-dessus.
activation-heading = Comment activer votre dossier
activation-step-1 = Rendez-vous sur { $url }.
activation-step-2 = Saisissez votre matricule ({ $nid }) et le code d’activation ci-dessous.
activation-step-3 =
    Enregistrez une clé d’accès (« passkey ») sur votre téléphone ou votre ordinateur. Vous vous
    connecterez ensuite avec cette clé, sans mot de passe.
activation-code-label = Votre code d’activation
activation-code-note =
    Ce code ne sert qu’une seule fois et expire le { $expires }. Après 5 essais erronés, il est
    bloqué : demandez alors une nouvelle lettre à l’Agence DSP. Dès qu’une nouvelle lettre vous est
    envoyée, le code de la présente lettre n’est plus valable.
activation-practice-heading = Chez votre médecin, même sans activation : votre code praticien
activation-practice-body =
    Vous n’avez pas besoin d’activer votre dossier pour qu’un médecin ou un autre professionnel de
    santé en cabinet l’utilise. Lors de la consultation, si vous êtes d’accord, communiquez-lui
    votre matricule et le code praticien ci-dessous : il ouvre ainsi un lien de consultation de
    15 jours sur votre dossier. Ne donnez ce code qu’à un professionnel qui vous soigne.
activation-practice-code-label = Votre code praticien (pour votre médecin)
activation-practice-note =
    Le code praticien ne sert qu’une fois, jusqu’au { $pexpires }. Après 5 essais erronés, il est
    bloqué. Chaque utilisation figure dans l’historique de votre dossier, avec un message qui vous
    dit qui l’a utilisé : vous le verrez dès que vous aurez activé votre dossier, ou
    renseignez-vous auprès de notre service d’assistance. Pour la consultation suivante, demandez
    une nouvelle lettre au service d’assistance ou créez un nouveau code dans le portail ; toute
    nouvelle lettre ou tout nouveau code annule celui-ci. Dans le portail, vous pouvez aussi
    désactiver le code praticien.
recovery-subject =
    Votre Dossier de Soins Partagé (DSP) : lettre de récupération après la perte de votre clé
    d’accès
recovery-heading = Lettre de récupération
recovery-body =
    Votre dossier est déjà activé. Cette lettre remplace une clé d’accès (« passkey ») perdue :
    n’utilisez le code ci-dessous que si vous avez perdu votre clé d’accès. Son utilisation
    supprime toutes les clés d’accès que vous avez enregistrées et ferme toutes vos sessions ; la
    nouvelle clé que vous créerez sera alors la seule. Si vous n’avez pas demandé cette lettre,
    appelez sans attendre notre service d’assistance au { $phone }.
activation-close-heading = Comment fermer votre dossier
activation-close-body =
    Vous pouvez demander à tout moment la fermeture de votre dossier, par une demande écrite et
    signée adressée à l’Agence DSP à l’adresse ci-dessus. Dès sa fermeture, plus aucun
    professionnel de santé ne peut y accéder.
letter-help-heading = Des questions ?
letter-help-body =
    Notre service d’assistance vous répond du lundi au vendredi, de 8 h à 17 h : téléphone { $phone
    }, courriel { $email }. Conservez cette lettre en lieu sûr et ne communiquez jamais votre code
    d’activation à personne.
letter-closing =
    Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.
letter-no-signature = Ce courrier est établi automatiquement et valable sans signature.
letter-page = Page { $n } sur { $total }

## Commun aux lettres de confirmation (opposition, fermeture, réouverture)

letter-reference-label = Référence
confirmation-help-body =
    Notre service d’assistance vous répond du lundi au vendredi, de 8 h à 17 h : téléphone
    { $phone }, courriel { $email }. Merci d’indiquer la référence { $reference } lorsque vous
    nous contactez.

## Confirmation d’opposition : le dossier a été supprimé pendant le délai d’opposition

objection-title = Confirmation de votre opposition – Dossier de Soins Partagé
objection-subject = Votre Dossier de Soins Partagé (DSP) : confirmation de votre opposition
objection-intro-online =
    Nous vous confirmons que le { $date }, vous vous êtes opposé(e) en ligne, dans le portail, à
    votre Dossier de Soins Partagé (DSP), dans le délai d’opposition de 30 jours.
objection-intro-postal =
    Nous vous confirmons que le { $date }, l’Agence DSP a enregistré votre opposition à votre
    Dossier de Soins Partagé (DSP), reçue par courrier, dans le délai d’opposition de 30 jours.
objection-heading = Ce que signifie votre opposition
objection-body =
    Votre dossier a été supprimé définitivement : les documents qu’il contenait et vos données
    personnelles y figurant sont effacés, et aucun professionnel de santé ne peut y accéder. Le
    journal des accès du dossier est conservé, votre identité y étant
    remplacée par un pseudonyme.
objection-new-heading = Si vous changez d’avis
objection-new-body =
    Vous pouvez à tout moment demander à l’Agence DSP d’ouvrir pour vous un nouveau Dossier de
    Soins Partagé. Il commence vide : les documents supprimés ne peuvent pas être restaurés.

## Confirmation de fermeture

closing-title = Confirmation de fermeture – Dossier de Soins Partagé
closing-subject = Votre Dossier de Soins Partagé (DSP) : confirmation de sa fermeture
closing-intro-online =
    Nous vous confirmons que le { $date }, vous avez fermé en ligne, dans le portail, votre
    Dossier de Soins Partagé (DSP).
closing-intro-postal =
    Nous vous confirmons que le { $date }, l’Agence DSP a fermé votre Dossier de Soins Partagé
    (DSP), comme vous l’avez demandé par votre demande écrite et signée.
closing-intro-idle =
    Votre Dossier de Soins Partagé (DSP) a été fermé le { $date }, car personne n’y avait accédé
    depuis 10 ans.
closing-heading = Ce que signifie la fermeture
closing-body =
    Depuis le { $date }, aucun professionnel de santé ne peut lire votre dossier ni y ajouter de
    documents, et les liens de consultation que des professionnels avaient avec lui ont pris fin.
    Ses documents et son historique sont conservés, scellés. Si vous avez activé votre dossier,
    vous pouvez toujours vous connecter avec votre clé d’accès pour le consulter, ainsi que
    l’historique des accès, et télécharger tout son contenu dans un fichier ZIP.
closing-reopen-heading = Rouvrir votre dossier
closing-reopen-body =
    Jusqu’au { $until }, vous pouvez demander à l’Agence DSP de rouvrir votre dossier, en appelant
    notre service d’assistance ou en écrivant à l’adresse ci-dessus. Il est alors rétabli tel
    qu’il était, sans les liens de consultation des professionnels. Après cette date, le dossier
    est supprimé définitivement.

## Confirmation de réouverture

reopening-title = Confirmation de réouverture – Dossier de Soins Partagé
reopening-subject = Votre Dossier de Soins Partagé (DSP) : confirmation de sa réouverture
reopening-intro =
    Nous vous confirmons que le { $date }, l’Agence DSP a rouvert votre Dossier de Soins Partagé
    (DSP), comme vous l’avez demandé.
reopening-heading = Ce que signifie la réouverture
reopening-body =
    Votre dossier est de nouveau ouvert tel qu’il était à sa fermeture, avec ses documents et son
    historique, et les professionnels de santé qui vous soignent peuvent de nouveau l’utiliser.
    Les liens de consultation que des professionnels avaient avant la fermeture ne sont pas
    rétablis : un professionnel qui vous soigne en ouvre un nouveau. Vous décidez qui voit quoi,
    et vous pouvez refermer votre dossier à tout moment.
