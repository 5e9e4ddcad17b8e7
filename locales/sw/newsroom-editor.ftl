# The newsroom: editor.
# Kihariri cha habari, orodha ya makala, matoleo na ulinganisho wake, na makatazo
# yanayoonyeshwa kwenye kurasa hizi.

## The articles list
ed-articles = Makala
ed-write-article = Andika makala
ed-find = Tafuta
ed-find-placeholder = Maneno yaliyomo kwenye makala
ed-status = Hali
ed-any = Yoyote
ed-all = Zote
ed-section = Sehemu
ed-edition = Toleo la lugha
ed-source = Chanzo
ed-show = Onyesha
ed-bulk-label = Kwa habari zilizowekwa alama
ed-bulk-unpublish = Ondoa hewani (rudisha kuwa rasimu)
ed-bulk-move = Hamishia sehemu…
ed-bulk-section = Sehemu (ya kuhamishia)
ed-apply = Tekeleza
ed-choose = Chagua
ed-choose-story = Chagua “{ $title }”
ed-col-title = Kichwa
ed-col-authors = Waandishi
ed-col-updated = Imesasishwa
ed-col-reads = Usomaji
ed-col-reactions = Hisia
ed-col-comments = Maoni
ed-view = tazama
ed-no-match = Hakuna makala inayolingana.
ed-write-one = Andika moja
ed-pages = Kurasa
ed-newer = ← Mpya zaidi
ed-older = Za zamani →
ed-page-of = Ukurasa { $number } kati ya { $pages }

## A story's state, as a choice
ed-status-draft = Rasimu
ed-status-scheduled = Imeratibiwa
ed-status-published = Imechapishwa

## Where a story's copy came from
ed-source-staff = Wafanyakazi
ed-source-agency = Shirika la habari
ed-source-press_release = Taarifa kwa vyombo vya habari
ed-source-syndication = Maudhui ya ushirika
ed-source-reader = Msomaji

## A story's format
ed-format-standard = Habari ya kawaida
ed-format-live = Habari mubashara
ed-format-gallery = Mkusanyiko wa picha
ed-format-video = Video
ed-format-list = Orodha yenye namba

## The editor: its head and notices
ed-title-edit = Hariri: { $title }
ed-new-article = Makala mpya
ed-edit-article = Hariri makala
ed-view-on-site = Tazama kwenye tovuti
ed-preview-as-readers = Hakiki jinsi wasomaji watakavyoiona
ed-link-revisions = Matoleo
ed-link-gallery = Picha za mkusanyiko
ed-link-list = Orodha
ed-link-video = Video
ed-link-polls = Kura za maoni
ed-delete = Futa
ed-review-waiting = Inasubiri kukaguliwa
ed-review-since = tangu { $since }.
ed-review-since-by = tangu { $since }, imetumwa na { $name }.
ed-review-act = Ichapishe au uiratibu, au
ed-review-send-back = uirudishe pamoja na maelezo
ed-embargoed = Imezuiliwa
ed-embargoed-until = hadi { $until }: hakuna anayeruhusiwa kuichapisha, wala kuiratibu kabla ya wakati huo.
ed-scheduled-label = Imeratibiwa:
ed-scheduled-not-yet = { $when }. Bado haijachapishwa.
ed-text-kept = Maandishi yako bado yapo kwenye fomu hapa chini.
ed-read-only = Unaweza kuisoma tu.
ed-not-saved-fields = Haijahifadhiwa: tafadhali rekebisha sehemu zilizowekewa alama hapa chini. Hakuna ulichoandika kilichopotea.

## When a scheduled story goes live ($time is the clock, $wait how long until then)
ed-goes-live-today = itachapishwa saa { $time } ({ $wait })
ed-goes-live-day = itachapishwa saa { $time } tarehe { $day } { $mon } { $year } ({ $wait })
ed-wait-now = sasa
ed-wait-minutes = { $count ->
    [one] baada ya dakika { $count }
   *[other] baada ya dakika { $count }
}
ed-wait-hours = { $count ->
    [one] baada ya saa { $count }
   *[other] baada ya saa { $count }
}
ed-wait-days = { $count ->
    [one] baada ya siku { $count }
   *[other] baada ya siku { $count }
}

## How long a story has waited for review, on the dashboard
ed-ago-now = sasa hivi
ed-ago-minutes = { $count ->
    [one] dakika { $count } iliyopita
   *[other] dakika { $count } zilizopita
}
ed-ago-hours = { $count ->
    [one] saa { $count } iliyopita
   *[other] saa { $count } zilizopita
}
ed-ago-days = { $count ->
    [one] siku { $count } iliyopita
   *[other] siku { $count } zilizopita
}

## The editor: someone else saved first
ed-conflict-title = Mtu mwingine ameihifadhi makala hii ulipokuwa ukiihariri
ed-conflict-version = Sasa iko kwenye toleo la { $version }.
ed-conflict-kept = Mabadiliko yako hayakufuta yao, na hakuna kilichopotea
ed-conflict-merge = maandishi yako bado yapo kwenye fomu hapa chini, na yao yanaonyeshwa hapa. Hamishia kwenye fomu unachokihitaji, kisha uhifadhi tena; ukihifadhi sasa, toleo lao litabadilishwa na kilichomo kwenye fomu.
ed-field = Kipengele
ed-conflict-theirs = Yao (yamehifadhiwa)
ed-conflict-yours = Yako (kwenye fomu)
ed-conflict-body = Maandishi: yao → yako
ed-conflict-their-text = Maandishi yao yote

## A field that changed between two versions
ed-change-title = Kichwa
ed-change-standfirst = Utangulizi
ed-change-slug = Anwani fupi
ed-change-status = Hali
ed-change-section = Sehemu
ed-change-authors = Waandishi
ed-change-tags = Mada
ed-change-lead_image = Picha kuu
ed-change-image_credit = Mpiga picha
ed-change-image_caption = Maelezo ya picha
ed-change-seo_title = Kichwa cha SEO
ed-change-seo_description = Maelezo ya SEO

## The editor: the story's text
ed-headline = Kichwa cha habari
ed-standfirst = Utangulizi
ed-standfirst-hint = Sentensi moja au mbili chini ya kichwa cha habari.
ed-dateline = Mahali pa habari
ed-dateline-hint = Mahali habari ilipoandikwa, huonyeshwa kabla ya aya ya kwanza: NAIROBI —. Acha tupu ikiwa hakuna.
ed-body = Maandishi
ed-tab-write = Andika
ed-preview = Hakiki
ed-md-hint = Markdown: mstari mtupu kati ya aya,
ed-md-subheading = ## Kichwa kidogo
ed-md-quote = > nukuu
ed-md-link = [kiungo](https://…)
ed-md-image = ![maelezo](URL ya picha)

## The editor: publishing
ed-publishing = Uchapishaji
ed-author-hint = Unahifadhi rasimu na kuziwasilisha zikaguliwe; mhariri ndiye anayezichapisha.
ed-publish-at = Chapisha saa ({ $zone })
ed-publish-at-hint = Kwa Imeratibiwa: wakati itakapochapishwa. Acha tupu ili ichapishwe sasa hivi.
ed-goes-live-at = Itachapishwa: { $when }
ed-published-at = Imechapishwa: { $when }
ed-publication-time = Wakati wa kuchapishwa: { $when }
ed-last-saved = Ilihifadhiwa mwisho: { $when }
ed-embargo-until = Zuio hadi ({ $zone })
ed-embargo-until-hint = Hakuna anayeruhusiwa kuichapisha, wala kuiratibu, kabla ya wakati huu. Acha tupu kama hakuna zuio.
ed-comments-open = Wasomaji wanaweza kutoa maoni
ed-format = Aina ya habari
ed-live-open = Fungua kiandishi cha habari mubashara
ed-live-rest = ili kuchapisha taarifa mpya, kubandika moja juu na kuhitimisha habari.
ed-gallery-choose = Chagua picha za mkusanyiko
ed-gallery-save-first = Hifadhi rasimu, kisha uchague picha zake
ed-gallery-rule = mkusanyiko huchapishwa ukiwa na picha angalau moja.
ed-video-choose = Pakia video au weka kiungo chake
ed-video-save-first = Hifadhi rasimu, kisha upakie video yake au uweke kiungo
ed-video-rule = habari ya video huchapishwa pamoja na video yake.
ed-list-choose = Andika vipengele vya orodha
ed-list-save-first = Hifadhi rasimu, kisha uandike vipengele vyake
ed-list-rule = orodha huchapishwa ikiwa na kipengele angalau kimoja.
ed-minor-edit = Marekebisho madogo (kosa la uchapaji, mpangilio): wasomaji hawataona muda mpya wa “Imesasishwa”

## The editor: where the copy came from
ed-copy-source = Chanzo cha habari
ed-agency = Shirika la habari au chombo
ed-agency-hint = Kwa habari ya shirika, jina la mwandishi linaweza kuwa la shirika peke yake (bila mwandishi aliyewekewa alama): “Na PNN”.
ed-source-url = URL ya asili
ed-source-rights = Haki au masharti ya matumizi
ed-source-rights-hint = Kwa chumba cha habari: kile makubaliano yanachoruhusu.

## The editor: section, authors, tags
ed-filed-under = Imewekwa chini ya
ed-choose-section = Chagua sehemu
ed-author-search = Andika jina kumtafuta mwandishi
ed-tags = Mada
ed-tags-hint = Tenganisha kwa koma; mada mpya zitaundwa.

## The editor: the lead photo
ed-lead-photo = Picha kuu
ed-upload-photo = Pakia picha
ed-from-library = Au chagua kutoka maktaba
ed-library-search = Tafuta maelezo, wapiga picha, maelezo mafupi
ed-no-alt-yet = Bado hakuna maelezo ya picha
ed-library-empty = Bado hakuna picha kwenye maktaba.
ed-image-url = URL ya picha
ed-image-url-hint = Picha kutoka maktaba ya Picha na video (anwani yake), anwani ya https:// au njia kwenye tovuti hii.
ed-image-alt = Maelezo ya picha
ed-image-alt-hint = Kinachoonekana kwenye picha, kwa wasomaji wasioweza kuiona. Yanahitajika kila picha inapowekwa.
ed-alt-warning = Picha hii haina maelezo: ieleze kabla ya kuhifadhi.
ed-image-credit = Mpiga picha
ed-image-credit-hint = Huonyeshwa kama “Picha: <mpiga picha>.”
ed-image-caption = Maelezo mafupi

## The editor: address and search engines, and its buttons
ed-address-seo = Anwani na injini za utafutaji
ed-slug = Anwani fupi
ed-slug-hint = Hutengenezwa kutoka kwa kichwa cha habari ikiachwa tupu. Ukiibadilisha, anwani ya zamani itaelekeza hapa.
ed-seo-title = Kichwa cha SEO
ed-seo-title-hint = Badala ya kichwa cha habari kwenye matokeo ya utafutaji.
ed-seo-description = Maelezo ya SEO
ed-save = Hifadhi
ed-submit-review = Wasilisha ikaguliwe
ed-back-to-articles = Rudi kwenye makala

## The editor: corrections and updates readers see
ed-corrections-title = Masahihisho na taarifa mpya
ed-corrections-public = (wasomaji huyaona kwenye habari)
ed-corrections-hint = Maelezo hubaki kwenye kumbukumbu: yanaweza kurekebishwa, hayafutwi kamwe, na kila toleo la maneno yake huhifadhiwa. Masahihisho na ufafanuzi pia huwekwa kwenye
ed-corrections-page = ukurasa wa masahihisho wa umma
ed-typed-kept = Ulichoandika bado kipo kwenye fomu.
ed-version = Toleo { $version }
ed-version-lower = toleo { $version }
ed-amend-note = Rekebisha maelezo haya
ed-note-text = Maandishi
ed-amend = Rekebisha
ed-note-history = { $count ->
    [one] Historia (toleo { $count })
   *[other] Historia (matoleo { $count })
}
ed-saved = ilihifadhiwa { $when }
ed-saved-by = ilihifadhiwa { $when } na { $name }
ed-add-note-readers = Ongeza maelezo kwa wasomaji
ed-note-kind = Aina
ed-note-kind-correction = Sahihisho
ed-note-kind-clarification = Ufafanuzi
ed-note-kind-update = Taarifa mpya
ed-note-kind-editors_note = Dokezo la mhariri
ed-note-text-hint = Eleza kilichokosewa na kilicho sahihi, kwa sentensi ambayo wasomaji wataielewa.
ed-note-dated = Tarehe (RFC 3339, si lazima)
ed-note-dated-hint = Acha tupu kutumia wakati huu.
ed-publish-note = Chapisha maelezo

## The editor: the desk, internal notes and preview links
ed-desk = Dawati
ed-desk-internal = (ya ndani: wasomaji hawaioni kamwe)
ed-send-back-label = Mrudishie mwandishi pamoja na maelezo
ed-send-back = Rudisha
ed-assigned-to = Amekabidhiwa
ed-nobody = Hakuna mtu
ed-assign = Kabidhi
ed-share-preview = Shiriki hakiki
ed-share-preview-hint = Kiungo kwa mtu aliye nje ya chumba cha habari: kinaonyesha habari jinsi wasomaji watakavyoiona, hufanya kazi kwa saa 48, na injini za utafutaji hazikiorodheshi kamwe.
ed-preview-link = Kiungo cha hakiki { $id }
ed-until = hadi { $when }
ed-withdraw = Ondoa
ed-make-preview = Tengeneza kiungo cha hakiki
ed-notes = Madokezo
ed-no-notes = Bado hakuna madokezo.
ed-add-note-label = Ongeza dokezo kwa chumba cha habari
ed-add-note = Ongeza dokezo

## The story previewed in the public theme: the banner above it
ed-preview-scheduled = Hakiki: imeratibiwa, { $when }.
ed-preview-published = Hakiki ya habari iliyochapishwa.
ed-preview-draft = Hakiki: habari hii ni rasimu; wasomaji hawawezi kuiona.

## Deleting a story
ed-delete-title = Ufute “{ $title }”?
ed-delete-public = Imechapishwa: wasomaji watakaofuata kiungo chake watapata ukurasa wa “haipatikani”, na itaondoka kwenye milisho, utafutaji na ramani za tovuti.
ed-delete-unseen = Haijachapishwa, kwa hiyo wasomaji hawajawahi kuiona.
ed-delete-everything = Matoleo yake, hisia na maoni yake yatafutwa pamoja nayo. Hatua hii haiwezi kutenduliwa.
ed-delete-instead = Ili kuiondoa kwenye tovuti lakini uibakize, badilisha hali yake kuwa Rasimu.
ed-delete-button = Futa makala

## Revisions
ed-revisions-title = Matoleo: { $title }
ed-revisions-of = Matoleo ya “{ $title }”
ed-back-to-editor = Rudi kwenye kihariri
ed-revisions-hint = Kila uhifadhi huwekwa, pamoja na aliyeufanya na lini. Uhifadhi uliokataliwa kwa sababu mtu mwingine alihifadhi kwanza nao huwekwa, ukiwa na alama ya “mgongano”, ili maneno yasipotee. Chagua mawili uyalinganishe.
ed-rev-from = Kuanzia
ed-rev-to = Hadi
ed-rev-version = Toleo
ed-rev-saved = Ilihifadhiwa
ed-rev-by = Na
ed-rev-compare-from = Linganisha kuanzia toleo { $version }
ed-rev-compare-to = Linganisha hadi toleo { $version }
ed-rev-conflict = mgongano
ed-rev-current = la sasa
ed-someone-removed = (mtu aliyeondolewa baadaye)
ed-restore = Rejesha
ed-compare-chosen = Linganisha mawili uliyochagua

## Comparing two revisions
ed-compare-title = Linganisha matoleo
ed-compare-heading = Toleo { $from } → toleo { $to }
ed-all-revisions = Matoleo yote
ed-compare-summary = “{ $title }”: { $from_at } na { $from_by } → { $to_at } na { $to_by }.
ed-before = Kabla
ed-after = Baada
ed-only-body-changed = Hakuna kipengele kilichobadilika isipokuwa maandishi.
ed-restore-version = Rejesha toleo { $version }

## Refusals the editor shows under a field or above the form
ed-not-a-time = "{ $value }" si tarehe na saa, mfano 2026-07-17 11:32
ed-version-not-number = toleo la fomu si namba; pakia ukurasa upya
ed-embargo-refusal = Habari hii imezuiliwa hadi { $until }: hakuna anayeruhusiwa kuichapisha au kuiratibu kabla ya wakati huo. Iratibu kwa { $until } au baadaye, au uihifadhi kama rasimu.
ed-not-yours = Makala hii ni ya mtu mwingine: kama { $role ->
    [contributor] mchangiaji
    [editor] mhariri
    [admin] msimamizi
   *[author] mwandishi
} unaweza kubadilisha makala ulizoanzisha wewe tu. Mwombe mhariri aibadilishe.
ed-contributor-read-only = Makala hii { $status ->
    [published] imechapishwa
    [scheduled] imeratibiwa
    [review] inakaguliwa
   *[other] si rasimu
}, kwa hiyo mchangiaji anaweza kuisoma tu: unaweza kubadilisha rasimu zako tu. Mwombe mhariri afanye mabadiliko, au airudishe kuwa Rasimu ili uweze kuihariri.
ed-no-such-section = Hakuna sehemu “{ $value }”; chagua sehemu kutoka kwenye orodha.
ed-authors-required = Chagua angalau mwandishi mmoja kwa ajili ya jina la mwandishi.
ed-authors-required-agency = Chagua angalau mwandishi mmoja kwa ajili ya jina la mwandishi (habari ya shirika inaweza kubeba jina la shirika badala yake).
ed-images-without-alt = { $count ->
    [one] Picha { $count } kwenye maandishi haina maelezo; andika kinachoonekana kati ya mabano, kama ![Mashua bandarini](/media/...), au uihifadhi kama rasimu.
   *[other] Picha { $count } kwenye maandishi hazina maelezo; andika kinachoonekana kwenye kila moja kati ya mabano, kama ![Mashua bandarini](/media/...), au uihifadhi kama rasimu.
}
ed-incomplete = Makala haijakamilika.
ed-slug-taken = “{ $value }” tayari inatumika; chagua anwani fupi nyingine.
ed-slug-crowded = Vitu vingi mno tayari vinatumia “{ $value }”; chagua anwani fupi.
ed-too-many-tags = Makala inaweza kuwa na mada { $count } tu.
ed-not-rfc3339 = “{ $value }” si tarehe na saa inayoeleweka; ichague tena kwenye kalenda.
ed-time-before-1900 = “{ $value }” ni kabla ya mwaka 1900: tumia wakati kati ya mwaka 1900 na 9999.
ed-schedule-needs-time = Habari iliyoratibiwa inahitaji wakati wa kuchapishwa: jaza “Chapisha saa”.
ed-dateline-one-line = Mahali pa habari ni mstari mmoja unaotaja mahali, kama NAIROBI.
ed-dateline-too-long = Mahali pa habari hakiwezi kuzidi herufi { $limit }, kama NAIROBI.
ed-agency-required = Taja shirika la habari ambalo habari imetoka (kama PNN), au chagua chanzo kingine.

## Refusals of a note for readers
ed-note-needs-kind = Sema ni maelezo ya aina gani: sahihisho, ufafanuzi, taarifa mpya au dokezo la mhariri.
ed-note-stays-kind = { $kind ->
    [clarification] Ufafanuzi hubaki ufafanuzi
   *[correction] Sahihisho hubaki sahihisho
} kwenye kumbukumbu; rekebisha maandishi yake badala yake.
ed-note-not-empty = Andika maelezo yanasema nini; maelezo hayawezi kuachwa tupu wala kufutwa.
ed-note-too-long = Maelezo hayawezi kuzidi herufi { $limit }.
ed-note-in-future = Maelezo huwekewa tarehe ya sasa au ya awali, si ya baadaye.
ed-note-before-story = Maelezo huwekewa tarehe baada ya habari kuchapishwa; acha tupu kutumia wakati huu.
ed-note-incomplete = Maelezo hayajakamilika.

## Refusals at the desk
ed-no-such-member = Hakuna mtu kama huyo kwenye chumba cha habari.
ed-member-deactivated = { $name } amezimwa; chagua mtu anayeweza kuingia.
ed-desk-note-required = Andika dokezo: kinachopaswa kubadilika, au dawati linachopaswa kujua.
ed-desk-note-too-long = Dokezo haliwezi kuzidi herufi { $limit }.

## Refusals above the editor's form or the note form
ed-drafts-only = Mchangiaji huhifadhi rasimu; mwandishi, mhariri au msimamizi ndiye huzichapisha au kuziratibu. Ihifadhi kama rasimu kisha umwombe mhariri aiweke kuwa { $status ->
    [scheduled] Imeratibiwa
   *[published] Imechapishwa
}.
ed-review-first = Chumba hiki cha habari huwataka waandishi kuwasilisha habari zao zikaguliwe: mhariri ndiye huzichapisha au kuziratibu. Iwasilishe ikaguliwe badala yake.
ed-editors-note = Ni mhariri au msimamizi tu anayeongeza au kurekebisha masahihisho na maelezo wanayoona wasomaji; wewe ni { $role ->
    [contributor] mchangiaji
    [editor] mhariri
    [admin] msimamizi
   *[author] mwandishi
}. Mwombe mhariri.
ed-note-published-first = Maelezo huwekwa kwenye habari zilizochapishwa, kwa ajili ya wasomaji: ichapishe habari hii kwanza. Kama bado haijatoka, acha dokezo la ndani kwa chumba cha habari badala yake.

## Refusals of a bulk action on the articles list, and of the desk's forms
ed-bulk-none = Weka alama kwenye kipengele angalau kimoja, kisha uchague la kufanya navyo.
ed-bulk-too-many = Chagua vipengele visivyozidi { $count } kwa wakati mmoja.
ed-bulk-unknown-for-comments = “{ $action }” si hatua ya pamoja kwa maoni; tumia kuidhinisha, taka au kufuta.
ed-bulk-unknown-for-stories = “{ $action }” si hatua ya pamoja kwa habari; tumia kuondoa hewani, kuhamisha au kufuta.
ed-bulk-choose-section = Chagua sehemu ya kuhamishia habari.
ed-bulk-nothing-changed = Hakuna kilichobadilishwa. “{ $title }”: { $refusal }
ed-compare-choose-two = Chagua matoleo mawili ya kulinganisha.
ed-assign-choose = Chagua mtu kutoka kwenye orodha.

## Refusals any newsroom form may show
ed-version-required = Toleo ulilopakia halikutumwa; pakia ukurasa upya ili uhifadhi bila kufuta mabadiliko ya mtu mwingine.
ed-taken = { $field ->
    [slug] Anwani fupi hii tayari inatumika.
    [email] Barua pepe hii tayari inatumika.
    [name] Jina hili tayari linatumika.
   *[other] Hiki tayari kinatumika.
}

## The editor's autosave, when a save is refused
ed-autosave-refused = Haijahifadhiwa: { $problems }.
ed-autosave-conflict = Haijahifadhiwa: makala hii ilibadilishwa na mtu mwingine tangu ulipoipakia.

## A story format published without its content
ed-format-gallery-empty = Albamu ya picha inahitaji picha zake kabla ya kuchapishwa au kuratibiwa: ihifadhi kama rasimu, ongeza picha kutoka maktaba kwenye albamu yake, kisha uichapishe.
ed-format-video-empty = Habari ya video inahitaji video yake kabla ya kuchapishwa au kuratibiwa: ihifadhi kama rasimu, pakia faili ya MP4 au WebM au toa anwani ya YouTube, Vimeo au Facebook, kisha uichapishe.
ed-format-list-empty = Orodha yenye namba inahitaji vipengele vyake kabla ya kuchapishwa au kuratibiwa: ihifadhi kama rasimu, ongeza angalau kipengele kimoja kwenye orodha yake, kisha uichapishe.

## A subsection's edition
ed-section-follows-parent = Hii ni sehemu ndogo ya "{ $name }", na sehemu ndogo iko katika toleo la sehemu yake kuu: badilisha lugha ya sehemu kuu, au kwanza ifanye hii kuwa sehemu inayojitegemea.
