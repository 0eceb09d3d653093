## چارچوب صفحه

site-name = buddymatch
skip-to-content = رفتن به محتوای اصلی
language-switcher = زبان
footer-text = buddymatch افرادی را که تازه به اینجا آمده‌اند با کسانی که از قبل اینجا زندگی می‌کنند آشنا می‌کند.

## فرم ثبت‌نام

signup-title = ثبت‌نام
signup-heading = ثبت‌نام: { $programme }
signup-intro = در این برنامه، کسانی که تازه به اینجا آمده‌اند و کسانی که از قبل اینجا زندگی می‌کنند به‌طور منظم همدیگر را می‌بینند: برای گفت‌وگو، سرگرمی مشترک و تمرین زبان. سه مرحلهٔ کوتاه، حدود پنج دقیقه.
required-note = پر کردن فیلدهایی که با * مشخص شده‌اند الزامی است.
choose = – لطفاً انتخاب کنید –
not-given = – مشخص نشده –
submit-signup = ثبت‌نام کن

error-summary-title = مشکلی وجود دارد
error-summary-intro = لطفاً موارد زیر را اصلاح کنید و فرم را دوباره بفرستید:
error-prefix = خطا:

section-about = درباره شما
field-first-name = نام
field-last-name = نام خانوادگی
field-email = نشانی ایمیل
field-email-hint = برای تأیید این نشانی، یک پیوند برایتان می‌فرستیم.
field-phone = شماره تلفن (اختیاری)
field-message-language = زبان ایمیل‌هایی که برایتان می‌فرستیم
field-birth-year = سال تولد (اختیاری)
field-gender = جنسیت (اختیاری)
gender-woman = زن
gender-man = مرد
gender-non-binary = نان‌باینری
gender-prefer-not-to-say = ترجیح می‌دهم نگویم
field-is-minor = کمتر از ۱۸ سال دارم

section-role = نقش شما در برنامه
role-legend = کدام مورد درباره شما درست است؟
role-arriving = تازه به اینجا آمده‌ام
role-receiving = از قبل اینجا زندگی می‌کنم
field-volunteer = می‌خواهم به‌عنوان داوطلب هم‌یار باشم
field-volunteer-hint = هم‌یار داوطلب به‌طور منظم با یک فرد یا خانواده‌ای که تازه آمده است دیدار می‌کند.
field-capacity = برای چند نفر یا چند خانواده می‌توانید هم‌یار باشید؟
field-capacity-hint = فقط برای داوطلبان: عددی از ۱ تا ۵.

section-languages = زبان‌ها
languages-hint = به چه زبان‌هایی صحبت می‌کنید و در چه سطحی؟ دست‌کم یک زبان را بنویسید.
language-n = زبان { $n }
level-n = سطح
level-of-language-n = سطح زبان { $n }
languages-row = زبان { $n } و سطح آن
field-practise-languages = زبان‌هایی که دوست دارم تمرین کنم (اختیاری)
level-a1 = A1 – مبتدی
level-a2 = A2 – مقدماتی
level-b1 = B1 – متوسط
level-b2 = B2 – بالاتر از متوسط
level-c1 = C1 – پیشرفته
level-c2 = C2 – نزدیک به زبان مادری
level-native = زبان مادری

section-interests = علاقه‌مندی‌ها
interests-legend = به انجام چه کارهایی علاقه دارید؟ هر چند مورد که می‌خواهید انتخاب کنید.
interests-programme = فعالیت‌های این برنامه
interests-more = علاقه‌های دیگر ({ $count })
practise-more = زبان‌های دیگر ({ $count })

section-availability = چه زمانی وقت آزاد دارید؟
availability-legend = همه زمان‌هایی از هفته را که معمولاً می‌توانید دیدار کنید علامت بزنید.
availability-caption = زمان‌های آزاد در هفته
availability-day = روز
day-mon = دوشنبه
day-tue = سه‌شنبه
day-wed = چهارشنبه
day-thu = پنجشنبه
day-fri = جمعه
day-sat = شنبه
day-sun = یکشنبه
part-morning = صبح
part-afternoon = بعدازظهر
part-evening = عصر و شب

section-place = کجا می‌توانید دیدار کنید
field-area = منطقه‌ای که در آن زندگی می‌کنید
field-max-travel = برای دیدار تا چه فاصله‌ای می‌توانید بروید (به کیلومتر، از ۰ تا ۱۰۰)؟
field-online-ok = دیدار آنلاین هم برایم مناسب است

section-household = خانوار
household-hint = اگر به‌عنوان خانواده ثبت‌نام می‌کنید، بگویید چه کسانی با شما زندگی می‌کنند.
field-household-adults = تعداد بزرگسالان خانوار
field-household-children = تعداد کودکان خانوار
household-members-legend = دیگر اعضای خانوار (اختیاری)
household-member-name = نام فرد { $n }
household-member-birth-year = سال تولد فرد { $n }

section-preferences = ترجیحات
preferences-hint = ما این ترجیحات را کاملاً رعایت می‌کنیم، پس فقط چیزی را انتخاب کنید که واقعاً برایتان مهم است.
field-pref-buddy-gender = هم‌یار من باید باشد
pref-gender-any = فرقی نمی‌کند
pref-gender-woman = یک زن
pref-gender-man = یک مرد
field-pref-family = دوست دارم با یک خانواده آشنا شوم
pref-age-legend = سن هم‌یار من (اختیاری)
field-pref-age-min = از سن
field-pref-age-max = تا سن
field-pref-outside-community = ترجیح می‌دهم هم‌یارم از بیرون از جامعه زبانی خودم باشد

section-domains = به اشتراک گذاشتن و یاد گرفتن
share-legend = در چه زمینه‌هایی می‌توانید تجربه‌تان را به اشتراک بگذارید یا به دیگران کمک کنید؟
learn-legend = دوست دارید درباره چه چیزهایی یاد بگیرید یا در چه زمینه‌ای کمک بگیرید؟
domain-work = کار
domain-housing = مسکن
domain-education = آموزش
domain-health-and-social-care = بهداشت و خدمات اجتماعی
domain-leisure = اوقات فراغت
domain-language = زبان
domain-culture = فرهنگ
domain-digital-skills = مهارت‌های دیجیتال
domain-rights-and-services = حقوق و خدمات عمومی
domain-safety = امنیت

section-consent = حریم خصوصی
field-consent = اطلاعیه حریم خصوصی را خوانده‌ام و موافقم که از داده‌هایم برای پیدا کردن هم‌یار در این برنامه استفاده شود.

## Sign-up in steps

signup-privacy-first = تا وقتی فرم را در آخرین مرحله نفرستید، چیزی ذخیره نمی‌شود و ما از پاسخ‌های شما فقط برای پیدا کردن هم‌یار استفاده می‌کنیم.
step-progress = مرحلهٔ { $n } از { $total }
step-about = دربارهٔ شما
step-languages-interests = زبان‌ها و علاقه‌های شما
step-when-where = چه زمانی و کجا
step-next = بعدی
step-back = بازگشت
add-language = افزودن زبانی دیگر
add-household-member = افزودن یکی از اعضای خانوار
section-volunteer = داوطلبی
section-household-optional = خانوار (اختیاری)
section-preferences-optional = خواسته‌های شما دربارهٔ هم‌یارتان (اختیاری)
section-domains-optional = به اشتراک گذاشتن و یاد گرفتن (اختیاری)
privacy-read-all = خواندن کامل اطلاعیهٔ حریم خصوصی
level-say-a1 = چند کلمه بلدم
level-say-a2 = می‌توانم چیزهای ساده روزمره را بگویم
level-say-b1 = در زندگی روزمره از پسش برمی‌آیم
level-say-b2 = این زبان را خوب صحبت می‌کنم
level-say-c1 = این زبان را خیلی خوب صحبت می‌کنم
level-say-c2 = تقریباً مثل زبان مادری صحبت می‌کنم
level-say-native = زبان مادری من است
language-as-said = { $language }: { $level }

## اطلاعیه حریم خصوصی

privacy-heading = اطلاعیه حریم خصوصی
privacy-intro = { $programme } از buddymatch برای تشکیل زوج‌های هم‌یار مناسب استفاده می‌کند. این توضیح می‌دهد که با داده‌های شما چه می‌شود.
privacy-collected-title = چه چیزهایی جمع‌آوری می‌کنیم
privacy-collected = نام و اطلاعات تماس شما، زبان‌هایی که صحبت می‌کنید، علاقه‌مندی‌ها، زمان‌های آزاد، منطقه محل زندگی، خانوار، ترجیحات و آنچه دوست دارید به اشتراک بگذارید یا یاد بگیرید. ما هرگز درباره وضعیت اقامتی، تابعیت، قومیت یا دین نمی‌پرسیم.
privacy-purpose-title = چرا
privacy-purpose = فقط برای پیدا کردن یک هم‌یار مناسب برای شما در این برنامه و همراهی با شما دو نفر. از داده‌های شما برای هیچ کار دیگری استفاده نمی‌کنیم و هرگز آن‌ها را نمی‌فروشیم.
privacy-who-title = چه کسی آن‌ها را می‌بیند
privacy-who = هماهنگ‌کنندگان این برنامه. وقتی یک هم‌یار به شما پیشنهاد می‌کنیم، آن شخص تا زمانی که هر دو نفر موافقت کنید فقط نام کوچک شما و نقاط مشترکتان را می‌بیند. فقط پس از آن اطلاعات تماس رد و بدل می‌شود.
privacy-retention-title = تا کی آن‌ها را نگه می‌داریم
privacy-retention = تا زمانی که در برنامه شرکت دارید. هر وقت بخواهید می‌توانید از ما بخواهید داده‌هایتان را نشان دهیم، اصلاح یا حذف کنیم، یا رضایت خود را پس بگیرید؛ در این صورت داده‌هایتان را ظرف ۳۰ روز حذف می‌کنیم. ثبت‌نام‌هایی که هرگز تأیید نشوند پس از { $unconfirmed_days } روز حذف می‌شوند. اگر برنامه را ترک کنید، داده‌هایتان را { $retention_months } ماه بعد حذف می‌کنیم؛ یادداشت‌ها و نظرها درباره‌ی یک هم‌یاری { $retention_months } ماه پس از پایان آن حذف می‌شوند. فقط آمار بی‌نام باقی می‌ماند.
privacy-contact-title = تماس
privacy-contact = هماهنگ‌کنندگان { $programme }. می‌توانید به هر ایمیلی که برایتان می‌فرستیم پاسخ دهید.
privacy-legal = این اطلاعیه خلاصه‌ای به زبان ساده است و مشاوره حقوقی نیست. نسخه { $version }.

## خطاهای فرم

error-required = لطفاً این فیلد را پر کنید.
error-too-long = این متن بیش از حد طولانی است.
error-invalid-email = لطفاً یک نشانی ایمیل معتبر وارد کنید، مانند name@example.org.
error-invalid-phone = لطفاً یک شماره تلفن معتبر وارد کنید.
error-invalid-choice = لطفاً یکی از گزینه‌های موجود را انتخاب کنید.
error-invalid-number = لطفاً یک عدد صحیح وارد کنید.
error-out-of-range = این عدد خارج از محدوده مجاز است.
error-no-language = لطفاً دست‌کم یک زبانی را که صحبت می‌کنید بنویسید.
error-duplicate-language = یک زبان را بیش از یک بار نوشته‌اید.
error-no-availability = لطفاً دست‌کم یک زمان آزاد را علامت بزنید.
error-consent-required = برای ثبت‌نام، لطفاً با اطلاعیه حریم خصوصی موافقت کنید.
error-unknown-area = لطفاً یک منطقه از فهرست انتخاب کنید.
error-unknown-interest = لطفاً علاقه‌مندی‌ها را از فهرست انتخاب کنید.
error-age-range-inverted = حداقل سن نباید بیشتر از حداکثر سن باشد.
error-capacity-volunteers-only = فقط داوطلبان می‌توانند بیش از یک نفر را همراهی کنند.
error-invalid = این مقدار معتبر نیست.
error-form-too-large = فرم ارسال‌شده بیش از حد بزرگ بود. لطفاً آن را دوباره با پاسخ‌های کوتاه‌تر پر کنید.
error-form-unreadable = بخشی از آنچه فرستادید خوانده نشد (نویسه‌ها آسیب‌دیده رسیدند). لطفاً فرم را دوباره پر کنید.
error-form-send-again = لطفاً پاسخ‌های خود را بررسی کنید و برای ارسال فرم یک بار دیگر دکمه را بزنید.
error-form-too-many = در یک ساعت گذشته ثبت‌نام‌های زیادی از اتصال اینترنت شما آمده است، بنابراین اکنون نمی‌توانیم ثبت‌نام شما را بپذیریم. پاسخ‌های شما حفظ شده است: لطفاً { $minutes } دقیقه دیگر فرم را دوباره بفرستید.
signup-leave-empty = این فیلد را خالی بگذارید

## صفحه‌های تشکر و تأیید

thanks-title = از ثبت‌نام شما سپاسگزاریم
thanks-body = یک ایمیل به نشانی‌ای که وارد کردید فرستادیم. لطفاً برای تأیید ثبت‌نام، پیوند داخل آن ایمیل را باز کنید. فقط پس از آن می‌توانیم برایتان هم‌یار پیدا کنیم.
thanks-no-email = پس از چند دقیقه ایمیلی نرسید؟ لطفاً پوشه هرزنامه را نگاه کنید. پیوند ۷ روز اعتبار دارد.
confirm-title = تأیید ثبت‌نام
confirm-body = لطفاً برای تأیید ثبت‌نام خود در { $programme } دکمه را بزنید.
confirm-button = ثبت‌نامم را تأیید می‌کنم
confirmed-title = ثبت‌نام شما تأیید شد
confirmed-body-volunteer = سپاس، { $name }، که می‌خواهید هم‌یار شوید!
confirmed-volunteer-first = پیش از آنکه بتوانیم شما را به کسی پیشنهاد کنیم، یکی از هماهنگ‌کنندگان با شما تماس می‌گیرد: آیین‌نامهٔ رفتاری ما را امضا می‌کنید و یک آموزش کوتاه دربارهٔ ایمنی افراد می‌گذرانید. این از همهٔ شرکت‌کنندگان محافظت می‌کند.
confirmed-volunteer-next = پس از آن، کسی را پیدا می‌کنیم که زبان‌ها، علاقه‌ها و زمان‌های آزادش با شما جور باشد. وقتی کسی را یافتیم، نام کوچک او و وجوه مشترکتان را برایتان ایمیل می‌کنیم و خودتان تصمیم می‌گیرید که بخواهید دیدار کنید یا نه.
confirmed-body = سپاسگزاریم، { $name }! اکنون برایتان به دنبال هم‌یار می‌گردیم. یکی از هماهنگ‌کنندگان با شما تماس خواهد گرفت. این کار ممکن است کمی طول بکشد.
token-expired-title = اعتبار این پیوند تمام شده است
token-expired-body = پیوندهای تأیید ۷ روز اعتبار دارند. لطفاً با همان نشانی ایمیل دوباره ثبت‌نام کنید تا پیوند تازه‌ای برایتان بفرستیم.
token-used-title = این پیوند قبلاً استفاده شده است
token-used-body = این ثبت‌نام قبلاً تأیید شده است. لازم نیست کار دیگری انجام دهید.
token-unknown-title = پیوند پیدا نشد
token-unknown-body = این پیوند معتبر نیست. لطفاً بررسی کنید که کل پیوند را از ایمیل کپی کرده باشید.

## صفحه‌های خطا

not-found-title = صفحه پیدا نشد
not-found-body = این صفحه را پیدا نکردیم. اگر از پیوند ثبت‌نام آمده‌اید، لطفاً پیوند درست را از برنامه خود بخواهید.
server-error-title = مشکلی پیش آمد
server-error-body = لطفاً چند دقیقه دیگر دوباره امتحان کنید.
back-to-form = بازگشت به فرم ثبت‌نام

## ایمیل‌ها

email-greeting = سلام { $name }،
email-hello = سلام،
email-confirm-subject = لطفاً ثبت‌نام خود در { $programme } را تأیید کنید
email-confirm-body = از ثبت‌نام شما در { $programme } سپاسگزاریم. لطفاً با باز کردن این پیوند، نشانی ایمیل خود را تأیید کنید:
email-confirm-button = ثبت‌نامم را تأیید می‌کنم
email-confirm-expiry = این پیوند ۷ روز اعتبار دارد. فقط پس از تأیید شما می‌توانیم برایتان هم‌یار پیدا کنیم.
email-not-you = اگر شما ثبت‌نام نکرده‌اید، می‌توانید این ایمیل را نادیده بگیرید. ثبت‌نام‌های تأییدنشده حذف می‌شوند.
email-signoff = با بهترین آرزوها،
email-team = تیم { $programme }
email-already-subject = ثبت‌نام شما در { $programme }
email-already-body = کسی، احتمالاً خود شما، همین حالا تلاش کرد با این نشانی ایمیل در { $programme } ثبت‌نام کند. شما قبلاً ثبت‌نام کرده‌اید، بنابراین چیزی تغییر نکرد.
email-already-pending = ثبت‌نام شما هنوز تأیید نشده است. لطفاً آن را با این پیوند تأیید کنید (۷ روز اعتبار دارد):
email-already-confirmed = ثبت‌نام شما قبلاً تأیید شده است و لازم نیست کاری انجام دهید. اگر می‌خواهید اطلاعاتتان را تغییر دهید، لطفاً به این ایمیل پاسخ دهید.

## زبان‌ها (نام‌ها به زبان صفحه)

lang-am = امهری
lang-ar = عربی
lang-bn = بنگالی
lang-de = آلمانی
lang-en = انگلیسی
lang-es = اسپانیایی
lang-fa = فارسی
lang-fr = فرانسوی
lang-hi = هندی
lang-it = ایتالیایی
lang-ka = گرجی
lang-ku = کردی
lang-pl = لهستانی
lang-prs = دری
lang-ps = پشتو
lang-pt = پرتغالی
lang-ro = رومانیایی
lang-ru = روسی
lang-so = سومالیایی
lang-sq = آلبانیایی
lang-sr = صربی
lang-ti = تیگرینیا
lang-tr = ترکی
lang-uk = اوکراینی
lang-ur = اردو
lang-zh = چینی

## علاقه‌مندی‌ها

interest-cooking = آشپزی
interest-football = فوتبال
interest-chess = شطرنج
interest-music = موسیقی
interest-hiking = کوهپیمایی
interest-cycling = دوچرخه‌سواری
interest-reading = کتاب‌خوانی
interest-art = هنر
interest-crafts = کاردستی
interest-gardening = باغبانی
interest-films = فیلم
interest-photography = عکاسی
interest-dancing = رقص
interest-theatre = تئاتر
interest-swimming = شنا
interest-running = دویدن
interest-yoga = یوگا
interest-board-games = بازی‌های رومیزی
interest-video-games = بازی‌های ویدیویی
interest-history = تاریخ
interest-technology = فناوری
interest-nature = طبیعت
interest-travel = سفر
interest-sewing = خیاطی
interest-basketball = بسکتبال
interest-volleyball = والیبال
interest-fitness = تناسب اندام
interest-parenting = تربیت فرزند
interest-science = علم
interest-computers = کامپیوتر

signup-closed-title = ثبت‌نام بسته شده است
signup-closed-body = { $programme } دیگر ثبت‌نام تازه نمی‌پذیرد. بسیار سپاسگزاریم که می‌خواستید شرکت کنید.
signup-closed-members = اگر از پیش شرکت دارید، برای شما چیزی تغییر نمی‌کند: هم‌یارتان، پیگیری‌ها و پیوند داده‌هایتان مثل قبل ادامه دارند.
signup-closed-elsewhere = کسانی که برنامه را اداره می‌کنند می‌توانند راه‌های دیگری برای آشنایی با مردم شهرتان به شما بگویند.
