# Chumba cha habari: dawati. Kuingia, dashibodi, watu, usimamizi wa maoni, mipangilio ya
# tovuti, ujumbe wa wasomaji na kumbukumbu ya ukaguzi.

## Fields several of these pages share
desk-field-email = Barua pepe
desk-field-password = Nenosiri
desk-field-password-again = Nenosiri tena
desk-field-new-password = Nenosiri jipya
desk-field-new-password-again = Nenosiri jipya tena
desk-field-your-email = Barua pepe yako
desk-field-your-name = Jina lako
desk-password-hint = Angalau herufi { $count }.

## Signing in (login.html)
desk-sign-in = Ingia
desk-login-heading = Ingia kwenye chumba cha habari
desk-login-forgotten = Umesahau nenosiri lako?
desk-login-mismatch = Barua pepe na nenosiri hilo havilingani na akaunti yoyote iliyo hai. Hakiki vyote viwili kisha ujaribu tena.
desk-login-throttled = Majaribio mengi mno ya kuingia yameshindikana kutoka mtandao wako. Subiri { $wait } kabla ya kujaribu tena.
desk-reset-throttled = Maombi mengi mno kutoka mtandao wako. Subiri { $wait } kisha ujaribu tena.
# How long to wait, inside the two sentences above.
desk-wait-seconds = sekunde { $count }
desk-wait-minutes = dakika { $count }

## A password reset (reset_request.html, reset.html)
desk-reset-request = Badilisha nenosiri lako
desk-reset-sent = Ikiwa kuna akaunti yenye barua pepe hiyo, kiungo cha mara moja cha kuchagua nenosiri jipya kimetumwa.
desk-reset-sent-hour = Kinafanya kazi kwa saa moja. (Kwenye tovuti isiyo na barua pepe, msimamizi hukipata kiungo kwenye kumbukumbu za seva.)
desk-reset-back = Rudi kwenye kuingia
desk-reset-send = Nitumie kiungo
desk-reset-choose = Chagua nenosiri jipya
desk-reset-set = Weka nenosiri
desk-reset-expired = Kiungo hiki kimepitwa na muda au tayari kimetumika.
desk-reset-ask-again = Omba kingine
desk-password-mismatch = Manenosiri mawili hayafanani.
desk-password-too-short = Nenosiri lina herufi { $count }; tumia angalau { $min }.
desk-password-too-long = Nenosiri ni refu kuliko herufi { $max }.

## The first admin (setup.html, first_run.html)
desk-setup-title = Kuanzisha
desk-setup-heading = Unda msimamizi wa kwanza
desk-setup-intro = Akaunti hii inaweza kuwaongeza wengine wote. Chagua nenosiri lenye angalau herufi { $count }.
desk-setup-create = Unda msimamizi kisha uingie
desk-setup-done = Tovuti hii tayari imeanzishwa. Ingia, au mwombe msimamizi akuongeze.
desk-setup-invalid = Kiungo hiki cha kuanzisha si sahihi. Tumia kiungo ambacho `newsdesk serve` ilichapisha ilipoanza.
desk-first-run-heading = Tovuti hii bado haina chumba cha habari
# Around the command `newsdesk serve`: "When" [command] "started, it printed ... link".
desk-first-run-when = Wakati
desk-first-run-printed = ilipoanza, ilichapisha kiungo cha kuanzisha cha mara moja
desk-first-run-open = Fungua kiungo hicho ili kuunda msimamizi wa kwanza.
desk-first-run-or = Au, kwenye seva, endesha
# A command typed on the server: keep it as it is, but for the example email and name.
desk-first-run-command = newsdesk user add --email wewe@example.com --name "Jina Lako" --role admin

## The dashboard (dashboard.html)
desk-dash-greeting = Karibu tena, { $name }
desk-dash-write = Andika makala
desk-dash-review = Zinasubiri ukaguzi
desk-dash-sent-by = imetumwa na { $name }
desk-dash-someone-removed = mtu aliyeondolewa
desk-dash-assigned = amepewa { $name }
desk-dash-nothing-waiting = Hakuna kinachosubiri.
desk-dash-list-draft = Rasimu
desk-dash-list-scheduled = Zilizoratibiwa
desk-dash-list-published = Zilizochapishwa karibuni
desk-dash-all-draft = Rasimu zote
desk-dash-all-scheduled = Zote zilizoratibiwa
desk-dash-all-published = Zote zilizochapishwa karibuni
desk-dash-updated = imesasishwa { $when }
desk-dash-none = Hakuna.
desk-dash-comments-waiting = { $count ->
    [one] Maoni 1 yanasubiri kusimamiwa
   *[other] Maoni { $count } yanasubiri kusimamiwa
}
desk-dash-no-comments = Hakuna maoni yanayosubiri.
desk-dash-reads-now = { $count ->
    [one] Usomaji 1 katika dakika 5 zilizopita
   *[other] Usomaji { $count } katika dakika 5 zilizopita
}
# Follows the reads of the last minutes, in the same sentence.
desk-dash-reads-today = ; { $count } leo
desk-dash-account = Akaunti yako
desk-dash-elsewhere = Umeingia mahali ambapo hupatumii tena?
desk-dash-sign-out-elsewhere = Ondoka kila mahali pengine

## People (people.html)
desk-people-added = Ameongezwa.
desk-people-send-link = Mtumie kiungo hiki cha mara moja ili achague nenosiri lake (kinafanya kazi kwa saa { $hours }):
desk-people-invite-link = Kiungo cha mwaliko
desk-people-name = Jina
desk-people-email = Barua pepe
desk-people-role = Jukumu
desk-people-can-sign-in = Anaweza kuingia
desk-people-you = (wewe)
desk-people-role-of = Jukumu la { $name }
desk-people-change = Badilisha
desk-people-yes = ndiyo
desk-people-no = hapana
desk-people-deactivate = Zima
desk-people-reactivate = Washa tena
desk-people-add-someone = Ongeza mtu
desk-people-roles-hint = Wachangiaji huandika rasimu; waandishi huchapisha zao wenyewe; wahariri huchapisha chochote na kusimamia sehemu, mada na maoni; wasimamizi pia husimamia watu na mipangilio.
desk-people-password-hint = Acha wazi ili upate kiungo cha mara moja atakachotumia kuchagua nenosiri lake mwenyewe.
desk-people-add = Ongeza
# The email to someone added without a password (subject, then paragraphs).
desk-invite-subject = Umeongezwa kwenye chumba cha habari cha { $site }
desk-invite-greeting = Habari { $name },
desk-invite-added = { $admin } amekuongeza kwenye chumba cha habari cha { $site } kama { $role }.
    Chagua nenosiri lako kwa kiungo hiki ndani ya saa 72 (kinafanya kazi mara moja tu):

## Comment moderation (comments.html)
desk-comments-status = Hali ya maoni
desk-comments-tab-pending = Yanasubiri
desk-comments-tab-spam = Taka
desk-comments-tab-approved = Yameidhinishwa
desk-comments-total-pending = { $count ->
    [one] Maoni 1 yanasubiri.
   *[other] Maoni { $count } yanasubiri.
}
desk-comments-total-spam = { $count ->
    [one] Maoni 1 ya taka.
   *[other] Maoni { $count } ya taka.
}
desk-comments-total-approved = { $count ->
    [one] Maoni 1 yameidhinishwa.
   *[other] Maoni { $count } yameidhinishwa.
}
desk-comments-with-ticked = Kwa maoni yaliyowekewa alama
desk-comments-approve = Idhinisha
desk-comments-mark-spam = Weka kama taka
desk-comments-delete = Futa
desk-comments-apply = Tekeleza
desk-comments-choose = Chagua maoni ya { $name }
# Before the story's title: "· on [title]".
desk-comments-on = kwenye
desk-comments-reply = jibu
desk-comments-held-because = Yamezuiliwa kwa sababu: { $reason }
desk-comments-spam = Taka
desk-comments-back-to-waiting = Rudisha yasubiri
desk-comments-edit = Hariri maandishi
desk-comments-text = Maandishi ya maoni
desk-comments-save-text = Hifadhi maandishi
desk-comments-nothing = Hakuna kitu hapa.
desk-comments-empty = Maandishi ya maoni hayawezi kuwa matupu; yafute badala yake.
# Why a comment or a reader's message was held, after "Held because:" or "Held as spam:".
desk-reason-honeypot = ilijaza sehemu iliyofichwa ya mtego, ambayo watu hawaioni kamwe
desk-reason-forged = muhuri wa muda wa fomu ulighushiwa
desk-reason-too-fast = ilitumwa sekunde { $age } baada ya ukurasa kufunguliwa; watu huchukua angalau sekunde { $min }
desk-reason-no-timestamp = ilitumwa bila muhuri wa muda wa fomu ya maoni
desk-reason-no-contact-timestamp = ilitumwa bila muhuri wa muda wa fomu ya mawasiliano
desk-reason-blocklist = ina "{ $entry }", ambacho kiko kwenye orodha ya marufuku
desk-reason-links = { $count ->
    [one] ina kiungo 1; zaidi ya { $max } huzuiliwa
   *[other] ina viungo { $count }; zaidi ya { $max } huzuiliwa
}
desk-reason-hold-all = kila maoni huzuiliwa kwa ukaguzi (usimamizi: hold_all)
desk-reason-first = maoni ya kwanza kutoka anwani hii ya barua pepe
desk-reason-no-email = hakuna anwani ya barua pepe, kwa hiyo inachukuliwa kama mtoa maoni wa mara ya kwanza

## Pages of a list
desk-pager = Kurasa
desk-pager-newer = ← Mapya zaidi
desk-pager-older = Ya zamani →

## Site settings (settings.html)
desk-settings-heading = Mipangilio ya tovuti
# Around the file name newsdesk.toml.
desk-settings-win-over = Yakihifadhiwa hapa, yanaanza kutumika mara moja na yanashinda
desk-settings-and-environment = na vigezo vya mazingira.
desk-settings-not-saved = Haijahifadhiwa: tafadhali sahihisha sehemu zilizowekewa alama hapa chini.
desk-settings-site-title = Jina la tovuti
desk-settings-description = Maelezo
desk-settings-timezone = Saa za eneo
desk-settings-timezone-hint = Andika ili kutafuta kwenye orodha, kama Nairobi au London; tarehe kwenye tovuti huonyeshwa kwa saa hizo.
desk-settings-per-page = Makala kwa kila ukurasa
desk-settings-moderation = Usimamizi wa maoni
desk-settings-moderation-hold_first_time = Zuia maoni ya kwanza ya mtoa maoni; kisha mwidhinishe
desk-settings-moderation-hold_all = Zuia kila maoni hadi msimamizi ayaone
desk-settings-moderation-approve_all = Chapisha mara moja isipokuwa kanuni ya taka iyazuie
desk-settings-authors-review = Waandishi huwasilisha habari zao kwa ukaguzi
desk-settings-authors-review-hint = Wachangiaji hufanya hivyo kila mara. Ikiwekewa alama, waandishi nao hutuma habari kwenye foleni ya wahariri badala ya kuzichapisha wenyewe.
desk-settings-reactions = Hisia
desk-settings-reactions-hint = Kwa mpangilio wasomaji wanaouona. Aina ni jina linalohifadhiwa (herufi ndogo); kubadilisha lebo hakufuti hesabu. Futa aina ili kuondoa safu yake; jaza safu tupu ili kuongeza moja.
desk-settings-kind = Aina
desk-settings-label = Lebo
desk-settings-emoji = Emoji
desk-settings-order = Mpangilio
desk-settings-kind-row = Aina, safu { $row }
desk-settings-label-row = Lebo, safu { $row }
desk-settings-emoji-row = Emoji, safu { $row }
desk-settings-order-row = Mpangilio, safu { $row }
desk-settings-save = Hifadhi mipangilio
# Refusals shown under a setting.
desk-settings-not-number = "{ $value }" si namba kamili.
desk-settings-per-page-range = { $value } haiko kati ya { $min } na { $max }.
desk-settings-moderation-unknown = "{ $value }" si njia ya usimamizi.
desk-settings-timezone-unknown = "{ $value }" si jina la saa za eneo la IANA; tumia moja kama Africa/Nairobi, Africa/Dar_es_Salaam au UTC.
desk-reactions-none = Acha angalau hisia moja.
desk-reactions-too-many = Hisia { $count } zimeorodheshwa; tovuti inatoa zisizozidi { $max }, kwa kuwa kila moja ni kitufe chini ya kila makala.
desk-reactions-twice = "{ $kind }" imeorodheshwa mara mbili.
desk-reactions-kind = "{ $value }" si jina la hisia; tumia hadi herufi ndogo 24, tarakimu, - au _.
desk-reactions-label = Lebo ya "{ $kind }" ina herufi { $count }; lazima iwe herufi 1 hadi { $max } kwenye mstari mmoja.
desk-reactions-emoji = Emoji ya "{ $kind }" ina baiti { $count }; tumia emoji moja tu, isiyozidi baiti { $max }, au usiweke.

## The audit log (audit.html)
desk-audit-when = Lini
desk-audit-who = Nani
desk-audit-did = Alifanya
desk-audit-to = Kwa
desk-audit-detail = Maelezo
desk-audit-nothing = Bado hakuna kitu.
desk-audit-scheduler = kipanga ratiba
desk-audit-did-add-user = ameongeza mtu
desk-audit-did-set-up-the-site = ameanzisha tovuti
desk-audit-did-change-settings = amebadilisha mipangilio
desk-audit-did-change-role = amebadilisha jukumu
desk-audit-did-deactivate-user = amemzima mtu
desk-audit-did-reactivate-user = amemwasha mtu tena
desk-audit-did-publish = amechapisha
desk-audit-did-schedule = ameratibu
desk-audit-did-unpublish = ameondoa uchapishaji
desk-audit-did-unschedule = ameondoa ratiba
desk-audit-did-create-draft = ameunda rasimu
desk-audit-did-delete-article = amefuta makala
desk-audit-did-edit-published = amehariri iliyochapishwa
desk-audit-did-restore-revision = amerejesha toleo
desk-audit-did-submit-for-review = amewasilisha kwa ukaguzi
desk-audit-did-send-back = amerudisha
desk-audit-did-assign = amekabidhi
desk-audit-did-add-note = ameongeza dokezo
desk-audit-did-share-preview = ameshiriki hakiki
desk-audit-did-revoke-preview = ameondoa hakiki
desk-audit-did-label-article = ameweka lebo ya makala
desk-audit-did-change-labels = amebadilisha lebo
desk-audit-did-arrange-front-page = amepanga ukurasa wa mbele
desk-audit-did-set-breaking-news = ameweka habari mpya za dharura
desk-audit-did-clear-breaking-news = ameondoa habari za dharura
desk-audit-did-moderate-comments = amesimamia maoni
desk-audit-did-merge-tag = ameunganisha mada
desk-audit-did-delete-tag = amefuta mada
desk-audit-did-delete-section = amefuta sehemu
desk-audit-did-delete-author = amefuta mwandishi
desk-audit-did-link-byline = ameunganisha jina la mwandishi
desk-audit-did-delete-photo = amefuta picha
desk-audit-did-create-page = ameunda ukurasa
desk-audit-did-edit-page = amehariri ukurasa
desk-audit-did-delete-page = amefuta ukurasa
desk-audit-did-change-menu = amebadilisha menyu
desk-audit-did-create-integration = ameunda muunganisho
desk-audit-did-revoke-integration = amefuta muunganisho
desk-audit-did-delete-live-entry = amefuta taarifa ya mubashara
desk-audit-did-end-live-blog = amefunga habari mubashara
desk-audit-did-reopen-live-blog = amefungua tena habari mubashara
desk-audit-did-change-identity = amebadilisha utambulisho
desk-audit-did-set-logo = ameweka nembo
desk-audit-did-change-sections-without-ads = amebadilisha sehemu zisizo na matangazo
desk-audit-did-change-ad-slot = amebadilisha nafasi ya tangazo { $place }
desk-audit-article = makala "{ $title }" (#{ $id })
desk-audit-article-named = makala "{ $name }"
desk-audit-page = ukurasa "{ $name }"
desk-audit-page-at = ukurasa "{ $title }" ({ $path })
desk-audit-section = sehemu "{ $name }"
desk-audit-tag = mada "{ $name }"
desk-audit-author = mwandishi "{ $name }"
desk-audit-user = mtu { $email }
desk-audit-integration = muunganisho { $name }
desk-audit-photo = picha #{ $id } "{ $alt }"
desk-audit-comments = { $count ->
    [one] maoni 1
   *[other] maoni { $count }
}
desk-audit-menu-header = menyu ya juu
desk-audit-menu-footer = menyu ya chini
desk-audit-subject-site-settings = mipangilio ya tovuti
desk-audit-subject-the-front-page = ukurasa wa mbele
desk-audit-subject-the-banner = utepe wa habari za dharura
desk-audit-subject-site-identity-and-ads = utambulisho wa tovuti na matangazo
desk-audit-subject-story-labels = lebo za habari
desk-audit-detail-first-admin = msimamizi wa kwanza
desk-audit-detail-no-label = bila lebo
desk-audit-detail-no-placed-stories = hakuna habari zilizowekwa
desk-audit-as = kama { $role }
desk-audit-for = kwa { $when }
desk-audit-until = hadi { $when }
desk-audit-merged-into = imeunganishwa na "{ $name }"
desk-audit-entries = { $count ->
    [one] kipengele 1
   *[other] vipengele { $count }
}
desk-audit-restored = toleo { $from } limerejeshwa kama toleo { $to }
desk-audit-to-nobody = hakuna aliyekabidhiwa
desk-audit-to-someone = kwa { $name }
desk-audit-bulk-approve = kuidhinisha: { $list }
desk-audit-bulk-spam = kuweka kama taka: { $list }
desk-audit-bulk-delete = kufuta: { $list }
desk-audit-key-ending = ufunguo unaoishia { $hint }
desk-audit-link = kiungo #{ $id }
desk-audit-link-until = kiungo #{ $id } kinafanya kazi hadi { $when }
desk-audit-lead = habari kuu: #{ $id }
desk-audit-top = nafasi ya juu { $position }: #{ $id }
desk-audit-body-words = maandishi: { $removed ->
    [one] neno 1 limeondolewa
   *[other] maneno { $removed } yameondolewa
}, { $added ->
    [one] 1 limeongezwa
   *[other] { $added } yameongezwa
}
desk-audit-changed = { $what }: "{ $old }" → "{ $new }"
desk-audit-through-api = { $changes } (kupitia API)
desk-audit-field-headline = kichwa cha habari
desk-audit-field-site-title = jina la tovuti
desk-audit-field-description = maelezo
desk-audit-field-time-zone = saa za eneo
desk-audit-field-articles-per-page = makala kwa kila ukurasa
desk-audit-field-comment-moderation = usimamizi wa maoni
desk-audit-field-reactions = hisia

## Readers' messages (messages.html, message.html)
desk-messages-intro = Walichotuma wasomaji kupitia fomu ya mawasiliano. Anwani zao ni kwa ajili ya kuwajibu tu: hazionyeshwi kamwe kwenye tovuti.
desk-messages-new = mpya
desk-messages-held-as-spam = imezuiliwa kama taka
desk-messages-pages = Kurasa za ujumbe
desk-messages-newer = Mapya zaidi
desk-messages-older = Ya zamani
desk-messages-none = Bado hakuna ujumbe.
desk-messages-where = Ujumbe unatumwa wapi kwa barua pepe
# Around the setting's name smtp_url: "No SMTP relay is configured" (smtp_url) ", so ...".
desk-messages-no-relay = Hakuna seva ya SMTP iliyowekwa
desk-messages-only-here = , kwa hiyo ujumbe unahifadhiwa hapa tu.
desk-messages-address = Anwani ya barua pepe
desk-messages-address-hint = Kila ujumbe pia hutumwa hapa, pamoja na anwani ya msomaji ya kumjibu. Acha wazi ili ujumbe ubaki kwenye chumba cha habari tu.
desk-messages-save = Hifadhi
desk-message-title = Ujumbe kutoka kwa { $name }
desk-message-all = Ujumbe wote
# Before the sender's name and address.
desk-message-from = Kutoka kwa
desk-message-held = Umezuiliwa kama taka: { $reason }. Haukutumwa kwa barua pepe.
desk-message-delete = Futa…
desk-message-delete-title = Ufute ujumbe kutoka kwa { $name }?
desk-message-delete-consequence = Utaondoka kwenye chumba cha habari kabisa; barua pepe iliyokwisha kutumwa inabaki kwenye sanduku lake.
desk-message-delete-button = Futa ujumbe
