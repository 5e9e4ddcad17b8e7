# The newsroom: site.

## The front page desk (/admin/front)
adm-front-title = الصفحة الأولى
adm-front-view-home = عرض الصفحة الرئيسية
adm-front-slots = المواضع كما يراها القرّاء
adm-front-slots-hint = يبقى الخبر المثبَّت في موضعه حتى تنقله أو تزيله أو تنتهي مدته؛ ولا تدفعه الأخبار الأحدث إلى الأسفل. وتعرض المواضع الفارغة أحدث الأخبار.
adm-front-lead = الخبر الرئيسي
adm-front-placed = مثبَّت
adm-front-placed-until = مثبَّت حتى { $until }
adm-front-newest = الأحدث
adm-front-remove-lead = إزالة من الخبر الرئيسي
adm-front-no-stories = لا توجد أخبار منشورة بعد.
adm-front-top = أبرز الأخبار
adm-front-up = لأعلى
adm-front-down = لأسفل
adm-front-which = : { $title }
adm-front-make-lead = اجعله الخبر الرئيسي
adm-front-remove = إزالة
adm-front-drag-hint = يمكنك أيضًا سحب أبرز الأخبار لإعادة ترتيبها.
adm-front-release = تحرير كل المواضع (الأحدث أولًا)
adm-front-place = تثبيت خبر
adm-front-search-label = البحث في العناوين
adm-front-search = بحث
adm-front-matching = الأخبار المنشورة المطابقة لـ«{ $words }».
adm-front-newest-stories = أحدث الأخبار المنشورة.
adm-front-keep-for = مدة التثبيت
adm-front-until-moved = حتى يُنقل
adm-front-hours = { $count ->
    [zero] { $count } ساعة
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $count } ساعات
    [many] { $count } ساعة
   *[other] { $count } ساعة
}
adm-front-a-day = يوم واحد
adm-front-as-lead = رئيسي
adm-front-as-top = من الأبرز
adm-front-breaking-for = { $count ->
    [zero] عاجل ({ $count } ساعة)
    [one] عاجل (ساعة واحدة)
    [two] عاجل (ساعتان)
    [few] عاجل ({ $count } ساعات)
    [many] عاجل ({ $count } ساعة)
   *[other] عاجل ({ $count } ساعة)
}
adm-front-label-for = شارة { $title }
adm-front-no-label = بلا شارة
adm-front-set-label = تعيين الشارة
adm-front-no-match = لا يوجد خبر منشور مطابق.
adm-front-breaking = الأخبار العاجلة
adm-front-up-now = المعروض الآن:
adm-front-up-until = ، حتى
adm-front-take-down = إنزال الشريط
adm-front-no-banner = لا يوجد شريط عاجل الآن. استخدم «عاجل» بجانب أي خبر لعرضه مدة ساعتين.
adm-front-labels = الشارات
adm-front-labels-standard = في كل موقع: { $labels }. وتضيف «{ $sponsored }» أيضًا سطر إفصاح إلى المقال.
adm-front-own-labels = شارات هذا الموقع الخاصة، واحدة في كل سطر
adm-front-save-labels = حفظ الشارات

## The numbers (/admin/stats)
adm-stats-title = الأرقام
adm-stats-own = قرّاء أخبارك.
adm-stats-about = الأوقات بتوقيت { $zone }. تُحسب القراءات دون ملفات تعريف ارتباط أو عناوين، وتُستبعد الروبوتات.
adm-stats-right-now = الآن
adm-stats-right-now-reads = { $count ->
    [zero] قراءة
    [one] قراءة
    [two] قراءتان
    [few] قراءات
    [many] قراءة
   *[other] قراءة
} في آخر { $minutes } دقائق
adm-stats-nobody = لا أحد يقرأ الآن.
adm-stats-today = اليوم
adm-stats-reads-total = { $count ->
    [zero] (لا قراءات)
    [one] (قراءة واحدة)
    [two] (قراءتان)
    [few] ({ $count } قراءات)
    [many] ({ $count } قراءة)
   *[other] ({ $count } قراءة)
}
adm-stats-today-caption = الأخبار الأكثر قراءة اليوم
adm-stats-48-hours = آخر 48 ساعة
adm-stats-30-days = آخر 30 يومًا
adm-stats-hours-caption = القراءات لكل ساعة، آخر 48 ساعة
adm-stats-days-caption = القراءات لكل يوم، آخر 30 يومًا
adm-stats-week = الأكثر قراءة هذا الأسبوع
adm-stats-week-caption = الأخبار الأكثر قراءة، آخر 7 أيام
adm-stats-sources = من أين جاء القرّاء
adm-stats-7-days = (7 أيام)
adm-stats-sources-caption = القراءات حسب المصدر، آخر 7 أيام
adm-stats-sections = الأقسام
adm-stats-sections-caption = القراءات حسب القسم، آخر 7 أيام
adm-stats-section = القسم
adm-stats-bylines = الكتّاب
adm-stats-bylines-caption = القراءات حسب الكاتب، آخر 7 أيام
adm-stats-author = الكاتب
adm-stats-no-reads = لا قراءات بعد.

## The numbers' tables and charts
adm-stats-figures = الأرقام التفصيلية
adm-stats-unit-hour = الساعة
adm-stats-unit-day = اليوم
adm-stats-count = العدد
adm-stats-story = الخبر
adm-stats-reads = القراءات
adm-stats-reactions = التفاعلات
adm-stats-comments = التعليقات
adm-stats-source = المصدر
adm-stats-share = النسبة
adm-stats-percent = { $n }٪
adm-stats-source-search = محركات البحث
adm-stats-source-social = شبكات التواصل
adm-stats-source-internal = هذا الموقع
adm-stats-source-other_sites = مواقع أخرى
adm-stats-source-direct = مباشر أو غير معروف
adm-stats-chart-desc = المجموع { $total } موزعًا على { $bars } عمودًا؛ وأعلاها { $highest }. ويعرض الجدول أدناه كل رقم.
adm-stats-chart-reads-hour = القراءات لكل ساعة منذ النشر
adm-stats-chart-reads-day = القراءات لكل يوم منذ النشر
adm-stats-chart-comments-hour = التعليقات المعتمدة لكل ساعة
adm-stats-chart-comments-day = التعليقات المعتمدة لكل يوم

## One story's numbers (/admin/articles/ID/stats)
adm-stats-story-title = الأرقام: { $title }
adm-stats-edit = تحرير
adm-stats-view = عرض
adm-stats-all = كل الأرقام
adm-stats-zone = الأوقات بتوقيت { $zone }.
adm-stats-against = مقارنةً بقسم { $section }
adm-stats-of-median = { $count ->
    [zero] من قراءات الخبر الوسيط ({ $median }، من بين { $count } خبر)
    [one] من قراءات الخبر الوسيط ({ $median }، من بين خبر واحد)
    [two] من قراءات الخبر الوسيط ({ $median }، من بين خبرين)
    [few] من قراءات الخبر الوسيط ({ $median }، من بين { $count } أخبار)
    [many] من قراءات الخبر الوسيط ({ $median }، من بين { $count } خبرًا)
   *[other] من قراءات الخبر الوسيط ({ $median }، من بين { $count } خبر)
}
adm-stats-no-median = لا قراءات بعد للخبر الوسيط في هذا القسم.
adm-stats-since = القراءات منذ النشر
adm-stats-reaction-mix = توزيع التفاعلات
adm-stats-reactions-caption = التفاعلات حسب النوع
adm-stats-reaction = التفاعل
adm-stats-sources-caption-all = القراءات حسب المصدر منذ النشر
adm-stats-comments-over-time = التعليقات عبر الزمن
adm-stats-comments-caption = التعليقات المعتمدة عبر الزمن

## Shared by the site desks' forms
adm-not-saved = لم يُحفظ: يُرجى تصحيح الحقول المشار إليها أدناه.
adm-save = حفظ

## Ad slots (/admin/ads)
adm-ads-title = الإعلانات
adm-ads-heading = مواضع الإعلانات
adm-ads-intro = يمكن لكل موضع أن يحمل شفرة شبكة إعلانية (نسخة للشاشات العريضة وأخرى للهواتف) أو إعلانًا ذاتيًا: صورة من المكتبة ورابطًا. ويُحجز حجمه قبل وصول الإعلان كي لا تقفز الصفحة، ويُوسم بعبارة "إعلان". ولا تظهر الإعلانات أبدًا في غرفة الأخبار ولا في المعاينات.
adm-ads-code-on = الشفرة الإعلانية مفعّلة: صفحات القرّاء تسمح الآن بالنصوص البرمجية والإطارات والأنماط من أي عنوان https:// (انظر قسم Content-Security-Policy في ملف README). ومن دون شفرة إعلانية تبقى السياسة صارمة.
adm-ads-place-header = الترويسة (كل صفحة، تحت اسم الصحيفة)
adm-ads-place-sidebar = العمود الجانبي (الصفحة الرئيسية والمقالات)
adm-ads-place-in_article = داخل المقال، بعد الفقرة N
adm-ads-place-home_blocks = بين كتل الصفحة الرئيسية، بعد كل N كتل
adm-ads-place-lists = في قوائم الأخبار، بعد كل N أخبار
adm-ads-showing = معروض
adm-ads-enabled = إظهار هذا الموضع
adm-ads-every-in_article = بعد الفقرة
adm-ads-every-home_blocks = بعد كل N كتل
adm-ads-every-lists = بعد كل N أخبار
adm-ads-sizes = الحجم المحجوز بوحدات بكسل CSS (الهاتف 0 × 0: لا شيء على الهواتف)
adm-ads-field-width = العرض (شاشة عريضة)
adm-ads-field-height = الارتفاع (شاشة عريضة)
adm-ads-field-mobile_width = العرض (هاتف)
adm-ads-field-mobile_height = الارتفاع (هاتف)
adm-ads-field-desktop_code = شفرة الشاشات العريضة
adm-ads-field-mobile_code = شفرة الهواتف
adm-ads-house = إعلان ذاتي (يُستخدم حين لا توجد شفرة)
adm-ads-house-photo = صورة الإعلان الذاتي
adm-ads-field-house_media_id = رقم الصورة في الوسائط
adm-ads-hint-house_media_id = فارغ: لا إعلان ذاتي.
adm-ads-field-house_link = الرابط
adm-ads-hint-house_link = مسار على هذا الموقع، مثل ‎/subscribe، أو عنوان https://‎.
adm-ads-field-house_alt = ما تعرضه الصورة
adm-ads-hint-house_alt = للقرّاء الذين لا يستطيعون رؤيتها؛ ويُستخدم النص البديل للصورة إن تُرك فارغًا.
adm-ads-save-slot = حفظ هذا الموضع
adm-ads-sections = أقسام بلا إعلانات
adm-ads-sections-hint = الأقسام المحددة لا تحمل إعلانات: لا صفحاتها ولا أخبارها.
adm-ads-no-sections = لا توجد أقسام بعد.

## The paper's identity (/admin/identity)
adm-identity-title = الهوية
adm-identity-heading = هوية الصحيفة
adm-identity-intro = يظهر الشعار واللون وحسابات التواصل الاجتماعي في كل صفحة يراها القرّاء؛ وتعرّف صفحات المبادئ محركات البحث بالصحيفة. وتسري التغييرات فورًا.
adm-identity-logo = الشعار
adm-identity-current-logo = الشعار الحالي
adm-identity-made-from = يُصنع منه: شعار الترويسة، وأيقونة الموقع (
adm-identity-made-sizes = ، بحجمي 16 و32 بكسل)، والأيقونة بحجم 180 بكسل التي تحفظها الهواتف على شاشتها الرئيسية، وأيقونتان بحجمي 192 و512 بكسل من أجل
adm-identity-manifest = بيان تطبيق الويب
adm-identity-icon = أيقونة، { $size } بكسل
adm-identity-px = { $size } بكسل
adm-identity-remove-logo = إزالة الشعار
adm-identity-no-logo = لا شعار بعد: تعرض الترويسة اسم الموقع.
adm-identity-new-logo = شعار جديد (PNG أو JPEG أو WebP أو GIF، حتى { $mib } ميبيبايت)
adm-identity-logo-file = الشعار (PNG أو JPEG أو WebP أو GIF، حتى { $mib } ميبيبايت)
adm-identity-logo-hint = أفضل خيار ملف PNG بخلفية شفافة. لا يمكن رفع SVG: صدّر ملف PNG بعرض 512 بكسل على الأقل. ويُضاف الشعار أيضًا إلى مكتبة الصور.
adm-identity-upload = رفع الشعار
adm-identity-colour = اللون
adm-identity-site-colour = لون الموقع
adm-identity-colour-hint = بصيغة ‎#rrggbb، مثل ‎#a4161a. يُستخدم للتمييز، ولشريط الأخبار العاجلة، ولشريط المتصفح على الهواتف؛ ويجب أن يكون داكنًا بما يكفي ليُقرأ على الأبيض.
adm-identity-social = حسابات التواصل الاجتماعي
adm-identity-social-hint = تظهر في تذييل الصفحة وتُقدَّم لمحركات البحث بوصفها حسابات الصحيفة. الصق عنوان https://‎ لكل حساب.
adm-identity-network-facebook = Facebook
adm-identity-network-x = X
adm-identity-network-instagram = Instagram
adm-identity-network-youtube = YouTube
adm-identity-network-tiktok = TikTok
adm-identity-network-whatsapp = قناة WhatsApp
adm-identity-principles = المبادئ
adm-identity-principles-hint = مسار على هذا الموقع (مثل ‎/about/ethics) أو عنوان https://‎. تقرؤها محركات البحث من البيانات المنظَّمة لكل مقال.
adm-identity-publishing-principles = مبادئ النشر
adm-identity-corrections-policy = سياسة التصحيحات
adm-identity-masthead = هيئة التحرير (من يدير الصحيفة)
adm-identity-measurement = قياس الجمهور
adm-identity-measurement-snippet = شفرة القياس
adm-identity-measurement-hint = معطّل حين يكون فارغًا. وسم خادم التحليلات الخاص بك (Plausible أو Matomo... مستضاف ذاتيًا)، يوضع في ترويسة كل صفحة عامة، ولا يوضع أبدًا في غرفة الأخبار. ولا يجوز أن يُحمَّل إلا عبر https://‎؛ وعندها تسمح سياسة محتوى الموقع بالعناوين التي يذكرها وبنصه البرمجي المضمّن، ولا شيء غير ذلك.

## Integrations (/admin/integrations)
adm-int-title = التكاملات
adm-int-intro = الواجهات الأمامية المكتوبة لـ Ghost (Gatsby وAstro وNuxt وتطبيقات الهاتف) تقرأ هذا الموقع عبر واجهة Content API المتوافقة مع Ghost على العنوان
adm-int-intro-key = . ويحتاج كل منها إلى مفتاح Content API: أنشئ تكاملًا لكل واجهة أمامية، كي يمكن إبطال كل واحد على حدة.
adm-int-made = أُنشئ التكامل «{ $name }».
adm-int-made-once = يُعرض مفتاح Content API الخاص به هذه المرة فقط؛ انسخه الآن. المفتاح المفقود لا يمكن عرضه مجددًا: أنشئ تكاملًا جديدًا وأبطِل هذا.
adm-int-key-label = مفتاح Content API
adm-int-use-url = في الواجهة الأمامية: عنوان API
adm-int-use-key = ، والمفتاح كما أعلاه (مع
adm-int-use-and = و
adm-int-name = الاسم
adm-int-key = المفتاح
adm-int-made-when = أُنشئ
adm-int-revoke = إبطال
adm-int-ending = ينتهي بـ
adm-int-made-by = { $when } بواسطة { $name }
adm-int-none = لا تكاملات بعد: لا تستطيع أي واجهة أمامية قراءة Content API.
adm-int-add = إضافة تكامل
adm-int-name-hint = ما الذي يستخدم المفتاح، مثل «واجهة Astro الأمامية» (حتى { $max } حرفًا).
adm-int-make = إنشاء مفتاح

## Revoking an integration (/admin/integrations/ID/delete)
adm-int-revoke-title = إبطال التكامل «{ $name }»؟
adm-int-revoke-stops = يتوقف مفتاحه (المنتهي بـ { $key }) عن العمل فورًا: تتلقى الواجهات الأمامية التي تستخدمه رسالة «Unknown Content API Key» حتى تُعطى مفتاحًا آخر.
adm-int-revoke-final = لا يمكن التراجع عن هذا؛ والتكامل الجديد يُنشئ مفتاحًا جديدًا.
adm-int-revoke-button = إبطال المفتاح

## Refusals on the front page desk (and a section's place, on the sections' pages)
adm-refuse-top-full = كل مواضع أبرز الأخبار مشغولة؛ أزل واحدًا أولًا أو اختر موضعه
adm-refuse-order = اسحب أبرز الأخبار إلى الترتيب الذي تريده
adm-refuse-choose-action = اختر خبرًا وما تريد فعله به
adm-refuse-choose-breaking = اختر الخبر العاجل
adm-refuse-choose-label = اختر الخبر المراد وضع شارة عليه
adm-refuse-colour = «{ $value }» ليس لونًا؛ اكتبه بصيغة ‎#rrggbb، مثل ‎#a4161a
adm-refuse-label-long = «{ $label }» أطول من { $limit } حرفًا؛ الشارة كلمة أو كلمتان
adm-refuse-labels-many = يمكن للموقع أن يضيف { $count } شارة خاصة به على الأكثر
adm-refuse-lead-position = للخبر الرئيسي موضع واحد هو 1، لا { $position }
adm-refuse-top-position = تشغل أبرز الأخبار المواضع من 1 إلى { $most }، لا { $position }
adm-refuse-top-slots = لا يوجد سوى { $count } مواضع لأبرز الأخبار
adm-refuse-until-passed = موعد الانتهاء { $until } قد مضى؛ اختر وقتًا قادمًا
adm-refuse-position-twice = { $slot ->
    [lead] الموضع { $position } للخبر الرئيسي
   *[other] الموضع { $position } في أبرز الأخبار
} مذكور مرتين
adm-refuse-placed-twice = المقال { $id } مثبَّت مرتين
adm-refuse-front-unpublished = المقال { $id } («{ $title }») غير منشور؛ لا يوضع في الصفحة الأولى إلا الأخبار المنشورة
adm-refuse-no-article = لا يوجد مقال رقم { $id }
adm-refuse-time-passed = الوقت { $time } قد مضى؛ اختر وقتًا قادمًا
adm-refuse-breaking-unpublished = المقال { $id } («{ $title }») غير منشور؛ لا يكون خبرًا عاجلًا إلا خبر منشور
adm-refuse-label-unknown = «{ $label }» ليست من شارات هذا الموقع: { $labels }
adm-refuse-own-parent = لا يمكن أن يكون القسم أصلًا لنفسه
adm-refuse-parent-nested = «{ $name }» قسم فرعي بدوره؛ والأقسام الفرعية مستوى واحد فقط
adm-refuse-parent-edition = «{ $name }» في طبعة أخرى: القسم الفرعي يتبع طبعة قسمه الأصلي، فاجعل لهما اللغة نفسها أولًا.
adm-refuse-parent-has-children = لهذا القسم أقسام فرعية خاصة به، فلا يمكن أن يصبح قسمًا فرعيًا
adm-refuse-no-section = لا يوجد قسم «{ $slug }»
adm-refuse-menu-position = { $position } ليس موضعًا في القائمة؛ استخدم من 0 إلى 10000

## Refusals on the ad slots
adm-refuse-ad-size = { $count } بكسل أكثر من { $most }؛ اذكر حجم الإعلان بوحدات بكسل CSS
adm-refuse-ad-no-size = حجم الشاشة العريضة يحتاج إلى عرض وارتفاع أكبر من 0
adm-refuse-ad-every = { $every } ليس بين 1 و50
adm-refuse-ad-alt = صِف ما يعرضه الإعلان الذاتي، للقرّاء الذين لا يستطيعون رؤيته
adm-refuse-ad-alt-long = الوصف أطول من { $limit } حرف
adm-refuse-ad-link = يحتاج الإعلان الذاتي إلى العنوان الذي يقود إليه، مثل ‎/subscribe
adm-refuse-ad-no-photo = لا توجد صورة رقم { $id } في المكتبة؛ ارفعها أولًا
adm-refuse-ad-code-long = طول الشفرة { $count } حرفًا؛ والحد الأقصى { $limit }
adm-refuse-ad-code-nul = تحتوي الشفرة على محرف NUL
adm-refuse-ad-number = «{ $value }» ليس عددًا صحيحًا من وحدات البكسل أو العناصر
adm-refuse-ad-photo-number = «{ $value }» ليس رقم صورة؛ تجده في صفحة الصورة ضمن الوسائط

## Refusals on the paper's identity
adm-refuse-network = «{ $value }» ليس عنوان { $network ->
    [facebook] Facebook
    [x] X
    [instagram] Instagram
    [youtube] YouTube
    [tiktok] TikTok
   *[whatsapp] قناة WhatsApp
}؛ الصق عنوان https://‎ للحساب، مثل { $example }
adm-refuse-colour-light = { $colour } فاتح جدًا فلا يُقرأ على الأبيض (التباين { $ratio }:1، والمطلوب 4.5:1 على الأقل)؛ اختر درجة أغمق
adm-refuse-page-link = «{ $value }» ليس عنوان صفحة؛ اكتب مسارًا على هذا الموقع، مثل ‎/corrections، أو عنوان https://‎
adm-refuse-snippet-long = طول الشفرة { $count } حرفًا؛ والحد الأقصى { $limit }
adm-refuse-snippet-nul = تحتوي الشفرة على محرف NUL
adm-refuse-snippet-script = لا تحتوي الشفرة على عنصر <script>؛ الصق الوسم الذي يعطيك إياه خادم التحليلات، مثل { $example }
adm-refuse-snippet-plain = تُحمَّل الشفرة من { $address }…، وهو عنوان غير مشفّر؛ استخدم عنوانه عبر https://‎
