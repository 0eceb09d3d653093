# People without email: signing up with a phone number, added from a paper form, reached by the
# coordinator.
field-email-or-phone-hint = برای تأیید این نشانی، یک پیوند برایتان می‌فرستیم. ایمیل ندارید؟ این را خالی بگذارید و شماره تلفن بدهید: یکی از هماهنگ‌کنندگان با شما تماس می‌گیرد.
error-email-or-phone-required = لطفاً یک نشانی ایمیل یا شماره تلفن بدهید تا بتوانیم با شما تماس بگیریم.
error-invalid-phone-region = لطفاً یک کد کشور دوحرفی وارد کنید، مانند DE.
thanks-body-phone = شما نشانی ایمیل نداده‌اید، پس یکی از هماهنگ‌کنندگان ما در روزهای آینده برای تأیید ثبت‌نام با شما تماس می‌گیرد. فقط پس از آن می‌توانیم برایتان هم‌یار پیدا کنیم.
contact-through-coordinator = نه ایمیل و نه تلفن: هماهنگ‌کننده شما را با هم آشنا می‌کند.
coord-field-email-optional-hint = برای کسی که ایمیل ندارد خالی بگذارید: در فهرست کسانی می‌آید که باید تلفنی یا حضوری با آن‌ها تماس گرفت.
reach-link = تماس تلفنی
reach-title = تماس تلفنی یا حضوری: { $programme }
reach-intro = این افراد نشانی ایمیل ندارند و برای همین ایمیلی از ما دریافت نمی‌کنند. درباره‌ی موارد این فهرست با آن‌ها تماس بگیرید (یا آن‌ها را ببینید) و سپس آنچه گفتند را ثبت کنید.
reach-none = فعلاً کسی برای تماس نیست.
reach-no-phone = بدون تلفن: حضوری
reach-confirm-title = تأیید ثبت‌نام
reach-confirm-detail = ثبت‌نام در { $date }. اگر کسی آن را تأیید نکند، در { $deleted } پاک می‌شود.
reach-confirm-button = تلفنی تأیید شد
reach-introduce-title = { $name } را معرفی کنید و بپرسید که آیا مایل به دیدار است
reach-introduce-why = چرا این دو با هم پیشنهاد شدند:
reach-introduce-reason = دلیل، اگر پاسخ منفی بود (فقط هماهنگ‌کنندگان می‌بینند)
reach-said-yes = گفت بله
reach-said-no = گفت نه
reach-contact-title = هر دو گفتند بله: اطلاعات تماس { $name } را به او بدهید
reach-match-link = صفحه‌ی این جفت
reach-checkin-title = پرسش‌های پیگیری را بپرسید (موعد { $date })
reach-checkin-link = پاسخ‌ها را در صفحه‌ی این جفت ثبت کنید
reach-done = ذخیره شد.
reach-not-waiting = چیزی تغییر نکرد: در این فاصله پاسخ داده شده یا بسته شده است.
audit-action-participant-confirm-by-phone = ثبت‌نامی را تلفنی تأیید کرد
