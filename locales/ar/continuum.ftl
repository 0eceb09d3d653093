## رسالة المتابعة وتذكيرها (مسار العلاقة).
checkin-email-subject = { $programme }: كيف تسير الأمور مع { $name }؟
checkin-email-body = حان وقت متابعة قصيرة عنك وعن { $name }. تستغرق دقيقة واحدة: بضع نقرات، وكتابة قليلة جدًا.
checkin-email-button = أجب عن المتابعة
checkin-email-private = لا يرى { $name } إجاباتك. يراها منسقو البرنامج فقط.
checkin-email-concern = إذا كان هناك ما يقلقك، ففي الصفحة نفسها زر «لدي قلق».
checkin-reminder-subject = { $programme }: تذكير بخصوص { $name }
checkin-reminder-body = قبل بضعة أيام سألناك كيف تسير الأمور مع { $name }. يسعدنا أن نسمع منك، حتى لو لم تلتقيا.

## رسالة الختام مع سؤالي الختام.
closing-email-subject = { $programme }: انتهت شراكتك مع { $name }
closing-email-body = انتهت الآن شراكتك مع { $name }. شكرًا على الوقت والاهتمام اللذين قدمتهما.
closing-email-rematch = إذا رغبت، سنبحث لك عن شريك جديد. تحتفظ بمكانك: يُحسب وقت انتظارك من تسجيلك الأول.
closing-email-questions = هل تجيب عن سؤالين أخيرين؟ يستغرق ذلك دقيقة واحدة.
closing-email-button = سؤالان أخيران
closing-email-thanks = تساعدنا إجاباتك على تحسين البرنامج. يراها المنسقون فقط.

## سؤالا الختام (رابط رسالة الختام).
exit-title = سؤالان أخيران
exit-intro = انتهت شراكتك مع { $name }. شكرًا لك! تساعد إجاباتك { $programme } على التحسن. يراها المنسقون فقط.
exit-satisfied = أنا راضٍ عن { $programme }.
exit-thanks-title = شكرًا
exit-thanks-body = وصلتنا إجاباتك. نتمنى لك كل الخير!
