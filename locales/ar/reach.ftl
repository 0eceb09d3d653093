# People without email: signing up with a phone number, added from a paper form, reached by the
# coordinator.
field-email-or-phone-hint = سنرسل إليك رابطًا لتأكيد هذا العنوان. ليس لديك بريد إلكتروني؟ اترك الحقل فارغًا وأدخل رقم هاتف: سيتصل بك أحد المنسقين.
error-email-or-phone-required = يرجى إدخال عنوان بريد إلكتروني أو رقم هاتف حتى نتمكن من التواصل معك.
error-invalid-phone-region = يرجى إدخال رمز بلد من حرفين، مثل DE.
thanks-body-phone = لم تُدخل عنوان بريد إلكتروني، لذلك سيتصل بك أحد منسقينا في الأيام القادمة لتأكيد تسجيلك. بعد ذلك فقط يمكننا البحث عن رفيق لك.
contact-through-coordinator = لا بريد إلكتروني ولا هاتف: سيجمعكما المنسق.
coord-field-email-optional-hint = اتركه فارغًا لشخص ليس لديه بريد إلكتروني: سيظهر في قائمة من يجب التواصل معهم بالهاتف أو شخصيًا.
reach-link = للتواصل بالهاتف
reach-title = للتواصل بالهاتف أو شخصيًا: { $programme }
reach-intro = ليس لدى هؤلاء الأشخاص عنوان بريد إلكتروني، لذلك لا تصلهم منا رسائل. اتصل بهم (أو قابلهم) بشأن ما هو مذكور هنا، ثم سجّل ما قالوه.
reach-none = لا أحد للتواصل معه الآن.
reach-no-phone = لا هاتف: شخصيًا
reach-confirm-title = تأكيد التسجيل
reach-confirm-detail = سجّل في { $date }. إذا لم يؤكده أحد، يُحذف في { $deleted }.
reach-confirm-button = تم التأكيد بالهاتف
reach-introduce-title = عرّفه على { $name } واسأله إن كان يرغب في اللقاء
reach-introduce-why = لماذا تم اقتراحهما معًا:
reach-introduce-reason = السبب، إذا كان الجواب لا (يراه المنسقون فقط)
reach-said-yes = قال نعم
reach-said-no = قال لا
reach-contact-title = قال الاثنان نعم: أعطه بيانات التواصل مع { $name }
reach-match-link = صفحة الثنائي
reach-checkin-title = اطرح أسئلة المتابعة (موعدها { $date })
reach-checkin-link = سجّل الإجابات في صفحة الثنائي
reach-done = تم الحفظ.
reach-not-waiting = لم يتغير شيء: تمت الإجابة أو الإغلاق في الأثناء.
audit-action-participant-confirm-by-phone = أكّد تسجيلًا بالهاتف
