# The newsroom: library.
# مكتبة الصور، والأقسام والوسوم والكتّاب، وصفحات الموقع، والقوائم، والتأكيد قبل حذف أي شيء.

## Shared words
lib-save = حفظ
lib-cancel = إلغاء
lib-delete = حذف
lib-delete-ellipsis = حذف…
lib-yes = نعم
lib-no = لا
lib-none = (لا يوجد)
lib-none-yet = لا يوجد شيء بعد.
lib-pager = الصفحات
lib-newer = → الأحدث
lib-older = الأقدم ←
lib-col-name = الاسم
lib-col-address = العنوان
lib-col-articles = المقالات
lib-col-title = العنوان الرئيسي
lib-col-contact-form = نموذج التواصل
lib-col-updated = آخر تحديث
lib-col-version = النسخة
lib-col-saved = تاريخ الحفظ
lib-col-by = بواسطة
lib-col-words = الكلمات

## The media library (/admin/media)
lib-media = الوسائط
lib-media-upload-title = رفع صورة
lib-media-file = صورة (JPEG أو PNG أو WebP أو GIF، حتى { $mib } ميغابايت)
lib-media-file-hint = تُزال بيانات الموقع والكاميرا من كل المقاسات التي تصل إلى القراء.
lib-media-alt = النص البديل
lib-media-alt-hint-upload = ما تُظهره الصورة، للقراء الذين لا يستطيعون رؤيتها. مطلوب قبل أن تتصدّر الصورة مقالًا.
lib-media-credit = المصدر
lib-media-credit-hint = يظهر هكذا: «تصوير: <المصدر>.»
lib-media-caption = التعليق
lib-media-upload = رفع
lib-media-search-label = ابحث في النصوص البديلة والمصادر والتعليقات
lib-media-search = بحث
lib-media-no-alt = لا يوجد نص بديل بعد
lib-media-none = لا توجد صور.
lib-media-none-match = لا توجد صور تطابق «{ $q }».
lib-media-refused = رُفض الرفع.
lib-media-too-big = الصورة أكبر مما تقبله غرفة الأخبار هذه. يمكن أن يصل حجم الصورة إلى { $mib } ميغابايت: صغّرها ثم ارفعها من جديد.

## An upload the library refused
lib-media-empty = الملف فارغ. اختر صورة لرفعها.
lib-media-too-large = حجم الملف { $size }، والحد الأقصى { $limit }. صغّره ثم ارفعه من جديد.
lib-media-not-image = هذا الملف ليس صورة JPEG أو PNG أو WebP أو GIF: فُحص محتواه لا اسمه. لا يمكن رفع ملفات SVG وHTML والمستندات والملفات المضغوطة.
lib-media-too-many-pixels = أبعاد الصورة { $width }×{ $height } بكسل ({ $megapixels } ميغابكسل)، والحد الأقصى { $limit } ميغابكسل. صغّر أبعادها ثم ارفعها من جديد.
lib-media-unreadable = تعذّرت قراءة الصورة: ربما تكون ناقصة أو تالفة. صدّرها من جديد وارفع الملف الجديد.
lib-media-too-tall = أبعاد الصورة { $width }×{ $height } بكسل: إذا عُرضت بعرض { $shown_width } بكسل فسيبلغ ارتفاعها { $shown_height } بكسل، وأقصى ارتفاع لصور الويب { $limit }. اقتصّها ثم ارفعها من جديد.
lib-media-incomplete = توقف الرفع قبل اكتماله ({ $reason }).
lib-media-no-file = أرسل الصورة في حقل multipart باسم `file`.
lib-media-alt-too-long = النص البديل أطول من { $limit } حرف.

## One photo (/admin/media/ID)
lib-photo = صورة
lib-photo-number = الصورة رقم { $id }
lib-media-all = كل الوسائط
lib-photo-details = { $width }×{ $height } بكسل · رُفعت في { $at }
lib-photo-details-by = { $width }×{ $height } بكسل · رفعها { $name } في { $at }
lib-photo-address = العنوان الذي يُستخدم في المقال
lib-photo-sizes = المقاسات:
lib-photo-used-in = مستخدمة في:
lib-photo-unused = لم تُستخدم في أي مقال بعد.
lib-photo-no-alt = ليس لهذه الصورة نص بديل بعد. أضفه قبل استخدامها في مقال.
lib-photo-alt-hint = ما تُظهره الصورة، للقراء الذين لا يستطيعون رؤيتها.
lib-photo-delete = حذف هذه الصورة…
lib-photo-alt-is = النص البديل: { $value }
lib-photo-credit-is = المصدر: { $value }
lib-photo-caption-is = التعليق: { $value }
lib-photo-only-uploader = لا يغيّرها إلا من رفعها أو أحد المحررين.

## Sections, tags and authors (/admin/sections, /admin/tags, /admin/authors)
lib-sections = الأقسام
lib-tags = الوسوم
lib-authors = الكتّاب
lib-add-section = إضافة قسم
lib-add-tag = إضافة وسم
lib-add-author = إضافة كاتب
lib-add-the-section = أضف القسم
lib-add-the-tag = أضف الوسم
lib-add-the-author = أضف الكاتب
lib-edit-section = تعديل القسم
lib-edit-tag = تعديل الوسم
lib-edit-author = تعديل الكاتب
lib-edit-section-named = تعديل القسم: { $name }
lib-edit-tag-named = تعديل الوسم: { $name }
lib-edit-author-named = تعديل الكاتب: { $name }
lib-view-on-site = عرض على الموقع
lib-all-sections = كل الأقسام
lib-all-tags = كل الوسوم
lib-all-authors = كل الكتّاب
lib-field-name = الاسم
lib-field-slug = المعرّف في العنوان
lib-field-slug-hint = جزء من العنوان. إذا غيّرته يبقى العنوان القديم صالحًا ويحوّل القارئ إلى هنا.
lib-field-description = الوصف
lib-field-parent = القسم الأم
lib-field-parent-hint = عنوان صفحة القسم الفرعي من الشكل ‎/section/PARENT/SLUG‎؛ وصفحة القسم الأم تضم أخباره.
lib-field-parent-none = لا شيء: قسم رئيسي
lib-field-position = الترتيب في القائمة
lib-field-position-hint = الأصغر أولًا؛ وكتل الصفحة الرئيسية تتبع الترتيب نفسه.
lib-field-position-not-number = «{ $value }» ليس عددًا صحيحًا
lib-field-on-home = العرض في الصفحة الرئيسية
lib-field-on-home-yes = نعم، ككتلة من الأخبار
lib-field-block-style = شكل الكتلة
lib-field-block-lead-list = خبر رئيسي وقائمة: خبر واحد بصورة ثم عناوين
lib-field-block-grid = شبكة: أربعة أخبار بصورها
lib-field-block-list = قائمة: عناوين فقط
lib-field-colour = اللون
lib-field-colour-hint = اختياري، مثل ‎#a4161a‎: لون العنوان التمهيدي للقسم وخط كتلته.
lib-field-edition = الطبعة
lib-field-edition-hint = اتركه فارغًا للغة الموقع نفسها. رمز لغة (sw أو fr أو ar...) يضع القسم وأخباره في طبعة تلك اللغة، على ‎/CODE/‎.
lib-field-bio = نبذة
lib-field-photo-url = رابط الصورة
lib-field-photo-url-hint = عنوان يبدأ بـ https://‎ أو مسار على هذا الموقع.
lib-tag-merge-title = الدمج في وسم آخر
lib-tag-merge-intro = كل مقال يحمل هذا الوسم يأخذ الوسم الآخر بدلًا منه، ثم يحوَّل عنوان هذا الوسم إليه.
lib-tag-merge-into = الدمج في
lib-tag-choose = اختر وسمًا
lib-tag-merge = دمج
lib-tag-merge-choose = اختر الوسم الذي يُدمج فيه هذا الوسم
lib-author-person-title = العضو في غرفة الأخبار
lib-author-person-intro = العضو الذي يكتب باسم هذا التوقيع: يُقترح عليه أولًا عندما يكتب.
lib-author-person = العضو
lib-author-nobody = لا أحد (توقيع ضيف أو وكالة)
lib-author-person-option = { $name } ({ $email })
lib-author-person-option-inactive = { $name } ({ $email })، معطَّل
lib-author-person-save = حفظ الربط
lib-delete-this-section = حذف هذا القسم…
lib-delete-this-tag = حذف هذا الوسم…
lib-delete-this-author = حذف هذا الكاتب…
lib-delete-told = سيُعرض عليك أولًا ما سيحدث.

## The site's pages (/admin/pages)
lib-pages = الصفحات
lib-page-new = صفحة جديدة
lib-pages-intro-start = صفحات الموقع الخاصة: من نحن، واتصل بنا، والخصوصية، وسياسة التصحيح… لكل منها عنوانها، وهي مدرجة في خريطة الموقع لا في الخلاصات ولا في البحث عن المقالات، ويمكن الربط إليها من
lib-pages-intro-menus = قوائم
lib-pages-intro-end = الترويسة أو التذييل (يضبطها المشرفون).
lib-pages-none = لا توجد صفحات بعد.

## A page's editor
lib-page-edit = تعديل «{ $title }»
lib-page-view = عرض الصفحة
lib-page-revisions = النسخ السابقة
lib-page-all = كل الصفحات
lib-page-not-saved = لم تُحفظ الصفحة. صحّح الحقول المعلَّمة من فضلك؛ لم يضِع شيء مما كتبته.
lib-page-title = العنوان
lib-page-slug-hint = تظهر الصفحة على عنوان مثل ‎/about-us‎. حروف لاتينية صغيرة وأرقام وشرطات؛ يُصنع من العنوان إذا تُرك فارغًا. إذا تغيّر العنوان يبقى القديم يعمل ويحوّل إلى الجديد.
lib-page-text = النص
lib-page-text-hint = ماركداون: ## لعنوان فرعي، و**غامق**، و[رابط](https://…)، و> للاقتباس.
lib-page-contact-form = إظهار نموذج التواصل تحت النص (تصل الرسائل إلى «الرسائل»، وبالبريد الإلكتروني إذا ضُبط)
lib-page-seo = البحث والمشاركة
lib-page-seo-title = العنوان في محركات البحث
lib-page-seo-title-hint = تعرضه محركات البحث بدلًا من العنوان (حتى { $limit } حرف).
lib-page-seo-description = الوصف في محركات البحث
lib-page-seo-description-hint = جملة أو جملتان (حتى { $limit } حرف).
lib-page-create = إنشاء الصفحة
lib-page-conflict = غيّر شخص آخر هذه الصفحة (هي الآن النسخة { $current }) منذ فتح النسخة { $loaded }؛ لم يُستبدل شيء، ونصك محفوظ بين نسخ الصفحة.
lib-page-slug-reserved = «{ $slug }» عنوان يستخدمه الموقع نفسه (‎/{ $slug })؛ اختر معرّفًا آخر، مثل «{ $slug }-page» أو «about-{ $slug }»
lib-page-slug-taken = «{ $slug }» معرّف صفحة أخرى؛ اختر غيره

## A page's revisions
lib-revisions-title = النسخ: { $title }
lib-revisions-heading = نسخ «{ $title }»
lib-revisions-back = العودة إلى المحرر
lib-revisions-intro = كل حفظ محفوظ، مع من قام به ومتى. والحفظ الذي رُفض لأن شخصًا آخر حفظ قبله يُحفظ أيضًا، وعليه علامة «تعارض»، حتى لا تضيع أي كلمة. الاستعادة تعيد كلمات نسخة ما بوصفها نسخة جديدة.
lib-revisions-conflict = تعارض
lib-revisions-current = الحالية
lib-revisions-restore = استعادة
lib-revisions-restore-version = النسخة { $version }

## The header and footer menus (/admin/menus)
lib-menus = القوائم
lib-menus-intro-start = تقود العناصر إلى قسم، أو إحدى
lib-menus-intro-pages = صفحات
lib-menus-intro-end = { " " }الموقع، أو رابط (عنوان يبدأ بـ https://‎ أو مسار على هذا الموقع يبدأ بـ /). غيّر الأرقام أو استخدم الأسهم لإعادة الترتيب؛ يظهر التغيير في كل الصفحات فورًا.
lib-menu-header = قائمة الترويسة
lib-menu-header-hint = تحت اسم الصحيفة في كل صفحة. إلى أن تُحفظ، تعرض الأقسام بترتيبها.
lib-menu-header-refused = لم تُحفظ قائمة الترويسة. صحّح العناصر المعلَّمة من فضلك؛ لم يضِع شيء مما كتبته.
lib-menu-header-save = حفظ قائمة الترويسة
lib-menu-footer = قائمة التذييل
lib-menu-footer-hint = في تذييل كل صفحة: صفحات من نحن واتصل بنا والخصوصية، وسياسة التصحيح…
lib-menu-footer-refused = لم تُحفظ قائمة التذييل. صحّح العناصر المعلَّمة من فضلك؛ لم يضِع شيء مما كتبته.
lib-menu-footer-save = حفظ قائمة التذييل
lib-menu-entry = العنصر { $n }
lib-menu-entry-named = العنصر { $n }: { $label }
lib-menu-position = الترتيب
lib-menu-move-up = نقل العنصر { $n } إلى الأعلى
lib-menu-move-down = نقل العنصر { $n } إلى الأسفل
lib-menu-remove = إزالة
lib-menu-add = إضافة عنصر
lib-menu-leads-to = يقود إلى
lib-menu-nothing = لا شيء (بلا عنصر جديد)
lib-menu-sections = الأقسام
lib-menu-pages = الصفحات
lib-menu-link = رابط (العنوان أدناه)
lib-menu-label = التسمية
lib-menu-label-hint = اسم القسم أو الصفحة نفسه إذا تُركت فارغة؛ والرابط يحتاج إلى تسمية.
lib-menu-address = العنوان (للروابط فقط)

## A menu the newsroom refused
lib-menu-too-many = تتسع القائمة لـ { $limit } عنصرًا على الأكثر، وفي هذه { $count }
lib-menu-link-needs-label = الرابط يحتاج إلى تسمية تظهر للقراء
lib-menu-section-gone = هذا القسم لم يعد موجودًا
lib-menu-page-gone = هذه الصفحة لم تعد موجودة
lib-menu-target-unknown = «{ $value }» ليس شيئًا تقود إليه القائمة؛ اختر قسمًا أو صفحة أو رابطًا
lib-menu-scheme-refused = العناوين من نوع { $scheme }: مرفوضة (قد تشغّل شيفرة أو تخرج من الويب)؛ استخدم عنوان http(s) أو مسارًا على هذا الموقع يبدأ بـ /

## Before something is deleted
lib-confirm-delete-section = حذف القسم «{ $name }»؟
lib-confirm-delete-tag = حذف الوسم «{ $name }»؟
lib-confirm-delete-author = حذف الكاتب «{ $name }»؟
lib-delete-the-section = احذف القسم
lib-delete-the-tag = احذف الوسم
lib-delete-the-author = احذف الكاتب
lib-confirm-section-used = { $count ->
    [zero] لا مقالات مصنفة تحته.
    [one] مقال واحد مصنف تحته، لذا لا يمكن حذفه بعد: انقله إلى قسم آخر أولًا.
    [two] مقالان مصنفان تحته، لذا لا يمكن حذفه بعد: انقلهما إلى قسم آخر أولًا.
    [few] { $count } مقالات مصنفة تحته، لذا لا يمكن حذفه بعد: انقلها إلى قسم آخر أولًا.
    [many] { $count } مقالًا مصنفًا تحته، لذا لا يمكن حذفه بعد: انقلها إلى قسم آخر أولًا.
   *[other] { $count } مقال مصنف تحته، لذا لا يمكن حذفه بعد: انقلها إلى قسم آخر أولًا.
}
lib-confirm-section-unused = لا مقالات مصنفة تحته. ستجيب صفحته بـ«غير موجود».
lib-confirm-tag-used = { $count ->
    [zero] لن يفقد أي مقال هذا الوسم.
    [one] سيفقد مقال واحد هذا الوسم؛ ويبقى المقال نفسه كما هو.
    [two] سيفقد مقالان هذا الوسم؛ ويبقى المقالان نفساهما كما هما.
    [few] ستفقد { $count } مقالات هذا الوسم؛ وتبقى المقالات نفسها كما هي.
    [many] سيفقد { $count } مقالًا هذا الوسم؛ وتبقى المقالات نفسها كما هي.
   *[other] سيفقد { $count } مقال هذا الوسم؛ وتبقى المقالات نفسها كما هي.
}
lib-confirm-tag-page = ستجيب صفحته وخلاصاته بـ«غير موجود». لإبقاء عنوانه صالحًا، ادمجه في وسم آخر بدلًا من ذلك.
lib-confirm-author-used = { $count ->
    [zero] ليس له توقيع على أي مقال.
    [one] يحمل توقيعه مقال واحد، لذا لا يمكن حذفه بعد: غيّر هذا التوقيع أولًا.
    [two] يحمل توقيعه مقالان، لذا لا يمكن حذفه بعد: غيّر هذين التوقيعين أولًا.
    [few] يحمل توقيعه { $count } مقالات، لذا لا يمكن حذفه بعد: غيّر هذه التوقيعات أولًا.
    [many] يحمل توقيعه { $count } مقالًا، لذا لا يمكن حذفه بعد: غيّر هذه التوقيعات أولًا.
   *[other] يحمل توقيعه { $count } مقال، لذا لا يمكن حذفه بعد: غيّر هذه التوقيعات أولًا.
}
lib-confirm-author-unused = ليس له توقيع على أي مقال، فلن يتغير أي مقال.
lib-confirm-author-page = ستجيب صفحته وخلاصته بـ«غير موجود».
lib-confirm-delete-photo = حذف الصورة «{ $name }»؟
lib-delete-the-photo = احذف الصورة
lib-confirm-photo-unused = لا يستخدمها أي مقال. ستُزال ملفاتها وتتوقف عناوينها عن العمل.
lib-confirm-photo-used = لا يمكن حذفها ما دامت مقالات تستخدمها: { $titles }. أزلها منها أولًا.
lib-confirm-delete-page = حذف الصفحة «{ $title }»؟
lib-delete-the-page = احذف الصفحة
lib-confirm-page-address = عنوانها، ‎{ $path }‎، سيجيب بـ«غير موجود» من الآن، وستحذف القوائم رابطها.
lib-confirm-page-revisions = تُحذف نسخها معها؛ ولا يمكن التراجع عن ذلك.
