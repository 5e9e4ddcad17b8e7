# موقع Newsdesk العام بالعربية: الكلمات التي يراها كل قارئ.
# يغيّر الموقع أيًّا منها بملف يحمل المعرّفات نفسها في
# DATA/theme/locales/ar/ (أي اسم ينتهي بـ .ftl).

## الترويسة والقوائم والتذييل

skip-to-news = انتقل إلى الأخبار
menu = القائمة
home = الرئيسية
search = بحث
search-the-news = ابحث في الأخبار
sections = الأقسام
# The language's own name, in the language switcher.
language-name = العربية
languages = اللغات
also-in-language = متوفر أيضًا بـ
breaking = عاجل
breaking-news = أخبار عاجلة
about-the-site = عن الموقع
corrections = التصويبات
follow-site = تابع { $site }
advertisement = إعلان

## التواريخ والأوقات

date-day = { $weekday }، { $day } { $month } { $year }
date-dateline = { $day } { $mon } { $year } - { $time }
date-full = { $weekday }، { $day } { $month } { $year }، { $time } { $zone }
date-short-day = { $day } { $mon }
weekday = { $n ->
    [1] الاثنين
    [2] الثلاثاء
    [3] الأربعاء
    [4] الخميس
    [5] الجمعة
    [6] السبت
   *[7] الأحد
}
month = { $n ->
    [1] يناير
    [2] فبراير
    [3] مارس
    [4] أبريل
    [5] مايو
    [6] يونيو
    [7] يوليو
    [8] أغسطس
    [9] سبتمبر
    [10] أكتوبر
    [11] نوفمبر
   *[12] ديسمبر
}
month-short = { month }
time-just-now = الآن
time-minutes-ago = { $count ->
    [one] منذ دقيقة
    [two] منذ دقيقتين
    [few] منذ { $count } دقائق
   *[other] منذ { $count } دقيقة
}
time-hours-ago = { $count ->
    [one] منذ ساعة
    [two] منذ ساعتين
    [few] منذ { $count } ساعات
   *[other] منذ { $count } ساعة
}

## قوائم الأخبار

lead-story = الخبر الرئيسي
top-stories = أهم الأخبار
latest = الأحدث
latest-and-popular = الأحدث والأكثر قراءة
latest-stories = آخر الأخبار
older-stories = أخبار أقدم
newer-stories = أخبار أحدث
more-stories = مزيد من الأخبار
page-number = الصفحة { $number }
page-of = الصفحة { $number } من { $total }
no-stories-yet = لا أخبار بعد
no-stories-help = حين تنشر غرفة الأخبار أول مقال لها، سيظهر هنا.
list-empty = لم يُنشر شيء هنا بعد.
list-kind-section = قسم
list-kind-topic = موضوع
list-kind-author = كاتب
portrait-of = صورة { $name }
most-read = الأكثر قراءة
most-reacted = الأكثر تفاعلًا
last-24-hours = آخر ٢٤ ساعة
last-7-days = آخر ٧ أيام
no-reads-today = لم تُحتسب أي قراءة اليوم بعد.
no-reads-week = لم تُحتسب أي قراءة هذا الأسبوع بعد.
no-reactions-today = لا تفاعلات اليوم بعد.
no-reactions-week = لا تفاعلات هذا الأسبوع بعد.
comment-count = { $count ->
    [zero] لا تعليقات
    [one] تعليق واحد
    [two] تعليقان
    [few] { $count } تعليقات
    [many] { $count } تعليقًا
   *[other] { $count } تعليق
}
comments-word = { $count ->
    [two] تعليقان
    [few] تعليقات
    [many] تعليقًا
   *[other] تعليق
}

## الخبر

by = بقلم
and = و
list-comma = ،
by-author = بقلم { $author }
updated = حُدّث
sponsored-disclosure = محتوى مموَّل: دفع ثمنه معلِن، ولم تكتبه غرفة أخبارنا.
original-story = الخبر الأصلي
download-video = نزّل الفيديو
photos = الصور
photo = الصورة
all-photos = كل الصور
photo-of = الصورة { $number } من { $total }
n-of-total = { $number } من { $total }
previous = السابقة
next = التالية
updates = تحديثات
topics = مواضيع
related-stories = أخبار ذات صلة
more-from = المزيد من { $section }
share-this-story = شارك هذا الخبر
share-on = شارك على
copy-link = انسخ الرابط
share = مشاركة…
percent = { $n }٪

## التغطية المباشرة

live = مباشر
live-updates = تغطية مباشرة
live-ended = انتهت هذه التغطية المباشرة.
live-closed = أُغلقت
live-last-updated = آخر تحديث
live-reload = أعد التحميل لرؤية الأحدث
live-key-events = أبرز الأحداث
live-key-event = حدث بارز
live-pinned = مثبّت
live-pinned-update = تحديث مثبّت
live-none = لا تحديثات بعد.
live-first-here = سيظهر أولها هنا.
live-more-updates = مزيد من التحديثات
live-edited = عُدّل

## التفاعلات والتعليقات

reactions-heading = ما رأيك؟
comments = التعليقات
comment = التعليق
no-comments = لا تعليقات بعد.
comment-removed = لم يعد هذا التعليق متاحًا.
comment-awaiting = تعليقك بانتظار المراجعة.
reply = رد
reply-to = رد على { $name }
leave-comment = اترك تعليقًا
cancel-reply = ألغِ الرد
comment-not-posted = لم يُنشر تعليقك. صحّح الحقول المشار إليها؛ لم يضِع شيء مما كتبت.
form-name = الاسم
form-email = البريد الإلكتروني
comment-email-hint = (اختياري، لا يُعرض أبدًا)
form-leave-empty = اترك هذا الحقل فارغًا
post-comment = انشر التعليق

## الاستطلاعات

poll-kicker = استطلاع القراء
poll-your-vote = (صوتك)
poll-vote = صوّت
poll-change-vote = غيّر صوتي
poll-withdraw = اسحب صوتي
poll-closed = أُغلق التصويت.
poll-closed-at = أُغلق التصويت { $when }.
poll-final = { $count ->
    [zero] لا أصوات: هذه هي النتائج النهائية.
    [one] صوت واحد: هذه هي النتائج النهائية.
    [two] صوتان: هذه هي النتائج النهائية.
    [few] { $count } أصوات في المجموع: هذه هي النتائج النهائية.
    [many] { $count } صوتًا في المجموع: هذه هي النتائج النهائية.
   *[other] { $count } صوت في المجموع: هذه هي النتائج النهائية.
}
poll-so-far = { $count ->
    [zero] لا أصوات حتى الآن.
    [one] صوت واحد حتى الآن.
    [two] صوتان حتى الآن.
    [few] { $count } أصوات حتى الآن.
    [many] { $count } صوتًا حتى الآن.
   *[other] { $count } صوت حتى الآن.
}
poll-closes = يُغلق التصويت { $when }.
poll-see-results = اطّلع على النتائج
poll-vote-and-results = صوتك والنتائج
poll-description = استطلاع للقراء حول «{ $title }».
poll-back = عودة إلى الخبر: { $title }
poll-thanks = شكرًا: احتُسب صوتك. يمكنك تغييره أو سحبه حتى يُغلق الاستطلاع.
poll-results-after-vote = تظهر النتائج بعد أن تصوّت.

## البحث

search-title-query = «{ $query }»
search-results-for = نتائج البحث عن «{ $query }»
search-found = { $count ->
    [zero] لم يُعثر على أي خبر.
    [one] عُثر على خبر واحد.
    [two] عُثر على خبرين.
    [few] عُثر على { $count } أخبار.
    [many] عُثر على { $count } خبرًا.
   *[other] عُثر على { $count } خبر.
}
search-none = لا أخبار مطابقة. جرّب كلمات أقل أو مختلفة.
search-help = اكتب بضع كلمات في مربع البحث أعلاه: اسمًا أو مكانًا أو موضوعًا.

## التصويبات

on-the-record = للتوثيق
corrections-description = كل تصويب وتوضيح نشره { $site }، الأحدث أولًا.
corrections-intro = حين نخطئ نقول ذلك هنا وفي الخبر نفسه. كل تصويب وتوضيح، الأحدث أولًا.
corrections-none = لم يُنشر أي تصويب أو توضيح.

## صفحات الموقع ونموذج التواصل

contact-heading = راسلنا
contact-sent = شكرًا: أُرسلت رسالتك إلى غرفة الأخبار.
contact-not-sent = لم تُرسل رسالتك. صحّح الحقول المشار إليها؛ لم يضِع شيء مما كتبت.
contact-email-hint = (لنردّ عليك؛ لا يُنشر أبدًا)
contact-message = الرسالة
contact-send = أرسل الرسالة

## صفحات الخطأ

error-status = خطأ { $status }
error-front-page = اذهب إلى الصفحة الرئيسية لآخر الأخبار
error-not-found = لم نعثر على هذه الصفحة
error-not-found-help = ربما نُقل الخبر أو حُذف، أو ربما في الرابط خطأ مطبعي.
error-internal = حدث خطأ ما
error-internal-help = تعذّر عرض هذه الصفحة الآن. يُرجى المحاولة بعد قليل.
error-gone = هذا الرابط لم يعد يعمل
error-gone-help = انتهت صلاحية الرابط أو سُحب. اطلب رابطًا جديدًا ممن أرسله إليك.
error-bad-request = تعذّرت قراءة الطلب
error-bad-request-help = تعذّرت قراءة ما أُرسل. ارجع وتحقق من النموذج ثم أرسله مجددًا.
error-invalid = بعض الحقول تحتاج إلى تصحيح
error-invalid-help = ارجع وصحّح ما رُفض ثم أرسل مجددًا.
error-unauthorized = يلزم تسجيل الدخول
error-unauthorized-help = سجّل الدخول لترى هذه الصفحة.
error-forbidden = غير مسموح
error-forbidden-help = لا يُسمح لحسابك بهذا. اسأل محررًا أو مديرًا.
error-conflict = تعارض
error-conflict-help = غيّر شخص آخر هذا في الوقت نفسه. ارجع وأعد التحميل ثم أجرِ تغييرك مجددًا.
error-unsupported = نوع محتوى غير مدعوم
error-unsupported-help = ما أُرسل ليس من نوع يقبله هذا العنوان.
error-too-large = كبير جدًا
error-too-large-help = ما أُرسل أطول مما يقبله هذا العنوان. اختصره ثم أرسله مجددًا.
error-method = طريقة غير مسموحة
error-method-help = هذا العنوان لا يجيب عن هذا النوع من الطلبات.
error-too-many = تمهّل
error-too-many-help = وصلت طلبات كثيرة جدًا من اتصالك في وقت قصير. انتظر دقيقة ثم حاول مجددًا.
error-unavailable = غير جاهز
error-unavailable-help = لا يستطيع الموقع الإجابة الآن. يُرجى المحاولة بعد قليل.
note-correction = تصويب
note-clarification = توضيح
note-update = تحديث
note-editors-note = ملاحظة المحرر

## The labels every site has, before a headline (a site's own labels show as written)
label-live = مباشر
label-exclusive = حصري
label-opinion = رأي
label-analysis = تحليل
label-explainer = شرح
label-sponsored = محتوى مموَّل
