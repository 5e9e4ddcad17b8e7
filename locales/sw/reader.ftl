# Anachoambiwa msomaji baada ya kutenda kwenye ukurasa: hisia, kura, maoni, fomu ya
# mawasiliano, masasisho ya moja kwa moja na kushiriki.
# Tovuti hubadilisha yoyote kwa faili yenye vitambulisho hivyo katika DATA/theme/locales/sw/.

## Hisia

reaction-like = Napenda
reaction-dislike = Sipendi
reaction-love = Upendo
reaction-funny = Inachekesha
reaction-angry = Hasira
reaction-sad = Huzuni
reaction-wow = Ajabu
reaction-choose = Chagua mojawapo ya vitufe vya hisia chini ya makala.
reaction-not-saved = Hisia yako haikuweza kuhifadhiwa. Tafadhali jaribu tena.
reaction-offline = Hisia yako haikuweza kuhifadhiwa. Angalia muunganisho wako kisha ujaribu tena.

## Kura za maoni

poll-choose = Chagua mojawapo ya majibu, kisha bonyeza Piga kura.
poll-vote-counted = Asante: kura yako imehesabiwa.
poll-vote-withdrawn = Kura yako imeondolewa.
poll-has-closed = Upigaji kura umefungwa, kwa hivyo kura yako haikuhesabiwa. Haya ndiyo matokeo ya mwisho.
poll-no-such-answer = Jibu hilo si mojawapo ya majibu ya kura hii. Chagua mojawapo ya majibu yaliyo hapa chini.
poll-not-saved = Kura yako haikuweza kuhifadhiwa. Tafadhali jaribu tena.
poll-offline = Kura yako haikuweza kuhifadhiwa. Angalia muunganisho wako kisha ujaribu tena.

## Maoni

comment-posting = Yanatumwa…
comment-published = Maoni yako yamechapishwa.
comment-not-sent = Maoni yako hayakuweza kutumwa. Tafadhali jaribu tena.
comment-offline = Maoni yako hayakuweza kutumwa. Angalia muunganisho wako kisha ujaribu tena.
comment-name-missing = jina lako linahitajika
comment-name-too-long = jina lako lina herufi { $length }; kikomo ni { $max }
comment-name-shorten = jina lako ni refu mno; tafadhali lifupishe
comment-email-invalid = “{ $email }” si anwani ya barua pepe
comment-body-missing = andika maoni yako kabla ya kuyatuma
comment-body-too-long = maoni yako yana herufi { $length }; kikomo ni { $max }. Tafadhali yafupishe.
comment-body-shorten = maoni yako ni marefu mno; tafadhali yafupishe
comment-parent-gone = maoni unayoyajibu hayapatikani
comments-closed = Maoni yamefungwa kwenye makala hii.
comments-closed-after = { $count ->
    [one] Maoni yalifungwa siku 1 baada ya makala hii kuchapishwa.
   *[other] Maoni yalifungwa siku { $count } baada ya makala hii kuchapishwa.
}

## Fomu ya mawasiliano

contact-name-missing = jina lako linahitajika
contact-name-too-long = jina lako lina herufi { $length }; kikomo ni { $max }
contact-email-missing = anwani yako ya barua pepe inahitajika, ili tuweze kukujibu
contact-email-invalid = “{ $email }” si anwani ya barua pepe
contact-message-missing = andika ujumbe wako kabla ya kuutuma
contact-message-too-long = ujumbe wako una herufi { $length }; kikomo ni { $max }. Tafadhali uufupishe.

## Kutuma mara nyingi mno

reader-wait = { $count ->
    [one] Umetuma mara nyingi kwa muda mfupi. Tafadhali subiri sekunde 1 kisha ujaribu tena.
   *[other] Umetuma mara nyingi kwa muda mfupi. Tafadhali subiri sekunde { $count } kisha ujaribu tena.
}

## Blogu za moja kwa moja

live-new-updates = { $count ->
    [one] sasisho 1 jipya
   *[other] masasisho { $count } mapya
}

## Maudhui yaliyopachikwa na kushiriki

embed-title = Maudhui yaliyopachikwa
share-copied = Kiungo kimenakiliwa.
share-not-copied = Haikuweza kunakili: bonyeza na ushikilie kiungo badala yake.
