# The newsroom: stories.
# Kurasa za aina za habari: habari mubashara, orodha ya namba, kura za wasomaji, video kuu
# na mkusanyiko wa picha, pamoja na makosa ambayo kanuni zake hutoa.

## Shared by the story formats' pages
sto-back-to = Rudi kwenye “{ $title }”
sto-edit-story = Hariri habari
sto-view-on-site = Tazama kwenye tovuti
sto-edit = Hariri
sto-delete = Futa
sto-cancel = Ghairi
sto-save-changes = Hifadhi mabadiliko
sto-up = Juu
sto-down = Chini
sto-optional = (si lazima)
sto-no-photo = Bila picha
sto-photo-n = Picha { $id }
sto-newest-photos-of-the = Kutoka kwenye picha mpya zaidi za
sto-library = maktaba
sto-nothing-lost = Hakuna ulichoandika kilichopotea.
sto-up-to-characters = Hadi herufi { $count }.

## The live blog's composer (/admin/articles/ID/live)
sto-live-page-title = Mubashara: { $title }
sto-live-state-live = Mubashara
sto-live-state-ended = Imekwisha
sto-live-see-as-reader = Itazame kama wasomaji
sto-live-not-public = Habari bado haijachapishwa: wasomaji wataona masasisho haya itakapochapishwa.
sto-live-ended = Habari hii mubashara ilikwisha { $when }. Ifungue tena hapa chini ili kuendelea kuwatumia wasomaji wanaoifuatilia mubashara.
sto-live-edit-entry = Hariri taarifa { $id }
sto-live-new-update = Sasisho jipya
sto-live-not-saved = Sasisho halikuhifadhiwa. Tafadhali sahihisha sehemu zilizowekwa alama; hakuna ulichoandika kilichopotea.
sto-live-not-posted = Sasisho halikuchapishwa. Tafadhali sahihisha sehemu zilizowekwa alama; hakuna ulichoandika kilichopotea.
sto-live-update = Sasisho
sto-live-markdown-hint = Markdown: **herufi nzito**, [kiungo](https://…), anwani ya video au chapisho kwenye mstari wake peke yake.
sto-live-title = Kichwa
sto-live-title-hint = (kinahitajika kwa tukio kuu)
sto-live-key-event = Tukio kuu
sto-live-pin-to-top = Bandika juu
sto-live-photo = Picha kutoka maktaba
sto-live-upload-link = Pakia kwenye maktaba
sto-live-upload-then = , kisha urudi kuichagua.
sto-live-post = Chapisha sasisho
sto-live-posted = Yaliyochapishwa ({ $count })
sto-live-newest = { $count ->
    [one] Sasisho { $count } la karibuni zaidi; mengine yako kwenye ukurasa wa habari.
   *[other] Masasisho { $count } ya karibuni zaidi; mengine yako kwenye ukurasa wa habari.
}
sto-live-pinned = Imebandikwa
sto-live-has-photo = Picha
sto-live-entry-n = taarifa { $id }
sto-live-pin = Bandika
sto-live-unpin = Bandua
sto-live-delete-warning = Inaondoka mara moja kwenye kurasa za wasomaji.
sto-live-delete-entry = Futa taarifa hii
sto-live-none = Bado hakuna masasisho: la kwanza utakalochapisha litaonekana mara moja kwenye ukurasa wa habari.
sto-live-coverage = Utangazaji
sto-live-show-entries = Onyesha taarifa
sto-live-newest-first = Za karibuni kwanza
sto-live-oldest-first = Za zamani kwanza
sto-live-save-order = Hifadhi mpangilio
sto-live-end-hint = Tukio likiisha, funga habari mubashara: wasomaji wataona "Habari hizi mubashara zimekwisha".
sto-live-end = Funga habari mubashara
sto-live-reopen = Fungua tena habari mubashara
sto-live-unknown-action = "{ $value }" si kitendo ambacho kihariri hiki kinafanya.
sto-live-unknown-order = "{ $value }" si mpangilio; chagua za karibuni kwanza au za zamani kwanza.
sto-live-key-event-title = Tukio kuu linahitaji kichwa kifupi kwa orodha ya "Matukio makuu".
sto-live-no-such-photo = Hakuna picha { $id } kwenye maktaba; ipakie kwanza.

## A story's numbered list (/admin/articles/ID/list)
sto-list-page-title = Orodha ya namba: { $title }
sto-list-heading = Orodha ya namba
sto-list-intro = { $count ->
    [one] Vipengele ambavyo wasomaji wanaviona chini ya maandishi ya habari, kila kimoja na namba yake (hadi kipengele { $count }).
   *[other] Vipengele ambavyo wasomaji wanaviona chini ya maandishi ya habari, kila kimoja na namba yake (hadi vipengele { $count }).
}
sto-list-not-saved = Kipengele hakikuhifadhiwa:
sto-list-numbers = Namba
sto-list-count-up = kuhesabu kwenda juu (1, 2, 3…)
sto-list-count-down = kuhesabu kushuka (…3, 2, 1)
sto-list-save-numbering = Hifadhi mpangilio wa namba
sto-list-item-no = Na. { $number }
sto-list-item-heading = Kichwa
sto-list-photo = Picha
sto-list-item-text = Maandishi (Markdown)
sto-list-save-item = Hifadhi kipengele { $number }
sto-list-item-n = kipengele { $number }
sto-list-remove = Ondoa
sto-list-none = Bado hakuna vipengele.
sto-list-add-heading = Ongeza kipengele
sto-list-add = Ongeza kipengele
sto-list-empty = Orodha ya namba inahitaji angalau kipengele kimoja: kipe kichwa.
sto-list-too-many = Orodha ya namba inaweza kuwa na vipengele visivyozidi { $limit }; hii ina { $count }.
sto-list-heading-required = Kipengele kinahitaji kichwa.
sto-list-heading-too-long = Kichwa kina herufi { $count }; kikomo ni { $limit }.
sto-list-heading-nul = Kichwa kina herufi ya NUL; kiandike upya au kibandike kama maandishi matupu.
sto-list-text-too-long = Maandishi yana herufi { $count }; kikomo ni { $limit }.
sto-list-photo-gone = Picha moja ya orodha haipo kwenye maktaba (huenda imefutwa); chagua picha kutoka maktaba.
sto-list-full = Orodha ya namba inaweza kuwa na vipengele visivyozidi { $limit }; imejaa.

## A story's reader polls (/admin/articles/ID/polls)
sto-polls-page-title = Kura: { $title }
sto-polls-heading = Kura za wasomaji
sto-polls-intro = Kura huonekana chini ya maandishi ya habari. Kila msomaji ana kura moja, anayoweza kuibadilisha au kuiondoa hadi upigaji kura utakapofungwa; kisha kila mtu anaona matokeo ya mwisho.
sto-poll-answer = Jibu
sto-poll-votes = Kura
sto-poll-share = Asilimia
sto-poll-percent = { $percent }%
sto-poll-total = Kura { $count }.
sto-poll-closed-at = Ilifungwa { $when }: wasomaji wanaona matokeo ya mwisho.
sto-poll-closed = Imefungwa: wasomaji wanaona matokeo ya mwisho.
sto-poll-closes = Inafungwa { $when }.
sto-poll-open = Iko wazi hadi utakapoifunga.
sto-poll-results-before = Wasomaji wanaona matokeo kabla ya kupiga kura.
sto-poll-results-after = Wasomaji wanaona matokeo baada ya kupiga kura.
sto-poll-close-now = Funga sasa
sto-poll-delete = Futa kura hii ya maoni pamoja na kura zake zote
sto-polls-none = Habari hii bado haina kura.
sto-poll-add-heading = Ongeza kura
sto-poll-not-added = Kura haikuongezwa: tafadhali sahihisha sehemu zilizowekwa alama. Hakuna ulichoandika kilichopotea.
sto-poll-question = Swali
sto-poll-answers = Majibu
sto-poll-answers-hint = Moja kwa kila mstari: majibu { $min } hadi { $max }, kila moja hadi herufi { $limit }.
sto-poll-closes-at = Inafungwa saa (si lazima)
sto-poll-closes-at-hint = Kwa saa za { $zone }. Acha wazi ili ibaki wazi hadi utakapoifunga.
sto-poll-show-results-before = Onyesha matokeo kabla msomaji hajapiga kura
sto-poll-add = Ongeza kura
sto-poll-too-few = Kura inahitaji angalau majibu { $min } ili wasomaji wachague; ina { $count }. Ongeza jibu jingine.
sto-poll-too-many = Kura inaweza kuwa na majibu yasiyozidi { $max }; hii ina { $count }. Unganisha au ondoa baadhi.
sto-poll-option-too-long = Jibu "{ $start }…" lina herufi { $count }; kikomo ni { $limit }.
sto-poll-option-nul = Jibu "{ $start }…" lina herufi ya NUL; liandike upya au libandike kama maandishi matupu.
sto-poll-twice = Jibu "{ $value }" limeandikwa mara mbili; kila jibu lazima liwe tofauti.
sto-poll-closes-passed = Muda wa kufunga umeshapita; weka muda ujao, au uache wazi ili kura ibaki wazi hadi utakapoifunga.
sto-poll-closes-unreadable = "{ $value }" si tarehe na saa, kama 2026-07-17 18:00.

## A story's lead video (/admin/articles/ID/video)
sto-video-page-title = Video: { $title }
sto-video-heading = Video kuu
sto-video-intro = Video kuu inachukua nafasi ya picha kuu juu ya habari.
sto-video-now = Sasa
sto-video-uploaded = Faili la { $type } lililopakiwa ({ $size } MiB):
sto-video-play = icheze
sto-video-from-site = Kutoka tovuti ya video:
sto-video-click-first = Wasomaji hubofya kwanza kabla chochote hakijapakiwa kutoka tovuti hiyo.
sto-video-poster-is = Picha ya jalada: { $alt }.
sto-video-no-poster-now = Hakuna picha ya jalada.
sto-video-duration = Muda: sekunde { $count }.
sto-video-remove = Ondoa video
sto-video-upload-heading = Pakia faili la video
sto-video-file = Faili la MP4 au WebM
sto-video-file-hint = Hadi MiB { $count }. Hutambuliwa kwa maudhui yake, si kwa jina lake.
sto-video-poster = Picha ya jalada (huonekana kabla video haijaanza)
sto-video-no-poster = Bila picha ya jalada
sto-video-poster-shape = Umbo lake ndilo umbo la kicheza video.
sto-video-duration-label = Muda kwa sekunde (si lazima)
sto-video-upload = Pakia na uitumie
sto-video-link-heading = Au tumia video kutoka YouTube, Vimeo au Facebook
sto-video-address = Anwani ya video
sto-video-address-hint = Kama https://www.youtube.com/watch?v=dQw4w9WgXcQ
sto-video-use = Tumia video hii
sto-video-no-file = Chagua faili la MP4 au WebM la kupakia.
sto-video-not-video = Faili hili si video ya MP4 wala WebM (limetambuliwa kwa maudhui yake, si kwa jina lake). Lihamishe kama MP4 (H.264) au WebM kisha ulipakie tena.
sto-video-too-large = Video hii ni MiB { $size }; video inaweza kuwa hadi MiB { $limit }. Ifupishe au ipunguze ukubwa kisha uipakie tena.
sto-video-not-both = Weka video iliyopakiwa au anwani ya video, si zote mbili.
sto-video-none = Pakia video ya MP4 au WebM, au weka anwani ya video ya YouTube, Vimeo au Facebook.
sto-video-not-an-address = "{ $value }" si anwani ya video ya YouTube, Vimeo au Facebook; inakili kutoka kwenye ukurasa wa video, kama https://www.youtube.com/watch?v=dQw4w9WgXcQ
sto-video-duration-range = Muda ni kwa sekunde, kuanzia { $min } hadi { $max }.
sto-video-gone = Video au picha ya jalada haipo (huenda imefutwa); pakia video tena, au chagua picha ya jalada kutoka maktaba.

## A story's photo gallery (/admin/articles/ID/gallery)
sto-gallery-page-title = Mkusanyiko wa picha: { $title }
sto-gallery-heading = Mkusanyiko wa picha
sto-gallery-intro = Picha ambazo wasomaji hupitia, kwa mpangilio huu (hadi { $count }). Maelezo ya picha na jina la mpigaji picha hapa ni ya mkusanyiko huu tu; yakiachwa wazi, ya maktaba yanaonyeshwa.
sto-gallery-photo-of = Picha { $number } kati ya { $total }
sto-gallery-caption = Maelezo ya picha
sto-gallery-credit = Mpigaji picha
sto-gallery-save-words = Hifadhi maneno
sto-gallery-of-photo = ya picha { $number }
sto-gallery-photo-n = picha { $id }
sto-gallery-take-out = Ondoa kwenye mkusanyiko
sto-gallery-none = Bado hakuna picha: ziongeze kutoka maktaba hapa chini.
sto-gallery-add-heading = Ongeza picha kutoka maktaba
sto-gallery-add = Ongeza
sto-gallery-library-empty = Maktaba haina kitu:
sto-gallery-upload-link = pakia picha
sto-gallery-upload-first = kwanza.
sto-gallery-empty = Mkusanyiko wa picha unahitaji angalau picha moja: ongeza picha kutoka maktaba.
sto-gallery-too-many = Mkusanyiko unaweza kuwa na picha zisizozidi { $limit }; huu una { $count }. Tengeneza mikusanyiko miwili, au acha baadhi.
sto-gallery-photo-gone = Moja ya picha haipo kwenye maktaba (huenda imefutwa); chagua picha kutoka maktaba.
sto-gallery-full = Mkusanyiko unaweza kuwa na picha zisizozidi { $limit }; umejaa.
sto-gallery-caption-too-long = Maelezo ya picha yana herufi { $count }; kikomo ni { $limit }.
sto-gallery-caption-nul = Maelezo ya picha yana herufi ya NUL; yaandike upya au yabandike kama maandishi matupu.
sto-gallery-credit-too-long = Jina la mpigaji picha lina herufi { $count }; kikomo ni { $limit }.
sto-gallery-credit-nul = Jina la mpigaji picha lina herufi ya NUL; liandike upya au libandike kama maandishi matupu.
