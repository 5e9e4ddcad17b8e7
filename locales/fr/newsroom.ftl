# Les courriels de la rédaction, dans la langue du site.

## What the newsroom's scripts show (admin.js)
js-upload-refused = L'envoi a été refusé ({ $status }).
js-upload-offline = L'envoi n'a pas atteint le serveur. Vérifiez la connexion et réessayez.
js-no-alt = Pas encore de texte alternatif
js-no-photo-matches = Aucune photo ne correspond à « { $query } ».
js-uploading = Envoi de { $name }…
js-uploaded = Envoyé : { $width }×{ $height } pixels, en { $sizes } tailles.
js-bold-words = mots en gras
js-italic-words = mots en italique
js-link-prompt = Lien vers quelle adresse ? (https://…)
js-link-text = texte du lien
js-quotation-text = Une citation
js-list-item = Un élément
js-embed-prompt = Adresse de la publication YouTube, Vimeo, X, Facebook, Instagram ou TikTok :
js-formatting = Mise en forme
js-tool-bold-key = G
js-tool-bold = Gras
js-tool-italic-key = I
js-tool-italic = Italique
js-tool-heading-key = T
js-tool-heading = Intertitre
js-tool-link = Lien
js-tool-quote = Citation
js-tool-list = Liste
js-tool-photo-key = Photo
js-tool-photo = Photo de la photothèque
js-tool-embed-key = Intégrer
js-tool-embed = Intégrer une vidéo ou une publication
js-search-library = Chercher dans la photothèque
js-search-photos = Chercher dans la photothèque
js-describe-photo = Décrivez la photo
js-preview-failed = L'aperçu n'a pas pu être fait pour l'instant.
js-not-autosaved = Non enregistré automatiquement.
js-autosave-off = L'enregistrement automatique est désactivé ; votre texte est toujours là, à copier.
js-autosave-paused = L'enregistrement automatique est en pause : cliquez sur Enregistrer pour voir les deux versions.
js-autosaved = Brouillon enregistré automatiquement à { $time }.
js-autosave-offline = Non enregistré automatiquement : le serveur est injoignable. Votre texte est toujours là.

## The frame of every newsroom page
nr-newsroom = Rédaction
nr-skip = Aller au contenu
nr-menu = Menu
nr-nav-dashboard = Tableau de bord
nr-nav-articles = Articles
nr-nav-media = Médias
nr-nav-stats = Chiffres
nr-nav-front = Une
nr-nav-comments = Commentaires
nr-nav-sections = Rubriques
nr-nav-tags = Mots-clés
nr-nav-authors = Auteurs
nr-nav-pages = Pages
nr-nav-people = Équipe
nr-nav-settings = Réglages
nr-nav-menus = Menus
nr-nav-messages = Messages
nr-nav-identity = Identité
nr-nav-ads = Publicités
nr-nav-integrations = Intégrations
nr-nav-audit = Journal d'audit
nr-view-site = Voir le site
nr-sign-out = Se déconnecter

## Roles and a story's state
role-admin = administrateur
role-editor = éditeur
role-author = auteur
role-contributor = contributeur
status-draft = brouillon
status-review = en relecture
status-scheduled = programmé
status-published = publié

## A field the newsroom refused, shown under it
field-required = Ce champ est obligatoire.
field-too-long = { $count } caractères ; la limite est de { $limit }.
field-nul = Ce texte contient un caractère NUL ; retapez-le ou collez-le en texte brut.
field-slug = « { $value } » ne peut contenir que des minuscules, des chiffres et des tirets simples entre eux, comme « le-conseil-municipal-vote ».
field-email = « { $value } » n'est pas une adresse e-mail.
field-url-long = Cette adresse dépasse 2 000 caractères.
field-url-spaces = Une adresse ne peut contenir ni espaces, ni tabulations, ni retours à la ligne.
field-url-backslash = Une adresse ne peut pas contenir de barre oblique inversée (\) : les navigateurs la lisent comme /, ce qui peut envoyer les lecteurs vers un autre site. Utilisez / dans les chemins.
field-url-other-site = Une adresse commençant par // désigne un autre site : écrivez un chemin de ce site avec un seul / (comme /media/photo-640.jpg), ou une adresse https:// complète.
field-url-no-host = Il n'y a pas d'hôte après le protocole : écrivez-la comme https://example.com/photo.jpg.
field-url-kind = Écrivez une adresse http(s), ou un chemin de ce site commençant par /.
field-language = « { $value } » n'est pas un code de langue ; utilisez deux ou trois lettres, comme « sw », « fr » ou « ar ».
field-role = « { $value } » n'est pas un rôle ; choisissez administrateur, éditeur, auteur ou contributeur.

## The short confirmation after a change
notice-saved = Enregistré.
notice-created = Créé.
notice-deleted = Supprimé.
notice-restored = La révision a été restaurée comme nouvelle version.
notice-merged = Les mots-clés ont été fusionnés.
notice-moderated = Le commentaire a été mis à jour.
notice-signed-out-elsewhere = Vous avez été déconnecté partout ailleurs.
notice-password = Votre nouveau mot de passe est enregistré. Connectez-vous avec.
notice-settings = Les réglages sont enregistrés et en vigueur.
notice-uploaded = Envoyé. Ajoutez un texte alternatif, un crédit et une légende s'il n'en a pas encore.
notice-revoked = L'intégration a été révoquée ; sa clé ne fonctionne plus.
notice-submitted = Soumis pour relecture : il est dans la file des éditeurs.
notice-sent-back = Renvoyé à son auteur avec votre note.
notice-assigned = L'attribution de l'article est enregistrée.
notice-noted = Votre note a été ajoutée. Les lecteurs ne voient jamais les notes.
notice-corrected = La note figure sur l'article, visible des lecteurs.
notice-amended = La note a été modifiée ; sa formulation précédente est conservée dans son historique.
notice-shared = Un lien d'aperçu a été créé : il fonctionne 48 heures, ou jusqu'à ce que vous le retiriez.
notice-withdrawn = Le lien d'aperçu a été retiré ; il ne s'ouvre plus.
notice-posted = Publié : les lecteurs qui ont l'article ouvert le voient maintenant.
notice-entry-saved = L'entrée est enregistrée ; les pages ouvertes affichent le nouveau texte.
notice-entry-deleted = L'entrée est supprimée ; elle a aussi disparu des pages ouvertes.
notice-ended = Le direct est terminé : les lecteurs voient qu'il est clos.
notice-reopened = Le direct a repris.

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
