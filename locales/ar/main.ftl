## إطار الصفحة

site-name = buddymatch
skip-to-content = انتقل إلى المحتوى الرئيسي
language-switcher = اللغة
footer-text = يجمع buddymatch بين الأشخاص الذين وصلوا حديثًا والأشخاص الذين يعيشون هنا منذ مدة.

## استمارة التسجيل

signup-title = التسجيل
signup-heading = التسجيل: { $programme }
signup-intro = في هذا البرنامج يلتقي بانتظام أشخاص وصلوا حديثًا وأشخاص يعيشون هنا منذ مدة: للحديث ومشاركة هواية والتدرّب على لغة. ثلاث خطوات قصيرة تستغرق نحو خمس دقائق.
required-note = الحقول المعلَّمة بـ * إلزامية.
choose = – يرجى الاختيار –
not-given = – بدون تحديد –
submit-signup = سجّلني

error-summary-title = هناك مشكلة
error-summary-intro = يرجى تصحيح ما يلي ثم إرسال الاستمارة مرة أخرى:
error-prefix = خطأ:

section-about = معلومات عنك
field-first-name = الاسم الأول
field-last-name = اسم العائلة
field-email = البريد الإلكتروني
field-email-hint = سنرسل إليك رابطًا لتأكيد هذا العنوان.
field-phone = رقم الهاتف (اختياري)
field-message-language = لغة الرسائل التي نرسلها إليك
field-birth-year = سنة الميلاد (اختياري)
field-gender = الجنس (اختياري)
gender-woman = امرأة
gender-man = رجل
gender-non-binary = غير ثنائي الجنس
gender-prefer-not-to-say = أفضّل عدم الإجابة
field-is-minor = عمري أقل من 18 سنة

section-role = دورك في البرنامج
role-legend = أيّ الوصفين ينطبق عليك؟
role-arriving = وصلت إلى هنا حديثًا
role-receiving = أعيش هنا منذ مدة
field-volunteer = أرغب في أن أكون رفيقًا متطوعًا
field-volunteer-hint = يلتقي الرفيق المتطوع بانتظام بشخص أو عائلة وصلت حديثًا.
field-capacity = لكم شخص أو عائلة يمكنك أن تكون رفيقًا؟
field-capacity-hint = للمتطوعين فقط: رقم من 1 إلى 5.

section-languages = اللغات
languages-hint = ما اللغات التي تتحدثها، وما مستواك فيها؟ اذكر لغة واحدة على الأقل.
language-n = اللغة { $n }
level-n = المستوى
level-of-language-n = مستوى اللغة { $n }
languages-row = اللغة { $n } ومستواها
field-practise-languages = لغات أرغب في التدرّب عليها (اختياري)
level-a1 = A1 – مبتدئ
level-a2 = A2 – أساسي
level-b1 = B1 – متوسط
level-b2 = B2 – فوق المتوسط
level-c1 = C1 – متقدم
level-c2 = C2 – قريب من مستوى اللغة الأم
level-native = اللغة الأم

section-interests = الاهتمامات
interests-legend = ماذا تحب أن تفعل؟ اختر ما تشاء.
interests-programme = أنشطة هذا البرنامج
interests-more = اهتمامات أخرى ({ $count })
practise-more = لغات أخرى ({ $count })

section-availability = متى تكون متفرغًا؟
availability-legend = ضع علامة على كل الأوقات في الأسبوع التي يمكنك فيها اللقاء عادةً.
availability-caption = الأوقات المتاحة أسبوعيًا
availability-day = اليوم
day-mon = الاثنين
day-tue = الثلاثاء
day-wed = الأربعاء
day-thu = الخميس
day-fri = الجمعة
day-sat = السبت
day-sun = الأحد
part-morning = صباحًا
part-afternoon = بعد الظهر
part-evening = مساءً

section-place = أين يمكنك اللقاء
field-area = المنطقة التي تسكن فيها
field-max-travel = ما المسافة التي يمكنك قطعها للقاء (بالكيلومتر، من 0 إلى 100)؟
field-online-ok = يسعدني أيضًا اللقاء عبر الإنترنت

section-household = الأسرة
household-hint = إذا كنت تسجّل كعائلة، فأخبرنا بمن يعيش معك.
field-household-adults = عدد البالغين في الأسرة
field-household-children = عدد الأطفال في الأسرة
household-members-legend = أفراد آخرون في الأسرة (اختياري)
household-member-name = الاسم الأول للشخص { $n }
household-member-birth-year = سنة ميلاد الشخص { $n }

section-preferences = التفضيلات
preferences-hint = نلتزم بهذه التفضيلات التزامًا تامًا، لذا اختر فقط ما يهمك فعلًا.
field-pref-buddy-gender = أفضّل أن يكون رفيقي
pref-gender-any = لا فرق عندي
pref-gender-woman = امرأةً
pref-gender-man = رجلًا
field-pref-family = أرغب في أن أتعرّف على عائلة
pref-age-legend = عمر رفيقي (اختياري)
field-pref-age-min = من عمر
field-pref-age-max = إلى عمر
field-pref-outside-community = أفضّل رفيقًا من خارج مجتمعي اللغوي

section-domains = المشاركة والتعلّم
share-legend = في أي مجال يمكنك أن تشارك خبرتك أو تساعد الآخرين؟
learn-legend = في أي مجال تود أن تتعلّم أو تحصل على مساعدة؟
domain-work = العمل
domain-housing = السكن
domain-education = التعليم
domain-health-and-social-care = الصحة والرعاية الاجتماعية
domain-leisure = وقت الفراغ
domain-language = اللغة
domain-culture = الثقافة
domain-digital-skills = المهارات الرقمية
domain-rights-and-services = الحقوق والخدمات العامة
domain-safety = الأمان

section-consent = حماية البيانات
field-consent = قرأت إشعار الخصوصية وأوافق على استخدام بياناتي للعثور على رفيق لي في هذا البرنامج.

## Sign-up in steps

signup-privacy-first = لا يُحفظ شيء قبل أن ترسل الاستمارة في الخطوة الأخيرة، ونستخدم إجاباتك فقط للعثور على رفيق لك.
step-progress = الخطوة { $n } من { $total }
step-about = عنك
step-languages-interests = لغاتك واهتماماتك
step-when-where = متى وأين
step-next = التالي
step-back = رجوع
add-language = إضافة لغة أخرى
add-household-member = إضافة فرد من الأسرة
section-volunteer = التطوع
section-household-optional = الأسرة (اختياري)
section-preferences-optional = رغباتك بشأن رفيقك (اختياري)
section-domains-optional = المشاركة والتعلّم (اختياري)
privacy-read-all = قراءة إشعار الخصوصية كاملًا
level-say-a1 = أعرف بضع كلمات
level-say-a2 = أستطيع قول أشياء يومية بسيطة
level-say-b1 = أتدبّر أموري في الحياة اليومية
level-say-b2 = أتحدّثها جيدًا
level-say-c1 = أتحدّثها جيدًا جدًا
level-say-c2 = أتحدّثها تقريبًا كلغتي الأم
level-say-native = إنها لغتي الأم
language-as-said = { $language }: { $level }

## إشعار الخصوصية

privacy-heading = إشعار الخصوصية
privacy-intro = يستخدم { $programme } برنامج buddymatch لتكوين ثنائيات متوافقة. هذا ما يحدث لبياناتك.
privacy-collected-title = ما الذي نجمعه
privacy-collected = اسمك ووسائل التواصل معك، واللغات التي تتحدثها، واهتماماتك، وأوقات فراغك، ومنطقتك، وأسرتك، وتفضيلاتك، وما تود مشاركته أو تعلّمه. لا نسأل أبدًا عن الوضع القانوني أو الجنسية أو الأصل العرقي أو الدين.
privacy-purpose-title = لماذا
privacy-purpose = فقط للعثور على رفيق مناسب لك في هذا البرنامج ومرافقة الثنائي الذي تكوّنانه. لا نستخدم بياناتك لأي غرض آخر ولا نبيعها أبدًا.
privacy-who-title = من يطّلع عليها
privacy-who = منسقو هذا البرنامج. عندما نقترح عليك رفيقًا، لا يرى ذلك الشخص إلا اسمك الأول وما يجمع بينكما، إلى أن يوافق كلاكما. بعد ذلك فقط تُتبادل بيانات التواصل.
privacy-retention-title = مدة الاحتفاظ بها
privacy-retention = طوال مدة مشاركتك في البرنامج. يمكنك في أي وقت أن تطلب منا عرض بياناتك أو تصحيحها أو حذفها، أو أن تسحب موافقتك؛ وعندها نحذف بياناتك خلال 30 يومًا. التسجيلات التي لا تُؤكَّد أبدًا تُحذف بعد { $unconfirmed_days } يومًا. إذا غادرت البرنامج، نحذف بياناتك بعد { $retention_months } شهرًا؛ وتُحذف الملاحظات والتعليقات الخاصة بالثنائي بعد { $retention_months } شهرًا من انتهائه. لا يبقى إلا أرقام مجهولة الهوية.
privacy-contact-title = التواصل
privacy-contact = منسقو { $programme }. يمكنك الرد على أي رسالة بريد إلكتروني نرسلها إليك.
privacy-legal = هذا الإشعار ملخص بلغة بسيطة وليس استشارة قانونية. الإصدار { $version }.

## أخطاء في الاستمارة

error-required = يرجى ملء هذا الحقل.
error-too-long = هذا النص طويل جدًا.
error-invalid-email = يرجى إدخال عنوان بريد إلكتروني صحيح، مثل name@example.org.
error-invalid-phone = يرجى إدخال رقم هاتف صحيح.
error-invalid-choice = يرجى اختيار أحد الخيارات المعروضة.
error-invalid-number = يرجى إدخال عدد صحيح.
error-out-of-range = هذا الرقم خارج النطاق المسموح به.
error-no-language = يرجى ذكر لغة واحدة على الأقل تتحدثها.
error-duplicate-language = لقد ذكرت إحدى اللغات أكثر من مرة.
error-no-availability = يرجى وضع علامة على وقت واحد على الأقل تكون فيه متفرغًا.
error-consent-required = يرجى الموافقة على إشعار الخصوصية لإتمام التسجيل.
error-unknown-area = يرجى اختيار منطقة من القائمة.
error-unknown-interest = يرجى اختيار الاهتمامات من القائمة.
error-age-range-inverted = يجب ألا يكون الحد الأدنى للعمر أعلى من الحد الأقصى.
error-capacity-volunteers-only = المتطوعون فقط يمكنهم مرافقة أكثر من شخص واحد.
error-invalid = هذه القيمة غير صالحة.
error-form-too-large = الاستمارة المرسلة كبيرة جدًا. يرجى ملؤها مرة أخرى بإجابات أقصر.
error-form-unreadable = تعذّرت قراءة جزء مما أرسلته (وصلت الأحرف تالفة). يرجى ملء الاستمارة مرة أخرى.
error-form-send-again = يرجى مراجعة إجاباتك والضغط على الزر مرة أخرى لإرسال الاستمارة.
error-form-too-many = وصلت تسجيلات كثيرة من اتصال الإنترنت الخاص بك خلال الساعة الماضية، لذلك لا يمكننا قبول تسجيلك الآن. إجاباتك محفوظة: يرجى إرسال الاستمارة مرة أخرى بعد { $minutes } دقيقة.
signup-leave-empty = اترك هذا الحقل فارغًا

## صفحات الشكر والتأكيد

thanks-title = شكرًا على تسجيلك
thanks-body = أرسلنا رسالة إلى عنوان البريد الإلكتروني الذي أدخلته. يرجى فتح الرابط الموجود فيها لتأكيد تسجيلك. بعد ذلك فقط يمكننا البحث عن رفيق لك.
thanks-no-email = لم تصلك الرسالة بعد بضع دقائق؟ يرجى التحقق من مجلد الرسائل غير المرغوب فيها. الرابط صالح لمدة 7 أيام.
confirm-title = تأكيد التسجيل
confirm-body = يرجى الضغط على الزر لتأكيد تسجيلك في { $programme }.
confirm-button = أكّد تسجيلي
confirmed-title = تم تأكيد تسجيلك
confirmed-body-volunteer = شكرًا لك يا { $name } على استعدادك لتكون رفيقًا!
confirmed-volunteer-first = قبل أن نتمكن من اقتراحك على أحد، سيتواصل معك أحد المنسّقين: ستوقّع على مدونة السلوك لدينا وتحضر تدريبًا قصيرًا على حماية الأشخاص. هذا يحمي كل المشاركين.
confirmed-volunteer-next = بعد ذلك نبحث عن شخص تتوافق لغاته واهتماماته وأوقات فراغه مع ما لديك. وعندما نجد أحدًا نرسل إليك اسمه الأول وما يجمعكما، وتقرر أنت إن كنت ترغب في اللقاء.
confirmed-body = شكرًا لك يا { $name }! سنبحث الآن عن رفيق لك، وسيتواصل معك أحد المنسقين. قد يستغرق ذلك بعض الوقت.
token-expired-title = انتهت صلاحية هذا الرابط
token-expired-body = روابط التأكيد صالحة لمدة 7 أيام. يرجى التسجيل مرة أخرى بنفس عنوان البريد الإلكتروني، وسنرسل إليك رابطًا جديدًا.
token-used-title = تم استخدام هذا الرابط من قبل
token-used-body = هذا التسجيل مؤكَّد بالفعل. لا تحتاج إلى فعل أي شيء آخر.
token-unknown-title = الرابط غير موجود
token-unknown-body = هذا الرابط غير صالح. يرجى التأكد من أنك نسخت الرابط كاملًا من الرسالة.

## صفحات الأخطاء

not-found-title = الصفحة غير موجودة
not-found-body = لم نتمكن من العثور على هذه الصفحة. إذا كنت قد اتبعت رابط تسجيل، فيرجى طلب الرابط الصحيح من البرنامج.
server-error-title = حدث خطأ ما
server-error-body = يرجى المحاولة مرة أخرى بعد بضع دقائق.
back-to-form = العودة إلى استمارة التسجيل

## رسائل البريد الإلكتروني

email-greeting = مرحبًا { $name }،
email-hello = مرحبًا،
email-confirm-subject = يرجى تأكيد تسجيلك في { $programme }
email-confirm-body = شكرًا على تسجيلك في { $programme }. يرجى تأكيد عنوان بريدك الإلكتروني بفتح هذا الرابط:
email-confirm-button = أكّد تسجيلي
email-confirm-expiry = الرابط صالح لمدة 7 أيام. بعد تأكيدك فقط يمكننا البحث عن رفيق لك.
email-not-you = إذا لم تكن أنت من سجّل، فيمكنك تجاهل هذه الرسالة. التسجيلات غير المؤكَّدة تُحذف.
email-signoff = مع أطيب التحيات،
email-team = فريق { $programme }
email-already-subject = تسجيلك في { $programme }
email-already-body = حاول أحدهم، وربما أنت، التسجيل للتو في { $programme } بعنوان البريد الإلكتروني هذا. أنت مسجَّل بالفعل، لذلك لم يتغير شيء.
email-already-pending = لم يتم تأكيد تسجيلك بعد. يرجى تأكيده بهذا الرابط (صالح لمدة 7 أيام):
email-already-confirmed = تسجيلك مؤكَّد بالفعل، فلا حاجة لفعل أي شيء. إذا أردت تعديل بياناتك، فيرجى الرد على هذه الرسالة.

## اللغات (الأسماء بلغة الصفحة)

lang-am = الأمهرية
lang-ar = العربية
lang-bn = البنغالية
lang-de = الألمانية
lang-en = الإنجليزية
lang-es = الإسبانية
lang-fa = الفارسية
lang-fr = الفرنسية
lang-hi = الهندية
lang-it = الإيطالية
lang-ka = الجورجية
lang-ku = الكردية
lang-pl = البولندية
lang-prs = الدرية
lang-ps = البشتوية
lang-pt = البرتغالية
lang-ro = الرومانية
lang-ru = الروسية
lang-so = الصومالية
lang-sq = الألبانية
lang-sr = الصربية
lang-ti = التغرينية
lang-tr = التركية
lang-uk = الأوكرانية
lang-ur = الأردية
lang-zh = الصينية

## الاهتمامات

interest-cooking = الطبخ
interest-football = كرة القدم
interest-chess = الشطرنج
interest-music = الموسيقى
interest-hiking = المشي في الطبيعة
interest-cycling = ركوب الدراجات
interest-reading = القراءة
interest-art = الفن
interest-crafts = الأشغال اليدوية
interest-gardening = البستنة
interest-films = الأفلام
interest-photography = التصوير الفوتوغرافي
interest-dancing = الرقص
interest-theatre = المسرح
interest-swimming = السباحة
interest-running = الجري
interest-yoga = اليوغا
interest-board-games = ألعاب الطاولة
interest-video-games = ألعاب الفيديو
interest-history = التاريخ
interest-technology = التكنولوجيا
interest-nature = الطبيعة
interest-travel = السفر
interest-sewing = الخياطة
interest-basketball = كرة السلة
interest-volleyball = الكرة الطائرة
interest-fitness = اللياقة البدنية
interest-parenting = تربية الأطفال
interest-science = العلوم
interest-computers = الحاسوب

signup-closed-title = انتهى التسجيل
signup-closed-body = لم يعد { $programme } يقبل تسجيلات جديدة. شكرًا جزيلًا على رغبتك في المشاركة.
signup-closed-members = إذا كنت مشاركًا بالفعل، فلن يتغير شيء بالنسبة لك: رفيقك ومتابعاتك ورابط بياناتك تبقى كما كانت.
signup-closed-elsewhere = يمكن للقائمين على البرنامج أن يخبروك بطرق أخرى للتعرّف على أشخاص في مدينتك.
