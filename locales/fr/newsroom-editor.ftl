# The newsroom: editor.
# L'éditeur d'articles, la liste des articles, les versions et leur comparaison, et les
# refus que ces pages affichent.

## The articles list
ed-articles = Articles
ed-write-article = Rédiger un article
ed-find = Rechercher
ed-find-placeholder = Mots de l'article
ed-status = Statut
ed-any = Tous
ed-all = Toutes
ed-section = Rubrique
ed-edition = Édition
ed-source = Provenance
ed-show = Afficher
ed-bulk-label = Pour les articles cochés
ed-bulk-unpublish = Dépublier (repasser en brouillon)
ed-bulk-move = Déplacer vers la rubrique…
ed-bulk-section = Rubrique (pour Déplacer)
ed-apply = Appliquer
ed-choose = Choisir
ed-choose-story = Choisir « { $title } »
ed-col-title = Titre
ed-col-authors = Auteurs
ed-col-updated = Mis à jour
ed-col-reads = Lectures
ed-col-reactions = Réactions
ed-col-comments = Commentaires
ed-view = voir
ed-no-match = Aucun article ne correspond.
ed-write-one = En rédiger un
ed-pages = Pages
ed-newer = ← Plus récents
ed-older = Plus anciens →
ed-page-of = Page { $number } sur { $pages }

## A story's state, as a choice
ed-status-draft = Brouillon
ed-status-scheduled = Programmé
ed-status-published = Publié

## Where a story's copy came from
ed-source-staff = Rédaction
ed-source-agency = Agence
ed-source-press_release = Communiqué de presse
ed-source-syndication = Reprise sous licence
ed-source-reader = Lecteur

## A story's format
ed-format-standard = Article classique
ed-format-live = Direct
ed-format-gallery = Galerie photos
ed-format-video = Vidéo
ed-format-list = Liste numérotée

## The editor: its head and notices
ed-title-edit = Modifier : { $title }
ed-new-article = Nouvel article
ed-edit-article = Modifier l'article
ed-view-on-site = Voir sur le site
ed-preview-as-readers = Aperçu tel que le verront les lecteurs
ed-link-revisions = Versions
ed-link-gallery = Galerie
ed-link-list = Liste numérotée
ed-link-video = Vidéo
ed-link-polls = Sondages
ed-delete = Supprimer
ed-review-waiting = En attente de relecture
ed-review-since = depuis le { $since }.
ed-review-since-by = depuis le { $since }, envoyé par { $name }.
ed-review-act = Publiez-le ou programmez-le, ou
ed-review-send-back = renvoyez-le avec une note
ed-embargoed = Sous embargo
ed-embargoed-until = jusqu'au { $until } : personne ne peut le publier, ni le programmer avant cette date.
ed-scheduled-label = Programmé :
ed-scheduled-not-yet = { $when }. Il n'est pas encore publié.
ed-text-kept = Votre texte est toujours dans le formulaire ci-dessous.
ed-read-only = Lecture seule pour vous.
ed-not-saved-fields = Non enregistré : corrigez les champs signalés ci-dessous. Rien de ce que vous avez saisi n'est perdu.

## When a scheduled story goes live ($time is the clock, $wait how long until then)
ed-goes-live-today = mise en ligne à { $time } ({ $wait })
ed-goes-live-day = mise en ligne le { $day } { $mon } { $year } à { $time } ({ $wait })
ed-wait-now = maintenant
ed-wait-minutes = { $count ->
    [one] dans { $count } minute
   *[other] dans { $count } minutes
}
ed-wait-hours = { $count ->
    [one] dans { $count } heure
   *[other] dans { $count } heures
}
ed-wait-days = { $count ->
    [one] dans { $count } jour
   *[other] dans { $count } jours
}

## How long a story has waited for review, on the dashboard
ed-ago-now = à l'instant
ed-ago-minutes = { $count ->
    [one] il y a { $count } minute
   *[other] il y a { $count } minutes
}
ed-ago-hours = { $count ->
    [one] il y a { $count } heure
   *[other] il y a { $count } heures
}
ed-ago-days = { $count ->
    [one] il y a { $count } jour
   *[other] il y a { $count } jours
}

## The editor: someone else saved first
ed-conflict-title = Quelqu'un d'autre a enregistré cet article pendant que vous le modifiiez
ed-conflict-version = Il en est maintenant à la version { $version }.
ed-conflict-kept = Vos modifications n'ont pas écrasé les siennes, et rien n'est perdu
ed-conflict-merge = votre texte est toujours dans le formulaire ci-dessous, et le sien est affiché ici. Reportez dans le formulaire ce dont vous avez besoin, puis enregistrez à nouveau ; enregistrer maintenant remplacera sa version par le contenu du formulaire.
ed-field = Champ
ed-conflict-theirs = La sienne (enregistrée)
ed-conflict-yours = La vôtre (dans le formulaire)
ed-conflict-body = Texte : le sien → le vôtre
ed-conflict-their-text = Son texte complet

## A field that changed between two versions
ed-change-title = Titre
ed-change-standfirst = Chapeau
ed-change-slug = Identifiant d'URL
ed-change-status = Statut
ed-change-section = Rubrique
ed-change-authors = Auteurs
ed-change-tags = Mots-clés
ed-change-lead_image = Photo principale
ed-change-image_credit = Crédit photo
ed-change-image_caption = Légende
ed-change-seo_title = Titre SEO
ed-change-seo_description = Description SEO

## The editor: the story's text
ed-headline = Titre
ed-standfirst = Chapeau
ed-standfirst-hint = Une ou deux phrases sous le titre.
ed-dateline = Lieu
ed-dateline-hint = D'où l'article a été écrit, affiché avant le premier paragraphe : NAIROBI —. Laissez vide s'il n'y en a pas.
ed-body = Texte
ed-tab-write = Rédiger
ed-preview = Aperçu
ed-md-hint = Markdown : une ligne vide entre les paragraphes,
ed-md-subheading = ## Intertitre
ed-md-quote = > citation
ed-md-link = [lien](https://…)
ed-md-image = ![description](URL de l'image)

## The editor: publishing
ed-publishing = Publication
ed-author-hint = Vous enregistrez des brouillons et les soumettez à la relecture ; un éditeur les publie.
ed-publish-at = Publier le ({ $zone })
ed-publish-at-hint = Pour « Programmé » : l'heure de mise en ligne. Laissez vide pour publier tout de suite.
ed-goes-live-at = Mise en ligne : { $when }
ed-published-at = Publié : { $when }
ed-publication-time = Date de publication : { $when }
ed-last-saved = Dernier enregistrement : { $when }
ed-embargo-until = Embargo jusqu'au ({ $zone })
ed-embargo-until-hint = Personne ne peut le publier, ni le programmer, avant cette date. Laissez vide s'il n'y en a pas.
ed-comments-open = Les lecteurs peuvent commenter
ed-format = Format
ed-live-open = Ouvrir l'outil du direct
ed-live-rest = pour publier des mises à jour, en épingler une et clore le direct.
ed-gallery-choose = Choisir les photos de la galerie
ed-gallery-save-first = Enregistrez un brouillon, puis choisissez ses photos
ed-gallery-rule = une galerie est publiée avec au moins une photo.
ed-video-choose = Téléverser ou lier la vidéo
ed-video-save-first = Enregistrez un brouillon, puis téléversez ou liez sa vidéo
ed-video-rule = un article vidéo est publié avec sa vidéo.
ed-list-choose = Rédiger les éléments de la liste
ed-list-save-first = Enregistrez un brouillon, puis rédigez ses éléments
ed-list-rule = une liste est publiée avec au moins un élément.
ed-minor-edit = Modification mineure (coquille, mise en forme) : les lecteurs ne voient pas de nouvelle heure de « Mise à jour »

## The editor: where the copy came from
ed-copy-source = Provenance du texte
ed-agency = Agence ou publication
ed-agency-hint = Pour une dépêche, la signature peut être celle de l'agence seule (aucun auteur coché) : « Par PNN ».
ed-source-url = URL d'origine
ed-source-rights = Droits ou conditions d'utilisation
ed-source-rights-hint = Pour la rédaction : ce que permet l'accord.

## The editor: section, authors, tags
ed-filed-under = Classement
ed-choose-section = Choisissez une rubrique
ed-author-search = Tapez un nom pour trouver un auteur
ed-tags = Mots-clés
ed-tags-hint = Séparez-les par des virgules ; les nouveaux mots-clés sont créés.

## The editor: the lead photo
ed-lead-photo = Photo principale
ed-upload-photo = Téléverser une photo
ed-from-library = Ou choisir dans la photothèque
ed-library-search = Rechercher textes alternatifs, crédits, légendes
ed-no-alt-yet = Pas encore de texte alternatif
ed-library-empty = Aucune photo dans la photothèque pour l'instant.
ed-image-url = URL de l'image
ed-image-url-hint = Une photo de la médiathèque (son adresse), une adresse https:// ou un chemin sur ce site.
ed-image-alt = Texte alternatif
ed-image-alt-hint = Ce que montre la photo, pour les lecteurs qui ne peuvent pas la voir. Obligatoire avec une photo.
ed-alt-warning = Cette photo n'a pas de texte alternatif : décrivez-la avant d'enregistrer.
ed-image-credit = Crédit
ed-image-credit-hint = Affiché ainsi : « Photo : <crédit>. »
ed-image-caption = Légende

## The editor: address and search engines, and its buttons
ed-address-seo = Adresse et moteurs de recherche
ed-slug = Identifiant d'URL
ed-slug-hint = Créé à partir du titre s'il est vide. Si vous le modifiez, l'ancienne adresse redirige ici.
ed-seo-title = Titre SEO
ed-seo-title-hint = À la place du titre dans les résultats de recherche.
ed-seo-description = Description SEO
ed-save = Enregistrer
ed-submit-review = Soumettre à la relecture
ed-back-to-articles = Retour aux articles

## The editor: corrections and updates readers see
ed-corrections-title = Corrections et mises à jour
ed-corrections-public = (les lecteurs les voient sur l'article)
ed-corrections-hint = Une note reste au dossier : elle peut être modifiée, jamais supprimée, et chaque formulation est conservée. Les corrections et les précisions figurent aussi sur la
ed-corrections-page = page publique des corrections
ed-typed-kept = Ce que vous avez saisi est toujours dans le formulaire.
ed-version = Version { $version }
ed-version-lower = version { $version }
ed-amend-note = Modifier cette note
ed-note-text = Texte
ed-amend = Modifier
ed-note-history = { $count ->
    [one] Historique ({ $count } formulation)
   *[other] Historique ({ $count } formulations)
}
ed-saved = enregistrée le { $when }
ed-saved-by = enregistrée le { $when } par { $name }
ed-add-note-readers = Ajouter une note pour les lecteurs
ed-note-kind = Type
ed-note-kind-correction = Correction
ed-note-kind-clarification = Précision
ed-note-kind-update = Mise à jour
ed-note-kind-editors_note = Note de la rédaction
ed-note-text-hint = Dites ce qui était faux et ce qui est juste, en une phrase que les lecteurs comprennent.
ed-note-dated = Date (RFC 3339, facultative)
ed-note-dated-hint = Laissez vide pour l'heure actuelle.
ed-publish-note = Publier la note

## The editor: the desk, internal notes and preview links
ed-desk = Suivi de rédaction
ed-desk-internal = (interne : les lecteurs ne le voient jamais)
ed-send-back-label = Renvoyer à l'auteur avec une note
ed-send-back = Renvoyer
ed-assigned-to = Confié à
ed-nobody = Personne
ed-assign = Confier
ed-share-preview = Partager un aperçu
ed-share-preview-hint = Un lien pour une personne extérieure à la rédaction : il montre l'article tel que les lecteurs le verront, fonctionne 48 heures, et les moteurs de recherche ne l'indexent jamais.
ed-preview-link = Lien d'aperçu { $id }
ed-until = jusqu'au { $when }
ed-withdraw = Retirer
ed-make-preview = Créer un lien d'aperçu
ed-notes = Notes internes
ed-no-notes = Aucune note pour l'instant.
ed-add-note-label = Ajouter une note pour la rédaction
ed-add-note = Ajouter la note

## The story previewed in the public theme: the banner above it
ed-preview-scheduled = Aperçu : programmé, { $when }.
ed-preview-published = Aperçu de l'article publié.
ed-preview-draft = Aperçu : cet article est un brouillon ; les lecteurs ne peuvent pas le voir.

## Deleting a story
ed-delete-title = Supprimer « { $title } » ?
ed-delete-public = Il est publié : les lecteurs qui suivent un lien vers lui tomberont sur une page « introuvable », et il disparaît des flux, de la recherche et des plans du site.
ed-delete-unseen = Il n'est pas publié : les lecteurs ne l'ont jamais vu.
ed-delete-everything = Ses versions, réactions et commentaires sont supprimés avec lui. C'est irréversible.
ed-delete-instead = Pour le retirer du site tout en le conservant, repassez plutôt son statut en Brouillon.
ed-delete-button = Supprimer l'article

## Revisions
ed-revisions-title = Versions : { $title }
ed-revisions-of = Versions de « { $title } »
ed-back-to-editor = Retour à l'éditeur
ed-revisions-hint = Chaque enregistrement est conservé, avec son auteur et sa date. Un enregistrement refusé parce que quelqu'un d'autre avait enregistré avant est conservé aussi, marqué « conflit », pour qu'aucun mot ne se perde. Choisissez-en deux à comparer.
ed-rev-from = De
ed-rev-to = À
ed-rev-version = Version
ed-rev-saved = Enregistrée le
ed-rev-by = Par
ed-rev-compare-from = Comparer depuis la version { $version }
ed-rev-compare-to = Comparer jusqu'à la version { $version }
ed-rev-conflict = conflit
ed-rev-current = actuelle
ed-someone-removed = (personne supprimée depuis)
ed-restore = Restaurer
ed-compare-chosen = Comparer les deux versions choisies

## Comparing two revisions
ed-compare-title = Comparer des versions
ed-compare-heading = Version { $from } → version { $to }
ed-all-revisions = Toutes les versions
ed-compare-summary = « { $title } » : { $from_at } par { $from_by } → { $to_at } par { $to_by }.
ed-before = Avant
ed-after = Après
ed-only-body-changed = Aucun champ n'a changé en dehors du texte.
ed-restore-version = Restaurer la version { $version }

## Refusals the editor shows under a field or above the form
ed-not-a-time = « { $value } » n'est pas une date et une heure, comme 2026-07-17 11:32
ed-version-not-number = la version du formulaire n'est pas un nombre ; rechargez la page
ed-embargo-refusal = Cet article est sous embargo jusqu'au { $until } : personne ne peut le publier ni le programmer avant cette date. Programmez-le pour le { $until } ou plus tard, ou enregistrez-le comme brouillon.
ed-not-yours = Cet article appartient à quelqu'un d'autre : en tant { $role ->
    [contributor] que contributeur
    [editor] qu'éditeur
    [admin] qu'administrateur
   *[author] qu'auteur
}, vous ne pouvez modifier que les articles que vous avez créés. Demandez à un éditeur de le modifier.
ed-contributor-read-only = Cet article est { $status ->
    [published] publié
    [scheduled] programmé
    [review] en relecture
   *[other] hors brouillon
}, il est donc en lecture seule pour un contributeur : vous ne pouvez modifier que vos brouillons. Demandez à un éditeur de faire la modification, ou de le repasser en Brouillon pour que vous puissiez le modifier.
ed-no-such-section = Il n'existe pas de rubrique « { $value } » ; choisissez-en une dans la liste.
ed-authors-required = Cochez au moins un auteur pour la signature.
ed-authors-required-agency = Cochez au moins un auteur pour la signature (une dépêche d'agence peut porter le nom de l'agence à la place).
ed-images-without-alt = { $count ->
    [one] { $count } image du texte n'a pas de description ; écrivez ce qu'elle montre entre les crochets, comme ![Bateaux au port](/media/...), ou enregistrez en brouillon.
   *[other] { $count } images du texte n'ont pas de description ; écrivez ce que chacune montre entre les crochets, comme ![Bateaux au port](/media/...), ou enregistrez en brouillon.
}
ed-incomplete = L'article est incomplet.
ed-slug-taken = « { $value } » est déjà utilisé ; choisissez un autre identifiant d'URL.
ed-slug-crowded = Trop d'éléments utilisent déjà « { $value } » ; choisissez un identifiant d'URL.
ed-too-many-tags = Un article peut avoir au plus { $count } mots-clés.
ed-not-rfc3339 = « { $value } » n'est pas une date et une heure lisibles ; choisissez-la de nouveau dans le calendrier.
ed-time-before-1900 = « { $value } » est antérieur à 1900 : choisissez une date entre les années 1900 et 9999.
ed-schedule-needs-time = Un article programmé a besoin d'une heure de publication : remplissez « Publier le ».
ed-dateline-one-line = Le lieu tient sur une ligne et nomme un endroit, comme NAIROBI.
ed-dateline-too-long = Le lieu fait au plus { $limit } caractères, comme NAIROBI.
ed-agency-required = Indiquez l'agence dont provient le texte (comme PNN), ou choisissez une autre provenance.

## Refusals of a note for readers
ed-note-needs-kind = Précisez le type de note : correction, précision, mise à jour ou note de la rédaction.
ed-note-stays-kind = { $kind ->
    [clarification] Une précision reste une précision
   *[correction] Une correction reste une correction
} dans les archives ; modifiez plutôt son texte.
ed-note-not-empty = Écrivez le contenu de la note ; une note ne peut être ni vidée ni supprimée.
ed-note-too-long = Une note fait au plus { $limit } caractères.
ed-note-in-future = Une note est datée de maintenant ou d'avant, pas du futur.
ed-note-before-story = Une note est datée après la publication de l'article ; laissez vide pour l'heure actuelle.
ed-note-incomplete = La note est incomplète.

## Refusals at the desk
ed-no-such-member = Cette personne ne fait pas partie de la rédaction.
ed-member-deactivated = { $name } est désactivé ; choisissez quelqu'un qui peut se connecter.
ed-desk-note-required = Écrivez la note : ce qui doit changer, ou ce que la rédaction doit savoir.
ed-desk-note-too-long = Une note fait au plus { $limit } caractères.

## Refusals above the editor's form or the note form
ed-drafts-only = Un contributeur enregistre des brouillons ; un auteur, un éditeur ou un administrateur les publie ou les programme. Enregistrez-le en brouillon et demandez à un éditeur de le passer en { $status ->
    [scheduled] Programmé
   *[published] Publié
}.
ed-review-first = Cette rédaction demande aux auteurs de soumettre leurs articles à la relecture : un éditeur les publie ou les programme. Soumettez-le plutôt à la relecture.
ed-editors-note = Seul un éditeur ou un administrateur ajoute ou modifie les corrections et les notes que voient les lecteurs ; vous êtes { $role ->
    [contributor] contributeur
    [editor] éditeur
    [admin] administrateur
   *[author] auteur
}. Demandez à un éditeur.
ed-note-published-first = Les notes accompagnent les articles publiés, pour les lecteurs : publiez d'abord cet article. S'il n'est pas encore paru, laissez plutôt une note interne à la rédaction.

## Refusals of a bulk action on the articles list, and of the desk's forms
ed-bulk-none = Cochez au moins un élément, puis choisissez quoi en faire.
ed-bulk-too-many = Choisissez au plus { $count } éléments à la fois.
ed-bulk-unknown-for-comments = « { $action } » n'est pas une action groupée pour les commentaires ; utilisez approuver, indésirable ou supprimer.
ed-bulk-unknown-for-stories = « { $action } » n'est pas une action groupée pour les articles ; utilisez dépublier, déplacer ou supprimer.
ed-bulk-choose-section = Choisissez la rubrique où déplacer les articles.
ed-bulk-nothing-changed = Rien n'a été modifié. « { $title } » : { $refusal }
ed-compare-choose-two = Choisissez deux versions à comparer.
ed-assign-choose = Choisissez quelqu'un dans la liste.

## Refusals any newsroom form may show
ed-version-required = La version chargée n'a pas été envoyée ; rechargez la page pour ne jamais écraser sans le voir le travail de quelqu'un d'autre.
ed-taken = { $field ->
    [slug] Cet identifiant d'URL est déjà pris.
    [email] Cette adresse e-mail est déjà prise.
    [name] Ce nom est déjà pris.
   *[other] Cette valeur est déjà prise.
}

## The editor's autosave, when a save is refused
ed-autosave-refused = Non enregistré : { $problems }.
ed-autosave-conflict = Non enregistré : quelqu'un d'autre a modifié cet article depuis que vous l'avez ouvert.

## A story format published without its content
ed-format-gallery-empty = Une galerie a besoin de ses photos avant d'être publiée ou programmée : enregistrez-la en brouillon, ajoutez des photos de la photothèque à sa galerie, puis publiez-la.
ed-format-video-empty = Un article vidéo a besoin de sa vidéo avant d'être publié ou programmé : enregistrez-le en brouillon, envoyez un fichier MP4 ou WebM ou donnez une adresse YouTube, Vimeo ou Facebook, puis publiez-le.
ed-format-list-empty = Une liste numérotée a besoin de ses éléments avant d'être publiée ou programmée : enregistrez-la en brouillon, ajoutez au moins un élément à sa liste, puis publiez-la.

## A subsection's edition
ed-section-follows-parent = C'est une sous-rubrique de « { $name } », et une sous-rubrique est dans l'édition de sa rubrique : changez la langue de la rubrique, ou faites d'abord de celle-ci une rubrique à part entière.
