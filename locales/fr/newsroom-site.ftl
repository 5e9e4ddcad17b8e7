# The newsroom: site.

## The front page desk (/admin/front)
adm-front-title = Une
adm-front-view-home = Voir la page d'accueil
adm-front-slots = Les emplacements, tels que les lecteurs les voient
adm-front-slots-hint = Un article placé reste en place jusqu'à ce que vous le déplaciez ou le retiriez, ou que sa durée expire ; les articles plus récents ne le font pas descendre. Les emplacements vides affichent les articles les plus récents.
adm-front-lead = Ouverture
adm-front-placed = placé
adm-front-placed-until = placé jusqu'au { $until }
adm-front-newest = plus récent
adm-front-remove-lead = Retirer de l'ouverture
adm-front-no-stories = Aucun article publié pour l'instant.
adm-front-top = À la une
adm-front-up = Monter
adm-front-down = Descendre
adm-front-which = : { $title }
adm-front-make-lead = Mettre en ouverture
adm-front-remove = Retirer
adm-front-drag-hint = Vous pouvez aussi faire glisser les articles à la une pour les réordonner.
adm-front-release = Libérer tous les emplacements (les plus récents d'abord)
adm-front-place = Placer un article
adm-front-search-label = Chercher dans les titres
adm-front-search = Chercher
adm-front-matching = Articles publiés correspondant à « { $words } ».
adm-front-newest-stories = Les derniers articles publiés.
adm-front-keep-for = Durée de placement
adm-front-until-moved = jusqu'à déplacement
adm-front-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
adm-front-a-day = un jour
adm-front-as-lead = Ouverture
adm-front-as-top = À la une
adm-front-breaking-for = { $count ->
    [one] Alerte info ({ $count } heure)
   *[other] Alerte info ({ $count } heures)
}
adm-front-label-for = Étiquette de { $title }
adm-front-no-label = Aucune étiquette
adm-front-set-label = Appliquer
adm-front-no-match = Aucun article publié ne correspond.
adm-front-breaking = Alerte info
adm-front-up-now = En ce moment :
adm-front-up-until = , jusqu'au
adm-front-take-down = Retirer le bandeau
adm-front-no-banner = Aucun bandeau en ce moment. Utilisez « Alerte info » à côté d'un article pour l'afficher pendant deux heures.
adm-front-labels = Étiquettes
adm-front-labels-standard = Tous les sites ont : { $labels }. « { $sponsored } » ajoute aussi une mention de contenu sponsorisé sur l'article.
adm-front-own-labels = Étiquettes propres à ce site, une par ligne
adm-front-save-labels = Enregistrer les étiquettes

## The numbers (/admin/stats)
adm-stats-title = Chiffres
adm-stats-own = Les lecteurs de vos articles.
adm-stats-about = Heures de { $zone }. Les lectures sont comptées sans cookies ni adresses ; les robots sont exclus.
adm-stats-right-now = En ce moment
adm-stats-right-now-reads = { $count ->
    [one] lecture
   *[other] lectures
} ces { $minutes } dernières minutes
adm-stats-nobody = Personne ne lit en ce moment.
adm-stats-today = Aujourd'hui
adm-stats-reads-total = { $count ->
    [one] ({ $count } lecture)
   *[other] ({ $count } lectures)
}
adm-stats-today-caption = Les articles les plus lus aujourd'hui
adm-stats-48-hours = Dernières 48 heures
adm-stats-30-days = Derniers 30 jours
adm-stats-hours-caption = Lectures par heure, dernières 48 heures
adm-stats-days-caption = Lectures par jour, derniers 30 jours
adm-stats-week = Les plus lus de la semaine
adm-stats-week-caption = Articles les plus lus, 7 derniers jours
adm-stats-sources = D'où viennent les lecteurs
adm-stats-7-days = (7 jours)
adm-stats-sources-caption = Lectures par provenance, 7 derniers jours
adm-stats-sections = Rubriques
adm-stats-sections-caption = Lectures par rubrique, 7 derniers jours
adm-stats-section = Rubrique
adm-stats-bylines = Signatures
adm-stats-bylines-caption = Lectures par signature, 7 derniers jours
adm-stats-author = Auteur
adm-stats-no-reads = Aucune lecture pour l'instant.

## The numbers' tables and charts
adm-stats-figures = Les chiffres
adm-stats-unit-hour = Heure
adm-stats-unit-day = Jour
adm-stats-count = Nombre
adm-stats-story = Article
adm-stats-reads = Lectures
adm-stats-reactions = Réactions
adm-stats-comments = Commentaires
adm-stats-source = Provenance
adm-stats-share = Part
adm-stats-percent = { $n } %
adm-stats-source-search = Moteurs de recherche
adm-stats-source-social = Réseaux sociaux
adm-stats-source-internal = Ce site
adm-stats-source-other_sites = Autres sites
adm-stats-source-direct = Accès direct ou inconnu
adm-stats-chart-desc = { $total } au total sur { $bars } barres ; la plus haute vaut { $highest }. Le tableau ci-dessous donne chaque chiffre.
adm-stats-chart-reads-hour = Lectures par heure depuis la publication
adm-stats-chart-reads-day = Lectures par jour depuis la publication
adm-stats-chart-comments-hour = Commentaires approuvés par heure
adm-stats-chart-comments-day = Commentaires approuvés par jour

## One story's numbers (/admin/articles/ID/stats)
adm-stats-story-title = Chiffres : { $title }
adm-stats-edit = Modifier
adm-stats-view = Voir
adm-stats-all = Tous les chiffres
adm-stats-zone = Heures de { $zone }.
adm-stats-against = Face à { $section }
adm-stats-of-median = { $count ->
    [one] des lectures de l'article médian ({ $median }, sur { $count } article)
   *[other] des lectures de l'article médian ({ $median }, sur { $count } articles)
}
adm-stats-no-median = L'article médian de la rubrique n'a encore aucune lecture.
adm-stats-since = Lectures depuis la publication
adm-stats-reaction-mix = Répartition des réactions
adm-stats-reactions-caption = Réactions par type
adm-stats-reaction = Réaction
adm-stats-sources-caption-all = Lectures par provenance depuis la publication
adm-stats-comments-over-time = Commentaires dans le temps
adm-stats-comments-caption = Commentaires approuvés dans le temps

## Shared by the site desks' forms
adm-not-saved = Non enregistré : corrigez les champs signalés ci-dessous.
adm-save = Enregistrer

## Ad slots (/admin/ads)
adm-ads-title = Publicités
adm-ads-heading = Emplacements publicitaires
adm-ads-intro = Chaque emplacement peut recevoir le code d'une régie (une version grand écran et une version mobile) ou une autopromotion : une photo de la photothèque et un lien. Sa taille est réservée avant l'arrivée de la publicité, pour que la page ne saute pas, et il porte la mention « Publicité ». Les publicités n'apparaissent jamais dans la rédaction ni dans les aperçus.
adm-ads-code-on = Le code publicitaire est actif : les pages des lecteurs autorisent désormais scripts, cadres et styles venant de n'importe quelle adresse https:// (voir la section Content-Security-Policy du README). Sans code publicitaire, la politique reste stricte.
adm-ads-place-header = En-tête (chaque page, sous le titre du journal)
adm-ads-place-sidebar = Colonne latérale (page d'accueil et articles)
adm-ads-place-in_article = Dans l'article, après le paragraphe N
adm-ads-place-home_blocks = Entre les blocs de la page d'accueil, tous les N blocs
adm-ads-place-lists = Dans les listes d'articles, tous les N articles
adm-ads-showing = affiché
adm-ads-enabled = Afficher cet emplacement
adm-ads-every-in_article = Après le paragraphe
adm-ads-every-home_blocks = Tous les N blocs
adm-ads-every-lists = Tous les N articles
adm-ads-sizes = Taille réservée, en pixels CSS (mobile 0 × 0 : rien sur mobile)
adm-ads-field-width = Largeur grand écran
adm-ads-field-height = Hauteur grand écran
adm-ads-field-mobile_width = Largeur mobile
adm-ads-field-mobile_height = Hauteur mobile
adm-ads-field-desktop_code = Code pour grand écran
adm-ads-field-mobile_code = Code pour mobile
adm-ads-house = Autopromotion (utilisée en l'absence de code)
adm-ads-house-photo = La photo de l'autopromotion
adm-ads-field-house_media_id = Numéro de la photo dans Médias
adm-ads-hint-house_media_id = Vide : pas d'autopromotion.
adm-ads-field-house_link = Lien
adm-ads-hint-house_link = Un chemin sur ce site, comme /subscribe, ou une adresse https://.
adm-ads-field-house_alt = Ce que montre la photo
adm-ads-hint-house_alt = Pour les lecteurs qui ne peuvent pas la voir ; à défaut, le texte alternatif de la photo.
adm-ads-save-slot = Enregistrer cet emplacement
adm-ads-sections = Rubriques sans publicité
adm-ads-sections-hint = Les rubriques cochées ne portent aucune publicité : ni leurs pages ni leurs articles.
adm-ads-no-sections = Il n'y a pas encore de rubriques.

## The paper's identity (/admin/identity)
adm-identity-title = Identité
adm-identity-heading = L'identité du journal
adm-identity-intro = Le logo, la couleur et les comptes sociaux apparaissent sur chaque page vue par les lecteurs ; les pages de principes présentent le journal aux moteurs de recherche. Les changements s'appliquent immédiatement.
adm-identity-logo = Logo
adm-identity-current-logo = Le logo actuel
adm-identity-made-from = On en tire : le logo de l'en-tête, la favicon (
adm-identity-made-sizes = , 16 et 32 pixels), l'icône de 180 pixels que les téléphones gardent sur leur écran d'accueil, et les icônes de 192 et 512 pixels du
adm-identity-manifest = manifeste d'application web
adm-identity-icon = Icône, { $size } pixels
adm-identity-px = { $size } px
adm-identity-remove-logo = Retirer le logo
adm-identity-no-logo = Pas encore de logo : l'en-tête affiche le nom du site.
adm-identity-new-logo = Nouveau logo (PNG, JPEG, WebP ou GIF, jusqu'à { $mib } Mio)
adm-identity-logo-file = Logo (PNG, JPEG, WebP ou GIF, jusqu'à { $mib } Mio)
adm-identity-logo-hint = Un PNG à fond transparent donne le meilleur résultat. Le SVG ne peut pas être téléversé : exportez un PNG d'au moins 512 pixels de large. Il est aussi ajouté à la photothèque.
adm-identity-upload = Téléverser le logo
adm-identity-colour = Couleur
adm-identity-site-colour = Couleur du site
adm-identity-colour-hint = Au format #rrggbb, par exemple #a4161a. Sert aux accents, au bandeau d'alerte info et à la barre du navigateur sur mobile ; elle doit être assez foncée pour se lire sur du blanc.
adm-identity-social = Comptes sociaux
adm-identity-social-hint = Affichés en pied de page et signalés aux moteurs de recherche comme les comptes du journal. Collez l'adresse https:// de chaque compte.
adm-identity-network-facebook = Facebook
adm-identity-network-x = X
adm-identity-network-instagram = Instagram
adm-identity-network-youtube = YouTube
adm-identity-network-tiktok = TikTok
adm-identity-network-whatsapp = Chaîne WhatsApp
adm-identity-principles = Principes
adm-identity-principles-hint = Un chemin sur ce site (comme /about/ethics) ou une adresse https://. Les moteurs de recherche les lisent dans les données structurées de chaque article.
adm-identity-publishing-principles = Principes éditoriaux
adm-identity-corrections-policy = Politique de rectification
adm-identity-masthead = Ours (qui fait le journal)
adm-identity-measurement = Mesure d'audience
adm-identity-measurement-snippet = Code de mesure d'audience
adm-identity-measurement-hint = Désactivé si vide. La balise de votre propre serveur de statistiques (Plausible, Matomo... auto-hébergé), placée dans l'en-tête de chaque page publique, jamais dans la rédaction. Elle ne peut se charger qu'en https:// ; la politique de contenu du site autorise alors les adresses qu'elle cite et son script en ligne, rien d'autre.

## Integrations (/admin/integrations)
adm-int-title = Intégrations
adm-int-intro = Les front-ends écrits pour Ghost (Gatsby, Astro, Nuxt, applications mobiles) lisent ce site par son API Content compatible Ghost, à l'adresse
adm-int-intro-key = . Chacun a besoin d'une clé d'API Content : créez une intégration par front-end, pour pouvoir les révoquer séparément.
adm-int-made = L'intégration « { $name } » est créée.
adm-int-made-once = Sa clé d'API Content n'est affichée que cette fois-ci ; copiez-la maintenant. Une clé perdue ne peut plus être affichée : créez une nouvelle intégration et révoquez celle-ci.
adm-int-key-label = Clé d'API Content
adm-int-use-url = Dans le front-end : URL de l'API
adm-int-use-key = , clé ci-dessus (avec
adm-int-use-and = et
adm-int-name = Nom
adm-int-key = Clé
adm-int-made-when = Créée
adm-int-revoke = Révoquer
adm-int-ending = se terminant par
adm-int-made-by = { $when } par { $name }
adm-int-none = Aucune intégration pour l'instant : aucun front-end ne peut lire l'API Content.
adm-int-add = Ajouter une intégration
adm-int-name-hint = Ce qui utilise la clé, comme « front-end Astro » ({ $max } caractères au plus).
adm-int-make = Créer une clé

## Revoking an integration (/admin/integrations/ID/delete)
adm-int-revoke-title = Révoquer l'intégration « { $name } » ?
adm-int-revoke-stops = Sa clé (se terminant par { $key }) cesse aussitôt de fonctionner : les front-ends qui l'utilisent reçoivent « Unknown Content API Key » jusqu'à ce qu'on leur en donne une autre.
adm-int-revoke-final = C'est irréversible ; une nouvelle intégration crée une nouvelle clé.
adm-int-revoke-button = Révoquer la clé

## Refusals on the front page desk (and a section's place, on the sections' pages)
adm-refuse-top-full = tous les emplacements à la une sont pris ; retirez-en un d'abord ou choisissez sa position
adm-refuse-order = faites glisser les articles à la une dans l'ordre voulu
adm-refuse-choose-action = choisissez un article et ce qu'il faut en faire
adm-refuse-choose-breaking = choisissez l'article de l'alerte info
adm-refuse-choose-label = choisissez l'article à étiqueter
adm-refuse-colour = « { $value } » n'est pas une couleur ; écrivez-la sous la forme #rrggbb, par exemple #a4161a
adm-refuse-label-long = « { $label } » dépasse { $limit } caractères ; une étiquette tient en un ou deux mots
adm-refuse-labels-many = un site peut ajouter au plus { $count } étiquettes propres
adm-refuse-lead-position = l'ouverture n'a qu'une position, 1, pas { $position }
adm-refuse-top-position = les articles à la une occupent les positions 1 à { $most }, pas { $position }
adm-refuse-top-slots = il n'y a que { $count } emplacements à la une
adm-refuse-until-passed = l'échéance { $until } est déjà passée ; indiquez une heure à venir
adm-refuse-position-twice = { $slot ->
    [lead] la position { $position } de l'ouverture
   *[other] la position { $position } à la une
} est donnée deux fois
adm-refuse-placed-twice = l'article { $id } est placé deux fois
adm-refuse-front-unpublished = l'article { $id } (« { $title } ») n'est pas publié ; seuls les articles publiés vont à la une
adm-refuse-no-article = il n'y a pas d'article { $id }
adm-refuse-time-passed = { $time } est déjà passé ; indiquez une heure à venir
adm-refuse-breaking-unpublished = l'article { $id } (« { $title } ») n'est pas publié ; seuls les articles publiés peuvent faire l'objet d'une alerte info
adm-refuse-label-unknown = « { $label } » ne fait pas partie des étiquettes de ce site : { $labels }
adm-refuse-own-parent = une rubrique ne peut pas être sa propre rubrique parente
adm-refuse-parent-nested = « { $name } » est elle-même une sous-rubrique ; les sous-rubriques n'ont qu'un niveau
adm-refuse-parent-edition = « { $name } » est dans une autre édition : une sous-rubrique est dans l'édition de sa rubrique, donnez-leur d'abord la même langue.
adm-refuse-parent-has-children = cette rubrique a ses propres sous-rubriques, elle ne peut donc pas en devenir une
adm-refuse-no-section = il n'y a pas de rubrique « { $slug } »
adm-refuse-menu-position = { $position } n'est pas une position de menu ; utilisez 0 à 10000

## Refusals on the ad slots
adm-refuse-ad-size = { $count } pixels, c'est plus que { $most } ; indiquez la taille de la publicité en pixels CSS
adm-refuse-ad-no-size = la taille grand écran demande une largeur et une hauteur supérieures à 0
adm-refuse-ad-every = { $every } n'est pas compris entre 1 et 50
adm-refuse-ad-alt = décrivez ce que montre l'autopromotion, pour les lecteurs qui ne peuvent pas la voir
adm-refuse-ad-alt-long = la description dépasse { $limit } caractères
adm-refuse-ad-link = une autopromotion a besoin de l'adresse vers laquelle elle mène, comme /subscribe
adm-refuse-ad-no-photo = il n'y a pas de photo { $id } dans la photothèque ; téléversez-la d'abord
adm-refuse-ad-code-long = le code fait { $count } caractères ; la limite est de { $limit }
adm-refuse-ad-code-nul = le code contient un caractère NUL
adm-refuse-ad-number = « { $value } » n'est pas un nombre entier de pixels ou d'éléments
adm-refuse-ad-photo-number = « { $value } » n'est pas un numéro de photo ; il figure sur la page de la photo dans Médias

## Refusals on the paper's identity
adm-refuse-network = « { $value } » n'est pas une adresse { $network ->
    [facebook] Facebook
    [x] X
    [instagram] Instagram
    [youtube] YouTube
    [tiktok] TikTok
   *[whatsapp] de chaîne WhatsApp
} ; collez l'adresse https:// du compte, comme { $example }
adm-refuse-colour-light = { $colour } est trop clair pour se lire sur du blanc (contraste { $ratio }:1 ; il faut au moins 4.5:1) ; choisissez une teinte plus foncée
adm-refuse-page-link = « { $value } » n'est pas une adresse de page ; écrivez un chemin sur ce site, comme /corrections, ou une adresse https://
adm-refuse-snippet-long = le code fait { $count } caractères ; la limite est de { $limit }
adm-refuse-snippet-nul = le code contient un caractère NUL
adm-refuse-snippet-script = le code n'a pas d'élément <script> ; collez la balise que donne votre serveur de statistiques, comme { $example }
adm-refuse-snippet-plain = le code se charge depuis { $address }…, qui n'est pas chiffré ; utilisez son adresse https://
