# The newsroom: site.

## The front page desk (/admin/front)
adm-front-title = Ukurasa wa mbele
adm-front-view-home = Tazama ukurasa wa nyumbani
adm-front-slots = Nafasi, kama wasomaji wanavyoziona
adm-front-slots-hint = Habari uliyoweka inabaki hadi uihamishe au uiondoe, au muda wake uishe; habari mpya hazisukumi chini. Nafasi zilizo wazi zinaonyesha habari mpya zaidi.
adm-front-lead = Habari kuu
adm-front-placed = imewekwa
adm-front-placed-until = imewekwa hadi { $until }
adm-front-newest = mpya zaidi
adm-front-remove-lead = Iondoe kwenye habari kuu
adm-front-no-stories = Bado hakuna habari zilizochapishwa.
adm-front-top = Habari muhimu
adm-front-up = Juu
adm-front-down = Chini
adm-front-which = : { $title }
adm-front-make-lead = Ifanye habari kuu
adm-front-remove = Ondoa
adm-front-drag-hint = Unaweza pia kuburuta habari muhimu kuzipanga upya.
adm-front-release = Achilia nafasi zote (mpya zaidi kwanza)
adm-front-place = Weka habari
adm-front-search-label = Tafuta vichwa vya habari
adm-front-search = Tafuta
adm-front-matching = Habari zilizochapishwa zinazolingana na “{ $words }”.
adm-front-newest-stories = Habari mpya zaidi zilizochapishwa.
adm-front-keep-for = Iache kwa muda gani
adm-front-until-moved = hadi ihamishwe
adm-front-hours = saa { $count }
adm-front-a-day = siku moja
adm-front-as-lead = Habari kuu
adm-front-as-top = Habari muhimu
adm-front-breaking-for = Habari za hivi punde (saa { $count })
adm-front-label-for = Lebo ya { $title }
adm-front-no-label = Bila lebo
adm-front-set-label = Weka lebo
adm-front-no-match = Hakuna habari iliyochapishwa inayolingana.
adm-front-breaking = Habari za hivi punde
adm-front-up-now = Sasa hivi:
adm-front-up-until = , hadi
adm-front-take-down = Ondoa bango
adm-front-no-banner = Hakuna bango kwa sasa. Bonyeza “Habari za hivi punde” kando ya habari kuiweka kwa saa mbili.
adm-front-labels = Lebo
adm-front-labels-standard = Kila tovuti ina: { $labels }. “{ $sponsored }” pia huweka mstari wa ufichuzi kwenye makala.
adm-front-own-labels = Lebo za tovuti hii, moja kwa kila mstari
adm-front-save-labels = Hifadhi lebo

## The numbers (/admin/stats)
adm-stats-title = Takwimu
adm-stats-own = Wasomaji wa habari zako.
adm-stats-about = Saa ni za { $zone }. Usomaji unahesabiwa bila vidakuzi wala anwani; roboti haziingii.
adm-stats-right-now = Sasa hivi
adm-stats-right-now-reads = usomaji katika dakika { $minutes } zilizopita
adm-stats-nobody = Hakuna anayesoma kwa sasa.
adm-stats-today = Leo
adm-stats-reads-total = (usomaji { $count })
adm-stats-today-caption = Habari zilizosomwa zaidi leo
adm-stats-48-hours = Saa 48 zilizopita
adm-stats-30-days = Siku 30 zilizopita
adm-stats-hours-caption = Usomaji kwa saa, saa 48 zilizopita
adm-stats-days-caption = Usomaji kwa siku, siku 30 zilizopita
adm-stats-week = Zilizosomwa zaidi wiki hii
adm-stats-week-caption = Habari zilizosomwa zaidi, siku 7 zilizopita
adm-stats-sources = Wasomaji walikotoka
adm-stats-7-days = (siku 7)
adm-stats-sources-caption = Usomaji kwa chanzo, siku 7 zilizopita
adm-stats-sections = Sehemu
adm-stats-sections-caption = Usomaji kwa sehemu, siku 7 zilizopita
adm-stats-section = Sehemu
adm-stats-bylines = Waandishi
adm-stats-bylines-caption = Usomaji kwa mwandishi, siku 7 zilizopita
adm-stats-author = Mwandishi
adm-stats-no-reads = Bado hakuna usomaji.

## The numbers' tables and charts
adm-stats-figures = Takwimu zenyewe
adm-stats-unit-hour = Saa
adm-stats-unit-day = Siku
adm-stats-count = Idadi
adm-stats-story = Habari
adm-stats-reads = Usomaji
adm-stats-reactions = Hisia
adm-stats-comments = Maoni
adm-stats-source = Chanzo
adm-stats-share = Sehemu ya jumla
adm-stats-percent = { $n }%
adm-stats-source-search = Injini za utafutaji
adm-stats-source-social = Mitandao ya kijamii
adm-stats-source-internal = Tovuti hii
adm-stats-source-other_sites = Tovuti nyingine
adm-stats-source-direct = Moja kwa moja au haijulikani
adm-stats-chart-desc = Jumla { $total } katika nguzo { $bars }; ya juu kabisa ni { $highest }. Jedwali lililo chini linatoa kila takwimu.
adm-stats-chart-reads-hour = Usomaji kwa saa tangu kuchapishwa
adm-stats-chart-reads-day = Usomaji kwa siku tangu kuchapishwa
adm-stats-chart-comments-hour = Maoni yaliyoidhinishwa kwa saa
adm-stats-chart-comments-day = Maoni yaliyoidhinishwa kwa siku

## One story's numbers (/admin/articles/ID/stats)
adm-stats-story-title = Takwimu: { $title }
adm-stats-edit = Hariri
adm-stats-view = Tazama
adm-stats-all = Takwimu zote
adm-stats-zone = Saa ni za { $zone }.
adm-stats-against = Ikilinganishwa na { $section }
adm-stats-of-median = ya usomaji wa habari ya kati ({ $median }, kati ya habari { $count })
adm-stats-no-median = Habari ya kati katika sehemu hii bado haina usomaji.
adm-stats-since = Usomaji tangu kuchapishwa
adm-stats-reaction-mix = Mchanganyiko wa hisia
adm-stats-reactions-caption = Hisia kwa aina
adm-stats-reaction = Hisia
adm-stats-sources-caption-all = Usomaji kwa chanzo tangu kuchapishwa
adm-stats-comments-over-time = Maoni kadiri muda unavyokwenda
adm-stats-comments-caption = Maoni yaliyoidhinishwa kadiri muda unavyokwenda

## Shared by the site desks' forms
adm-not-saved = Haijahifadhiwa: tafadhali sahihisha sehemu zilizowekwa alama hapa chini.
adm-save = Hifadhi

## Ad slots (/admin/ads)
adm-ads-title = Matangazo
adm-ads-heading = Nafasi za matangazo
adm-ads-intro = Kila nafasi inaweza kubeba msimbo wa mtandao wa matangazo (toleo la skrini pana na la simu) au tangazo la ndani: picha kutoka maktaba na kiungo. Ukubwa wake huachwa wazi kabla tangazo halijafika, ili ukurasa usirukeruke, na huandikwa "Tangazo". Matangazo hayaonekani kamwe katika chumba cha habari wala kwenye hakiki.
adm-ads-code-on = Msimbo wa matangazo umewashwa: kurasa za wasomaji sasa zinaruhusu skripti, fremu na mitindo kutoka anwani yoyote ya https:// (angalia sehemu ya Content-Security-Policy katika README). Bila msimbo wa matangazo sera inabaki kali.
adm-ads-place-header = Kichwa (kila ukurasa, chini ya jina la gazeti)
adm-ads-place-sidebar = Safu ya pembeni (ukurasa wa nyumbani na makala)
adm-ads-place-in_article = Ndani ya makala, baada ya aya N
adm-ads-place-home_blocks = Kati ya vitalu vya ukurasa wa nyumbani, baada ya kila vitalu N
adm-ads-place-lists = Katika orodha za habari, baada ya kila habari N
adm-ads-showing = inaonekana
adm-ads-enabled = Onyesha nafasi hii
adm-ads-every-in_article = Baada ya aya
adm-ads-every-home_blocks = Baada ya kila vitalu N
adm-ads-every-lists = Baada ya kila habari N
adm-ads-sizes = Ukubwa uliohifadhiwa, kwa pikseli za CSS (simu 0 × 0: hakuna kwenye simu)
adm-ads-field-width = Upana (skrini pana)
adm-ads-field-height = Urefu (skrini pana)
adm-ads-field-mobile_width = Upana (simu)
adm-ads-field-mobile_height = Urefu (simu)
adm-ads-field-desktop_code = Msimbo wa skrini pana
adm-ads-field-mobile_code = Msimbo wa simu
adm-ads-house = Tangazo la ndani (hutumika kukiwa hakuna msimbo)
adm-ads-house-photo = Picha ya tangazo la ndani
adm-ads-field-house_media_id = Namba ya picha katika Picha na video
adm-ads-hint-house_media_id = Tupu: hakuna tangazo la ndani.
adm-ads-field-house_link = Kiungo
adm-ads-hint-house_link = Njia kwenye tovuti hii, kama /subscribe, au anwani ya https://.
adm-ads-field-house_alt = Picha inaonyesha nini
adm-ads-hint-house_alt = Kwa wasomaji wasioweza kuiona; maelezo ya picha yenyewe yakiwa tupu.
adm-ads-save-slot = Hifadhi nafasi hii
adm-ads-sections = Sehemu zisizo na matangazo
adm-ads-sections-hint = Sehemu zilizowekwa alama hazibebi matangazo: wala kurasa zake wala habari zake.
adm-ads-no-sections = Bado hakuna sehemu.

## The paper's identity (/admin/identity)
adm-identity-title = Utambulisho
adm-identity-heading = Utambulisho wa gazeti
adm-identity-intro = Nembo, rangi na akaunti za mitandao ya kijamii huonekana kwenye kila ukurasa wa wasomaji; kurasa za misingi humweleza injini za utafutaji gazeti lilivyo. Mabadiliko yanaanza kutumika mara moja.
adm-identity-logo = Nembo
adm-identity-current-logo = Nembo ya sasa
adm-identity-made-from = Kutoka kwake hutengenezwa: nembo ya kichwa, favicon (
adm-identity-made-sizes = , pikseli 16 na 32), aikoni ya pikseli 180 ambayo simu huiweka kwenye skrini ya mwanzo, na aikoni za pikseli 192 na 512 kwa ajili ya
adm-identity-manifest = faili ya maelezo ya programu ya wavuti
adm-identity-icon = Aikoni, pikseli { $size }
adm-identity-px = { $size } px
adm-identity-remove-logo = Ondoa nembo
adm-identity-no-logo = Bado hakuna nembo: kichwa kinaonyesha jina la tovuti.
adm-identity-new-logo = Nembo mpya (PNG, JPEG, WebP au GIF, hadi MiB { $mib })
adm-identity-logo-file = Nembo (PNG, JPEG, WebP au GIF, hadi MiB { $mib })
adm-identity-logo-hint = PNG yenye mandharinyuma angavu hufaa zaidi. SVG haiwezi kupakiwa: hamisha PNG yenye upana wa angalau pikseli 512. Nayo huingia kwenye maktaba ya picha.
adm-identity-upload = Pakia nembo
adm-identity-colour = Rangi
adm-identity-site-colour = Rangi ya tovuti
adm-identity-colour-hint = Kwa muundo #rrggbb, kama #a4161a. Hutumika kwa mapambo, ukanda wa habari za hivi punde na upau wa kivinjari kwenye simu; lazima iwe nzito vya kutosha kusomeka juu ya nyeupe.
adm-identity-social = Akaunti za mitandao ya kijamii
adm-identity-social-hint = Huonyeshwa chini ya ukurasa na hupewa injini za utafutaji kama akaunti za gazeti. Bandika anwani ya https:// ya kila akaunti.
adm-identity-network-facebook = Facebook
adm-identity-network-x = X
adm-identity-network-instagram = Instagram
adm-identity-network-youtube = YouTube
adm-identity-network-tiktok = TikTok
adm-identity-network-whatsapp = Chaneli ya WhatsApp
adm-identity-principles = Misingi
adm-identity-principles-hint = Njia kwenye tovuti hii (kama /about/ethics) au anwani ya https://. Injini za utafutaji huzisoma kutoka data iliyopangwa ya kila makala.
adm-identity-publishing-principles = Misingi ya uchapishaji
adm-identity-corrections-policy = Sera ya masahihisho
adm-identity-masthead = Bodi ya wahariri (wanaoendesha gazeti)
adm-identity-measurement = Upimaji
adm-identity-measurement-snippet = Kipande cha upimaji
adm-identity-measurement-hint = Kimezimwa kikiwa tupu. Lebo ya seva yako mwenyewe ya takwimu (Plausible, Matomo... unazojiendeshea), huwekwa kwenye kichwa cha kila ukurasa wa umma, kamwe si katika chumba cha habari. Inaweza kupakia kupitia https:// tu; sera ya maudhui ya tovuti kisha huruhusu anwani inazotaja na skripti yake ya ndani, hakuna zaidi.

## Integrations (/admin/integrations)
adm-int-title = Miunganisho
adm-int-intro = Sehemu za mbele zilizoandikwa kwa ajili ya Ghost (Gatsby, Astro, Nuxt, programu za simu) husoma tovuti hii kupitia Content API yake inayoendana na Ghost katika
adm-int-intro-key = . Kila moja inahitaji ufunguo wa Content API: tengeneza muunganisho mmoja kwa kila sehemu ya mbele, ili kila mmoja uweze kubatilishwa peke yake.
adm-int-made = “{ $name }” umetengenezwa.
adm-int-made-once = Ufunguo wake wa Content API unaonyeshwa mara hii moja tu; unakili sasa. Ufunguo uliopotea hauwezi kuonyeshwa tena: tengeneza muunganisho mpya na ubatilishe huu.
adm-int-key-label = Ufunguo wa Content API
adm-int-use-url = Katika sehemu ya mbele: URL ya API
adm-int-use-key = , ufunguo kama ulio juu (ukitumia
adm-int-use-and = na
adm-int-name = Jina
adm-int-key = Ufunguo
adm-int-made-when = Ulitengenezwa
adm-int-revoke = Batilisha
adm-int-ending = unaoishia
adm-int-made-by = { $when } na { $name }
adm-int-none = Bado hakuna miunganisho: hakuna sehemu ya mbele inayoweza kusoma Content API.
adm-int-add = Ongeza muunganisho
adm-int-name-hint = Kinachotumia ufunguo, kama “Sehemu ya mbele ya Astro” (hadi herufi { $max }).
adm-int-make = Tengeneza ufunguo

## Revoking an integration (/admin/integrations/ID/delete)
adm-int-revoke-title = Ubatilishe muunganisho “{ $name }”?
adm-int-revoke-stops = Ufunguo wake (unaoishia { $key }) unaacha kufanya kazi mara moja: sehemu za mbele zinazoutumia zitapata “Unknown Content API Key” hadi zipewe mwingine.
adm-int-revoke-final = Hili haliwezi kutenduliwa; muunganisho mpya hutengeneza ufunguo mpya.
adm-int-revoke-button = Batilisha ufunguo

## Refusals on the front page desk (and a section's place, on the sections' pages)
adm-refuse-top-full = nafasi zote za habari muhimu zimejaa; ondoa moja kwanza au chagua nafasi yake
adm-refuse-order = buruta habari muhimu katika mpangilio unaoutaka
adm-refuse-choose-action = chagua habari na unachotaka kuifanyia
adm-refuse-choose-breaking = chagua habari ya hivi punde
adm-refuse-choose-label = chagua habari ya kuwekea lebo
adm-refuse-colour = "{ $value }" si rangi; iandike kama #rrggbb, kwa mfano #a4161a
adm-refuse-label-long = "{ $label }" ina zaidi ya herufi { $limit }; lebo ni neno moja au mawili
adm-refuse-labels-many = tovuti inaweza kuongeza lebo zake zisizozidi { $count }
adm-refuse-lead-position = habari kuu ina nafasi moja tu, 1, si { $position }
adm-refuse-top-position = habari muhimu huchukua nafasi 1 hadi { $most }, si { $position }
adm-refuse-top-slots = kuna nafasi { $count } tu za habari muhimu
adm-refuse-until-passed = muda wa hadi { $until } umeshapita; weka muda ulio mbele
adm-refuse-position-twice = { $slot ->
    [lead] nafasi { $position } ya habari kuu
   *[other] nafasi { $position } ya habari muhimu
} imetajwa mara mbili
adm-refuse-placed-twice = makala { $id } imewekwa mara mbili
adm-refuse-front-unpublished = makala { $id } ("{ $title }") haijachapishwa; ni habari zilizochapishwa tu zinazowekwa ukurasa wa mbele
adm-refuse-no-article = hakuna makala { $id }
adm-refuse-time-passed = { $time } umeshapita; weka muda ulio mbele
adm-refuse-breaking-unpublished = makala { $id } ("{ $title }") haijachapishwa; ni habari zilizochapishwa tu zinazoweza kuwa habari za hivi punde
adm-refuse-label-unknown = "{ $label }" si mojawapo ya lebo za tovuti hii: { $labels }
adm-refuse-own-parent = sehemu haiwezi kuwa mzazi wake yenyewe
adm-refuse-parent-nested = "{ $name }" yenyewe ni sehemu ndogo; sehemu ndogo huenda ngazi moja tu
adm-refuse-parent-edition = "{ $name }" iko katika toleo jingine: sehemu ndogo iko katika toleo la sehemu yake kuu, kwa hiyo zipe lugha moja kwanza.
adm-refuse-parent-has-children = sehemu hii ina sehemu ndogo zake, kwa hiyo haiwezi kuwa sehemu ndogo
adm-refuse-no-section = hakuna sehemu "{ $slug }"
adm-refuse-menu-position = { $position } si nafasi ya menyu; tumia 0 hadi 10000

## Refusals on the ad slots
adm-refuse-ad-size = pikseli { $count } ni zaidi ya { $most }; taja ukubwa wa tangazo kwa pikseli za CSS
adm-refuse-ad-no-size = ukubwa wa skrini pana unahitaji upana na urefu zaidi ya 0
adm-refuse-ad-every = { $every } haiko kati ya 1 na 50
adm-refuse-ad-alt = eleza tangazo la ndani linaonyesha nini, kwa wasomaji wasioweza kuliona
adm-refuse-ad-alt-long = maelezo yana zaidi ya herufi { $limit }
adm-refuse-ad-link = tangazo la ndani linahitaji anwani linakoelekeza, kama /subscribe
adm-refuse-ad-no-photo = hakuna picha { $id } katika maktaba; ipakie kwanza
adm-refuse-ad-code-long = msimbo una herufi { $count }; kikomo ni { $limit }
adm-refuse-ad-code-nul = msimbo una herufi ya NUL
adm-refuse-ad-number = "{ $value }" si namba kamili ya pikseli au vipengele
adm-refuse-ad-photo-number = "{ $value }" si namba ya picha; inaonyeshwa kwenye ukurasa wa picha katika Picha na video

## Refusals on the paper's identity
adm-refuse-network = "{ $value }" si anwani ya { $network ->
    [facebook] Facebook
    [x] X
    [instagram] Instagram
    [youtube] YouTube
    [tiktok] TikTok
   *[whatsapp] chaneli ya WhatsApp
}; bandika anwani ya https:// ya akaunti, kama { $example }
adm-refuse-colour-light = { $colour } ni nyepesi mno kusomeka juu ya nyeupe (utofautishaji { $ratio }:1; angalau 4.5:1 unahitajika); chagua rangi nzito zaidi
adm-refuse-page-link = "{ $value }" si anwani ya ukurasa; andika njia kwenye tovuti hii, kama /corrections, au anwani ya https://
adm-refuse-snippet-long = kipande kina herufi { $count }; kikomo ni { $limit }
adm-refuse-snippet-nul = kipande kina herufi ya NUL
adm-refuse-snippet-script = kipande hakina kipengele cha <script>; bandika lebo ambayo seva yako ya takwimu inakupa, kama { $example }
adm-refuse-snippet-plain = kipande kinapakia kutoka { $address }…, ambayo haijasimbwa; tumia anwani yake ya https://
