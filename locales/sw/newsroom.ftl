# Barua pepe za chumba cha habari, kwa lugha ya tovuti.

## What the newsroom's scripts show (admin.js)
js-upload-refused = Upakiaji umekataliwa ({ $status }).
js-upload-offline = Upakiaji haukufika kwenye seva. Angalia muunganisho kisha ujaribu tena.
js-no-alt = Bado hakuna maelezo ya picha
js-no-photo-matches = Hakuna picha inayolingana na “{ $query }”.
js-uploading = Inapakia { $name }…
js-uploaded = Imepakiwa: pikseli { $width }×{ $height }, kwa saizi { $sizes }.
js-bold-words = maneno mazito
js-italic-words = maneno ya mlalo
js-link-prompt = Kiungo kiende anwani gani? (https://…)
js-link-text = maandishi ya kiungo
js-quotation-text = Nukuu
js-list-item = Kipengele
js-embed-prompt = Anwani ya chapisho la YouTube, Vimeo, X, Facebook, Instagram au TikTok:
js-formatting = Mpangilio wa maandishi
js-tool-bold-key = B
js-tool-bold = Herufi nzito
js-tool-italic-key = I
js-tool-italic = Herufi za mlalo
js-tool-heading-key = H
js-tool-heading = Kichwa kidogo
js-tool-link = Kiungo
js-tool-quote = Nukuu
js-tool-list = Orodha
js-tool-photo-key = Picha
js-tool-photo = Picha kutoka maktaba
js-tool-embed-key = Pachika
js-tool-embed = Pachika video au chapisho
js-search-library = Tafuta kwenye maktaba
js-search-photos = Tafuta kwenye maktaba ya picha
js-describe-photo = Eleza picha
js-preview-failed = Hakiki haikuweza kutengenezwa sasa hivi.
js-not-autosaved = Haijahifadhiwa yenyewe.
js-autosave-off = Kuhifadhi kiotomatiki kumezimwa; maandishi yako bado yapo hapa uyanakili.
js-autosave-paused = Kuhifadhi kiotomatiki kumesitishwa: bonyeza Hifadhi uone matoleo yote mawili.
js-autosaved = Rasimu imehifadhiwa yenyewe saa { $time }.
js-autosave-offline = Haijahifadhiwa yenyewe: seva haikupatikana. Maandishi yako bado yapo hapa.

## The frame of every newsroom page
nr-newsroom = Chumba cha habari
nr-skip = Ruka hadi kwenye maudhui
nr-menu = Menyu
nr-nav-dashboard = Dashibodi
nr-nav-articles = Makala
nr-nav-media = Picha na video
nr-nav-stats = Takwimu
nr-nav-front = Ukurasa wa mbele
nr-nav-comments = Maoni
nr-nav-sections = Sehemu
nr-nav-tags = Mada
nr-nav-authors = Waandishi
nr-nav-pages = Kurasa
nr-nav-people = Watu
nr-nav-settings = Mipangilio
nr-nav-menus = Menyu za tovuti
nr-nav-messages = Ujumbe
nr-nav-identity = Utambulisho
nr-nav-ads = Matangazo
nr-nav-integrations = Miunganisho
nr-nav-audit = Kumbukumbu ya ukaguzi
nr-view-site = Tazama tovuti
nr-sign-out = Ondoka

## Roles and a story's state
role-admin = msimamizi
role-editor = mhariri
role-author = mwandishi
role-contributor = mchangiaji
status-draft = rasimu
status-review = inakaguliwa
status-scheduled = imeratibiwa
status-published = imechapishwa

## A field the newsroom refused, shown under it
field-required = Hiki kinahitajika.
field-too-long = Kina herufi { $count }; kikomo ni { $limit }.
field-nul = Kina herufi ya NUL; kiandike upya au kibandike kama maandishi matupu.
field-slug = "{ $value }" kinaweza kuwa na herufi ndogo, tarakimu na vistari kimoja kimoja katikati tu, kama "baraza-la-jiji-lapiga-kura".
field-email = "{ $value }" si anwani ya barua pepe.
field-url-long = Anwani hii ina herufi zaidi ya 2,000.
field-url-spaces = Anwani haiwezi kuwa na nafasi, vichupo au mistari mipya.
field-url-backslash = Anwani haiwezi kuwa na mkwaju wa nyuma (\): vivinjari huusoma kama /, jambo linaloweza kuwapeleka wasomaji kwenye tovuti nyingine. Tumia / kwenye njia.
field-url-other-site = Anwani inayoanza na // inataja tovuti nyingine: andika njia ya tovuti hii yenye / moja (kama /media/photo-640.jpg), au anwani kamili ya https://.
field-url-no-host = Hakuna jina la seva baada ya itifaki: iandike kama https://example.com/photo.jpg.
field-url-kind = Andika anwani ya http(s), au njia ya tovuti hii inayoanza na /.
field-language = "{ $value }" si msimbo wa lugha; tumia herufi mbili au tatu, kama "sw", "fr" au "ar".
field-role = "{ $value }" si jukumu; chagua msimamizi, mhariri, mwandishi au mchangiaji.

## The short confirmation after a change
notice-saved = Imehifadhiwa.
notice-created = Imeundwa.
notice-deleted = Imefutwa.
notice-restored = Toleo la awali limerejeshwa kama toleo jipya.
notice-merged = Mada zimeunganishwa.
notice-moderated = Maoni yamesasishwa.
notice-signed-out-elsewhere = Umeondolewa kila mahali pengine.
notice-password = Nenosiri lako jipya limewekwa. Ingia nalo.
notice-settings = Mipangilio imehifadhiwa na inatumika.
notice-uploaded = Imepakiwa. Ongeza maelezo ya picha, mpigaji picha na maelezo mafupi kama bado haina.
notice-revoked = Muunganisho umefutwa; ufunguo wake haufanyi kazi tena.
notice-submitted = Imetumwa kwa ukaguzi: iko kwenye foleni ya wahariri.
notice-sent-back = Imerudishwa kwa mwandishi wake pamoja na ujumbe wako.
notice-assigned = Mgawo wa habari umehifadhiwa.
notice-noted = Ujumbe wako umeongezwa. Wasomaji hawaoni ujumbe huu.
notice-corrected = Taarifa iko kwenye habari ili wasomaji waione.
notice-amended = Taarifa imerekebishwa; maneno yake ya awali yamehifadhiwa kwenye historia yake.
notice-shared = Kiungo cha kuhakiki kimeundwa: kinafanya kazi kwa saa 48, au hadi ukiondoe.
notice-withdrawn = Kiungo cha kuhakiki kimeondolewa; hakifunguki tena.
notice-posted = Imechapishwa: wasomaji walio na habari wazi wanaiona sasa.
notice-entry-saved = Taarifa imehifadhiwa; kurasa zilizo wazi zinaonyesha maandishi mapya.
notice-entry-deleted = Taarifa imefutwa; imeondoka pia kwenye kurasa zilizo wazi.
notice-ended = Habari mubashara imekwisha: wasomaji wanaona kuwa imefungwa.
notice-reopened = Habari mubashara iko hewani tena.

## Kubadilisha nenosiri
email-reset-subject = Badilisha nenosiri lako la { $site }
email-reset-greeting = Habari { $name },
email-reset-asked = Mtu ameomba kubadilisha nenosiri lako la chumba cha habari cha { $site }.
    Kuchagua jipya, fungua kiungo hiki ndani ya saa moja (kinafanya kazi mara moja tu):
email-reset-ignore = Kama si wewe, puuza barua hii: nenosiri lako litabaki kama lilivyo.

## Ujumbe wa msomaji
email-contact-subject = { $site }: ujumbe kutoka kwa { $name }
email-contact-wrote = { $name } <{ $email }> aliandika kupitia fomu ya "{ $page }":
email-contact-answer = Jibu kwa kujibu barua pepe hii. Kila ujumbe pia unahifadhiwa katika chumba cha habari, chini ya Ujumbe.

## Dawati la uhakiki
email-review-waiting-subject = Inasubiri uhakiki: { $title }
email-review-waiting = { $name } amewasilisha "{ $title }" kwa uhakiki.
email-review-waiting-action = Isome, ichapishe, au uirudishe na maelezo:
email-review-returned-subject = Imerudishwa: { $title }
email-review-returned = { $name } amekurudishia "{ $title }":
