# The newsroom: stories.
# Les pages des formats d’article : le direct, la liste numérotée, les sondages, la vidéo
# principale et la galerie photo, avec les refus que donnent leurs règles.

## Shared by the story formats' pages
sto-back-to = Retour à « { $title } »
sto-edit-story = Modifier l’article
sto-view-on-site = Voir sur le site
sto-edit = Modifier
sto-delete = Supprimer
sto-cancel = Annuler
sto-save-changes = Enregistrer les modifications
sto-up = Monter
sto-down = Descendre
sto-optional = (facultatif)
sto-no-photo = Aucune photo
sto-photo-n = Photo { $id }
sto-newest-photos-of-the = Parmi les photos les plus récentes de la
sto-library = photothèque
sto-nothing-lost = Rien de ce que vous avez saisi n’a été perdu.
sto-up-to-characters = Jusqu’à { $count ->
    [one] { $count } caractère.
   *[other] { $count } caractères.
}

## The live blog's composer (/admin/articles/ID/live)
sto-live-page-title = Direct : { $title }
sto-live-state-live = En direct
sto-live-state-ended = Terminé
sto-live-see-as-reader = Voir comme les lecteurs
sto-live-not-public = L’article n’est pas encore publié : les lecteurs verront ces messages dès qu’il le sera.
sto-live-ended = Ce direct s’est terminé le { $when }. Rouvrez-le ci-dessous pour publier à nouveau pour les lecteurs qui le suivent en direct.
sto-live-edit-entry = Modifier l’entrée { $id }
sto-live-new-update = Nouveau message
sto-live-not-saved = Le message n’a pas été enregistré. Corrigez les champs signalés ; rien de ce que vous avez écrit n’a été perdu.
sto-live-not-posted = Le message n’a pas été publié. Corrigez les champs signalés ; rien de ce que vous avez écrit n’a été perdu.
sto-live-update = Message
sto-live-markdown-hint = Markdown : **gras**, [un lien](https://…), l’adresse d’une vidéo ou d’un post seule sur sa ligne.
sto-live-title = Titre
sto-live-title-hint = (obligatoire pour un moment clé)
sto-live-key-event = Moment clé
sto-live-pin-to-top = Épingler en haut
sto-live-photo = Photo de la photothèque
sto-live-upload-link = Importez-la dans la photothèque
sto-live-upload-then = , puis revenez la choisir.
sto-live-post = Publier le message
sto-live-posted = Publiés ({ $count })
sto-live-newest = { $count ->
    [one] Le plus récent ; les autres sont sur la page de l’article.
   *[other] Les { $count } plus récents ; les autres sont sur la page de l’article.
}
sto-live-pinned = Épinglé
sto-live-has-photo = Photo
sto-live-entry-n = l’entrée { $id }
sto-live-pin = Épingler
sto-live-unpin = Désépingler
sto-live-delete-warning = Elle disparaît aussitôt des pages des lecteurs.
sto-live-delete-entry = Supprimer cette entrée
sto-live-none = Pas encore de message : le premier que vous publiez apparaît aussitôt sur la page de l’article.
sto-live-coverage = Couverture
sto-live-show-entries = Afficher les entrées
sto-live-newest-first = Les plus récentes d’abord
sto-live-oldest-first = Les plus anciennes d’abord
sto-live-save-order = Enregistrer l’ordre
sto-live-end-hint = Quand l’événement est fini, terminez le direct : les lecteurs voient « Ce direct est terminé ».
sto-live-end = Terminer le direct
sto-live-reopen = Rouvrir le direct
sto-live-unknown-action = « { $value } » n’est pas une action de l’éditeur du direct.
sto-live-unknown-order = « { $value } » n’est pas un ordre ; choisissez les plus récentes ou les plus anciennes d’abord.
sto-live-key-event-title = Un moment clé a besoin d’un titre court pour la liste « Moments clés ».
sto-live-no-such-photo = La photo { $id } n’est pas dans la photothèque ; importez-la d’abord.

## A story's numbered list (/admin/articles/ID/list)
sto-list-page-title = Liste numérotée : { $title }
sto-list-heading = Liste numérotée
sto-list-intro = Les éléments que les lecteurs voient sous le texte de l’article, chacun avec son numéro ({ $count ->
    [one] { $count } élément au plus).
   *[other] { $count } éléments au plus).
}
sto-list-not-saved = L’élément n’a pas été enregistré :
sto-list-numbers = Numéros
sto-list-count-up = croissants (1, 2, 3…)
sto-list-count-down = décroissants (…3, 2, 1)
sto-list-save-numbering = Enregistrer la numérotation
sto-list-item-no = N° { $number }
sto-list-item-heading = Intitulé
sto-list-photo = Photo
sto-list-item-text = Texte (Markdown)
sto-list-save-item = Enregistrer l’élément { $number }
sto-list-item-n = l’élément { $number }
sto-list-remove = Retirer
sto-list-none = Pas encore d’élément.
sto-list-add-heading = Ajouter un élément
sto-list-add = Ajouter l’élément
sto-list-empty = Une liste numérotée doit avoir au moins un élément : donnez-lui un intitulé.
sto-list-too-many = Une liste numérotée a au plus { $limit } éléments ; celle-ci en a { $count }.
sto-list-heading-required = L’élément doit avoir un intitulé.
sto-list-heading-too-long = L’intitulé fait { $count } caractères ; la limite est de { $limit }.
sto-list-heading-nul = L’intitulé contient un caractère NUL ; saisissez-le à nouveau ou collez-le en texte brut.
sto-list-text-too-long = Le texte fait { $count } caractères ; la limite est de { $limit }.
sto-list-photo-gone = Une photo de la liste n’est pas dans la photothèque (elle a peut-être été supprimée) ; choisissez des photos de la photothèque.
sto-list-full = Une liste numérotée a au plus { $limit } éléments ; celle-ci est pleine.

## A story's reader polls (/admin/articles/ID/polls)
sto-polls-page-title = Sondages : { $title }
sto-polls-heading = Sondages des lecteurs
sto-polls-intro = Un sondage s’affiche sous le texte de l’article. Chaque lecteur a une voix, qu’il peut changer ou retirer jusqu’à la clôture ; ensuite, tout le monde voit les résultats définitifs.
sto-poll-answer = Réponse
sto-poll-votes = Voix
sto-poll-share = Part
sto-poll-percent = { $percent } %
sto-poll-total = { $count } voix.
sto-poll-closed-at = Clos le { $when } : les lecteurs voient les résultats définitifs.
sto-poll-closed = Clos : les lecteurs voient les résultats définitifs.
sto-poll-closes = Clôture le { $when }.
sto-poll-open = Ouvert jusqu’à ce que vous le clôturiez.
sto-poll-results-before = Les lecteurs voient les résultats avant de voter.
sto-poll-results-after = Les lecteurs voient les résultats une fois qu’ils ont voté.
sto-poll-close-now = Clôturer maintenant
sto-poll-delete = Supprimer le sondage et ses votes
sto-polls-none = Cet article n’a pas encore de sondage.
sto-poll-add-heading = Ajouter un sondage
sto-poll-not-added = Le sondage n’a pas été ajouté : corrigez les champs signalés. Rien de ce que vous avez saisi n’a été perdu.
sto-poll-question = Question
sto-poll-answers = Réponses
sto-poll-answers-hint = Une par ligne : de { $min } à { $max } réponses, de { $limit } caractères au plus chacune.
sto-poll-closes-at = Clôture (facultatif)
sto-poll-closes-at-hint = Heure locale ({ $zone }). Laissez vide pour le garder ouvert jusqu’à ce que vous le clôturiez.
sto-poll-show-results-before = Montrer les résultats avant qu’un lecteur vote
sto-poll-add = Ajouter le sondage
sto-poll-too-few = Un sondage doit proposer au moins { $min } réponses au choix des lecteurs ; celui-ci en a { $count }. Ajoutez une réponse.
sto-poll-too-many = Un sondage a au plus { $max } réponses ; celui-ci en a { $count }. Regroupez-en ou supprimez-en.
sto-poll-option-too-long = La réponse « { $start }… » fait { $count } caractères ; la limite est de { $limit }.
sto-poll-option-nul = La réponse « { $start }… » contient un caractère NUL ; saisissez-la à nouveau ou collez-la en texte brut.
sto-poll-twice = La réponse « { $value } » figure deux fois ; chaque réponse doit être différente.
sto-poll-closes-passed = L’heure de clôture est passée ; indiquez une heure à venir, ou aucune pour garder le sondage ouvert jusqu’à ce que vous le clôturiez.
sto-poll-closes-unreadable = « { $value } » n’est pas une date et une heure, comme 2026-07-17 18:00.

## A story's lead video (/admin/articles/ID/video)
sto-video-page-title = Vidéo : { $title }
sto-video-heading = Vidéo principale
sto-video-intro = Une vidéo principale remplace la photo principale en haut de l’article.
sto-video-now = Actuellement
sto-video-uploaded = Un fichier { $type } importé ({ $size } Mio) :
sto-video-play = la lire
sto-video-from-site = D’un site de vidéos :
sto-video-click-first = Les lecteurs cliquent avant que quoi que ce soit ne se charge depuis ce site.
sto-video-poster-is = Image d’aperçu : { $alt }.
sto-video-no-poster-now = Pas d’image d’aperçu.
sto-video-duration = Durée : { $count ->
    [one] { $count } seconde.
   *[other] { $count } secondes.
}
sto-video-remove = Retirer la vidéo
sto-video-upload-heading = Importer un fichier vidéo
sto-video-file = Fichier MP4 ou WebM
sto-video-file-hint = Jusqu’à { $count } Mio. Reconnu par son contenu, non par son nom.
sto-video-poster = Image d’aperçu (avant la lecture)
sto-video-no-poster = Aucune image d’aperçu
sto-video-poster-shape = Son format est celui du lecteur.
sto-video-duration-label = Durée en secondes (facultatif)
sto-video-upload = Importer et l’utiliser
sto-video-link-heading = Ou utiliser une vidéo YouTube, Vimeo ou Facebook
sto-video-address = L’adresse de la vidéo
sto-video-address-hint = Par exemple https://www.youtube.com/watch?v=dQw4w9WgXcQ
sto-video-use = Utiliser cette vidéo
sto-video-no-file = Choisissez un fichier MP4 ou WebM à importer.
sto-video-not-video = Ce fichier n’est pas une vidéo MP4 ou WebM (d’après son contenu, non son nom). Exportez-le en MP4 (H.264) ou en WebM, puis importez-le à nouveau.
sto-video-too-large = Cette vidéo fait { $size } Mio ; une vidéo peut faire jusqu’à { $limit } Mio. Raccourcissez-la ou allégez-la, puis importez-la à nouveau.
sto-video-not-both = Donnez soit une vidéo importée, soit l’adresse d’une vidéo, pas les deux.
sto-video-none = Importez une vidéo MP4 ou WebM, ou donnez l’adresse d’une vidéo YouTube, Vimeo ou Facebook.
sto-video-not-an-address = « { $value } » n’est pas l’adresse d’une vidéo YouTube, Vimeo ou Facebook ; copiez-la depuis la page de la vidéo, par exemple https://www.youtube.com/watch?v=dQw4w9WgXcQ
sto-video-duration-range = La durée est en secondes, de { $min } à { $max }.
sto-video-gone = La vidéo ou l’image d’aperçu n’existe plus (elle a peut-être été supprimée) ; importez à nouveau la vidéo, ou choisissez une image dans la photothèque.

## A story's photo gallery (/admin/articles/ID/gallery)
sto-gallery-page-title = Galerie : { $title }
sto-gallery-heading = Galerie photo
sto-gallery-intro = Les photos que les lecteurs font défiler, dans cet ordre ({ $count } au plus). La légende et le crédit indiqués ici sont propres à la galerie ; laissés vides, ceux de la photothèque s’affichent.
sto-gallery-photo-of = Photo { $number } sur { $total }
sto-gallery-caption = Légende
sto-gallery-credit = Crédit
sto-gallery-save-words = Enregistrer le texte
sto-gallery-of-photo = de la photo { $number }
sto-gallery-photo-n = photo { $id }
sto-gallery-take-out = Retirer de la galerie
sto-gallery-none = Pas encore de photo : ajoutez-en depuis la photothèque ci-dessous.
sto-gallery-add-heading = Ajouter une photo de la photothèque
sto-gallery-add = Ajouter
sto-gallery-library-empty = La photothèque est vide :
sto-gallery-upload-link = importez des photos
sto-gallery-upload-first = d’abord.
sto-gallery-empty = Une galerie doit avoir au moins une photo : ajoutez des photos de la photothèque.
sto-gallery-too-many = Une galerie contient au plus { $limit } photos ; celle-ci en a { $count }. Faites deux galeries, ou laissez-en de côté.
sto-gallery-photo-gone = L’une des photos n’est pas dans la photothèque (elle a peut-être été supprimée) ; choisissez des photos de la photothèque.
sto-gallery-full = Une galerie contient au plus { $limit } photos ; celle-ci est pleine.
sto-gallery-caption-too-long = La légende fait { $count } caractères ; la limite est de { $limit }.
sto-gallery-caption-nul = La légende contient un caractère NUL ; saisissez-la à nouveau ou collez-la en texte brut.
sto-gallery-credit-too-long = Le crédit fait { $count } caractères ; la limite est de { $limit }.
sto-gallery-credit-nul = Le crédit contient un caractère NUL ; saisissez-le à nouveau ou collez-le en texte brut.
