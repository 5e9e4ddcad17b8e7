# رسائل غرفة الأخبار الإلكترونية، بلغة الموقع.

## What the newsroom's scripts show (admin.js)
js-upload-refused = رُفض الرفع ({ $status }).
js-upload-offline = لم يصل الرفع إلى الخادم. تحقق من الاتصال وحاول مجددًا.
js-no-alt = لا يوجد نص بديل بعد
js-no-photo-matches = لا توجد صورة تطابق «{ $query }».
js-uploading = جارٍ رفع { $name }…
js-uploaded = تم الرفع: { $width }×{ $height } بكسل، بـ{ $sizes } مقاسات.
js-bold-words = كلمات بخط عريض
js-italic-words = كلمات بخط مائل
js-link-prompt = رابط إلى أي عنوان؟ (https://…)
js-link-text = نص الرابط
js-quotation-text = اقتباس
js-list-item = عنصر
js-embed-prompt = عنوان منشور YouTube أو Vimeo أو X أو Facebook أو Instagram أو TikTok:
js-formatting = التنسيق
js-tool-bold-key = غ
js-tool-bold = عريض
js-tool-italic-key = م
js-tool-italic = مائل
js-tool-heading-key = ع
js-tool-heading = عنوان فرعي
js-tool-link = رابط
js-tool-quote = اقتباس
js-tool-list = قائمة
js-tool-photo-key = صورة
js-tool-photo = صورة من المكتبة
js-tool-embed-key = تضمين
js-tool-embed = تضمين فيديو أو منشور
js-search-library = ابحث في المكتبة
js-search-photos = ابحث في مكتبة الصور
js-describe-photo = صِف الصورة
js-preview-failed = تعذّر إعداد المعاينة الآن.
js-not-autosaved = لم يُحفظ تلقائيًا.
js-autosave-off = الحفظ التلقائي متوقف؛ نصك ما زال هنا لتنسخه.
js-autosave-paused = الحفظ التلقائي معلّق: اضغط حفظ لترى النسختين.
js-autosaved = حُفظت المسودة تلقائيًا في { $time }.
js-autosave-offline = لم يُحفظ تلقائيًا: تعذّر الوصول إلى الخادم. نصك ما زال هنا.

## The frame of every newsroom page
nr-newsroom = غرفة الأخبار
nr-skip = انتقل إلى المحتوى
nr-menu = القائمة
nr-nav-dashboard = لوحة التحكم
nr-nav-articles = المقالات
nr-nav-media = الوسائط
nr-nav-stats = الأرقام
nr-nav-front = الصفحة الأولى
nr-nav-comments = التعليقات
nr-nav-sections = الأقسام
nr-nav-tags = الوسوم
nr-nav-authors = الكتّاب
nr-nav-pages = الصفحات
nr-nav-people = الفريق
nr-nav-settings = الإعدادات
nr-nav-menus = القوائم
nr-nav-messages = الرسائل
nr-nav-identity = الهوية
nr-nav-ads = الإعلانات
nr-nav-integrations = التكاملات
nr-nav-audit = سجل التدقيق
nr-view-site = عرض الموقع
nr-sign-out = تسجيل الخروج

## Roles and a story's state
role-admin = مدير
role-editor = محرر
role-author = كاتب
role-contributor = مساهم
status-draft = مسودة
status-review = قيد المراجعة
status-scheduled = مجدول
status-published = منشور

## A field the newsroom refused, shown under it
field-required = هذا الحقل مطلوب.
field-too-long = طوله { $count } حرفًا؛ والحد الأقصى { $limit }.
field-nul = يحتوي على محرف NUL؛ اكتبه من جديد أو الصقه نصًا عاديًا.
field-slug = «{ $value }» لا يقبل إلا أحرفًا لاتينية صغيرة وأرقامًا وشرطات مفردة بينها، مثل city-council-votes.
field-email = «{ $value }» ليس عنوان بريد إلكتروني.
field-url-long = هذا العنوان أطول من ٢٬٠٠٠ حرف.
field-url-spaces = لا يجوز أن يحتوي العنوان على مسافات أو علامات جدولة أو أسطر جديدة.
field-url-backslash = لا يجوز أن يحتوي العنوان على شرطة مائلة عكسية (\): تقرؤها المتصفحات كأنها /، ما قد يقود القراء إلى موقع آخر. استخدم / في المسارات.
field-url-other-site = العنوان الذي يبدأ بـ // يشير إلى موقع آخر: اكتب مسارًا في هذا الموقع يبدأ بـ / واحدة (مثل /media/photo-640.jpg)، أو عنوان https:// كاملًا.
field-url-no-host = لا يوجد اسم خادم بعد البروتوكول: اكتبه هكذا https://example.com/photo.jpg.
field-url-kind = اكتب عنوان http(s)، أو مسارًا في هذا الموقع يبدأ بـ /.
field-language = «{ $value }» ليس رمز لغة؛ استخدم حرفين أو ثلاثة، مثل sw أو fr أو ar.
field-role = «{ $value }» ليس دورًا؛ اختر مديرًا أو محررًا أو كاتبًا أو مساهمًا.

## The short confirmation after a change
notice-saved = تم الحفظ.
notice-created = تم الإنشاء.
notice-deleted = تم الحذف.
notice-restored = استُعيدت النسخة السابقة بوصفها نسخة جديدة.
notice-merged = دُمجت الوسوم.
notice-moderated = حُدّث التعليق.
notice-signed-out-elsewhere = سُجّل خروجك من كل مكان آخر.
notice-password = عُيّنت كلمة مرورك الجديدة. سجّل الدخول بها.
notice-settings = حُفظت الإعدادات وأصبحت سارية.
notice-uploaded = تم الرفع. أضف نصًا بديلًا ونسبة وتعليقًا إن لم تكن لها بعد.
notice-revoked = أُلغي التكامل؛ لم يعد مفتاحه يعمل.
notice-submitted = أُرسل للمراجعة: إنه في قائمة انتظار المحررين.
notice-sent-back = أُعيد إلى كاتبه مع ملاحظتك.
notice-assigned = حُفظ تكليف الخبر.
notice-noted = أُضيفت ملاحظتك. لا يرى القراء الملاحظات أبدًا.
notice-corrected = الملاحظة منشورة على الخبر ليراها القراء.
notice-amended = عُدّلت الملاحظة؛ وصيغتها السابقة محفوظة في سجلها.
notice-shared = أُنشئ رابط معاينة: يعمل مدة 48 ساعة أو حتى تسحبه.
notice-withdrawn = سُحب رابط المعاينة؛ لم يعد يُفتح.
notice-posted = نُشر: يراه الآن القراء الذين يفتحون الخبر.
notice-entry-saved = حُفظ التحديث؛ تعرض الصفحات المفتوحة النص الجديد.
notice-entry-deleted = حُذف التحديث؛ واختفى من الصفحات المفتوحة أيضًا.
notice-ended = انتهت التغطية المباشرة: يرى القراء أنها مغلقة.
notice-reopened = عادت التغطية المباشرة.

## إعادة تعيين كلمة المرور
email-reset-subject = أعد تعيين كلمة مرورك في { $site }
email-reset-greeting = مرحبًا { $name }،
email-reset-asked = طلب أحدهم إعادة تعيين كلمة مرورك في غرفة أخبار { $site }.
    لاختيار كلمة جديدة، افتح هذا الرابط خلال ساعة (يعمل مرة واحدة):
email-reset-ignore = إن لم تكن أنت، فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.

## رسالة من قارئ
email-contact-subject = { $site }: رسالة من { $name }
email-contact-wrote = كتب { $name } <{ $email }> عبر النموذج في «{ $page }»:
email-contact-answer = للرد، أجب على هذه الرسالة. تُحفظ كل رسالة أيضًا في غرفة الأخبار، تحت «الرسائل».

## مكتب المراجعة
email-review-waiting-subject = بانتظار المراجعة: { $title }
email-review-waiting = أرسل { $name } «{ $title }» للمراجعة.
email-review-waiting-action = اقرأه أو انشره أو أعده مع ملاحظة:
email-review-returned-subject = أُعيد إليك: { $title }
email-review-returned = أعاد { $name } إليك «{ $title }»:
