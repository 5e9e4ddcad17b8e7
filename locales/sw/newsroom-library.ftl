# The newsroom: library.
# Maktaba ya picha, sehemu/mada/waandishi, kurasa za tovuti, menyu, na uthibitisho kabla
# ya kufuta kitu.

## Shared words
lib-save = Hifadhi
lib-cancel = Ghairi
lib-delete = Futa
lib-delete-ellipsis = Futa…
lib-yes = Ndiyo
lib-no = Hapana
lib-none = (hakuna)
lib-none-yet = Bado hakuna.
lib-pager = Kurasa
lib-newer = ← Mpya zaidi
lib-older = Za zamani →
lib-col-name = Jina
lib-col-address = Anwani
lib-col-articles = Makala
lib-col-title = Kichwa
lib-col-contact-form = Fomu ya mawasiliano
lib-col-updated = Ilisasishwa
lib-col-version = Toleo
lib-col-saved = Ilihifadhiwa
lib-col-by = Na
lib-col-words = Maneno

## The media library (/admin/media)
lib-media = Picha na video
lib-media-upload-title = Pakia picha
lib-media-file = Picha (JPEG, PNG, WebP au GIF, hadi MiB { $mib })
lib-media-file-hint = Mahali ilipopigwa na taarifa za kamera huondolewa kwenye kila ukubwa wasomaji wanaopata.
lib-media-alt = Maelezo ya picha
lib-media-alt-hint-upload = Kinachoonekana kwenye picha, kwa wasomaji wasioweza kuiona. Yanahitajika kabla picha haijaongoza makala.
lib-media-credit = Mpiga picha
lib-media-credit-hint = Huonyeshwa kama “Picha: <jina>.”
lib-media-caption = Maelezo chini ya picha
lib-media-upload = Pakia
lib-media-search-label = Tafuta katika maelezo, majina ya wapiga picha na maelezo chini ya picha
lib-media-search = Tafuta
lib-media-no-alt = Haina maelezo ya picha bado
lib-media-none = Hakuna picha.
lib-media-none-match = Hakuna picha inayolingana na “{ $q }”.
lib-media-refused = Upakiaji umekataliwa.
lib-media-too-big = Picha ni kubwa kuliko chumba hiki cha habari kinavyokubali. Picha inaweza kuwa hadi MiB { $mib }: ipunguze kisha uipakie tena.

## An upload the library refused
lib-media-empty = Faili ni tupu. Chagua picha ya kupakia.
lib-media-too-large = Faili ina ukubwa wa { $size }; kikomo ni { $limit }. Ipunguze kisha uipakie tena.
lib-media-not-image = Faili hii si picha ya JPEG, PNG, WebP wala GIF: maudhui yake yamekaguliwa, si jina lake. SVG, HTML, nyaraka na kumbukumbu zilizobanwa haziwezi kupakiwa.
lib-media-too-many-pixels = Picha ina pikseli { $width }×{ $height } (megapikseli { $megapixels }); kikomo ni megapikseli { $limit }. Ipunguze ukubwa kisha uipakie tena.
lib-media-unreadable = Picha haikuweza kusomeka: huenda haijakamilika au imeharibika. Ihamishe tena kutoka programu yako kisha upakie faili jipya.
lib-media-too-tall = Picha ina pikseli { $width }×{ $height }: ikionyeshwa kwa upana wa pikseli { $shown_width } ingekuwa na urefu wa pikseli { $shown_height }, na picha za mtandaoni haziwezi kuzidi { $limit }. Ikate kisha uipakie tena.
lib-media-incomplete = Upakiaji ulikatika kabla ya kukamilika ({ $reason }).
lib-media-no-file = Tuma picha katika sehemu ya multipart iitwayo `file`.
lib-media-alt-too-long = Maelezo ya picha yanazidi herufi { $limit }.

## One photo (/admin/media/ID)
lib-photo = Picha
lib-photo-number = Picha #{ $id }
lib-media-all = Picha zote
lib-photo-details = Pikseli { $width }×{ $height } · ilipakiwa { $at }
lib-photo-details-by = Pikseli { $width }×{ $height } · ilipakiwa { $at } na { $name }
lib-photo-address = Anwani ya kutumia katika makala
lib-photo-sizes = Ukubwa:
lib-photo-used-in = Imetumika katika:
lib-photo-unused = Bado haijatumika katika makala yoyote.
lib-photo-no-alt = Picha hii haina maelezo ya picha bado. Yaongeze kabla ya kuitumia katika makala.
lib-photo-alt-hint = Kinachoonekana kwenye picha, kwa wasomaji wasioweza kuiona.
lib-photo-delete = Futa picha hii…
lib-photo-alt-is = Maelezo ya picha: { $value }
lib-photo-credit-is = Mpiga picha: { $value }
lib-photo-caption-is = Maelezo chini ya picha: { $value }
lib-photo-only-uploader = Ni aliyeipakia au mhariri tu anayeweza kuibadilisha.

## Sections, tags and authors (/admin/sections, /admin/tags, /admin/authors)
lib-sections = Sehemu
lib-tags = Mada
lib-authors = Waandishi
lib-add-section = Ongeza sehemu
lib-add-tag = Ongeza mada
lib-add-author = Ongeza mwandishi
lib-add-the-section = Ongeza sehemu
lib-add-the-tag = Ongeza mada
lib-add-the-author = Ongeza mwandishi
lib-edit-section = Hariri sehemu
lib-edit-tag = Hariri mada
lib-edit-author = Hariri mwandishi
lib-edit-section-named = Hariri sehemu: { $name }
lib-edit-tag-named = Hariri mada: { $name }
lib-edit-author-named = Hariri mwandishi: { $name }
lib-view-on-site = Ona kwenye tovuti
lib-all-sections = Sehemu zote
lib-all-tags = Mada zote
lib-all-authors = Waandishi wote
lib-field-name = Jina
lib-field-slug = Kitambulisho cha anwani
lib-field-slug-hint = Sehemu ya anwani. Ukikibadilisha, anwani ya zamani itaendelea kufanya kazi na kuelekeza hapa.
lib-field-description = Maelezo
lib-field-parent = Sehemu kuu
lib-field-parent-hint = Ukurasa wa sehemu ndogo ni /section/KUU/KITAMBULISHO; ukurasa wa sehemu kuu unajumuisha habari zake.
lib-field-parent-none = Hakuna: sehemu ya ngazi ya juu
lib-field-position = Nafasi kwenye menyu
lib-field-position-hint = Ndogo kwanza; vizuizi vya ukurasa wa mwanzo hufuata mpangilio huo huo.
lib-field-position-not-number = "{ $value }" si namba kamili
lib-field-on-home = Onyesha kwenye ukurasa wa mwanzo
lib-field-on-home-yes = Ndiyo, kama kizuizi cha habari
lib-field-block-style = Mtindo wa kizuizi
lib-field-block-lead-list = Kuu na orodha: habari moja yenye picha, kisha vichwa vya habari
lib-field-block-grid = Gridi: habari nne zenye picha
lib-field-block-list = Orodha: vichwa vya habari tu
lib-field-colour = Rangi
lib-field-colour-hint = Si lazima, mfano #a4161a: rangi ya kichwa kidogo na mstari wa kizuizi cha sehemu.
lib-field-edition = Toleo la lugha
lib-field-edition-hint = Acha wazi kwa lugha ya tovuti yenyewe. Msimbo wa lugha (sw, fr, ar...) huweka sehemu na habari zake katika toleo la lugha hiyo, kwenye /MSIMBO/.
lib-field-bio = Wasifu
lib-field-photo-url = Anwani ya picha
lib-field-photo-url-hint = Anwani ya https:// au njia kwenye tovuti hii.
lib-tag-merge-title = Unganisha na mada nyingine
lib-tag-merge-intro = Kila makala yenye mada hii itapata ile nyingine badala yake; anwani ya mada hii kisha itaelekeza huko.
lib-tag-merge-into = Unganisha na
lib-tag-choose = Chagua mada
lib-tag-merge = Unganisha
lib-tag-merge-choose = chagua mada ya kuunganisha hii nayo
lib-author-person-title = Mtu wa chumba cha habari
lib-author-person-intro = Mwanachama anayeandika kwa jina hili: hupendekezwa kwake kwanza anapoandika.
lib-author-person = Mtu
lib-author-nobody = Hakuna (mwandishi mgeni au wa shirika la habari)
lib-author-person-option = { $name } ({ $email })
lib-author-person-option-inactive = { $name } ({ $email }), amezimwa
lib-author-person-save = Hifadhi uhusiano
lib-delete-this-section = Futa sehemu hii…
lib-delete-this-tag = Futa mada hii…
lib-delete-this-author = Futa mwandishi huyu…
lib-delete-told = Utaelezwa kwanza kitakachotokea.

## The site's pages (/admin/pages)
lib-pages = Kurasa
lib-page-new = Ukurasa mpya
lib-pages-intro-start = Kurasa za tovuti yenyewe: Kuhusu sisi, Wasiliana nasi, Faragha, sera ya masahihisho… Kila moja ina anwani yake, iko kwenye ramani ya tovuti lakini si kwenye milisho wala utafutaji wa makala, na inaweza kuunganishwa kutoka
lib-pages-intro-menus = menyu
lib-pages-intro-end = za juu au chini ya ukurasa (wasimamizi huziweka).
lib-pages-none = Bado hakuna kurasa.

## A page's editor
lib-page-edit = Hariri “{ $title }”
lib-page-view = Ona ukurasa
lib-page-revisions = Matoleo
lib-page-all = Kurasa zote
lib-page-not-saved = Ukurasa haukuhifadhiwa. Tafadhali rekebisha sehemu zilizowekwa alama; hakuna ulichoandika kilichopotea.
lib-page-title = Kichwa
lib-page-slug-hint = Ukurasa unapatikana kwenye /kitambulisho-hiki. Herufi ndogo, tarakimu na vistari; hutengenezwa kutoka kichwa kikiachwa wazi. Anwani ikibadilishwa, ya zamani huendelea kuelekeza kwenye mpya.
lib-page-text = Maandishi
lib-page-text-hint = Markdown: ## kwa kichwa kidogo, **herufi nzito**, [kiungo](https://…), > kwa nukuu.
lib-page-contact-form = Onyesha fomu ya mawasiliano chini ya maandishi (ujumbe huenda kwenye Ujumbe, na kwa barua pepe ikiwekwa)
lib-page-seo = Utafutaji na kushiriki
lib-page-seo-title = Kichwa cha utafutaji
lib-page-seo-title-hint = Huonyeshwa na injini za utafutaji badala ya kichwa (hadi herufi { $limit }).
lib-page-seo-description = Maelezo ya utafutaji
lib-page-seo-description-hint = Sentensi moja au mbili (hadi herufi { $limit }).
lib-page-create = Unda ukurasa
lib-page-conflict = Ukurasa huu ulibadilishwa na mtu mwingine (sasa ni toleo { $current }) tangu toleo { $loaded } lilipofunguliwa; hakuna kilichofutwa, na maandishi yako yamehifadhiwa kati ya matoleo ya ukurasa.
lib-page-slug-reserved = "{ $slug }" ni anwani ambayo tovuti yenyewe inatumia (/{ $slug }); chagua kitambulisho kingine, kama "{ $slug }-page" au "about-{ $slug }"
lib-page-slug-taken = "{ $slug }" tayari ni kitambulisho cha ukurasa mwingine; chagua kingine

## A page's revisions
lib-revisions-title = Matoleo: { $title }
lib-revisions-heading = Matoleo ya “{ $title }”
lib-revisions-back = Rudi kwenye kihariri
lib-revisions-intro = Kila uhifadhi huwekwa, pamoja na aliyeufanya na lini. Uhifadhi uliokataliwa kwa sababu mtu mwingine alihifadhi kwanza nao huwekwa, ukiwa na alama “mgongano”, ili maneno yasipotee. Kurejesha huweka maneno ya toleo hilo kama toleo jipya.
lib-revisions-conflict = mgongano
lib-revisions-current = la sasa
lib-revisions-restore = Rejesha
lib-revisions-restore-version = toleo { $version }

## The header and footer menus (/admin/menus)
lib-menus = Menyu za tovuti
lib-menus-intro-start = Vipengele vinaelekeza kwenye sehemu, mojawapo ya
lib-menus-intro-pages = kurasa
lib-menus-intro-end = { " " }za tovuti, au kiungo (anwani ya https://, au njia kwenye tovuti hii inayoanza na /). Badilisha namba au tumia mishale kupanga upya; badiliko linaonekana kwenye kila ukurasa mara moja.
lib-menu-header = Menyu ya juu
lib-menu-header-hint = Chini ya jina la gazeti kwenye kila ukurasa. Hadi itakapohifadhiwa, inaorodhesha sehemu kwa mpangilio wake.
lib-menu-header-refused = Menyu ya juu haikuhifadhiwa. Tafadhali rekebisha vipengele vilivyowekwa alama; hakuna ulichoandika kilichopotea.
lib-menu-header-save = Hifadhi menyu ya juu
lib-menu-footer = Menyu ya chini
lib-menu-footer-hint = Chini ya kila ukurasa: kurasa za Kuhusu sisi, Wasiliana nasi na Faragha, sera ya masahihisho…
lib-menu-footer-refused = Menyu ya chini haikuhifadhiwa. Tafadhali rekebisha vipengele vilivyowekwa alama; hakuna ulichoandika kilichopotea.
lib-menu-footer-save = Hifadhi menyu ya chini
lib-menu-entry = Kipengele { $n }
lib-menu-entry-named = Kipengele { $n }: { $label }
lib-menu-position = Nafasi
lib-menu-move-up = Panda kipengele { $n } juu
lib-menu-move-down = Shusha kipengele { $n } chini
lib-menu-remove = Ondoa
lib-menu-add = Ongeza kipengele
lib-menu-leads-to = Kinaelekeza kwenye
lib-menu-nothing = Hakuna (hakuna kipengele kipya)
lib-menu-sections = Sehemu
lib-menu-pages = Kurasa
lib-menu-link = Kiungo (anwani hapa chini)
lib-menu-label = Lebo
lib-menu-label-hint = Jina la sehemu au ukurasa likiachwa wazi; kiungo kinahitaji lebo.
lib-menu-address = Anwani (kwa viungo tu)

## A menu the newsroom refused
lib-menu-too-many = menyu inabeba hadi vipengele { $limit }; hii ina { $count }
lib-menu-link-needs-label = kiungo kinahitaji lebo ya kuonyesha
lib-menu-section-gone = sehemu hiyo haipo tena
lib-menu-page-gone = ukurasa huo haupo tena
lib-menu-target-unknown = "{ $value }" si kitu ambacho menyu inaelekeza; chagua sehemu, ukurasa au kiungo
lib-menu-scheme-refused = Anwani za { $scheme }: zinakataliwa (zinaweza kuendesha msimbo au kutoka nje ya wavuti); tumia anwani ya http(s) au njia kwenye tovuti hii inayoanza na /

## Before something is deleted
lib-confirm-delete-section = Ufute sehemu “{ $name }”?
lib-confirm-delete-tag = Ufute mada “{ $name }”?
lib-confirm-delete-author = Umfute mwandishi “{ $name }”?
lib-delete-the-section = Futa sehemu
lib-delete-the-tag = Futa mada
lib-delete-the-author = Futa mwandishi
lib-confirm-section-used = { $count ->
    [one] Makala { $count } imewekwa chini yake, kwa hiyo haiwezi kufutwa bado: ihamishie sehemu nyingine kwanza.
   *[other] Makala { $count } zimewekwa chini yake, kwa hiyo haiwezi kufutwa bado: zihamishie sehemu nyingine kwanza.
}
lib-confirm-section-unused = Hakuna makala iliyowekwa chini yake. Ukurasa wake utajibu “haipatikani”.
lib-confirm-tag-used = { $count ->
    [one] Makala { $count } itapoteza mada hii; makala yenyewe inabaki kama ilivyo.
   *[other] Makala { $count } zitapoteza mada hii; makala zenyewe zinabaki kama zilivyo.
}
lib-confirm-tag-page = Ukurasa wake na milisho yake vitajibu “haipatikani”. Ili anwani yake iendelee kufanya kazi, iunganishe na mada nyingine badala yake.
lib-confirm-author-used = { $count ->
    [one] Ana jina kwenye makala { $count }, kwa hiyo hawezi kufutwa bado: badilisha jina la mwandishi kwenye makala hiyo kwanza.
   *[other] Ana jina kwenye makala { $count }, kwa hiyo hawezi kufutwa bado: badilisha majina ya waandishi kwenye makala hizo kwanza.
}
lib-confirm-author-unused = Hana jina kwenye makala yoyote, kwa hiyo hakuna makala itakayobadilika.
lib-confirm-author-page = Ukurasa wake na mlisho wake vitajibu “haipatikani”.
lib-confirm-delete-photo = Ufute picha “{ $name }”?
lib-delete-the-photo = Futa picha
lib-confirm-photo-unused = Hakuna makala inayoitumia. Faili zake zitaondolewa na anwani zake zitaacha kufanya kazi.
lib-confirm-photo-used = Haiwezi kufutwa wakati makala zinaitumia: { $titles }. Iondoe kwenye makala hizo kwanza.
lib-confirm-delete-page = Ufute ukurasa “{ $title }”?
lib-delete-the-page = Futa ukurasa
lib-confirm-page-address = Anwani yake, { $path }, itajibu “haipatikani” kuanzia sasa, na menyu zitaondoa kiungo chake.
lib-confirm-page-revisions = Matoleo yake yanaondoka pamoja nao; hili haliwezi kutenguliwa.
