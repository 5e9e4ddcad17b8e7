# Ce que le lecteur lit après avoir agi sur une page : réactions, votes, commentaires,
# formulaire de contact, direct et partage.
# Un site modifie n'importe lequel de ces messages avec un fichier aux mêmes identifiants
# dans DATA/theme/locales/fr/.

## Réactions

reaction-like = J’aime
reaction-dislike = Je n’aime pas
reaction-love = J’adore
reaction-funny = Drôle
reaction-angry = En colère
reaction-sad = Triste
reaction-wow = Waouh
reaction-choose = Choisissez l’un des boutons de réaction sous l’article.
reaction-not-saved = Votre réaction n’a pas pu être enregistrée. Veuillez réessayer.
reaction-offline = Votre réaction n’a pas pu être enregistrée. Vérifiez votre connexion et réessayez.

## Sondages

poll-choose = Choisissez l’une des réponses, puis appuyez sur Voter.
poll-vote-counted = Merci : votre vote est compté.
poll-vote-withdrawn = Votre vote a été retiré.
poll-has-closed = Ce sondage est clos : votre vote n’a pas été compté. Voici les résultats définitifs.
poll-no-such-answer = Cette réponse ne fait pas partie de ce sondage. Choisissez l’une des réponses ci-dessous.
poll-not-saved = Votre vote n’a pas pu être enregistré. Veuillez réessayer.
poll-offline = Votre vote n’a pas pu être enregistré. Vérifiez votre connexion et réessayez.

## Commentaires

comment-posting = Envoi…
comment-published = Votre commentaire est publié.
comment-not-sent = Votre commentaire n’a pas pu être publié. Veuillez réessayer.
comment-offline = Votre commentaire n’a pas pu être publié. Vérifiez votre connexion et réessayez.
comment-name-missing = votre nom est obligatoire
comment-name-too-long = votre nom compte { $length } caractères ; la limite est de { $max }
comment-name-shorten = votre nom est trop long ; raccourcissez-le
comment-email-invalid = « { $email } » n’est pas une adresse e-mail
comment-body-missing = écrivez votre commentaire avant de le publier
comment-body-too-long = votre commentaire compte { $length } caractères ; la limite est de { $max }. Raccourcissez-le.
comment-body-shorten = votre commentaire est trop long ; raccourcissez-le
comment-parent-gone = le commentaire auquel vous répondez n’est plus disponible
comments-closed = Les commentaires sont fermés sur cet article.
comments-closed-after = { $count ->
    [one] Les commentaires ont fermé { $count } jour après la publication de cet article.
   *[other] Les commentaires ont fermé { $count } jours après la publication de cet article.
}

## Formulaire de contact

contact-name-missing = votre nom est obligatoire
contact-name-too-long = votre nom compte { $length } caractères ; la limite est de { $max }
contact-email-missing = votre adresse e-mail est obligatoire, pour que nous puissions vous répondre
contact-email-invalid = « { $email } » n’est pas une adresse e-mail
contact-message-missing = écrivez votre message avant de l’envoyer
contact-message-too-long = votre message compte { $length } caractères ; la limite est de { $max }. Raccourcissez-le.

## Trop d’envois en peu de temps

reader-wait = { $count ->
    [one] Vous avez beaucoup envoyé en peu de temps. Veuillez patienter { $count } seconde et réessayer.
   *[other] Vous avez beaucoup envoyé en peu de temps. Veuillez patienter { $count } secondes et réessayer.
}

## Direct

live-new-updates = { $count ->
    [one] { $count } nouvelle mise à jour
   *[other] { $count } nouvelles mises à jour
}

## Contenus intégrés et partage

embed-title = Contenu intégré
share-copied = Lien copié.
share-not-copied = Copie impossible : appuyez longuement sur le lien.
