# La rédaction : le bureau. Connexion, tableau de bord, équipe, modération des
# commentaires, réglages du site, messages des lecteurs et journal d'audit.

## Fields several of these pages share
desk-field-email = E-mail
desk-field-password = Mot de passe
desk-field-password-again = Mot de passe (confirmation)
desk-field-new-password = Nouveau mot de passe
desk-field-new-password-again = Nouveau mot de passe (confirmation)
desk-field-your-email = Votre e-mail
desk-field-your-name = Votre nom
desk-password-hint = { $count } caractères au moins.

## Signing in (login.html)
desk-sign-in = Se connecter
desk-login-heading = Connexion à la rédaction
desk-login-forgotten = Mot de passe oublié ?
desk-login-mismatch = Cet e-mail et ce mot de passe ne correspondent à aucun compte actif. Vérifiez les deux et réessayez.
desk-login-throttled = Trop de connexions échouées depuis votre réseau. Attendez { $wait } avant de réessayer.
desk-reset-throttled = Trop de demandes depuis votre réseau. Attendez { $wait } et réessayez.
# How long to wait, inside the two sentences above.
desk-wait-seconds = { $count ->
    [one] { $count } seconde
   *[other] { $count } secondes
}
desk-wait-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}

## A password reset (reset_request.html, reset.html)
desk-reset-request = Réinitialiser votre mot de passe
desk-reset-sent = Si un compte correspond à cet e-mail, un lien à usage unique pour choisir un nouveau mot de passe vient d'être envoyé.
desk-reset-sent-hour = Il est valable une heure. (Sur un site sans e-mail configuré, un administrateur trouve le lien dans le journal du serveur.)
desk-reset-back = Retour à la connexion
desk-reset-send = M'envoyer un lien
desk-reset-choose = Choisissez un nouveau mot de passe
desk-reset-set = Enregistrer le mot de passe
desk-reset-expired = Ce lien a expiré ou a déjà servi.
desk-reset-ask-again = Demandez-en un nouveau
desk-password-mismatch = Les deux mots de passe ne sont pas identiques.
desk-password-too-short = Le mot de passe compte { $count } caractères ; il en faut au moins { $min }.
desk-password-too-long = Le mot de passe dépasse { $max } caractères.

## The first admin (setup.html, first_run.html)
desk-setup-title = Installation
desk-setup-heading = Créer le premier administrateur
desk-setup-intro = Ce compte pourra ajouter tous les autres. Choisissez un mot de passe d'au moins { $count } caractères.
desk-setup-create = Créer l'administrateur et se connecter
desk-setup-done = Ce site est déjà installé. Connectez-vous, ou demandez à un administrateur de vous ajouter.
desk-setup-invalid = Ce lien d'installation n'est pas valide. Utilisez le lien affiché par `newsdesk serve` à son démarrage.
desk-first-run-heading = Ce site n'a pas encore de rédaction
# Around the command `newsdesk serve`: "When" [command] "started, it printed ... link".
desk-first-run-when = Au démarrage,
desk-first-run-printed = a affiché un lien d'installation à usage unique
desk-first-run-open = Ouvrez ce lien pour créer le premier administrateur.
desk-first-run-or = Ou bien, sur le serveur, lancez
# A command typed on the server: keep it as it is, but for the example email and name.
desk-first-run-command = newsdesk user add --email vous@example.com --name "Votre Nom" --role admin

## The dashboard (dashboard.html)
desk-dash-greeting = Ravi de vous revoir, { $name }
desk-dash-write = Écrire un article
desk-dash-review = En attente de relecture
desk-dash-sent-by = envoyé par { $name }
desk-dash-someone-removed = une personne retirée depuis
desk-dash-assigned = confié à { $name }
desk-dash-nothing-waiting = Rien en attente.
desk-dash-list-draft = Brouillons
desk-dash-list-scheduled = Programmés
desk-dash-list-published = Publiés récemment
desk-dash-all-draft = Tous les brouillons
desk-dash-all-scheduled = Tous les programmés
desk-dash-all-published = Tous les publiés récemment
desk-dash-updated = modifié le { $when }
desk-dash-none = Aucun.
desk-dash-comments-waiting = { $count ->
    [one] { $count } commentaire à modérer
   *[other] { $count } commentaires à modérer
}
desk-dash-no-comments = Aucun commentaire en attente.
desk-dash-reads-now = { $count ->
    [one] { $count } lecture ces 5 dernières minutes
   *[other] { $count } lectures ces 5 dernières minutes
}
# Follows the reads of the last minutes, in the same sentence.
desk-dash-reads-today = { " ; " }{ $count } aujourd'hui
desk-dash-account = Votre compte
desk-dash-elsewhere = Connecté quelque part où vous n'allez plus ?
desk-dash-sign-out-elsewhere = Se déconnecter partout ailleurs

## People (people.html)
desk-people-added = Ajouté.
desk-people-send-link = Envoyez-lui ce lien à usage unique pour choisir son mot de passe (valable { $hours } heures) :
desk-people-invite-link = Lien d'invitation
desk-people-name = Nom
desk-people-email = E-mail
desk-people-role = Rôle
desk-people-can-sign-in = Peut se connecter
desk-people-you = (vous)
desk-people-role-of = Rôle de { $name }
desk-people-change = Modifier
desk-people-yes = oui
desk-people-no = non
desk-people-deactivate = Désactiver
desk-people-reactivate = Réactiver
desk-people-add-someone = Ajouter quelqu'un
desk-people-roles-hint = Les contributeurs écrivent des brouillons ; les auteurs publient les leurs ; les éditeurs publient tout et gèrent rubriques, mots-clés et commentaires ; les administrateurs gèrent aussi l'équipe et les réglages.
desk-people-password-hint = Laissez vide pour obtenir un lien à usage unique avec lequel la personne choisira le sien.
desk-people-add = Ajouter
# The email to someone added without a password (subject, then paragraphs).
desk-invite-subject = Vous avez été ajouté à la rédaction de { $site }
desk-invite-greeting = Bonjour { $name },
desk-invite-added = { $admin } vous a ajouté à la rédaction de { $site } comme { $role }.
    Choisissez votre mot de passe avec ce lien dans les 72 heures (il ne sert qu'une fois) :

## Comment moderation (comments.html)
desk-comments-status = État des commentaires
desk-comments-tab-pending = En attente
desk-comments-tab-spam = Indésirables
desk-comments-tab-approved = Approuvés
desk-comments-total-pending = { $count ->
    [one] { $count } commentaire en attente.
   *[other] { $count } commentaires en attente.
}
desk-comments-total-spam = { $count ->
    [one] { $count } commentaire indésirable.
   *[other] { $count } commentaires indésirables.
}
desk-comments-total-approved = { $count ->
    [one] { $count } commentaire approuvé.
   *[other] { $count } commentaires approuvés.
}
desk-comments-with-ticked = Pour les commentaires cochés
desk-comments-approve = Approuver
desk-comments-mark-spam = Marquer comme indésirable
desk-comments-delete = Supprimer
desk-comments-apply = Appliquer
desk-comments-choose = Sélectionner le commentaire de { $name }
# Before the story's title: "· on [title]".
desk-comments-on = sur
desk-comments-reply = réponse
desk-comments-held-because = Retenu parce que : { $reason }
desk-comments-spam = Indésirable
desk-comments-back-to-waiting = Remettre en attente
desk-comments-edit = Modifier le texte
desk-comments-text = Texte du commentaire
desk-comments-save-text = Enregistrer le texte
desk-comments-nothing = Rien ici.
desk-comments-empty = Le texte d'un commentaire ne peut pas être vide ; supprimez-le plutôt.
# Why a comment or a reader's message was held, after "Held because:" or "Held as spam:".
desk-reason-honeypot = a rempli le champ piège caché, que personne ne voit
desk-reason-forged = l'horodatage du formulaire a été falsifié
desk-reason-too-fast = envoyé { $age } s après l'affichage de la page ; il faut au moins { $min } s à une personne
desk-reason-no-timestamp = envoyé sans l'horodatage du formulaire de commentaire
desk-reason-no-contact-timestamp = envoyé sans l'horodatage du formulaire de contact
desk-reason-blocklist = contient « { $entry } », qui figure sur la liste noire
desk-reason-links = { $count ->
    [one] contient { $count } lien ; au-delà de { $max }, le commentaire est retenu
   *[other] contient { $count } liens ; au-delà de { $max }, le commentaire est retenu
}
desk-reason-hold-all = tous les commentaires sont retenus pour relecture (modération : hold_all)
desk-reason-first = premier commentaire venant de cette adresse e-mail
desk-reason-no-email = pas d'adresse e-mail, donc traité comme un premier commentaire

## Pages of a list
desk-pager = Pages
desk-pager-newer = ← Plus récents
desk-pager-older = Plus anciens →

## Site settings (settings.html)
desk-settings-heading = Réglages du site
# Around the file name newsdesk.toml.
desk-settings-win-over = Enregistrés ici, ces réglages s'appliquent aussitôt et l'emportent sur
desk-settings-and-environment = et les variables d'environnement.
desk-settings-not-saved = Non enregistré : corrigez les champs signalés ci-dessous.
desk-settings-site-title = Nom du site
desk-settings-description = Description
desk-settings-timezone = Fuseau horaire
desk-settings-timezone-hint = Tapez pour chercher dans la liste, par exemple Dakar ou Paris ; les dates du site s'affichent dans ce fuseau.
desk-settings-per-page = Articles par page
desk-settings-moderation = Modération des commentaires
desk-settings-moderation-hold_first_time = Retenir le premier commentaire d'une personne, puis l'approuver
desk-settings-moderation-hold_all = Retenir chaque commentaire pour un modérateur
desk-settings-moderation-approve_all = Publier aussitôt, sauf si une règle anti-spam le retient
desk-settings-authors-review = Les auteurs soumettent leurs articles à relecture
desk-settings-authors-review-hint = Les contributeurs le font toujours. Si la case est cochée, les auteurs envoient eux aussi leurs articles dans la file des éditeurs au lieu de les publier eux-mêmes.
desk-settings-reactions = Réactions
desk-settings-reactions-hint = Dans l'ordre où les lecteurs les voient. Le type est le nom enregistré (en minuscules) ; renommer un libellé conserve les compteurs. Videz un type pour supprimer sa ligne ; remplissez une ligne vide pour en ajouter une.
desk-settings-kind = Type
desk-settings-label = Libellé
desk-settings-emoji = Emoji
desk-settings-order = Ordre
desk-settings-kind-row = Type, ligne { $row }
desk-settings-label-row = Libellé, ligne { $row }
desk-settings-emoji-row = Emoji, ligne { $row }
desk-settings-order-row = Ordre, ligne { $row }
desk-settings-save = Enregistrer les réglages
# Refusals shown under a setting.
desk-settings-not-number = « { $value } » n'est pas un nombre entier.
desk-settings-per-page-range = { $value } n'est pas compris entre { $min } et { $max }.
desk-settings-moderation-unknown = « { $value } » n'est pas un mode de modération.
desk-settings-timezone-unknown = « { $value } » n'est pas un fuseau horaire IANA ; indiquez-en un comme Africa/Dakar, Europe/Paris ou UTC.
desk-reactions-none = Gardez au moins une réaction.
desk-reactions-too-many = { $count } réactions sont indiquées ; un site en propose { $max } au plus, car chacune est un bouton sous chaque article.
desk-reactions-twice = « { $kind } » figure deux fois.
desk-reactions-kind = « { $value } » n'est pas un nom de réaction ; utilisez au plus 24 minuscules, chiffres, - ou _.
desk-reactions-label = Le libellé de « { $kind } » compte { $count } caractères ; il doit en avoir de 1 à { $max }, sur une seule ligne.
desk-reactions-emoji = L'emoji de « { $kind } » fait { $count } octets ; utilisez un seul emoji, de { $max } octets au plus, ou aucun.

## The audit log (audit.html)
desk-audit-when = Quand
desk-audit-who = Qui
desk-audit-did = Action
desk-audit-to = Sur
desk-audit-detail = Détail
desk-audit-nothing = Rien pour l'instant.
desk-audit-scheduler = programmateur
desk-audit-did-add-user = ajout d'une personne
desk-audit-did-set-up-the-site = installation du site
desk-audit-did-change-settings = modification des réglages
desk-audit-did-change-role = changement de rôle
desk-audit-did-deactivate-user = désactivation d'une personne
desk-audit-did-reactivate-user = réactivation d'une personne
desk-audit-did-publish = publication
desk-audit-did-schedule = programmation
desk-audit-did-unpublish = dépublication
desk-audit-did-unschedule = déprogrammation
desk-audit-did-create-draft = création d'un brouillon
desk-audit-did-delete-article = suppression d'un article
desk-audit-did-edit-published = modification après publication
desk-audit-did-restore-revision = restauration d'une révision
desk-audit-did-submit-for-review = soumission à relecture
desk-audit-did-send-back = renvoi à l'auteur
desk-audit-did-assign = attribution
desk-audit-did-add-note = ajout d'une note
desk-audit-did-share-preview = partage d'un aperçu
desk-audit-did-revoke-preview = retrait d'un aperçu
desk-audit-did-label-article = étiquetage d'un article
desk-audit-did-change-labels = modification des étiquettes
desk-audit-did-arrange-front-page = composition de la une
desk-audit-did-set-breaking-news = alerte info mise en place
desk-audit-did-clear-breaking-news = alerte info retirée
desk-audit-did-moderate-comments = modération de commentaires
desk-audit-did-merge-tag = fusion de mots-clés
desk-audit-did-delete-tag = suppression d'un mot-clé
desk-audit-did-delete-section = suppression d'une rubrique
desk-audit-did-delete-author = suppression d'un auteur
desk-audit-did-link-byline = association d'une signature
desk-audit-did-delete-photo = suppression d'une photo
desk-audit-did-create-page = création d'une page
desk-audit-did-edit-page = modification d'une page
desk-audit-did-delete-page = suppression d'une page
desk-audit-did-change-menu = modification d'un menu
desk-audit-did-create-integration = création d'une intégration
desk-audit-did-revoke-integration = révocation d'une intégration
desk-audit-did-delete-live-entry = suppression d'une entrée du direct
desk-audit-did-end-live-blog = fin du direct
desk-audit-did-reopen-live-blog = reprise du direct
desk-audit-did-change-identity = modification de l'identité
desk-audit-did-set-logo = nouveau logo
desk-audit-did-change-sections-without-ads = modification des rubriques sans publicité
desk-audit-did-change-ad-slot = modification de l'emplacement publicitaire { $place }
desk-audit-article = article « { $title } » (nº { $id })
desk-audit-article-named = article « { $name } »
desk-audit-page = page « { $name } »
desk-audit-page-at = page « { $title } » ({ $path })
desk-audit-section = rubrique « { $name } »
desk-audit-tag = mot-clé « { $name } »
desk-audit-author = auteur « { $name } »
desk-audit-user = personne { $email }
desk-audit-integration = intégration { $name }
desk-audit-photo = photo nº { $id } « { $alt } »
desk-audit-comments = { $count ->
    [one] { $count } commentaire
   *[other] { $count } commentaires
}
desk-audit-menu-header = le menu d'en-tête
desk-audit-menu-footer = le menu de pied de page
desk-audit-subject-site-settings = réglages du site
desk-audit-subject-the-front-page = la une
desk-audit-subject-the-banner = le bandeau
desk-audit-subject-site-identity-and-ads = identité du site et publicités
desk-audit-subject-story-labels = étiquettes des articles
desk-audit-detail-first-admin = premier administrateur
desk-audit-detail-no-label = sans étiquette
desk-audit-detail-no-placed-stories = aucun article placé
desk-audit-as = comme { $role }
desk-audit-for = pour le { $when }
desk-audit-until = jusqu'au { $when }
desk-audit-merged-into = fusionné dans « { $name } »
desk-audit-entries = { $count ->
    [one] { $count } entrée
   *[other] { $count } entrées
}
desk-audit-restored = version { $from } restaurée comme version { $to }
desk-audit-to-nobody = à personne
desk-audit-to-someone = à { $name }
desk-audit-bulk-approve = approuvés : { $list }
desk-audit-bulk-spam = marqués comme indésirables : { $list }
desk-audit-bulk-delete = supprimés : { $list }
desk-audit-key-ending = clé se terminant par { $hint }
desk-audit-link = lien nº { $id }
desk-audit-link-until = lien nº { $id } valable jusqu'au { $when }
desk-audit-lead = ouverture : nº { $id }
desk-audit-top = à la une { $position } : nº { $id }
desk-audit-body-words = texte : { $removed ->
    [one] { $removed } mot retiré
   *[other] { $removed } mots retirés
}, { $added ->
    [one] { $added } ajouté
   *[other] { $added } ajoutés
}
desk-audit-changed = { $what } : « { $old } » → « { $new } »
desk-audit-through-api = { $changes } (par l'API)
desk-audit-field-headline = titre
desk-audit-field-site-title = nom du site
desk-audit-field-description = description
desk-audit-field-time-zone = fuseau horaire
desk-audit-field-articles-per-page = articles par page
desk-audit-field-comment-moderation = modération des commentaires
desk-audit-field-reactions = réactions

## Readers' messages (messages.html, message.html)
desk-messages-intro = Ce que les lecteurs ont envoyé par le formulaire de contact. Leurs adresses servent uniquement à leur répondre : elles ne sont jamais affichées sur le site.
desk-messages-new = nouveau
desk-messages-held-as-spam = retenu comme indésirable
desk-messages-pages = Pages de messages
desk-messages-newer = Plus récents
desk-messages-older = Plus anciens
desk-messages-none = Aucun message pour l'instant.
desk-messages-where = Où les messages sont envoyés
# Around the setting's name smtp_url: "No SMTP relay is configured" (smtp_url) ", so ...".
desk-messages-no-relay = Aucun relais SMTP n'est configuré
desk-messages-only-here = , les messages sont donc seulement conservés ici.
desk-messages-address = Adresse e-mail
desk-messages-address-hint = Chaque message est aussi envoyé ici, avec l'adresse du lecteur pour lui répondre. Laissez vide pour garder les messages uniquement dans la rédaction.
desk-messages-save = Enregistrer
desk-message-title = Message de { $name }
desk-message-all = Tous les messages
# Before the sender's name and address.
desk-message-from = De
desk-message-held = Retenu comme indésirable : { $reason }. Il n'a pas été envoyé par e-mail.
desk-message-delete = Supprimer…
desk-message-delete-title = Supprimer le message de { $name } ?
desk-message-delete-consequence = Il disparaît de la rédaction pour de bon ; un e-mail déjà envoyé reste dans sa boîte de réception.
desk-message-delete-button = Supprimer le message
