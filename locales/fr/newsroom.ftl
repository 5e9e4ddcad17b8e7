# Les courriels de la rédaction, dans la langue du site.

## Réinitialiser un mot de passe
email-reset-subject = Réinitialisez votre mot de passe { $site }
email-reset-greeting = Bonjour { $name },
email-reset-asked = Quelqu’un a demandé à réinitialiser votre mot de passe pour la rédaction de { $site }.
    Pour en choisir un nouveau, ouvrez ce lien dans l’heure (il ne sert qu’une fois) :
email-reset-ignore = Si ce n’était pas vous, ignorez ce courriel : votre mot de passe reste le même.

## Le message d’un lecteur
email-contact-subject = { $site } : un message de { $name }
email-contact-wrote = { $name } <{ $email }> a écrit par le formulaire de « { $page } » :
email-contact-answer = Répondez à ce courriel pour lui répondre. Chaque message est aussi gardé dans la rédaction, sous Messages.

## Le bureau de relecture
email-review-waiting-subject = En attente de relecture : { $title }
email-review-waiting = { $name } a soumis « { $title } » à la relecture.
email-review-waiting-action = Lisez-le, publiez-le ou renvoyez-le avec une note :
email-review-returned-subject = Renvoyé : { $title }
email-review-returned = { $name } vous a renvoyé « { $title } » :
