# Tovuti ya Newsdesk kwa Kiswahili: maneno ambayo kila msomaji anaona.
# Tovuti inaweza kubadilisha neno lolote kwa faili yenye vitambulisho hivi hivi
# katika DATA/theme/locales/sw/ (jina lolote linaloishia .ftl).

## Kichwa, menyu na sehemu ya chini

skip-to-news = Ruka hadi habari
menu = Menyu
home = Mwanzo
search = Tafuta
search-the-news = Tafuta habari
sections = Sehemu
# The language's own name, in the language switcher.
language-name = Kiswahili
languages = Lugha
also-in-language = Pia kwa
breaking = Habari za punde
breaking-news = Habari za punde
about-the-site = Kuhusu tovuti
corrections = Masahihisho
follow-site = Fuatilia { $site }
advertisement = Tangazo

## Tarehe na saa

date-day = { $weekday }, { $day } { $month } { $year }
date-dateline = { $day } { $mon } { $year } - { $time }
date-full = { $weekday }, { $day } { $month } { $year }, { $time } { $zone }
date-short-day = { $day } { $mon }
weekday = { $n ->
    [1] Jumatatu
    [2] Jumanne
    [3] Jumatano
    [4] Alhamisi
    [5] Ijumaa
    [6] Jumamosi
   *[7] Jumapili
}
month = { $n ->
    [1] Januari
    [2] Februari
    [3] Machi
    [4] Aprili
    [5] Mei
    [6] Juni
    [7] Julai
    [8] Agosti
    [9] Septemba
    [10] Oktoba
    [11] Novemba
   *[12] Desemba
}
month-short = { $n ->
    [1] Jan
    [2] Feb
    [3] Mac
    [4] Apr
    [5] Mei
    [6] Jun
    [7] Jul
    [8] Ago
    [9] Sep
    [10] Okt
    [11] Nov
   *[12] Des
}
time-just-now = sasa hivi
time-minutes-ago = { $count ->
    [one] dakika 1 iliyopita
   *[other] dakika { $count } zilizopita
}
time-hours-ago = { $count ->
    [one] saa 1 iliyopita
   *[other] saa { $count } zilizopita
}

## Orodha za habari

lead-story = Habari kuu
top-stories = Habari muhimu
latest = Za hivi punde
latest-and-popular = Za hivi punde na zinazosomwa zaidi
latest-stories = Habari za hivi punde
older-stories = Habari za zamani zaidi
newer-stories = Habari mpya zaidi
more-stories = Habari zaidi
page-number = ukurasa { $number }
page-of = Ukurasa { $number } kati ya { $total }
no-stories-yet = Bado hakuna habari
no-stories-help = Chumba cha habari kitakapochapisha makala yake ya kwanza, itaonekana hapa.
list-empty = Bado hakuna kilichochapishwa hapa.
list-kind-section = Sehemu
list-kind-topic = Mada
list-kind-author = Mwandishi
portrait-of = Picha ya { $name }
most-read = Zinazosomwa zaidi
most-reacted = Zilizoguswa zaidi
last-24-hours = Saa 24 zilizopita
last-7-days = Siku 7 zilizopita
no-reads-today = Bado hakuna usomaji uliohesabiwa leo.
no-reads-week = Bado hakuna usomaji uliohesabiwa wiki hii.
no-reactions-today = Bado hakuna hisia zilizotolewa leo.
no-reactions-week = Bado hakuna hisia zilizotolewa wiki hii.
comment-count = maoni { $count }
comments-word = maoni

## Habari

by = Na
and = na
list-comma = ,
by-author = Na { $author }
updated = Imesasishwa
sponsored-disclosure = Maudhui ya kulipiwa: yamelipiwa na mtangazaji, hayakuandikwa na chumba chetu cha habari.
original-story = Habari asili
download-video = Pakua video
photos = Picha
photo = picha
all-photos = Picha zote
photo-of = Picha { $number } kati ya { $total }
n-of-total = { $number } kati ya { $total }
previous = Iliyotangulia
next = Inayofuata
updates = Masasisho
topics = Mada
related-stories = Habari zinazohusiana
more-from = Zaidi kutoka { $section }
share-this-story = Shiriki habari hii
share-on = Shiriki kwenye
copy-link = Nakili kiungo
share = Shiriki…
percent = { $n }%

## Habari mubashara

live = Mubashara
live-updates = Habari mubashara
live-ended = Habari hizi mubashara zimekwisha.
live-closed = Zilifungwa
live-last-updated = Zilisasishwa mwisho
live-reload = Pakia upya kupata za karibuni
live-key-events = Matukio makuu
live-key-event = Tukio kuu
live-pinned = Imebandikwa
live-pinned-update = Sasisho lililobandikwa
live-none = Bado hakuna masasisho.
live-first-here = La kwanza litaonekana hapa.
live-more-updates = Masasisho zaidi
live-edited = Limehaririwa

## Hisia na maoni

reactions-heading = Unajisikiaje kuhusu habari hii?
comments = Maoni
comment = Maoni
no-comments = Bado hakuna maoni.
comment-removed = Maoni haya hayapatikani tena.
comment-awaiting = Maoni yako yanasubiri kuidhinishwa.
reply = Jibu
reply-to = Mjibu { $name }
leave-comment = Toa maoni
cancel-reply = Ghairi jibu
comment-not-posted = Maoni yako hayakuchapishwa. Tafadhali sahihisha sehemu zilizowekwa alama; hakuna ulichoandika kilichopotea.
form-name = Jina
form-email = Barua pepe
comment-email-hint = (si lazima, haionyeshwi kamwe)
form-leave-empty = Acha sehemu hii wazi
post-comment = Tuma maoni

## Kura za maoni

poll-kicker = Kura ya wasomaji
poll-your-vote = (kura yako)
poll-vote = Piga kura
poll-change-vote = Badilisha kura yangu
poll-withdraw = Ondoa kura yangu
poll-closed = Upigaji kura umefungwa.
poll-closed-at = Upigaji kura ulifungwa { $when }.
poll-final = { $count ->
    [one] Kura 1 kwa jumla: haya ndiyo matokeo ya mwisho.
   *[other] Kura { $count } kwa jumla: haya ndiyo matokeo ya mwisho.
}
poll-so-far = { $count ->
    [one] Kura 1 hadi sasa.
   *[other] Kura { $count } hadi sasa.
}
poll-closes = Upigaji kura unafungwa { $when }.
poll-see-results = Tazama matokeo
poll-vote-and-results = Kura yako na matokeo
poll-description = Kura ya wasomaji kuhusu “{ $title }”.
poll-back = Rudi kwenye habari: { $title }
poll-thanks = Asante: kura yako imehesabiwa. Unaweza kuibadilisha au kuiondoa hadi upigaji kura utakapofungwa.
poll-results-after-vote = Matokeo yanaonyeshwa baada ya kupiga kura.

## Kutafuta

search-title-query = “{ $query }”
search-results-for = Matokeo ya “{ $query }”
search-found = { $count ->
    [one] Habari 1 imepatikana.
   *[other] Habari { $count } zimepatikana.
}
search-none = Hakuna habari inayolingana. Jaribu maneno machache au tofauti.
search-help = Andika maneno machache kwenye kisanduku cha kutafuta hapo juu: jina, mahali, mada.

## Masahihisho

on-the-record = Kwa kumbukumbu
corrections-description = Kila sahihisho na ufafanuzi ambao { $site } imechapisha, vipya kwanza.
corrections-intro = Tunapokosea, tunasema hivyo hapa na kwenye habari husika. Kila sahihisho na ufafanuzi, vipya kwanza.
corrections-none = Hakuna sahihisho wala ufafanuzi uliochapishwa.

## Kurasa za tovuti na fomu ya mawasiliano

contact-heading = Tuandikie
contact-sent = Asante: ujumbe wako umetumwa kwa chumba cha habari.
contact-not-sent = Ujumbe wako haukutumwa. Tafadhali sahihisha sehemu zilizowekwa alama; hakuna ulichoandika kilichopotea.
contact-email-hint = (kwa ajili ya jibu letu; haichapishwi kamwe)
contact-message = Ujumbe
contact-send = Tuma ujumbe

## Kurasa za hitilafu

error-status = Hitilafu { $status }
error-front-page = Nenda ukurasa wa mbele kwa habari za karibuni
error-not-found = Hatukuweza kupata ukurasa huo
error-not-found-help = Huenda habari imehamishwa au imeondolewa, au kiungo kimeandikwa vibaya.
error-internal = Kuna hitilafu imetokea
error-internal-help = Hatukuweza kuonyesha ukurasa huu sasa hivi. Tafadhali jaribu tena baada ya muda mfupi.
error-gone = Kiungo hiki hakifanyi kazi tena
error-gone-help = Muda wa kiungo umekwisha au kimeondolewa. Muombe aliyekutumia akupe kingine.
error-bad-request = Ombi halikuweza kusomeka
error-bad-request-help = Kilichotumwa hakikuweza kusomeka. Rudi nyuma, kagua fomu kisha uitume tena.
error-invalid = Baadhi ya sehemu zinahitaji kurekebishwa
error-invalid-help = Rudi nyuma, rekebisha kilichokataliwa kisha utume tena.
error-unauthorized = Unahitaji kuingia
error-unauthorized-help = Ingia ili uone ukurasa huu.
error-forbidden = Hairuhusiwi
error-forbidden-help = Akaunti yako hairuhusiwi kufanya hivi. Muulize mhariri au msimamizi.
error-conflict = Mgongano
error-conflict-help = Mtu mwingine amebadilisha hiki wakati huo huo. Rudi nyuma, pakia upya kisha ufanye mabadiliko yako tena.
error-unsupported = Aina ya maudhui haikubaliki
error-unsupported-help = Kilichotumwa si cha aina ambayo anwani hii inakubali.
error-too-large = Ni kirefu mno
error-too-large-help = Kilichotumwa ni kirefu kuliko anwani hii inavyokubali. Kifupishe kisha utume tena.
error-method = Ombi la aina hii halikubaliki
error-method-help = Anwani hii haijibu ombi la aina hiyo.
error-too-many = Punguza kasi
error-too-many-help = Maombi mengi mno yametoka kwenye muunganisho wako kwa muda mfupi. Subiri dakika moja kisha ujaribu tena.
error-unavailable = Haiko tayari
error-unavailable-help = Tovuti haiwezi kujibu sasa hivi. Tafadhali jaribu tena baada ya muda mfupi.
note-correction = Sahihisho
note-clarification = Ufafanuzi
note-update = Sasisho
note-editors-note = Dokezo la mhariri

## The labels every site has, before a headline (a site's own labels show as written)
label-live = Mubashara
label-exclusive = Habari za kipekee
label-opinion = Maoni
label-analysis = Uchambuzi
label-explainer = Ufafanuzi
label-sponsored = Tangazo
