# People without email: signing up with a phone number, added from a paper form, reached by the
# coordinator.
field-email-or-phone-hint = سنرسل إليك رابطًا لتأكيد هذا العنوان. ليس لديك بريد إلكتروني؟ اترك الحقل فارغًا وأدخل رقم هاتف: سيتصل بك أحد المنسقين.
error-email-or-phone-required = يرجى إدخال عنوان بريد إلكتروني أو رقم هاتف حتى نتمكن من التواصل معك.
error-invalid-phone-region = يرجى إدخال رمز بلد من حرفين، مثل DE.
thanks-body-phone = لم تُدخل عنوان بريد إلكتروني، لذلك سيتصل بك أحد منسقينا في الأيام القادمة لتأكيد تسجيلك. بعد ذلك فقط يمكننا البحث عن رفيق لك.
contact-through-coordinator = لا بريد إلكتروني ولا هاتف: سيجمعكما المنسق.
coord-field-email-optional-hint = اتركه فارغًا لشخص ليس لديه بريد إلكتروني: سيظهر في قائمة من يجب التواصل معهم بالهاتف أو شخصيًا.
