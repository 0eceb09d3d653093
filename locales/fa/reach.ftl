# People without email: signing up with a phone number, added from a paper form, reached by the
# coordinator.
field-email-or-phone-hint = برای تأیید این نشانی، یک پیوند برایتان می‌فرستیم. ایمیل ندارید؟ این را خالی بگذارید و شماره تلفن بدهید: یکی از هماهنگ‌کنندگان با شما تماس می‌گیرد.
error-email-or-phone-required = لطفاً یک نشانی ایمیل یا شماره تلفن بدهید تا بتوانیم با شما تماس بگیریم.
error-invalid-phone-region = لطفاً یک کد کشور دوحرفی وارد کنید، مانند DE.
thanks-body-phone = شما نشانی ایمیل نداده‌اید، پس یکی از هماهنگ‌کنندگان ما در روزهای آینده برای تأیید ثبت‌نام با شما تماس می‌گیرد. فقط پس از آن می‌توانیم برایتان هم‌یار پیدا کنیم.
contact-through-coordinator = نه ایمیل و نه تلفن: هماهنگ‌کننده شما را با هم آشنا می‌کند.
coord-field-email-optional-hint = برای کسی که ایمیل ندارد خالی بگذارید: در فهرست کسانی می‌آید که باید تلفنی یا حضوری با آن‌ها تماس گرفت.
