# The newsroom: library.
# La médiathèque, les rubriques, mots-clés et auteurs, les pages du site, les menus, et la
# confirmation avant une suppression.

## Shared words
lib-save = Enregistrer
lib-cancel = Annuler
lib-delete = Supprimer
lib-delete-ellipsis = Supprimer…
lib-yes = Oui
lib-no = Non
lib-none = (aucun)
lib-none-yet = Rien pour l’instant.
lib-pager = Pages
lib-newer = ← Plus récentes
lib-older = Plus anciennes →
lib-col-name = Nom
lib-col-address = Adresse
lib-col-articles = Articles
lib-col-title = Titre
lib-col-contact-form = Formulaire de contact
lib-col-updated = Mise à jour
lib-col-version = Version
lib-col-saved = Enregistrée le
lib-col-by = Par
lib-col-words = Mots

## The media library (/admin/media)
lib-media = Médias
lib-media-upload-title = Importer une photo
lib-media-file = Photo (JPEG, PNG, WebP ou GIF, jusqu’à { $mib } Mio)
lib-media-file-hint = Le lieu et les données de l’appareil sont retirés de toutes les tailles servies aux lecteurs.
lib-media-alt = Texte alternatif
lib-media-alt-hint-upload = Ce que montre la photo, pour les lecteurs qui ne peuvent pas la voir. Obligatoire avant qu’elle puisse illustrer un article en tête.
lib-media-credit = Crédit
lib-media-credit-hint = Affiché sous la forme « Photo : <crédit>. »
lib-media-caption = Légende
lib-media-upload = Importer
lib-media-search-label = Chercher dans les textes alternatifs, crédits et légendes
lib-media-search = Chercher
lib-media-no-alt = Pas encore de texte alternatif
lib-media-none = Aucune photo.
lib-media-none-match = Aucune photo ne correspond à « { $q } ».
lib-media-refused = L’import a été refusé.
lib-media-too-big = La photo dépasse la taille acceptée par cette rédaction. Une photo peut faire jusqu’à { $mib } Mio : réduisez-la et importez-la à nouveau.

## An upload the library refused
lib-media-empty = Le fichier est vide. Choisissez une photo à importer.
lib-media-too-large = Le fichier fait { $size } ; la limite est de { $limit }. Réduisez-le et importez-le à nouveau.
lib-media-not-image = Ce fichier n’est pas une image JPEG, PNG, WebP ou GIF : c’est son contenu qui a été vérifié, pas son nom. Les SVG, le HTML, les documents et les archives ne peuvent pas être importés.
lib-media-too-many-pixels = L’image fait { $width }×{ $height } pixels ({ $megapixels } mégapixels) ; la limite est de { $limit } mégapixels. Redimensionnez-la et importez-la à nouveau.
lib-media-unreadable = L’image n’a pas pu être lue : elle est peut-être incomplète ou endommagée. Exportez-la de nouveau et importez le nouveau fichier.
lib-media-too-tall = L’image fait { $width }×{ $height } pixels : affichée sur { $shown_width } pixels de large, elle en ferait { $shown_height } de haut, et une image web ne peut dépasser { $limit }. Recadrez-la et importez-la à nouveau.
lib-media-incomplete = L’import s’est interrompu avant la fin ({ $reason }).
lib-media-no-file = Envoyez la photo dans un champ multipart nommé `file`.
lib-media-alt-too-long = Le texte alternatif dépasse { $limit } caractères.

## One photo (/admin/media/ID)
lib-photo = Photo
lib-photo-number = Photo nº { $id }
lib-media-all = Tous les médias
lib-photo-details = { $width }×{ $height } pixels · importée le { $at }
lib-photo-details-by = { $width }×{ $height } pixels · importée le { $at } par { $name }
lib-photo-address = Adresse à utiliser dans un article
lib-photo-sizes = Tailles :
lib-photo-used-in = Utilisée dans :
lib-photo-unused = Utilisée dans aucun article pour l’instant.
lib-photo-no-alt = Cette photo n’a pas encore de texte alternatif. Ajoutez-le avant de l’utiliser dans un article.
lib-photo-alt-hint = Ce que montre la photo, pour les lecteurs qui ne peuvent pas la voir.
lib-photo-delete = Supprimer cette photo…
lib-photo-alt-is = Texte alternatif : { $value }
lib-photo-credit-is = Crédit : { $value }
lib-photo-caption-is = Légende : { $value }
lib-photo-only-uploader = Seule la personne qui l’a importée ou un éditeur peut la modifier.

## Sections, tags and authors (/admin/sections, /admin/tags, /admin/authors)
lib-sections = Rubriques
lib-tags = Mots-clés
lib-authors = Auteurs
lib-add-section = Ajouter une rubrique
lib-add-tag = Ajouter un mot-clé
lib-add-author = Ajouter un auteur
lib-add-the-section = Ajouter la rubrique
lib-add-the-tag = Ajouter le mot-clé
lib-add-the-author = Ajouter l’auteur
lib-edit-section = Modifier la rubrique
lib-edit-tag = Modifier le mot-clé
lib-edit-author = Modifier l’auteur
lib-edit-section-named = Modifier la rubrique : { $name }
lib-edit-tag-named = Modifier le mot-clé : { $name }
lib-edit-author-named = Modifier l’auteur : { $name }
lib-view-on-site = Voir sur le site
lib-all-sections = Toutes les rubriques
lib-all-tags = Tous les mots-clés
lib-all-authors = Tous les auteurs
lib-field-name = Nom
lib-field-slug = Identifiant d’adresse
lib-field-slug-hint = Partie de l’adresse. Si vous le changez, l’ancienne adresse continue de fonctionner : elle redirige ici.
lib-field-description = Description
lib-field-parent = Rubrique parente
lib-field-parent-hint = La page d’une sous-rubrique est /section/PARENTE/IDENTIFIANT ; la page de la rubrique parente reprend ses articles.
lib-field-parent-none = Aucune : rubrique de premier niveau
lib-field-position = Position dans le menu
lib-field-position-hint = Du plus petit au plus grand ; les blocs de la page d’accueil suivent le même ordre.
lib-field-position-not-number = « { $value } » n’est pas un nombre entier
lib-field-on-home = Afficher sur la page d’accueil
lib-field-on-home-yes = Oui, en bloc d’articles
lib-field-block-style = Style du bloc
lib-field-block-lead-list = À la une et liste : un article avec photo, puis des titres
lib-field-block-grid = Grille : quatre articles avec photos
lib-field-block-list = Liste : titres seulement
lib-field-colour = Couleur
lib-field-colour-hint = Facultatif, par exemple #a4161a : le surtitre et le filet du bloc de la rubrique.
lib-field-edition = Édition
lib-field-edition-hint = Vide pour la langue du site. Un code de langue (sw, fr, ar...) place la rubrique et ses articles dans l’édition de cette langue, sous /CODE/.
lib-field-bio = Biographie
lib-field-photo-url = Adresse de la photo
lib-field-photo-url-hint = Une adresse https:// ou un chemin sur ce site.
lib-tag-merge-title = Fusionner avec un autre mot-clé
lib-tag-merge-intro = Chaque article portant ce mot-clé reçoit l’autre à la place ; l’adresse de ce mot-clé redirige ensuite vers lui.
lib-tag-merge-into = Fusionner avec
lib-tag-choose = Choisir un mot-clé
lib-tag-merge = Fusionner
lib-tag-merge-choose = choisissez le mot-clé avec lequel fusionner celui-ci
lib-author-person-title = Membre de la rédaction
lib-author-person-intro = La personne qui signe sous ce nom : il lui est proposé en premier quand elle écrit.
lib-author-person = Personne
lib-author-nobody = Personne (signature invitée ou d’agence)
lib-author-person-option = { $name } ({ $email })
lib-author-person-option-inactive = { $name } ({ $email }), désactivé
lib-author-person-save = Enregistrer le lien
lib-delete-this-section = Supprimer cette rubrique…
lib-delete-this-tag = Supprimer ce mot-clé…
lib-delete-this-author = Supprimer cet auteur…
lib-delete-told = Les conséquences vous seront indiquées d’abord.

## The site's pages (/admin/pages)
lib-pages = Pages
lib-page-new = Nouvelle page
lib-pages-intro-start = Les pages propres au site : À propos, Contact, Confidentialité, une politique de correction… Chacune a sa propre adresse, figure dans le plan du site mais pas dans les flux ni dans la recherche d’articles, et peut être liée depuis les
lib-pages-intro-menus = menus
lib-pages-intro-end = d’en-tête ou de pied de page (réglés par les administrateurs).
lib-pages-none = Aucune page pour l’instant.

## A page's editor
lib-page-edit = Modifier « { $title } »
lib-page-view = Voir la page
lib-page-revisions = Versions
lib-page-all = Toutes les pages
lib-page-not-saved = La page n’a pas été enregistrée. Corrigez les champs signalés ; rien de ce que vous avez écrit n’est perdu.
lib-page-title = Titre
lib-page-slug-hint = La page répond à /cet-identifiant. Lettres minuscules, chiffres et traits d’union ; tiré du titre s’il est vide. Une adresse modifiée garde l’ancienne active, avec une redirection.
lib-page-text = Texte
lib-page-text-hint = Markdown : ## pour un intertitre, **gras**, [un lien](https://…), > pour une citation.
lib-page-contact-form = Afficher le formulaire de contact sous le texte (les messages arrivent dans Messages, et par e-mail si c’est réglé)
lib-page-seo = Recherche et partage
lib-page-seo-title = Titre pour la recherche
lib-page-seo-title-hint = Affiché par les moteurs de recherche à la place du titre ({ $limit } caractères au plus).
lib-page-seo-description = Description pour la recherche
lib-page-seo-description-hint = Une ou deux phrases ({ $limit } caractères au plus).
lib-page-create = Créer la page
lib-page-conflict = Cette page a été modifiée par quelqu’un d’autre (elle en est à la version { $current }) depuis l’ouverture de la version { $loaded } ; rien n’a été écrasé, et votre texte est conservé parmi les versions de la page.
lib-page-slug-reserved = « { $slug } » est une adresse utilisée par le site lui-même (/{ $slug }) ; choisissez un autre identifiant, comme « { $slug }-page » ou « about-{ $slug } »
lib-page-slug-taken = « { $slug } » est déjà l’identifiant d’une autre page ; choisissez-en un autre

## A page's revisions
lib-revisions-title = Versions : { $title }
lib-revisions-heading = Versions de « { $title } »
lib-revisions-back = Retour à l’éditeur
lib-revisions-intro = Chaque enregistrement est conservé, avec son auteur et sa date. Un enregistrement refusé parce que quelqu’un d’autre avait enregistré avant est conservé aussi, marqué « conflit », pour qu’aucun mot ne se perde. Restaurer remet le texte d’une version sous forme de nouvelle version.
lib-revisions-conflict = conflit
lib-revisions-current = actuelle
lib-revisions-restore = Restaurer
lib-revisions-restore-version = la version { $version }

## The header and footer menus (/admin/menus)
lib-menus = Menus
lib-menus-intro-start = Les entrées mènent à une rubrique, à l’une des
lib-menus-intro-pages = pages
lib-menus-intro-end = { " " }du site, ou à un lien (une adresse https:// ou un chemin sur ce site commençant par /). Changez les numéros ou utilisez les flèches pour réordonner ; une modification s’affiche aussitôt sur toutes les pages.
lib-menu-header = Menu d’en-tête
lib-menu-header-hint = Sous le titre du journal, sur chaque page. Tant qu’il n’est pas enregistré, il liste les rubriques dans leur ordre.
lib-menu-header-refused = Le menu d’en-tête n’a pas été enregistré. Corrigez les entrées signalées ; rien de ce que vous avez saisi n’est perdu.
lib-menu-header-save = Enregistrer le menu d’en-tête
lib-menu-footer = Menu de pied de page
lib-menu-footer-hint = En pied de chaque page : les pages À propos, Contact et Confidentialité, une politique de correction…
lib-menu-footer-refused = Le menu de pied de page n’a pas été enregistré. Corrigez les entrées signalées ; rien de ce que vous avez saisi n’est perdu.
lib-menu-footer-save = Enregistrer le menu de pied de page
lib-menu-entry = Entrée { $n }
lib-menu-entry-named = Entrée { $n } : { $label }
lib-menu-position = Position
lib-menu-move-up = Monter l’entrée { $n }
lib-menu-move-down = Descendre l’entrée { $n }
lib-menu-remove = Retirer
lib-menu-add = Ajouter une entrée
lib-menu-leads-to = Mène à
lib-menu-nothing = Rien (pas de nouvelle entrée)
lib-menu-sections = Rubriques
lib-menu-pages = Pages
lib-menu-link = Un lien (adresse ci-dessous)
lib-menu-label = Libellé
lib-menu-label-hint = Le nom de la rubrique ou de la page s’il est vide ; un lien en a besoin d’un.
lib-menu-address = Adresse (liens seulement)

## A menu the newsroom refused
lib-menu-too-many = un menu compte au plus { $limit } entrées ; celui-ci en a { $count }
lib-menu-link-needs-label = un lien a besoin d’un libellé à afficher
lib-menu-section-gone = cette rubrique n’existe plus
lib-menu-page-gone = cette page n’existe plus
lib-menu-target-unknown = « { $value } » n’est pas une destination de menu ; choisissez une rubrique, une page ou un lien
lib-menu-scheme-refused = les adresses { $scheme }: sont refusées (elles peuvent exécuter du code ou sortir du web) ; utilisez une adresse http(s) ou un chemin sur ce site commençant par /

## Before something is deleted
lib-confirm-delete-section = Supprimer la rubrique « { $name } » ?
lib-confirm-delete-tag = Supprimer le mot-clé « { $name } » ?
lib-confirm-delete-author = Supprimer l’auteur « { $name } » ?
lib-delete-the-section = Supprimer la rubrique
lib-delete-the-tag = Supprimer le mot-clé
lib-delete-the-author = Supprimer l’auteur
lib-confirm-section-used = { $count ->
    [one] { $count } article y est classé : elle ne peut donc pas encore être supprimée. Déplacez-le d’abord dans une autre rubrique.
   *[other] { $count } articles y sont classés : elle ne peut donc pas encore être supprimée. Déplacez-les d’abord dans une autre rubrique.
}
lib-confirm-section-unused = Aucun article n’y est classé. Sa page répondra « introuvable ».
lib-confirm-tag-used = { $count ->
    [one] { $count } article perdra ce mot-clé ; l’article lui-même reste tel quel.
   *[other] { $count } articles perdront ce mot-clé ; les articles eux-mêmes restent tels quels.
}
lib-confirm-tag-page = Sa page et ses flux répondront « introuvable ». Pour garder son adresse active, fusionnez-le plutôt avec un autre mot-clé.
lib-confirm-author-used = { $count ->
    [one] Cet auteur signe { $count } article : il ne peut donc pas encore être supprimé. Changez d’abord cette signature.
   *[other] Cet auteur signe { $count } articles : il ne peut donc pas encore être supprimé. Changez d’abord ces signatures.
}
lib-confirm-author-unused = Cet auteur ne signe aucun article : aucun article ne change.
lib-confirm-author-page = Sa page et son flux répondront « introuvable ».
lib-confirm-delete-photo = Supprimer la photo « { $name } » ?
lib-delete-the-photo = Supprimer la photo
lib-confirm-photo-unused = Aucun article ne l’utilise. Ses fichiers sont effacés et ses adresses cessent de fonctionner.
lib-confirm-photo-used = Elle ne peut pas être supprimée tant que des articles l’utilisent : { $titles }. Retirez-la d’abord de ces articles.
lib-confirm-delete-page = Supprimer la page « { $title } » ?
lib-delete-the-page = Supprimer la page
lib-confirm-page-address = Son adresse, { $path }, répondra désormais « introuvable », et les menus retireront leur lien vers elle.
lib-confirm-page-revisions = Ses versions disparaissent avec elle ; c’est irréversible.
