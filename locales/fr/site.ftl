# Le site public de Newsdesk en français : les mots que voit chaque lecteur.
# Un site modifie n'importe lequel avec un fichier aux mêmes identifiants dans
# DATA/theme/locales/fr/ (tout nom finissant par .ftl).

## L'en-tête, les menus et le pied de page

skip-to-news = Aller aux articles
menu = Menu
home = Accueil
search = Rechercher
search-the-news = Rechercher dans l'actualité
sections = Rubriques
# The language's own name, in the language switcher.
language-name = Français
languages = Langues
also-in-language = Aussi en
breaking = Alerte info
breaking-news = Alerte info
about-the-site = À propos du site
corrections = Rectificatifs
follow-site = Suivre { $site }
advertisement = Publicité

## Dates et heures

date-day = { $weekday } { $day } { $month } { $year }
date-dateline = { $day } { $mon } { $year } - { $time }
date-full = { $weekday } { $day } { $month } { $year }, { $time } { $zone }
date-short-day = { $day } { $mon }
weekday = { $n ->
    [1] lundi
    [2] mardi
    [3] mercredi
    [4] jeudi
    [5] vendredi
    [6] samedi
   *[7] dimanche
}
month = { $n ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
}
month-short = { $n ->
    [1] janv.
    [2] févr.
    [3] mars
    [4] avr.
    [5] mai
    [6] juin
    [7] juil.
    [8] août
    [9] sept.
    [10] oct.
    [11] nov.
   *[12] déc.
}
time-just-now = à l'instant
time-minutes-ago = { $count ->
    [one] il y a { $count } minute
   *[other] il y a { $count } minutes
}
time-hours-ago = { $count ->
    [one] il y a { $count } heure
   *[other] il y a { $count } heures
}

## Listes d'articles

lead-story = À la une
top-stories = Les titres
latest = En continu
latest-and-popular = En continu et les plus lus
latest-stories = Derniers articles
older-stories = Articles précédents
newer-stories = Articles plus récents
more-stories = Plus d'articles
page-number = page { $number }
page-of = Page { $number } sur { $total }
no-stories-yet = Aucun article pour l'instant
no-stories-help = Quand la rédaction publiera son premier article, il apparaîtra ici.
list-empty = Rien n'a encore été publié ici.
list-kind-section = Rubrique
list-kind-topic = Sujet
list-kind-author = Auteur
portrait-of = Portrait de { $name }
most-read = Les plus lus
most-reacted = Les plus commentés
last-24-hours = Dernières 24 heures
last-7-days = Derniers 7 jours
no-reads-today = Aucune lecture comptée aujourd'hui.
no-reads-week = Aucune lecture comptée cette semaine.
no-reactions-today = Aucune réaction aujourd'hui.
no-reactions-week = Aucune réaction cette semaine.
comment-count = { $count ->
    [one] { $count } commentaire
   *[other] { $count } commentaires
}
comments-word = { $count ->
    [one] commentaire
   *[other] commentaires
}

## Un article

by = Par
and = et
list-comma = ,
by-author = Par { $author }
updated = Mis à jour
sponsored-disclosure = Contenu sponsorisé : payé par un annonceur, non écrit par notre rédaction.
original-story = Article original
download-video = Télécharger la vidéo
photos = Photos
photo = photo
all-photos = Toutes les photos
photo-of = Photo { $number } sur { $total }
n-of-total = { $number } sur { $total }
previous = Précédente
next = Suivante
updates = Mises à jour
topics = Sujets
related-stories = À lire aussi
more-from = Plus de { $section }
share-this-story = Partager cet article
share-on = Partager sur
copy-link = Copier le lien
share = Partager…
percent = { $n } %

## Directs

live = En direct
live-updates = Le direct
live-ended = Ce direct est terminé.
live-closed = Clos
live-last-updated = Dernière mise à jour
live-reload = Recharger pour les dernières nouvelles
live-key-events = Moments clés
live-key-event = Moment clé
live-pinned = Épinglé
live-pinned-update = Message épinglé
live-none = Pas encore de message.
live-first-here = Le premier apparaîtra ici.
live-more-updates = Plus de messages
live-edited = Modifié

## Réactions et commentaires

reactions-heading = Quelle est votre réaction ?
comments = Commentaires
comment = Commentaire
no-comments = Pas encore de commentaire.
comment-removed = Ce commentaire n'est plus disponible.
comment-awaiting = Votre commentaire attend la modération.
reply = Répondre
reply-to = Répondre à { $name }
leave-comment = Laisser un commentaire
cancel-reply = Annuler la réponse
comment-not-posted = Votre commentaire n'a pas été publié. Corrigez les champs signalés ; rien de ce que vous avez écrit n'est perdu.
form-name = Nom
form-email = E-mail
comment-email-hint = (facultatif, jamais affiché)
form-leave-empty = Laissez ce champ vide
post-comment = Publier le commentaire

## Sondages

poll-kicker = Sondage des lecteurs
poll-your-vote = (votre vote)
poll-vote = Voter
poll-change-vote = Changer mon vote
poll-withdraw = Retirer mon vote
poll-closed = Le vote est clos.
poll-closed-at = Le vote a été clos le { $when }.
poll-final = { $count ->
    [one] { $count } vote en tout : voici les résultats définitifs.
   *[other] { $count } votes en tout : voici les résultats définitifs.
}
poll-so-far = { $count ->
    [one] { $count } vote pour l'instant.
   *[other] { $count } votes pour l'instant.
}
poll-closes = Le vote se termine le { $when }.
poll-see-results = Voir les résultats
poll-vote-and-results = Votre vote et les résultats
poll-description = Un sondage des lecteurs sur « { $title } ».
poll-back = Retour à l'article : { $title }
poll-thanks = Merci : votre vote est compté. Vous pouvez le changer ou le retirer jusqu'à la clôture du sondage.
poll-results-after-vote = Les résultats s'affichent une fois que vous avez voté.

## Recherche

search-title-query = « { $query } »
search-results-for = Résultats pour « { $query } »
search-found = { $count ->
    [one] { $count } article trouvé.
   *[other] { $count } articles trouvés.
}
search-none = Aucun article ne correspond. Essayez moins de mots ou d'autres mots.
search-help = Tapez quelques mots dans le champ de recherche ci-dessus : un nom, un lieu, un sujet.

## Rectificatifs

on-the-record = Pour mémoire
corrections-description = Tous les rectificatifs et précisions publiés par { $site }, du plus récent au plus ancien.
corrections-intro = Quand nous nous trompons, nous le disons ici et dans l'article. Tous les rectificatifs et précisions, du plus récent au plus ancien.
corrections-none = Aucun rectificatif ni aucune précision n'a été publié.

## Pages du site et formulaire de contact

contact-heading = Écrivez-nous
contact-sent = Merci : votre message a été transmis à la rédaction.
contact-not-sent = Votre message n'a pas été envoyé. Corrigez les champs signalés ; rien de ce que vous avez écrit n'est perdu.
contact-email-hint = (pour notre réponse ; jamais publié)
contact-message = Message
contact-send = Envoyer le message

## Pages d'erreur

error-status = Erreur { $status }
error-front-page = Retour à la une pour les dernières nouvelles
error-not-found = Nous n'avons pas trouvé cette page
error-not-found-help = L'article a peut-être été déplacé ou retiré, ou le lien contient une faute de frappe.
error-internal = Une erreur s'est produite
error-internal-help = Nous n'avons pas pu afficher cette page. Veuillez réessayer dans un instant.
error-gone = Ce lien ne fonctionne plus
error-gone-help = Le lien a expiré ou a été retiré. Demandez-en un nouveau à qui vous l'a envoyé.
error-bad-request = La requête n'a pas pu être lue
error-bad-request-help = Ce qui a été envoyé n'a pas pu être lu. Revenez en arrière, vérifiez le formulaire et renvoyez-le.
error-invalid = Certains champs sont à revoir
error-invalid-help = Revenez en arrière, corrigez ce qui a été refusé et renvoyez.
error-unauthorized = Connexion requise
error-unauthorized-help = Connectez-vous pour voir cette page.
error-forbidden = Action non autorisée
error-forbidden-help = Votre compte ne peut pas faire cela. Demandez à un éditeur ou à un administrateur.
error-conflict = Conflit
error-conflict-help = Quelqu'un d'autre a modifié ceci au même moment. Revenez en arrière, rechargez et refaites votre modification.
error-unsupported = Type de contenu non pris en charge
error-unsupported-help = Ce qui a été envoyé n'est pas d'un type que cette adresse accepte.
error-too-large = Trop volumineux
error-too-large-help = Ce qui a été envoyé dépasse ce que cette adresse accepte. Raccourcissez-le et renvoyez-le.
error-method = Méthode non autorisée
error-method-help = Cette adresse ne répond pas à ce type de requête.
error-too-many = Ralentissez
error-too-many-help = Trop de requêtes sont venues de votre connexion en peu de temps. Attendez une minute et réessayez.
error-unavailable = Pas encore prêt
error-unavailable-help = Le site ne peut pas répondre pour l'instant. Réessayez dans un moment.
note-correction = Rectificatif
note-clarification = Précision
note-update = Mise à jour
note-editors-note = Note de la rédaction

## The labels every site has, before a headline (a site's own labels show as written)
label-live = En direct
label-exclusive = Exclusif
label-opinion = Opinion
label-analysis = Analyse
label-explainer = Décryptage
label-sponsored = Sponsorisé
