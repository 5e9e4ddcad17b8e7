# غرفة الأخبار: المكتب. تسجيل الدخول، ولوحة التحكم، والفريق، والإشراف على التعليقات،
# وإعدادات الموقع، ورسائل القراء، وسجل التدقيق.

## Fields several of these pages share
desk-field-email = البريد الإلكتروني
desk-field-password = كلمة المرور
desk-field-password-again = تأكيد كلمة المرور
desk-field-new-password = كلمة المرور الجديدة
desk-field-new-password-again = تأكيد كلمة المرور الجديدة
desk-field-your-email = بريدك الإلكتروني
desk-field-your-name = اسمك
desk-password-hint = { $count ->
    [one] حرف واحد على الأقل.
    [two] حرفان على الأقل.
    [few] { $count } أحرف على الأقل.
    [many] { $count } حرفًا على الأقل.
   *[other] { $count } حرف على الأقل.
}

## Signing in (login.html)
desk-sign-in = تسجيل الدخول
desk-login-heading = تسجيل الدخول إلى غرفة الأخبار
desk-login-forgotten = نسيت كلمة المرور؟
desk-login-mismatch = هذا البريد الإلكتروني وكلمة المرور لا يطابقان أي حساب نشط. تحقّق منهما وحاول مجددًا.
desk-login-throttled = محاولات دخول فاشلة كثيرة من شبكتك. انتظر { $wait } قبل المحاولة مجددًا.
desk-reset-throttled = طلبات كثيرة من شبكتك. انتظر { $wait } ثم حاول مجددًا.
# How long to wait, inside the two sentences above.
desk-wait-seconds = { $count ->
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $count } ثوانٍ
   *[other] { $count } ثانية
}
desk-wait-minutes = { $count ->
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $count } دقائق
   *[other] { $count } دقيقة
}

## A password reset (reset_request.html, reset.html)
desk-reset-request = إعادة تعيين كلمة المرور
desk-reset-sent = إذا كان هناك حساب بهذا البريد الإلكتروني، فقد أُرسل إليه رابط صالح لمرة واحدة لاختيار كلمة مرور جديدة.
desk-reset-sent-hour = يعمل الرابط لمدة ساعة. (في موقع لم يُضبط فيه البريد الإلكتروني، يجد المدير الرابط في سجل الخادم.)
desk-reset-back = العودة إلى تسجيل الدخول
desk-reset-send = أرسل لي رابطًا
desk-reset-choose = اختر كلمة مرور جديدة
desk-reset-set = تعيين كلمة المرور
desk-reset-expired = انتهت صلاحية هذا الرابط أو سبق استخدامه.
desk-reset-ask-again = اطلب رابطًا جديدًا
desk-password-mismatch = كلمتا المرور غير متطابقتين.
desk-password-too-short = عدد أحرف كلمة المرور { $count }؛ استخدم { $min } أحرف على الأقل.
desk-password-too-long = كلمة المرور أطول من { $max } حرف.

## The first admin (setup.html, first_run.html)
desk-setup-title = الإعداد
desk-setup-heading = إنشاء المدير الأول
desk-setup-intro = { $count ->
    [few] يستطيع هذا الحساب إضافة الجميع. اختر كلمة مرور من { $count } أحرف على الأقل.
    [many] يستطيع هذا الحساب إضافة الجميع. اختر كلمة مرور من { $count } حرفًا على الأقل.
   *[other] يستطيع هذا الحساب إضافة الجميع. اختر كلمة مرور من { $count } حرف على الأقل.
}
desk-setup-create = إنشاء المدير وتسجيل الدخول
desk-setup-done = هذا الموقع مُعدّ مسبقًا. سجّل الدخول، أو اطلب من أحد المديرين إضافتك.
desk-setup-invalid = رابط الإعداد هذا غير صالح. استخدم الرابط الذي طبعه `newsdesk serve` عند بدء تشغيله.
desk-first-run-heading = لا توجد غرفة أخبار لهذا الموقع بعد
# Around the command `newsdesk serve`: "When" [command] "started, it printed ... link".
desk-first-run-when = عند تشغيل
desk-first-run-printed = طُبع رابط إعداد صالح لمرة واحدة
desk-first-run-open = افتح هذا الرابط لإنشاء المدير الأول.
desk-first-run-or = أو شغّل على الخادم الأمر
# A command typed on the server: keep it as it is, but for the example email and name.
desk-first-run-command = newsdesk user add --email you@example.com --name "اسمك" --role admin

## The dashboard (dashboard.html)
desk-dash-greeting = أهلًا بعودتك يا { $name }
desk-dash-write = اكتب مقالًا
desk-dash-review = بانتظار المراجعة
desk-dash-sent-by = أرسله { $name }
desk-dash-someone-removed = شخص أُزيل لاحقًا
desk-dash-assigned = مُسند إلى { $name }
desk-dash-nothing-waiting = لا شيء بالانتظار.
desk-dash-list-draft = المسودات
desk-dash-list-scheduled = المجدولة
desk-dash-list-published = المنشورة حديثًا
desk-dash-all-draft = كل المسودات
desk-dash-all-scheduled = كل المجدولة
desk-dash-all-published = كل المنشورة حديثًا
desk-dash-updated = حُدّث في { $when }
desk-dash-none = لا شيء.
desk-dash-comments-waiting = { $count ->
    [one] تعليق واحد بانتظار الإشراف
    [two] تعليقان بانتظار الإشراف
    [few] { $count } تعليقات بانتظار الإشراف
    [many] { $count } تعليقًا بانتظار الإشراف
   *[other] { $count } تعليق بانتظار الإشراف
}
desk-dash-no-comments = لا توجد تعليقات بانتظار الإشراف.
desk-dash-reads-now = { $count ->
    [zero] لا قراءات في آخر ٥ دقائق
    [one] قراءة واحدة في آخر ٥ دقائق
    [two] قراءتان في آخر ٥ دقائق
    [few] { $count } قراءات في آخر ٥ دقائق
   *[other] { $count } قراءة في آخر ٥ دقائق
}
# Follows the reads of the last minutes, in the same sentence.
desk-dash-reads-today = { $count ->
    [zero] ؛ ولا شيء اليوم
   *[other] ؛ و{ $count } اليوم
}
desk-dash-account = حسابك
desk-dash-elsewhere = هل سجّلت الدخول من مكان لم تعد تستخدمه؟
desk-dash-sign-out-elsewhere = تسجيل الخروج من كل مكان آخر

## People (people.html)
desk-people-added = تمت الإضافة.
desk-people-send-link = { $hours ->
    [few] أرسل إليه هذا الرابط الصالح لمرة واحدة ليختار كلمة مروره (يعمل { $hours } ساعات):
   *[other] أرسل إليه هذا الرابط الصالح لمرة واحدة ليختار كلمة مروره (يعمل { $hours } ساعة):
}
desk-people-invite-link = رابط الدعوة
desk-people-name = الاسم
desk-people-email = البريد الإلكتروني
desk-people-role = الدور
desk-people-can-sign-in = يستطيع الدخول
desk-people-you = (أنت)
desk-people-role-of = دور { $name }
desk-people-change = تغيير
desk-people-yes = نعم
desk-people-no = لا
desk-people-deactivate = تعطيل
desk-people-reactivate = إعادة التفعيل
desk-people-add-someone = إضافة شخص
desk-people-roles-hint = المساهمون يكتبون المسودات؛ والكتّاب ينشرون ما يكتبونه؛ والمحررون ينشرون أي شيء ويديرون الأقسام والوسوم والتعليقات؛ والمديرون يديرون كذلك الفريق والإعدادات.
desk-people-password-hint = اتركه فارغًا للحصول على رابط صالح لمرة واحدة يختار به كلمة مروره بنفسه.
desk-people-add = إضافة
# The email to someone added without a password (subject, then paragraphs).
desk-invite-subject = أُضفت إلى غرفة أخبار { $site }
desk-invite-greeting = مرحبًا { $name }،
desk-invite-added = أضافك { $admin } إلى غرفة أخبار { $site } بصفة { $role }.
    اختر كلمة مرورك بهذا الرابط خلال ٧٢ ساعة (يعمل مرة واحدة):

## Comment moderation (comments.html)
desk-comments-status = حالة التعليقات
desk-comments-tab-pending = بالانتظار
desk-comments-tab-spam = مزعجة
desk-comments-tab-approved = مقبولة
desk-comments-total-pending = { $count ->
    [zero] لا تعليقات بالانتظار.
    [one] تعليق واحد بالانتظار.
    [two] تعليقان بالانتظار.
    [few] { $count } تعليقات بالانتظار.
    [many] { $count } تعليقًا بالانتظار.
   *[other] { $count } تعليق بالانتظار.
}
desk-comments-total-spam = { $count ->
    [zero] لا تعليقات مزعجة.
    [one] تعليق مزعج واحد.
    [two] تعليقان مزعجان.
    [few] { $count } تعليقات مزعجة.
    [many] { $count } تعليقًا مزعجًا.
   *[other] { $count } تعليق مزعج.
}
desk-comments-total-approved = { $count ->
    [zero] لا تعليقات مقبولة.
    [one] تعليق مقبول واحد.
    [two] تعليقان مقبولان.
    [few] { $count } تعليقات مقبولة.
    [many] { $count } تعليقًا مقبولًا.
   *[other] { $count } تعليق مقبول.
}
desk-comments-with-ticked = للتعليقات المحددة
desk-comments-approve = قبول
desk-comments-mark-spam = وسمه بأنه مزعج
desk-comments-delete = حذف
desk-comments-apply = تطبيق
desk-comments-choose = تحديد تعليق { $name }
# Before the story's title: "· on [title]".
desk-comments-on = على
desk-comments-reply = رد
desk-comments-held-because = محتجز لأنه: { $reason }
desk-comments-spam = مزعج
desk-comments-back-to-waiting = إعادة إلى الانتظار
desk-comments-edit = تعديل النص
desk-comments-text = نص التعليق
desk-comments-save-text = حفظ النص
desk-comments-nothing = لا شيء هنا.
desk-comments-empty = لا يمكن أن يكون نص التعليق فارغًا؛ احذفه بدلًا من ذلك.
# Why a comment or a reader's message was held, after "Held because:" or "Held as spam:".
desk-reason-honeypot = ملأ حقل المصيدة المخفي الذي لا يراه البشر
desk-reason-forged = الختم الزمني للنموذج مزوّر
desk-reason-too-fast = أُرسل بعد { $age } ث من عرض الصفحة؛ ويحتاج البشر { $min } ث على الأقل
desk-reason-no-timestamp = أُرسل دون الختم الزمني لنموذج التعليق
desk-reason-no-contact-timestamp = أُرسل دون الختم الزمني لنموذج الاتصال
desk-reason-blocklist = يحتوي على «{ $entry }»، وهو في قائمة الحظر
desk-reason-links = { $count ->
    [one] يحتوي على رابط واحد؛ ويُحتجز ما فيه أكثر من { $max }
    [two] يحتوي على رابطين؛ ويُحتجز ما فيه أكثر من { $max }
    [few] يحتوي على { $count } روابط؛ ويُحتجز ما فيه أكثر من { $max }
    [many] يحتوي على { $count } رابطًا؛ ويُحتجز ما فيه أكثر من { $max }
   *[other] يحتوي على { $count } رابط؛ ويُحتجز ما فيه أكثر من { $max }
}
desk-reason-hold-all = كل تعليق يُحتجز للمراجعة (الإشراف: hold_all)
desk-reason-first = أول تعليق من عنوان البريد الإلكتروني هذا
desk-reason-no-email = بلا عنوان بريد إلكتروني، فعومل كتعليق أول

## Pages of a list
desk-pager = الصفحات
desk-pager-newer = → الأحدث
desk-pager-older = الأقدم ←

## Site settings (settings.html)
desk-settings-heading = إعدادات الموقع
# Around the file name newsdesk.toml.
desk-settings-win-over = ما يُحفظ هنا يسري فورًا ويتقدّم على
desk-settings-and-environment = ومتغيرات البيئة.
desk-settings-not-saved = لم يُحفظ: يُرجى تصحيح الحقول المشار إليها أدناه.
desk-settings-site-title = اسم الموقع
desk-settings-description = الوصف
desk-settings-timezone = المنطقة الزمنية
desk-settings-timezone-hint = اكتب للبحث في القائمة، مثل Cairo أو Amman؛ تُعرض تواريخ الموقع بحسبها.
desk-settings-per-page = عدد المقالات في الصفحة
desk-settings-moderation = الإشراف على التعليقات
desk-settings-moderation-hold_first_time = احتجاز أول تعليق لكل معلّق، ثم قبوله بعد ذلك
desk-settings-moderation-hold_all = احتجاز كل تعليق حتى يراجعه مشرف
desk-settings-moderation-approve_all = النشر فورًا ما لم تحتجزه قاعدة لمكافحة الإزعاج
desk-settings-authors-review = يرسل الكتّاب أخبارهم للمراجعة
desk-settings-authors-review-hint = المساهمون يفعلون ذلك دائمًا. عند التحديد، يرسل الكتّاب أيضًا أخبارهم إلى قائمة انتظار المحررين بدل نشرها بأنفسهم.
desk-settings-reactions = التفاعلات
desk-settings-reactions-hint = بالترتيب الذي يراه القراء. النوع هو الاسم المخزّن (بأحرف لاتينية صغيرة)؛ وتغيير التسمية يُبقي الأعداد. امسح النوع لحذف صفه؛ واملأ صفًا فارغًا لإضافة تفاعل.
desk-settings-kind = النوع
desk-settings-label = التسمية
desk-settings-emoji = الرمز
desk-settings-order = الترتيب
desk-settings-kind-row = النوع، الصف { $row }
desk-settings-label-row = التسمية، الصف { $row }
desk-settings-emoji-row = الرمز، الصف { $row }
desk-settings-order-row = الترتيب، الصف { $row }
desk-settings-save = حفظ الإعدادات
# Refusals shown under a setting.
desk-settings-not-number = «{ $value }» ليس عددًا صحيحًا.
desk-settings-per-page-range = { $value } ليس بين { $min } و{ $max }.
desk-settings-moderation-unknown = «{ $value }» ليس نمط إشراف.
desk-settings-timezone-unknown = «{ $value }» ليس اسم منطقة زمنية من IANA؛ استخدم اسمًا مثل Africa/Cairo أو Asia/Amman أو UTC.
desk-reactions-none = أبقِ تفاعلًا واحدًا على الأقل.
desk-reactions-too-many = عدد التفاعلات المدرجة { $count }؛ ويقدّم الموقع { $max } على الأكثر، لأن كل تفاعل زر أسفل كل مقال.
desk-reactions-twice = «{ $kind }» مدرج مرتين.
desk-reactions-kind = «{ $value }» ليس اسم تفاعل؛ استخدم حتى ٢٤ من الأحرف اللاتينية الصغيرة أو الأرقام أو - أو _.
desk-reactions-label = عدد أحرف تسمية «{ $kind }» { $count }؛ ويجب أن يكون بين ١ و{ $max } على سطر واحد.
desk-reactions-emoji = حجم رمز «{ $kind }» { $count } بايت؛ استخدم رمزًا واحدًا لا يتجاوز { $max } بايت، أو لا شيء.

## The audit log (audit.html)
desk-audit-when = متى
desk-audit-who = مَن
desk-audit-did = الإجراء
desk-audit-to = على
desk-audit-detail = التفاصيل
desk-audit-nothing = لا شيء بعد.
desk-audit-scheduler = المجدول
desk-audit-did-add-user = إضافة شخص
desk-audit-did-set-up-the-site = إعداد الموقع
desk-audit-did-change-settings = تغيير الإعدادات
desk-audit-did-change-role = تغيير الدور
desk-audit-did-deactivate-user = تعطيل شخص
desk-audit-did-reactivate-user = إعادة تفعيل شخص
desk-audit-did-publish = نشر
desk-audit-did-schedule = جدولة
desk-audit-did-unpublish = إلغاء النشر
desk-audit-did-unschedule = إلغاء الجدولة
desk-audit-did-create-draft = إنشاء مسودة
desk-audit-did-delete-article = حذف مقال
desk-audit-did-edit-published = تعديل بعد النشر
desk-audit-did-restore-revision = استعادة نسخة
desk-audit-did-submit-for-review = إرسال للمراجعة
desk-audit-did-send-back = إعادة إلى الكاتب
desk-audit-did-assign = إسناد
desk-audit-did-add-note = إضافة ملاحظة
desk-audit-did-share-preview = مشاركة معاينة
desk-audit-did-revoke-preview = سحب معاينة
desk-audit-did-label-article = وسم مقال
desk-audit-did-change-labels = تغيير الوسوم
desk-audit-did-arrange-front-page = ترتيب الصفحة الأولى
desk-audit-did-set-breaking-news = وضع خبر عاجل
desk-audit-did-clear-breaking-news = إزالة الخبر العاجل
desk-audit-did-moderate-comments = الإشراف على التعليقات
desk-audit-did-merge-tag = دمج وسم
desk-audit-did-delete-tag = حذف وسم
desk-audit-did-delete-section = حذف قسم
desk-audit-did-delete-author = حذف كاتب
desk-audit-did-link-byline = ربط توقيع
desk-audit-did-delete-photo = حذف صورة
desk-audit-did-create-page = إنشاء صفحة
desk-audit-did-edit-page = تعديل صفحة
desk-audit-did-delete-page = حذف صفحة
desk-audit-did-change-menu = تغيير قائمة
desk-audit-did-create-integration = إنشاء تكامل
desk-audit-did-revoke-integration = إلغاء تكامل
desk-audit-did-delete-live-entry = حذف تحديث مباشر
desk-audit-did-end-live-blog = إنهاء التغطية المباشرة
desk-audit-did-reopen-live-blog = استئناف التغطية المباشرة
desk-audit-did-change-identity = تغيير الهوية
desk-audit-did-set-logo = تعيين الشعار
desk-audit-did-change-sections-without-ads = تغيير الأقسام الخالية من الإعلانات
desk-audit-did-change-ad-slot = تغيير موضع الإعلان { $place }
desk-audit-article = مقال «{ $title }» (#{ $id })
desk-audit-article-named = مقال «{ $name }»
desk-audit-page = صفحة «{ $name }»
desk-audit-page-at = صفحة «{ $title }» ({ $path })
desk-audit-section = قسم «{ $name }»
desk-audit-tag = وسم «{ $name }»
desk-audit-author = كاتب «{ $name }»
desk-audit-user = الشخص { $email }
desk-audit-integration = التكامل { $name }
desk-audit-photo = الصورة #{ $id } «{ $alt }»
desk-audit-comments = { $count ->
    [one] تعليق واحد
    [two] تعليقان
    [few] { $count } تعليقات
    [many] { $count } تعليقًا
   *[other] { $count } تعليق
}
desk-audit-menu-header = القائمة العلوية
desk-audit-menu-footer = قائمة التذييل
desk-audit-subject-site-settings = إعدادات الموقع
desk-audit-subject-the-front-page = الصفحة الأولى
desk-audit-subject-the-banner = شريط الأخبار العاجلة
desk-audit-subject-site-identity-and-ads = هوية الموقع والإعلانات
desk-audit-subject-story-labels = وسوم الأخبار
desk-audit-detail-first-admin = المدير الأول
desk-audit-detail-no-label = بلا وسم
desk-audit-detail-no-placed-stories = لا أخبار موضوعة
desk-audit-as = بصفة { $role }
desk-audit-for = في { $when }
desk-audit-until = حتى { $when }
desk-audit-merged-into = دُمج في «{ $name }»
desk-audit-entries = { $count ->
    [zero] لا عناصر
    [one] عنصر واحد
    [two] عنصران
    [few] { $count } عناصر
    [many] { $count } عنصرًا
   *[other] { $count } عنصر
}
desk-audit-restored = استُعيدت النسخة { $from } بوصفها النسخة { $to }
desk-audit-to-nobody = إلى لا أحد
desk-audit-to-someone = إلى { $name }
desk-audit-bulk-approve = قبول: { $list }
desk-audit-bulk-spam = وسم كمزعج: { $list }
desk-audit-bulk-delete = حذف: { $list }
desk-audit-key-ending = مفتاح ينتهي بـ{ $hint }
desk-audit-link = الرابط #{ $id }
desk-audit-link-until = الرابط #{ $id } صالح حتى { $when }
desk-audit-lead = الخبر الرئيسي: #{ $id }
desk-audit-top = أهم الأخبار { $position }: #{ $id }
desk-audit-body-words = النص: { $removed ->
    [zero] لم تُحذف كلمات
    [one] حُذفت كلمة واحدة
    [two] حُذفت كلمتان
    [few] حُذفت { $removed } كلمات
    [many] حُذفت { $removed } كلمة
   *[other] حُذفت { $removed } كلمة
}، { $added ->
    [zero] ولم تُضف كلمات
    [one] وأُضيفت كلمة واحدة
    [two] وأُضيفت كلمتان
    [few] وأُضيفت { $added } كلمات
    [many] وأُضيفت { $added } كلمة
   *[other] وأُضيفت { $added } كلمة
}
desk-audit-changed = { $what }: «{ $old }» ← «{ $new }»
desk-audit-through-api = { $changes } (عبر واجهة API)
desk-audit-field-headline = العنوان
desk-audit-field-site-title = اسم الموقع
desk-audit-field-description = الوصف
desk-audit-field-time-zone = المنطقة الزمنية
desk-audit-field-articles-per-page = عدد المقالات في الصفحة
desk-audit-field-comment-moderation = الإشراف على التعليقات
desk-audit-field-reactions = التفاعلات

## Readers' messages (messages.html, message.html)
desk-messages-intro = ما أرسله القراء عبر نموذج الاتصال. عناوينهم للرد عليهم فقط: لا تُعرض على الموقع أبدًا.
desk-messages-new = جديدة
desk-messages-held-as-spam = محتجزة كرسالة مزعجة
desk-messages-pages = صفحات الرسائل
desk-messages-newer = الأحدث
desk-messages-older = الأقدم
desk-messages-none = لا رسائل بعد.
desk-messages-where = إلى أين تُرسل الرسائل
# Around the setting's name smtp_url: "No SMTP relay is configured" (smtp_url) ", so ...".
desk-messages-no-relay = لم يُضبط خادم ترحيل SMTP
desk-messages-only-here = ، لذا تُحفظ الرسائل هنا فقط.
desk-messages-address = عنوان البريد الإلكتروني
desk-messages-address-hint = تُرسل كل رسالة إلى هذا العنوان أيضًا، مع عنوان القارئ للرد عليه. اتركه فارغًا لتبقى الرسائل في غرفة الأخبار فقط.
desk-messages-save = حفظ
desk-message-title = رسالة من { $name }
desk-message-all = كل الرسائل
# Before the sender's name and address.
desk-message-from = من
desk-message-held = محتجزة كرسالة مزعجة: { $reason }. لم تُرسل بالبريد الإلكتروني.
desk-message-delete = حذف…
desk-message-delete-title = حذف الرسالة من { $name }؟
desk-message-delete-consequence = ستختفي من غرفة الأخبار نهائيًا؛ أما البريد المرسل سابقًا فيبقى في صندوق الوارد.
desk-message-delete-button = حذف الرسالة
