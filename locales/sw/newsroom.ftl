# Barua pepe za chumba cha habari, kwa lugha ya tovuti.

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
