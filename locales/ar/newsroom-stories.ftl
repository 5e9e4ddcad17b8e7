# The newsroom: stories.
# صفحات أشكال الأخبار في غرفة الأخبار: التغطية المباشرة، والقائمة المرقّمة، واستطلاعات
# القراء، والفيديو الرئيسي، ومعرض الصور، مع ما ترفضه قواعدها.

## Shared by the story formats' pages
sto-back-to = العودة إلى «{ $title }»
sto-edit-story = تحرير الخبر
sto-view-on-site = عرض على الموقع
sto-edit = تحرير
sto-delete = حذف
sto-cancel = إلغاء
sto-save-changes = حفظ التغييرات
sto-up = لأعلى
sto-down = لأسفل
sto-optional = (اختياري)
sto-no-photo = بلا صورة
sto-photo-n = الصورة { $id }
sto-newest-photos-of-the = من أحدث صور
sto-library = المكتبة
sto-nothing-lost = لم يضع شيء مما كتبته.
sto-up-to-characters = { $count ->
    [zero] بلا أحرف.
    [one] حتى حرف واحد.
    [two] حتى حرفين.
    [few] حتى { $count } أحرف.
    [many] حتى { $count } حرفًا.
   *[other] حتى { $count } حرف.
}

## The live blog's composer (/admin/articles/ID/live)
sto-live-page-title = مباشر: { $title }
sto-live-state-live = مباشر
sto-live-state-ended = انتهت
sto-live-see-as-reader = شاهدها كما يراها القراء
sto-live-not-public = لم يُنشر الخبر بعد: سيرى القراء هذه التحديثات حين يُنشر.
sto-live-ended = انتهت هذه التغطية المباشرة { $when }. أعد فتحها أدناه لتنشر من جديد للقراء الذين يتابعونها مباشرة.
sto-live-edit-entry = تحرير التحديث { $id }
sto-live-new-update = تحديث جديد
sto-live-not-saved = لم يُحفظ التحديث. يُرجى تصحيح الحقول المحددة؛ لم يضع شيء مما كتبته.
sto-live-not-posted = لم يُنشر التحديث. يُرجى تصحيح الحقول المحددة؛ لم يضع شيء مما كتبته.
sto-live-update = التحديث
sto-live-markdown-hint = Markdown: **خط عريض**، [رابط](https://…)، وعنوان فيديو أو منشور في سطر مستقل.
sto-live-title = العنوان
sto-live-title-hint = (مطلوب للحدث البارز)
sto-live-key-event = حدث بارز
sto-live-pin-to-top = تثبيت في الأعلى
sto-live-photo = صورة من المكتبة
sto-live-upload-link = ارفعها إلى المكتبة
sto-live-upload-then = ، ثم عد لاختيارها.
sto-live-post = نشر التحديث
sto-live-posted = المنشورة ({ $count })
sto-live-newest = { $count ->
    [zero] لا تحديثات هنا؛ والباقي على صفحة الخبر.
    [one] أحدث تحديث؛ والباقي على صفحة الخبر.
    [two] أحدث تحديثين؛ والباقي على صفحة الخبر.
    [few] أحدث { $count } تحديثات؛ والباقي على صفحة الخبر.
    [many] أحدث { $count } تحديثًا؛ والباقي على صفحة الخبر.
   *[other] أحدث { $count } تحديث؛ والباقي على صفحة الخبر.
}
sto-live-pinned = مثبّت
sto-live-has-photo = صورة
sto-live-entry-n = (التحديث { $id })
sto-live-pin = تثبيت
sto-live-unpin = إلغاء التثبيت
sto-live-delete-warning = يختفي من صفحات القراء فورًا.
sto-live-delete-entry = حذف هذا التحديث
sto-live-none = لا تحديثات بعد: أول تحديث تنشره يظهر فورًا على صفحة الخبر.
sto-live-coverage = التغطية
sto-live-show-entries = ترتيب التحديثات
sto-live-newest-first = الأحدث أولًا
sto-live-oldest-first = الأقدم أولًا
sto-live-save-order = حفظ الترتيب
sto-live-end-hint = حين ينتهي الحدث، أنهِ التغطية: سيرى القراء «انتهت هذه التغطية المباشرة».
sto-live-end = إنهاء التغطية المباشرة
sto-live-reopen = إعادة فتح التغطية المباشرة
sto-live-unknown-action = «{ $value }» ليس إجراءً يقوم به محرر التغطية.
sto-live-unknown-order = «{ $value }» ليس ترتيبًا؛ اختر الأحدث أولًا أو الأقدم أولًا.
sto-live-key-event-title = يحتاج الحدث البارز إلى عنوان قصير لقائمة «أبرز الأحداث».
sto-live-no-such-photo = لا توجد الصورة { $id } في المكتبة؛ ارفعها أولًا.

## A story's numbered list (/admin/articles/ID/list)
sto-list-page-title = قائمة مرقّمة: { $title }
sto-list-heading = قائمة مرقّمة
sto-list-intro = { $count ->
    [zero] العناصر التي يراها القراء تحت نص الخبر، لكلٍّ منها رقمه.
    [one] العناصر التي يراها القراء تحت نص الخبر، لكلٍّ منها رقمه (عنصر واحد على الأكثر).
    [two] العناصر التي يراها القراء تحت نص الخبر، لكلٍّ منها رقمه (عنصران على الأكثر).
    [few] العناصر التي يراها القراء تحت نص الخبر، لكلٍّ منها رقمه (حتى { $count } عناصر).
    [many] العناصر التي يراها القراء تحت نص الخبر، لكلٍّ منها رقمه (حتى { $count } عنصرًا).
   *[other] العناصر التي يراها القراء تحت نص الخبر، لكلٍّ منها رقمه (حتى { $count } عنصر).
}
sto-list-not-saved = لم يُحفظ العنصر:
sto-list-numbers = الترقيم
sto-list-count-up = تصاعدي (١، ٢، ٣…)
sto-list-count-down = تنازلي (…٣، ٢، ١)
sto-list-save-numbering = حفظ الترقيم
sto-list-item-no = رقم { $number }
sto-list-item-heading = العنوان
sto-list-photo = الصورة
sto-list-item-text = النص (Markdown)
sto-list-save-item = حفظ العنصر { $number }
sto-list-item-n = العنصر { $number }
sto-list-remove = إزالة
sto-list-none = لا عناصر بعد.
sto-list-add-heading = إضافة عنصر
sto-list-add = أضف العنصر
sto-list-empty = تحتاج القائمة المرقّمة إلى عنصر واحد على الأقل: أعطه عنوانًا.
sto-list-too-many = لا يتجاوز عدد عناصر القائمة المرقّمة { $limit }؛ وفي هذه القائمة { $count }.
sto-list-heading-required = يحتاج العنصر إلى عنوان.
sto-list-heading-too-long = عدد أحرف العنوان { $count }، والحد الأقصى { $limit }.
sto-list-heading-nul = يحتوي العنوان على محرف NUL؛ اكتبه من جديد أو الصقه نصًا عاديًا.
sto-list-text-too-long = عدد أحرف النص { $count }، والحد الأقصى { $limit }.
sto-list-photo-gone = إحدى صور القائمة ليست في المكتبة (ربما حُذفت)؛ اختر صورًا من المكتبة.
sto-list-full = لا يتجاوز عدد عناصر القائمة المرقّمة { $limit }؛ وقد اكتملت.

## A story's reader polls (/admin/articles/ID/polls)
sto-polls-page-title = الاستطلاعات: { $title }
sto-polls-heading = استطلاعات القراء
sto-polls-intro = يظهر الاستطلاع تحت نص الخبر. لكل قارئ صوت واحد يمكنه تغييره أو سحبه حتى يُغلق الاستطلاع؛ ثم يرى الجميع النتائج النهائية.
sto-poll-answer = الإجابة
sto-poll-votes = الأصوات
sto-poll-share = النسبة
sto-poll-percent = { $percent }٪
sto-poll-total = { $count ->
    [zero] لا أصوات.
    [one] صوت واحد.
    [two] صوتان.
    [few] { $count } أصوات.
    [many] { $count } صوتًا.
   *[other] { $count } صوت.
}
sto-poll-closed-at = أُغلق { $when }: يرى القراء النتائج النهائية.
sto-poll-closed = مغلق: يرى القراء النتائج النهائية.
sto-poll-closes = يُغلق { $when }.
sto-poll-open = مفتوح حتى تغلقه.
sto-poll-results-before = يرى القراء النتائج قبل أن يصوّتوا.
sto-poll-results-after = يرى القراء النتائج بعد أن يصوّتوا.
sto-poll-close-now = إغلاق الآن
sto-poll-delete = حذف الاستطلاع وأصواته
sto-polls-none = لا استطلاع لهذا الخبر بعد.
sto-poll-add-heading = إضافة استطلاع
sto-poll-not-added = لم يُضف الاستطلاع: يُرجى تصحيح الحقول المحددة. لم يضع شيء مما كتبته.
sto-poll-question = السؤال
sto-poll-answers = الإجابات
sto-poll-answers-hint = إجابة في كل سطر: من { $min } إلى { $max } إجابات، ولا يتجاوز طول كل منها { $limit } حرفًا.
sto-poll-closes-at = موعد الإغلاق (اختياري)
sto-poll-closes-at-hint = بتوقيت { $zone }. اتركه فارغًا ليبقى مفتوحًا حتى تغلقه.
sto-poll-show-results-before = عرض النتائج قبل أن يصوّت القارئ
sto-poll-add = أضف الاستطلاع
sto-poll-too-few = لا يقل عدد إجابات الاستطلاع عن { $min } ليختار القراء بينها؛ وفي هذا { $count }. أضف إجابة أخرى.
sto-poll-too-many = لا يتجاوز عدد إجابات الاستطلاع { $max }؛ وفي هذا { $count }. ادمج بعضها أو احذفه.
sto-poll-option-too-long = عدد أحرف الإجابة «{ $start }…» { $count }، والحد الأقصى { $limit }.
sto-poll-option-nul = تحتوي الإجابة «{ $start }…» على محرف NUL؛ اكتبها من جديد أو الصقها نصًا عاديًا.
sto-poll-twice = الإجابة «{ $value }» مكررة؛ يجب أن تختلف كل إجابة عن غيرها.
sto-poll-closes-passed = موعد الإغلاق مضى؛ حدّد موعدًا في المستقبل، أو اتركه فارغًا ليبقى الاستطلاع مفتوحًا حتى تغلقه.
sto-poll-closes-unreadable = «{ $value }» ليس تاريخًا ووقتًا، مثل 2026-07-17 18:00.

## A story's lead video (/admin/articles/ID/video)
sto-video-page-title = الفيديو: { $title }
sto-video-heading = الفيديو الرئيسي
sto-video-intro = يحل الفيديو الرئيسي محل الصورة الرئيسية أعلى الخبر.
sto-video-now = الحالي
sto-video-uploaded = ملف { $type } مرفوع ({ $size } ميغابايت):
sto-video-play = شغّله
sto-video-from-site = من موقع فيديو:
sto-video-click-first = ينقر القراء أولًا قبل أن يُحمَّل أي شيء من ذلك الموقع.
sto-video-poster-is = صورة الغلاف: { $alt }.
sto-video-no-poster-now = لا صورة غلاف.
sto-video-duration = { $count ->
    [zero] المدة: ٠ ثانية.
    [one] المدة: ثانية واحدة.
    [two] المدة: ثانيتان.
    [few] المدة: { $count } ثوانٍ.
    [many] المدة: { $count } ثانية.
   *[other] المدة: { $count } ثانية.
}
sto-video-remove = إزالة الفيديو
sto-video-upload-heading = رفع ملف فيديو
sto-video-file = ملف MP4 أو WebM
sto-video-file-hint = حتى { $count } ميغابايت. يُحكم عليه بمحتواه لا باسمه.
sto-video-poster = صورة الغلاف (تظهر قبل التشغيل)
sto-video-no-poster = بلا صورة غلاف
sto-video-poster-shape = شكلها هو شكل المشغّل.
sto-video-duration-label = المدة بالثواني (اختياري)
sto-video-upload = ارفعه واستخدمه
sto-video-link-heading = أو استخدم فيديو من YouTube أو Vimeo أو Facebook
sto-video-address = عنوان الفيديو
sto-video-address-hint = مثل https://www.youtube.com/watch?v=dQw4w9WgXcQ
sto-video-use = استخدم هذا الفيديو
sto-video-no-file = اختر ملف MP4 أو WebM لرفعه.
sto-video-not-video = هذا الملف ليس فيديو MP4 أو WebM (حُكم عليه بمحتواه لا باسمه). صدّره بصيغة MP4 (H.264) أو WebM ثم ارفعه من جديد.
sto-video-too-large = حجم هذا الفيديو { $size } ميغابايت، والحد الأقصى للفيديو { $limit } ميغابايت. اجعله أقصر أو أصغر ثم ارفعه من جديد.
sto-video-not-both = أعطِ فيديو مرفوعًا أو عنوان فيديو، لا الاثنين معًا.
sto-video-none = ارفع فيديو MP4 أو WebM، أو أعطِ عنوان فيديو على YouTube أو Vimeo أو Facebook.
sto-video-not-an-address = «{ $value }» ليس عنوان فيديو على YouTube أو Vimeo أو Facebook؛ انسخه من صفحة الفيديو، مثل https://www.youtube.com/watch?v=dQw4w9WgXcQ
sto-video-duration-range = المدة بالثواني، من { $min } إلى { $max }.
sto-video-gone = الفيديو أو صورة الغلاف غير موجود (ربما حُذف)؛ ارفع الفيديو من جديد، أو اختر صورة غلاف من المكتبة.

## A story's photo gallery (/admin/articles/ID/gallery)
sto-gallery-page-title = معرض الصور: { $title }
sto-gallery-heading = معرض الصور
sto-gallery-intro = { $count ->
    [zero] الصور التي يتصفحها القراء، بهذا الترتيب. التعليق والمصدر هنا خاصان بالمعرض؛ وإن تُركا فارغين يظهر ما في المكتبة.
    [one] الصور التي يتصفحها القراء، بهذا الترتيب (صورة واحدة على الأكثر). التعليق والمصدر هنا خاصان بالمعرض؛ وإن تُركا فارغين يظهر ما في المكتبة.
    [two] الصور التي يتصفحها القراء، بهذا الترتيب (صورتان على الأكثر). التعليق والمصدر هنا خاصان بالمعرض؛ وإن تُركا فارغين يظهر ما في المكتبة.
    [few] الصور التي يتصفحها القراء، بهذا الترتيب (حتى { $count } صور). التعليق والمصدر هنا خاصان بالمعرض؛ وإن تُركا فارغين يظهر ما في المكتبة.
    [many] الصور التي يتصفحها القراء، بهذا الترتيب (حتى { $count } صورة). التعليق والمصدر هنا خاصان بالمعرض؛ وإن تُركا فارغين يظهر ما في المكتبة.
   *[other] الصور التي يتصفحها القراء، بهذا الترتيب (حتى { $count } صورة). التعليق والمصدر هنا خاصان بالمعرض؛ وإن تُركا فارغين يظهر ما في المكتبة.
}
sto-gallery-photo-of = الصورة { $number } من { $total }
sto-gallery-caption = التعليق
sto-gallery-credit = المصدر
sto-gallery-save-words = حفظ النص
sto-gallery-of-photo = للصورة { $number }
sto-gallery-photo-n = الصورة { $id }
sto-gallery-take-out = إخراج من المعرض
sto-gallery-none = لا صور بعد: أضفها من المكتبة أدناه.
sto-gallery-add-heading = إضافة صورة من المكتبة
sto-gallery-add = إضافة
sto-gallery-library-empty = المكتبة فارغة:
sto-gallery-upload-link = ارفع صورًا
sto-gallery-upload-first = أولًا.
sto-gallery-empty = يحتاج المعرض إلى صورة واحدة على الأقل: أضف صورًا من المكتبة.
sto-gallery-too-many = لا يتجاوز عدد صور المعرض { $limit }؛ وفي هذا المعرض { $count }. اصنع معرضين، أو استبعد بعض الصور.
sto-gallery-photo-gone = إحدى الصور ليست في المكتبة (ربما حُذفت)؛ اختر صورًا من المكتبة.
sto-gallery-full = لا يتجاوز عدد صور المعرض { $limit }؛ وقد اكتمل.
sto-gallery-caption-too-long = عدد أحرف التعليق { $count }، والحد الأقصى { $limit }.
sto-gallery-caption-nul = يحتوي التعليق على محرف NUL؛ اكتبه من جديد أو الصقه نصًا عاديًا.
sto-gallery-credit-too-long = عدد أحرف المصدر { $count }، والحد الأقصى { $limit }.
sto-gallery-credit-nul = يحتوي المصدر على محرف NUL؛ اكتبه من جديد أو الصقه نصًا عاديًا.
