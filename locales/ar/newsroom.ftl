# رسائل غرفة الأخبار الإلكترونية، بلغة الموقع.

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
