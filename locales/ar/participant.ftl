# التعارف والردود وصفحات «بياناتي».

## لماذا اقترحنا شخصين معًا
reason-general = لديكما الكثير من الأمور المشتركة، وأوقات فراغكما وأماكنكما متوافقة.
reason-shared-language = أنتما الاثنان تتحدثان { $languages }.
reason-shared-language-any = تتحدثان لغة مشتركة.
reason-shared-interests = أنتما الاثنان تحبان { $interests }.
reason-shared-interests-any = لديكما اهتمامات مشتركة.
reason-common-slots = أنتما الاثنان متفرغان في هذه الأوقات: { $slots }.
reason-common-slots-count = لديكما { $count } من أوقات الفراغ المشتركة كل أسبوع.
reason-common-slots-one = لديكما وقت فراغ مشترك واحد كل أسبوع.
reason-common-slots-any = أوقات فراغكما خلال الأسبوع متوافقة.
reason-distance = تسكنان على بعد { $km } كم تقريبًا أحدكما من الآخر.
reason-near = تسكنان قريبًا أحدكما من الآخر.
reason-online = أنتما الاثنان مستعدان للقاء عبر الإنترنت أيضًا.
reason-can-teach = يستطيع أحدكما المساعدة في: { $domains }.
reason-can-teach-any = يستطيع أحدكما المساعدة في أمر يرغب الآخر في تعلّمه.
reason-learn = يرغب أحدكما في معرفة المزيد عن: { $domains }.
reason-learn-any = يمكنكما أن تتعلما أحدكما من الآخر.
reason-practise-language = يرغب أحدكما في ممارسة { $languages }، والآخر يتحدثها جيدًا.
reason-practise-language-any = يستطيع أحدكما مساعدة الآخر على ممارسة لغة.
reason-family = أنتما عائلتان، كما رغبتما.
reason-age = عمراكما متقاربان.

## رسالة التعارف
intro-email-subject = { $programme }: تعرّف على { $name }، الرفيق المقترح لك
intro-email-body = خبر سار: نودّ أن نعرّفك على { $name }.
intro-email-why = لماذا نعتقد أنك و{ $name } ستتفاهمان جيدًا:
intro-email-button = أجب: نعم أو لا
intro-email-privacy = لن نشارك بيانات الاتصال الخاصة بك مع { $name } إلا بعد أن يوافق كلاكما.
intro-email-expiry = يعمل الرابط مرة واحدة فقط، لمدة { $days } يومًا.
intro-email-my-data = يمكنك الاطلاع على بياناتك أو تصحيحها أو حذفها هنا:

## بيانات الاتصال (بعد موافقة الطرفين)
contact-name = الاسم: { $name }
contact-email = البريد الإلكتروني: { $email }
contact-phone = الهاتف: { $phone }
contact-email-subject = { $programme }: أنت و{ $name } وافقتما كلاكما
contact-email-body = أنت و{ $name } وافقتما كلاكما. إليك طريقة التواصل مع { $name }:
meet-tips-heading = أفكار للقائكما الأول:
meet-tip-public = التقيا في مكان عام، مثل مقهى أو مكتبة أو حديقة.
meet-tip-daytime = اختارا وقتًا خلال النهار واجعلا اللقاء الأول قصيرًا.
meet-tip-tell = أخبر صديقًا أو أحد أفراد عائلتك بالمكان الذي ستذهب إليه.
meet-tip-coordinator = إذا شعرت بأن شيئًا ما ليس على ما يرام، تواصل مع المنسّق في أي وقت.

## اعتذار، يُبلَّغ بلطف
declined-email-subject = { $programme }: بخصوص الرفيق المقترح لك { $name }
declined-email-body = لا يستطيع { $name } المشاركة في هذه الشراكة الآن. الأمر ليس شخصيًا: ظروف الحياة والوقت تتغير.
declined-email-seeker-next = سنواصل البحث عن رفيق آخر لك. لا تحتاج إلى فعل أي شيء.
declined-email-buddy-next = شكرًا لموافقتك. سنتواصل معك عندما يكون لدينا اقتراح آخر.

## تذكير
reminder-email-subject = { $programme }: يرجى الرد بخصوص { $name }
reminder-email-body = قبل بضعة أيام اقترحنا عليك { $name } رفيقًا لك، ولم يصلنا ردك بعد. أخبرنا بنقرة واحدة إن كنت ترغب في اللقاء.

## انتهاء شراكة لأن الطرف الآخر غادر
ended-email-subject = { $programme }: انتهت شراكتك مع { $name }
ended-email-body = غادر { $name } البرنامج، لذلك انتهت شراكتكما. شكرًا على الوقت الذي قدمته. إذا رغبت في الاستمرار، سنبحث لك عن شراكة جديدة.

## روابط رد لا يمكن استخدامها
respond-used-title = لقد أجبت من قبل
respond-used-body = شكرًا، لقد وصلنا ردك. هذا الرابط يعمل مرة واحدة فقط.
respond-expired-title = انتهت صلاحية هذا الرابط
respond-expired-body = روابط الرد صالحة لمدة 14 يومًا. يرجى التواصل مع المنسّق إذا كنت لا تزال ترغب في اللقاء.
respond-closed-title = هذا الاقتراح لم يعد مفتوحًا
respond-closed-body = هذه الشراكة لم تعد بانتظار رد. سنتواصل معك إذا كان لدينا اقتراح جديد لك.
respond-unknown-title = الرابط غير موجود
respond-unknown-body = هذا الرابط غير صالح. يرجى التأكد من أنك نسخت الرابط كاملًا من الرسالة.

## صفحة الرد
respond-title = هل ترغب في التعرّف على { $name }؟
respond-intro = نقترح عليك { $name } رفيقًا لك في { $programme }.
respond-why = لماذا نعتقد أنك و{ $name } ستتفاهمان جيدًا
respond-accept = نعم، أرغب في اللقاء
respond-decline-heading = ليس هذه المرة؟
respond-reason = السبب (اختياري)
respond-reason-hint = يقرأ هذا المنسّقون فقط، ولا نشاركه مع الطرف الآخر.
respond-decline = لا، شكرًا
respond-accepted-title = شكرًا لك!
respond-accepted-body = سنرسل إليك بيانات الاتصال الخاصة بـ{ $name } بمجرد أن يوافق { $name } أيضًا.
respond-both-title = وافقتما كلاكما
respond-both-body = إليك طريقة التواصل مع { $name }. أرسلنا إليك هذه البيانات بالبريد الإلكتروني أيضًا.
respond-declined-title = شكرًا لإخبارنا
respond-declined-body = سجّلنا ردك. لن نقترحك على { $name } مرة أخرى.

## بياناتي
me-title = بياناتك يا { $name }
me-status-pending = لم تؤكد تسجيلك في { $programme } بعد.
me-status-confirmed = أنت مسجّل في { $programme }.
me-status-withdrawn = لقد سحبت موافقتك. لم نعد نبحث عن شراكة لك.
me-matches-heading = شراكتك
me-partner-left = انتهت مطابقتك: غادر الطرف الآخر البرنامج وحُذفت بياناته. إذا رغبت في شخص جديد، فيُرجى الرد على أيّ من رسائلنا.
me-no-matches = لم نعرّفك على أحد بعد.
me-match-waiting-you = اقترحنا عليك { $name } رفيقًا لك. يرجى الرد عبر الرابط في رسالتنا.
me-match-waiting-other = لقد وافقت على { $name }. ننتظر رد { $name }.
me-match-active = أنت و{ $name } شريكان. طريقة التواصل مع { $name }:
me-match-declined = لم تتم الشراكة مع { $name }.
me-match-closed = انتهت شراكتك مع { $name }.
me-match-respond-hint = إذا لم تجد الرسالة، اطلب من المنسّق إرسالها مرة أخرى.
me-profile-heading = ما حفظناه عنك
me-correct-heading = تصحيح بياناتك
me-correct-hint = لتغييرات أخرى (اللغات، الأسرة، التفضيلات)، يرجى التواصل مع المنسّق.
me-save = حفظ التغييرات
me-saved = تم حفظ تغييراتك.
me-download-heading = تنزيل بياناتك
me-download = تنزيل جميع بياناتك (ملف JSON)
me-withdraw-heading = سحب موافقتك
me-withdraw-text = سنتوقف عن البحث عن شراكة لك وننهي أي شراكة قائمة. تبقى بياناتك محفوظة إلى أن تحذفها.
me-withdraw = سحب الموافقة
me-delete-heading = حذف بياناتك
me-delete-text = يؤدي هذا إلى حذف ملفك الشخصي وأسرتك وشراكاتك نهائيًا. نحتفظ فقط بعدد مجهول الهوية.
me-delete-confirm = نعم، احذف جميع بياناتي
me-delete = حذف بياناتي
me-delete-not-confirmed = يرجى تحديد المربع لتأكيد رغبتك في حذف بياناتك.
me-yes = نعم
me-no = لا
me-expired-title = انتهت صلاحية هذا الرابط
me-expired-body = يرجى طلب رابط جديد إلى بياناتك.
me-unknown-title = الرابط غير موجود
me-unknown-body = هذا الرابط غير صالح. يرجى طلب رابط جديد إلى بياناتك.
me-withdrawn-title = تم سحب الموافقة
me-withdrawn-body = لن نبحث عن شراكة لك بعد الآن. لا يزال بإمكانك الاطلاع على بياناتك أو حذفها عبر رابطك.
me-deleted-title = تم حذف بياناتك
me-deleted-body = لقد حذفنا بياناتك. شكرًا لمشاركتك.
me-request-title = رابط إلى بياناتك
me-request-intro = أدخل عنوان البريد الإلكتروني الذي سجّلت به. إذا كان معروفًا لدينا، سنرسل إليك رابطًا للاطلاع على بياناتك أو تصحيحها أو تنزيلها أو حذفها.
me-request-button = أرسل لي رابطًا
me-request-sent-title = يرجى التحقق من بريدك الإلكتروني
me-request-sent-body = إذا كان هذا العنوان مسجّلًا، فقد أرسلنا إليه رابطًا. الرابط صالح لمدة 180 يومًا.
me-email-subject = { $programme }: رابطك الشخصي
me-email-body = هذا رابطك الشخصي للاطلاع على بياناتك في { $programme } أو تصحيحها أو تنزيلها أو حذفها.
me-email-button = فتح بياناتي
me-email-expiry = الرابط صالح لمدة { $days } يومًا. لا تشاركه مع أحد: كل من لديه الرابط يمكنه رؤية بياناتك.
error-email-taken = هناك تسجيل آخر في هذا البرنامج يستخدم عنوان البريد الإلكتروني هذا.
