# The newsroom: editor.
# محرر المقالات وقائمة المقالات والنسخ ومقارنتها، وما تعرضه هذه الصفحات من رفض.

## The articles list
ed-articles = المقالات
ed-write-article = اكتب مقالًا
ed-find = بحث
ed-find-placeholder = كلمات من المقال
ed-status = الحالة
ed-any = الكل
ed-all = الكل
ed-section = القسم
ed-edition = الطبعة
ed-source = المصدر
ed-show = عرض
ed-bulk-label = للمقالات المحددة
ed-bulk-unpublish = إلغاء النشر (إعادة إلى مسودة)
ed-bulk-move = نقل إلى قسم…
ed-bulk-section = القسم (للنقل)
ed-apply = تطبيق
ed-choose = تحديد
ed-choose-story = تحديد «{ $title }»
ed-col-title = العنوان
ed-col-authors = الكتّاب
ed-col-updated = آخر تحديث
ed-col-reads = القراءات
ed-col-reactions = التفاعلات
ed-col-comments = التعليقات
ed-view = عرض
ed-no-match = لا توجد مقالات مطابقة.
ed-write-one = اكتب مقالًا
ed-pages = الصفحات
ed-newer = → الأحدث
ed-older = الأقدم ←
ed-page-of = صفحة { $number } من { $pages }

## A story's state, as a choice
ed-status-draft = مسودة
ed-status-scheduled = مجدول
ed-status-published = منشور

## Where a story's copy came from
ed-source-staff = فريق التحرير
ed-source-agency = وكالة أنباء
ed-source-press_release = بيان صحفي
ed-source-syndication = إعادة نشر مرخّصة
ed-source-reader = قارئ

## A story's format
ed-format-standard = خبر عادي
ed-format-live = تغطية مباشرة
ed-format-gallery = معرض صور
ed-format-video = فيديو
ed-format-list = قائمة مرقّمة

## The editor: its head and notices
ed-title-edit = تحرير: { $title }
ed-new-article = مقال جديد
ed-edit-article = تحرير المقال
ed-view-on-site = عرض على الموقع
ed-preview-as-readers = معاينة كما يراها القرّاء
ed-link-revisions = النسخ
ed-link-gallery = المعرض
ed-link-list = قائمة مرقّمة
ed-link-video = فيديو
ed-link-polls = استطلاعات الرأي
ed-delete = حذف
ed-review-waiting = بانتظار المراجعة
ed-review-since = منذ { $since }.
ed-review-since-by = منذ { $since }، أرسله { $name }.
ed-review-act = انشره أو جدوله، أو
ed-review-send-back = أعده مع ملاحظة
ed-embargoed = تحت الحظر
ed-embargoed-until = حتى { $until }: لا يجوز لأحد نشره أو جدولته قبل ذلك الوقت.
ed-scheduled-label = مجدول:
ed-scheduled-not-yet = { $when }. لم يُنشر بعد.
ed-text-kept = نصك ما زال في النموذج أدناه.
ed-read-only = للقراءة فقط بالنسبة إليك.
ed-not-saved-fields = لم يُحفظ: يرجى تصحيح الحقول المشار إليها أدناه. لم يضع شيء مما كتبته.

## When a scheduled story goes live ($time is the clock, $wait how long until then)
ed-goes-live-today = يُنشر الساعة { $time } ({ $wait })
ed-goes-live-day = يُنشر الساعة { $time } يوم { $day } { $mon } { $year } ({ $wait })
ed-wait-now = الآن
ed-wait-minutes = { $count ->
    [zero] الآن
    [one] بعد دقيقة واحدة
    [two] بعد دقيقتين
    [few] بعد { $count } دقائق
    [many] بعد { $count } دقيقة
   *[other] بعد { $count } دقيقة
}
ed-wait-hours = { $count ->
    [zero] الآن
    [one] بعد ساعة واحدة
    [two] بعد ساعتين
    [few] بعد { $count } ساعات
    [many] بعد { $count } ساعة
   *[other] بعد { $count } ساعة
}
ed-wait-days = { $count ->
    [zero] الآن
    [one] بعد يوم واحد
    [two] بعد يومين
    [few] بعد { $count } أيام
    [many] بعد { $count } يومًا
   *[other] بعد { $count } يوم
}

## How long a story has waited for review, on the dashboard
ed-ago-now = قبل لحظات
ed-ago-minutes = { $count ->
    [zero] قبل لحظات
    [one] قبل دقيقة واحدة
    [two] قبل دقيقتين
    [few] قبل { $count } دقائق
    [many] قبل { $count } دقيقة
   *[other] قبل { $count } دقيقة
}
ed-ago-hours = { $count ->
    [zero] قبل لحظات
    [one] قبل ساعة واحدة
    [two] قبل ساعتين
    [few] قبل { $count } ساعات
    [many] قبل { $count } ساعة
   *[other] قبل { $count } ساعة
}
ed-ago-days = { $count ->
    [zero] اليوم
    [one] قبل يوم واحد
    [two] قبل يومين
    [few] قبل { $count } أيام
    [many] قبل { $count } يومًا
   *[other] قبل { $count } يوم
}

## The editor: someone else saved first
ed-conflict-title = حفظ شخص آخر هذا المقال بينما كنت تحرّره
ed-conflict-version = أصبح الآن في النسخة { $version }.
ed-conflict-kept = لم تُحفظ تغييراتك فوق تغييراته، ولم يضع شيء
ed-conflict-merge = نصك ما زال في النموذج أدناه، ونصه معروض هنا. انقل إلى النموذج ما تحتاجه ثم احفظ مجددًا؛ الحفظ الآن سيستبدل بنسخته ما في النموذج.
ed-field = الحقل
ed-conflict-theirs = نسخته (المحفوظة)
ed-conflict-yours = نسختك (في النموذج)
ed-conflict-body = المتن: نصه ← نصك
ed-conflict-their-text = نصه كاملًا

## A field that changed between two versions
ed-change-title = العنوان
ed-change-standfirst = المقدمة
ed-change-slug = الرابط المختصر
ed-change-status = الحالة
ed-change-section = القسم
ed-change-authors = الكتّاب
ed-change-tags = الوسوم
ed-change-lead_image = الصورة الرئيسية
ed-change-image_credit = حقوق الصورة
ed-change-image_caption = تعليق الصورة
ed-change-seo_title = عنوان SEO
ed-change-seo_description = وصف SEO

## The editor: the story's text
ed-headline = العنوان الرئيسي
ed-standfirst = المقدمة
ed-standfirst-hint = جملة أو جملتان تحت العنوان.
ed-dateline = مكان الخبر
ed-dateline-hint = المكان الذي كُتب منه الخبر، ويظهر قبل الفقرة الأولى: نيروبي —. اتركه فارغًا إن لم يوجد.
ed-body = المتن
ed-tab-write = كتابة
ed-preview = معاينة
ed-md-hint = Markdown: سطر فارغ بين الفقرات،
ed-md-subheading = ## عنوان فرعي
ed-md-quote = > اقتباس
ed-md-link = [رابط](https://…)
ed-md-image = ![وصف](رابط الصورة)

## The editor: publishing
ed-publishing = النشر
ed-author-hint = تحفظ المسودات وترسلها للمراجعة، والمحرر هو من ينشرها.
ed-publish-at = موعد النشر ({ $zone })
ed-publish-at-hint = للمقال المجدول: موعد نشره. اتركه فارغًا للنشر الآن.
ed-goes-live-at = يُنشر في: { $when }
ed-published-at = نُشر في: { $when }
ed-publication-time = وقت النشر: { $when }
ed-last-saved = آخر حفظ: { $when }
ed-embargo-until = الحظر حتى ({ $zone })
ed-embargo-until-hint = لا يجوز لأحد نشره أو جدولته قبل هذا الوقت. اتركه فارغًا إن لم يكن هناك حظر.
ed-comments-open = يمكن للقرّاء التعليق
ed-format = الشكل
ed-live-open = افتح محرر التغطية المباشرة
ed-live-rest = لنشر التحديثات وتثبيت أحدها وإنهاء التغطية.
ed-gallery-choose = اختر صور المعرض
ed-gallery-save-first = احفظ مسودة ثم اختر صورها
ed-gallery-rule = يُنشر المعرض بصورة واحدة على الأقل.
ed-video-choose = ارفع الفيديو أو أضف رابطه
ed-video-save-first = احفظ مسودة ثم ارفع الفيديو أو أضف رابطه
ed-video-rule = يُنشر خبر الفيديو مع الفيديو الخاص به.
ed-list-choose = اكتب عناصر القائمة
ed-list-save-first = احفظ مسودة ثم اكتب عناصرها
ed-list-rule = تُنشر القائمة بعنصر واحد على الأقل.
ed-minor-edit = تعديل طفيف (خطأ مطبعي، تنسيق): لا يرى القرّاء وقت «تحديث» جديدًا

## The editor: where the copy came from
ed-copy-source = مصدر المادة
ed-agency = الوكالة أو المطبوعة
ed-agency-hint = لمادة الوكالات، يجوز أن يحمل التوقيع اسم الوكالة وحدها (دون تحديد كاتب): «PNN».
ed-source-url = الرابط الأصلي
ed-source-rights = ملاحظة الحقوق أو الاستخدام
ed-source-rights-hint = لغرفة الأخبار: ما يسمح به الاتفاق.

## The editor: section, authors, tags
ed-filed-under = التصنيف
ed-choose-section = اختر قسمًا
ed-author-search = اكتب اسمًا للبحث عن كاتب
ed-tags = الوسوم
ed-tags-hint = افصل بينها بفواصل، وتُنشأ الوسوم الجديدة تلقائيًا.

## The editor: the lead photo
ed-lead-photo = الصورة الرئيسية
ed-upload-photo = ارفع صورة
ed-from-library = أو اختر من المكتبة
ed-library-search = ابحث في النصوص البديلة والحقوق والتعليقات
ed-no-alt-yet = لا يوجد نص بديل بعد
ed-library-empty = لا توجد صور في المكتبة بعد.
ed-image-url = رابط الصورة
ed-image-url-hint = صورة من مكتبة الوسائط (عنوانها)، أو عنوان https://، أو مسار على هذا الموقع.
ed-image-alt = النص البديل
ed-image-alt-hint = ما تُظهره الصورة، للقرّاء الذين لا يستطيعون رؤيتها. مطلوب مع الصورة.
ed-alt-warning = هذه الصورة بلا نص بديل: صِفها قبل الحفظ.
ed-image-credit = حقوق الصورة
ed-image-credit-hint = تظهر هكذا: «صورة: <الحقوق>.»
ed-image-caption = التعليق

## The editor: address and search engines, and its buttons
ed-address-seo = الرابط ومحركات البحث
ed-slug = الرابط المختصر
ed-slug-hint = يُنشأ من العنوان إن تُرك فارغًا. وإن غيّرته، يُحوَّل الرابط القديم إلى هنا.
ed-seo-title = عنوان SEO
ed-seo-title-hint = يظهر بدلًا من العنوان في نتائج البحث.
ed-seo-description = وصف SEO
ed-save = حفظ
ed-submit-review = إرسال للمراجعة
ed-back-to-articles = العودة إلى المقالات

## The editor: corrections and updates readers see
ed-corrections-title = التصحيحات والتحديثات
ed-corrections-public = (يراها القرّاء على المقال)
ed-corrections-hint = تبقى الملاحظة في السجل: يمكن تعديلها ولا يمكن حذفها أبدًا، وتُحفظ كل صيغها. وتظهر التصحيحات والتوضيحات أيضًا في
ed-corrections-page = صفحة التصحيحات العامة
ed-typed-kept = ما كتبته ما زال في النموذج.
ed-version = النسخة { $version }
ed-version-lower = النسخة { $version }
ed-amend-note = تعديل هذه الملاحظة
ed-note-text = النص
ed-amend = تعديل
ed-note-history = { $count ->
    [zero] السجل (لا صيغ)
    [one] السجل (صيغة واحدة)
    [two] السجل (صيغتان)
    [few] السجل ({ $count } صيغ)
    [many] السجل ({ $count } صيغة)
   *[other] السجل ({ $count } صيغة)
}
ed-saved = حُفظت في { $when }
ed-saved-by = حفظها { $name } في { $when }
ed-add-note-readers = أضف ملاحظة للقرّاء
ed-note-kind = النوع
ed-note-kind-correction = تصحيح
ed-note-kind-clarification = توضيح
ed-note-kind-update = تحديث
ed-note-kind-editors_note = ملاحظة المحرر
ed-note-text-hint = اذكر ما كان خطأً وما هو الصحيح، في جملة يفهمها القرّاء.
ed-note-dated = التاريخ (RFC 3339، اختياري)
ed-note-dated-hint = اتركه فارغًا لاستخدام الوقت الحالي.
ed-publish-note = انشر الملاحظة

## The editor: the desk, internal notes and preview links
ed-desk = مكتب التحرير
ed-desk-internal = (داخلي: لا يراه القرّاء أبدًا)
ed-send-back-label = أعده إلى كاتبه مع ملاحظة
ed-send-back = إعادة
ed-assigned-to = مُسند إلى
ed-nobody = لا أحد
ed-assign = إسناد
ed-share-preview = مشاركة معاينة
ed-share-preview-hint = رابط لشخص من خارج غرفة الأخبار: يعرض المقال كما سيراه القرّاء، ويعمل 48 ساعة، ولا تفهرسه محركات البحث أبدًا.
ed-preview-link = رابط المعاينة { $id }
ed-until = حتى { $when }
ed-withdraw = سحب
ed-make-preview = إنشاء رابط معاينة
ed-notes = الملاحظات
ed-no-notes = لا توجد ملاحظات بعد.
ed-add-note-label = أضف ملاحظة لغرفة الأخبار
ed-add-note = إضافة ملاحظة

## The story previewed in the public theme: the banner above it
ed-preview-scheduled = معاينة: مجدول، { $when }.
ed-preview-published = معاينة المقال المنشور.
ed-preview-draft = معاينة: هذا المقال مسودة، ولا يستطيع القرّاء رؤيته.

## Deleting a story
ed-delete-title = حذف «{ $title }»؟
ed-delete-public = إنه منشور: سيجد القرّاء الذين يتبعون رابطًا إليه صفحة «غير موجود»، وسيختفي من الخلاصات والبحث وخرائط الموقع.
ed-delete-unseen = لم يُنشر، لذا لم يره القرّاء قط.
ed-delete-everything = تُحذف معه نسخه وتفاعلاته وتعليقاته. ولا يمكن التراجع عن ذلك.
ed-delete-instead = لإزالته من الموقع مع الاحتفاظ به، غيّر حالته إلى مسودة بدلًا من ذلك.
ed-delete-button = حذف المقال

## Revisions
ed-revisions-title = النسخ: { $title }
ed-revisions-of = نسخ «{ $title }»
ed-back-to-editor = العودة إلى المحرر
ed-revisions-hint = يُحتفظ بكل حفظ، مع من قام به ومتى. ويُحتفظ أيضًا بالحفظ المرفوض لأن شخصًا آخر حفظ قبله، موسومًا بـ«تعارض»، كي لا تضيع أي كلمة. اختر نسختين للمقارنة.
ed-rev-from = من
ed-rev-to = إلى
ed-rev-version = النسخة
ed-rev-saved = وقت الحفظ
ed-rev-by = بواسطة
ed-rev-compare-from = المقارنة من النسخة { $version }
ed-rev-compare-to = المقارنة حتى النسخة { $version }
ed-rev-conflict = تعارض
ed-rev-current = الحالية
ed-someone-removed = (شخص أُزيل لاحقًا)
ed-restore = استعادة
ed-compare-chosen = قارن النسختين المختارتين

## Comparing two revisions
ed-compare-title = مقارنة النسخ
ed-compare-heading = النسخة { $from } ← النسخة { $to }
ed-all-revisions = كل النسخ
ed-compare-summary = «{ $title }»: { $from_at } بواسطة { $from_by } ← { $to_at } بواسطة { $to_by }.
ed-before = قبل
ed-after = بعد
ed-only-body-changed = لم يتغير أي حقل سوى المتن.
ed-restore-version = استعادة النسخة { $version }

## Refusals the editor shows under a field or above the form
ed-not-a-time = «{ $value }» ليس تاريخًا ووقتًا، مثل 2026-07-17 11:32
ed-version-not-number = رقم نسخة النموذج غير صالح؛ أعد تحميل الصفحة
ed-embargo-refusal = هذا المقال تحت الحظر حتى { $until }: لا يجوز لأحد نشره أو جدولته قبل ذلك. جدوله في { $until } أو بعده، أو احفظه مسودة.
ed-not-yours = هذا المقال لشخص آخر: بصفتك { $role ->
    [contributor] مساهمًا
    [editor] محررًا
    [admin] مديرًا
   *[author] كاتبًا
} لا يمكنك تغيير إلا المقالات التي أنشأتها. اطلب من محرر تغييره.
ed-contributor-read-only = هذا المقال { $status ->
    [published] منشور
    [scheduled] مجدول
    [review] قيد المراجعة
   *[other] ليس مسودة
}، لذا فهو للقراءة فقط بالنسبة إلى المساهم: يمكنك تغيير مسوداتك فقط. اطلب من محرر إجراء التغيير، أو إعادته إلى مسودة لتتمكن من تحريره.
ed-no-such-section = لا يوجد قسم «{ $value }»؛ اختر قسمًا من القائمة.
ed-authors-required = حدد كاتبًا واحدًا على الأقل للتوقيع.
ed-authors-required-agency = حدد كاتبًا واحدًا على الأقل للتوقيع (يجوز أن تحمل مادة الوكالة اسم الوكالة بدلًا من ذلك).
ed-images-without-alt = { $count ->
    [one] في المتن صورة بلا وصف؛ اكتب ما تُظهره بين القوسين المربعين، مثل ![قوارب في الميناء](/media/...)، أو احفظه مسودة.
    [two] في المتن صورتان بلا وصف؛ اكتب ما تُظهره كل منهما بين القوسين المربعين، مثل ![قوارب في الميناء](/media/...)، أو احفظه مسودة.
    [few] في المتن { $count } صور بلا وصف؛ اكتب ما تُظهره كل منها بين القوسين المربعين، مثل ![قوارب في الميناء](/media/...)، أو احفظه مسودة.
   *[other] في المتن { $count } صورة بلا وصف؛ اكتب ما تُظهره كل منها بين القوسين المربعين، مثل ![قوارب في الميناء](/media/...)، أو احفظه مسودة.
}
ed-incomplete = المقال غير مكتمل.
ed-slug-taken = «{ $value }» مستخدم من قبل؛ اختر رابطًا مختصرًا آخر.
ed-slug-crowded = عناصر كثيرة جدًا تستخدم «{ $value }»؛ اختر رابطًا مختصرًا.
ed-too-many-tags = لا يجوز أن يحمل المقال أكثر من { $count } وسمًا.
ed-not-rfc3339 = «{ $value }» ليس تاريخًا ووقتًا مفهومين؛ اختره من التقويم مجددًا.
ed-time-before-1900 = «{ $value }» قبل عام 1900: اختر وقتًا بين عامي 1900 و9999.
ed-schedule-needs-time = يحتاج المقال المجدول إلى موعد نشر: املأ حقل «موعد النشر».
ed-dateline-one-line = مكان الخبر سطر واحد يذكر مكانًا، مثل نيروبي.
ed-dateline-too-long = لا يتجاوز مكان الخبر { $limit } حرفًا، مثل نيروبي.
ed-agency-required = اذكر الوكالة التي جاءت منها المادة (مثل PNN)، أو اختر مصدرًا آخر.

## Refusals of a note for readers
ed-note-needs-kind = حدد نوع الملاحظة: تصحيح أو توضيح أو تحديث أو ملاحظة المحرر.
ed-note-stays-kind = { $kind ->
    [clarification] يبقى التوضيح توضيحًا
   *[correction] يبقى التصحيح تصحيحًا
} في السجل؛ عدّل نصه بدلًا من ذلك.
ed-note-not-empty = اكتب نص الملاحظة؛ لا يمكن إفراغ الملاحظة أو حذفها.
ed-note-too-long = لا تتجاوز الملاحظة { $limit } حرف.
ed-note-in-future = تُؤرَّخ الملاحظة بالوقت الحالي أو بما قبله، لا بالمستقبل.
ed-note-before-story = تُؤرَّخ الملاحظة بما بعد نشر المقال؛ اتركه فارغًا لاستخدام الوقت الحالي.
ed-note-incomplete = الملاحظة غير مكتملة.

## Refusals at the desk
ed-no-such-member = لا يوجد عضو بهذا الاسم في غرفة الأخبار.
ed-member-deactivated = حساب { $name } معطّل؛ اختر شخصًا يمكنه تسجيل الدخول.
ed-desk-note-required = اكتب الملاحظة: ما الذي يجب تغييره، أو ما يجب أن يعرفه مكتب التحرير.
ed-desk-note-too-long = لا تتجاوز الملاحظة { $limit } حرف.

## Refusals above the editor's form or the note form
ed-drafts-only = يحفظ المساهم المسودات، أما الكاتب أو المحرر أو المدير فينشرها أو يجدولها. احفظه مسودة واطلب من محرر تحويله إلى { $status ->
    [scheduled] مجدول
   *[published] منشور
}.
ed-review-first = تطلب غرفة الأخبار هذه من الكتّاب إرسال مقالاتهم للمراجعة، والمحرر هو من ينشرها أو يجدولها. أرسله للمراجعة بدلًا من ذلك.
ed-editors-note = لا يضيف التصحيحات والملاحظات التي يراها القرّاء أو يعدّلها إلا محرر أو مدير؛ وأنت { $role ->
    [contributor] مساهم
    [editor] محرر
    [admin] مدير
   *[author] كاتب
}. اطلب ذلك من محرر.
ed-note-published-first = تُضاف الملاحظات إلى المقالات المنشورة، للقرّاء: انشر هذا المقال أولًا. وإن لم يُنشر بعد، فاترك لغرفة الأخبار ملاحظة داخلية بدلًا من ذلك.

## Refusals of a bulk action on the articles list, and of the desk's forms
ed-bulk-none = حدد عنصرًا واحدًا على الأقل، ثم اختر ما تفعله به.
ed-bulk-too-many = { $count ->
    [zero] لا يمكن اختيار أي عنصر.
    [one] اختر عنصرًا واحدًا على الأكثر في كل مرة.
    [two] اختر عنصرين على الأكثر في كل مرة.
    [few] اختر { $count } عناصر على الأكثر في كل مرة.
    [many] اختر { $count } عنصرًا على الأكثر في كل مرة.
   *[other] اختر { $count } عنصر على الأكثر في كل مرة.
}
ed-bulk-unknown-for-comments = «{ $action }» ليس إجراءً جماعيًا للتعليقات؛ استخدم الموافقة أو الإشارة كمزعج أو الحذف.
ed-bulk-unknown-for-stories = «{ $action }» ليس إجراءً جماعيًا للمقالات؛ استخدم إلغاء النشر أو النقل أو الحذف.
ed-bulk-choose-section = اختر القسم الذي تُنقل إليه المقالات.
ed-bulk-nothing-changed = لم يتغير شيء. «{ $title }»: { $refusal }
ed-compare-choose-two = اختر نسختين للمقارنة.
ed-assign-choose = اختر شخصًا من القائمة.

## Refusals any newsroom form may show
ed-version-required = لم تُرسل النسخة التي حمّلتها؛ أعد تحميل الصفحة كي لا يُستبدل تعديل شخص آخر دون أن تراه.
ed-taken = { $field ->
    [slug] هذا الرابط المختصر مستخدم من قبل.
    [email] هذا البريد الإلكتروني مستخدم من قبل.
    [name] هذا الاسم مستخدم من قبل.
   *[other] هذه القيمة مستخدمة من قبل.
}

## The editor's autosave, when a save is refused
ed-autosave-refused = لم يُحفظ: { $problems }.
ed-autosave-conflict = لم يُحفظ: عدّل شخص آخر هذا المقال منذ أن حمّلته.

## A story format published without its content
ed-format-gallery-empty = يحتاج معرض الصور إلى صوره قبل نشره أو جدولته: احفظه مسودة، وأضف صورًا من المكتبة إلى معرضه، ثم انشره.
ed-format-video-empty = يحتاج خبر الفيديو إلى الفيديو قبل نشره أو جدولته: احفظه مسودة، وارفع ملف MP4 أو WebM أو أعطِ عنوان YouTube أو Vimeo أو Facebook، ثم انشره.
ed-format-list-empty = تحتاج القائمة المرقّمة إلى عناصرها قبل نشرها أو جدولتها: احفظها مسودة، وأضف عنصرًا واحدًا على الأقل إلى قائمتها، ثم انشرها.

## A subsection's edition
ed-section-follows-parent = هذا قسم فرعي من «{ $name }»، والقسم الفرعي يتبع طبعة قسمه الأصلي: غيّر لغة القسم الأصلي، أو اجعل هذا قسمًا مستقلًا أولًا.
