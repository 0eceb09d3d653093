## Рамка сторінки

site-name = buddymatch
skip-to-content = Перейти до основного вмісту
language-switcher = Мова
footer-text = buddymatch знайомить людей, які нещодавно приїхали, з людьми, які вже тут живуть.

## Форма реєстрації

signup-title = Реєстрація
signup-heading = Реєстрація: { $programme }
signup-intro = У цій програмі люди, які нещодавно приїхали, і люди, які вже тут живуть, регулярно зустрічаються: щоб поговорити, зайнятися спільним хобі й попрактикувати мову. Три короткі кроки, близько п’яти хвилин.
required-note = Поля, позначені *, обов’язкові.
choose = – оберіть –
not-given = – не вказано –
submit-signup = Зареєструватися

error-summary-title = Виникла проблема
error-summary-intro = Будь ласка, виправте таке й надішліть форму ще раз:
error-prefix = Помилка:

section-about = Про вас
field-first-name = Ім’я
field-last-name = Прізвище
field-email = Електронна пошта
field-email-hint = Ми надішлемо вам посилання, щоб підтвердити цю адресу.
field-phone = Номер телефону (необов’язково)
field-message-language = Мова наших листів до вас
field-birth-year = Рік народження (необов’язково)
field-gender = Стать (необов’язково)
gender-woman = Жінка
gender-man = Чоловік
gender-non-binary = Небінарна особа
gender-prefer-not-to-say = Не хочу вказувати
field-is-minor = Мені менше 18 років

section-role = Ваша роль у програмі
role-legend = Я людина, яка…
role-arriving = …нещодавно сюди приїхала
role-receiving = …вже тут живе
field-volunteer = Я хочу бути волонтером-наставником
field-volunteer-hint = Волонтер-наставник регулярно зустрічається з людиною або родиною, яка нещодавно приїхала.
field-capacity = Для скількох людей або родин ви могли б стати наставником?
field-capacity-hint = Лише для волонтерів: число від 1 до 5.

section-languages = Мови
languages-hint = Якими мовами ви розмовляєте і наскільки добре? Вкажіть принаймні одну.
language-n = Мова { $n }
level-n = Рівень
level-of-language-n = Рівень мови { $n }
languages-row = Мова { $n } і рівень
field-practise-languages = Мови, які я хочу практикувати (необов’язково)
level-a1 = A1 – початковий
level-a2 = A2 – елементарний
level-b1 = B1 – середній
level-b2 = B2 – вище середнього
level-c1 = C1 – просунутий
level-c2 = C2 – майже як рідна
level-native = Рідна мова

section-interests = Інтереси
interests-legend = Що вам подобається робити? Оберіть скільки завгодно.
interests-programme = Заняття цієї програми
interests-more = Інші інтереси ({ $count })
practise-more = Інші мови ({ $count })

section-availability = Коли ви вільні?
availability-legend = Позначте всі часи тижня, коли ви зазвичай могли б зустрічатися.
availability-caption = Вільний час протягом тижня
availability-day = День
day-mon = Понеділок
day-tue = Вівторок
day-wed = Середа
day-thu = Четвер
day-fri = П’ятниця
day-sat = Субота
day-sun = Неділя
part-morning = Ранок
part-afternoon = День
part-evening = Вечір

section-place = Де ви можете зустрічатися
field-area = Район або місцевість, де ви живете
field-max-travel = Як далеко ви могли б їхати на зустріч (у км, від 0 до 100)?
field-online-ok = Я також охоче зустрічаюся онлайн

section-household = Домогосподарство
household-hint = Якщо ви реєструєтеся як родина, розкажіть, хто живе з вами.
field-household-adults = Кількість дорослих у домогосподарстві
field-household-children = Кількість дітей у домогосподарстві
household-members-legend = Інші члени домогосподарства (необов’язково)
household-member-name = Ім’я особи { $n }
household-member-birth-year = Рік народження особи { $n }

section-preferences = Побажання
preferences-hint = Ми суворо дотримуємося цих побажань, тож обирайте лише те, що для вас справді важливо.
field-pref-buddy-gender = Мій наставник має бути
pref-gender-any = Без різниці
pref-gender-woman = Жінкою
pref-gender-man = Чоловіком
field-pref-family = Я хотів би / хотіла б познайомитися з родиною
pref-age-legend = Вік мого наставника (необов’язково)
field-pref-age-min = Від
field-pref-age-max = До
field-pref-outside-community = Я віддаю перевагу наставнику поза моєю мовною спільнотою

section-domains = Ділитися й навчатися
share-legend = Чим ви могли б поділитися або в чому допомогти іншим?
learn-legend = Про що ви хотіли б дізнатися або з чим вам потрібна допомога?
domain-work = Робота
domain-housing = Житло
domain-education = Освіта
domain-health-and-social-care = Здоров’я та соціальна допомога
domain-leisure = Дозвілля
domain-language = Мова
domain-culture = Культура
domain-digital-skills = Цифрові навички
domain-rights-and-services = Права та державні послуги
domain-safety = Безпека

section-consent = Захист даних
field-consent = Я прочитав / прочитала повідомлення про конфіденційність і погоджуюся, щоб мої дані використовувалися для пошуку наставника в цій програмі.

## Sign-up in steps

signup-privacy-first = Нічого не зберігається, доки ви не надішлете форму на останньому кроці, а ваші відповіді ми використовуємо лише для того, щоб знайти вам наставника.
step-progress = Крок { $n } з { $total }
step-about = Про вас
step-languages-interests = Ваші мови та інтереси
step-when-where = Коли й де
step-next = Далі
step-back = Назад
add-language = Додати ще одну мову
add-household-member = Додати члена домогосподарства
section-volunteer = Волонтерство
section-household-optional = Домогосподарство (необов’язково)
section-preferences-optional = Побажання щодо вашого наставника (необов’язково)
section-domains-optional = Ділитися й навчатися (необов’язково)
privacy-read-all = Прочитати повне повідомлення про конфіденційність
level-say-a1 = Я знаю кілька слів
level-say-a2 = Я можу сказати прості повсякденні речі
level-say-b1 = Я даю собі раду в повсякденному житті
level-say-b2 = Я добре розмовляю цією мовою
level-say-c1 = Я дуже добре розмовляю цією мовою
level-say-c2 = Я розмовляю майже як рідною
level-say-native = Це моя рідна мова
language-as-said = { $language }: { $level }

## Повідомлення про конфіденційність

privacy-heading = Повідомлення про конфіденційність
privacy-intro = { $programme } використовує buddymatch, щоб створювати вдалі пари. Ось що відбувається з вашими даними.
privacy-collected-title = Що ми збираємо
privacy-collected = Ваше ім’я та контактні дані, мови, якими ви розмовляєте, ваші інтереси, ваш вільний час, ваш район, склад домогосподарства, ваші побажання та те, чим ви хочете поділитися або чого навчитися. Ми ніколи не питаємо про правовий статус, громадянство, етнічне походження чи релігію.
privacy-purpose-title = Навіщо
privacy-purpose = Лише для того, щоб знайти вам відповідного наставника в цій програмі та супроводжувати вашу пару. Ми не використовуємо ваші дані ні для чого іншого й ніколи їх не продаємо.
privacy-who-title = Хто їх бачить
privacy-who = Координатори цієї програми. Коли ми пропонуємо вам наставника, ця людина бачить лише ваше ім’я та те, що вас об’єднує, доки ви обоє не погодитеся. Лише після цього передаються контактні дані.
privacy-retention-title = Як довго ми їх зберігаємо
privacy-retention = Поки ви берете участь у програмі. Ви будь-коли можете попросити нас показати, виправити або видалити ваші дані чи відкликати свою згоду; тоді ми видалимо ваші дані протягом 30 днів. Реєстрації, які так і не були підтверджені, видаляються через { $unconfirmed_days } днів. Якщо ви залишите програму, ми видалимо ваші дані через { $retention_months } міс.; нотатки й коментарі про пару видаляються через { $retention_months } міс. після її завершення. Залишаються лише анонімні підрахунки.
privacy-contact-title = Контакт
privacy-contact = Координатори { $programme }. Ви можете відповісти на будь-який наш лист.
privacy-legal = Це повідомлення — короткий виклад простою мовою, а не юридична консультація. Версія { $version }.

## Помилки у формі

error-required = Будь ласка, заповніть це поле.
error-too-long = Це занадто довго.
error-invalid-email = Будь ласка, введіть дійсну адресу електронної пошти, наприклад name@example.org.
error-invalid-phone = Будь ласка, введіть дійсний номер телефону.
error-invalid-choice = Будь ласка, оберіть один із запропонованих варіантів.
error-invalid-number = Будь ласка, введіть ціле число.
error-out-of-range = Це число поза допустимими межами.
error-no-language = Будь ласка, вкажіть принаймні одну мову, якою ви розмовляєте.
error-duplicate-language = Ви вказали одну мову більше ніж один раз.
error-no-availability = Будь ласка, позначте принаймні один час, коли ви вільні.
error-consent-required = Щоб зареєструватися, погодьтеся з повідомленням про конфіденційність.
error-unknown-area = Будь ласка, оберіть район зі списку.
error-unknown-interest = Будь ласка, оберіть інтереси зі списку.
error-age-range-inverted = Мінімальний вік не може бути більшим за максимальний.
error-capacity-volunteers-only = Лише волонтери можуть супроводжувати більше ніж одну людину.
error-invalid = Це значення недійсне.
error-form-too-large = Надіслана форма завелика. Будь ласка, заповніть її ще раз коротшими відповідями.
error-form-unreadable = Частину надісланого не вдалося прочитати (символи надійшли пошкодженими). Будь ласка, заповніть форму ще раз.
error-form-send-again = Будь ласка, перевірте відповіді й натисніть кнопку ще раз, щоб надіслати форму.
error-form-too-many = За останню годину з вашого інтернет-з’єднання надійшло багато реєстрацій, тому зараз ми не можемо прийняти вашу. Ваші відповіді збережено: будь ласка, надішліть форму ще раз через { $minutes } хв.
signup-leave-empty = Залиште це поле порожнім

## Сторінки подяки та підтвердження

thanks-title = Дякуємо за реєстрацію
thanks-body = Ми надіслали лист на вказану вами адресу. Будь ласка, відкрийте посилання в цьому листі, щоб підтвердити реєстрацію. Лише після цього ми зможемо шукати для вас наставника.
thanks-no-email = Лист не прийшов за кілька хвилин? Перевірте папку «Спам». Посилання дійсне 7 днів.
confirm-title = Підтвердження реєстрації
confirm-body = Будь ласка, натисніть кнопку, щоб підтвердити реєстрацію в програмі { $programme }.
confirm-button = Підтвердити мою реєстрацію
confirmed-title = Вашу реєстрацію підтверджено
confirmed-body-volunteer = Дякуємо, { $name }, що хочете стати наставником!
confirmed-volunteer-first = Перш ніж ми зможемо запропонувати вас комусь, з вами зв’яжеться координатор: ви підпишете наш кодекс поведінки й пройдете коротке навчання з безпеки людей. Це захищає всіх учасників.
confirmed-volunteer-next = Після цього ми шукаємо людину, чиї мови, інтереси й вільний час підходять до ваших. Коли ми когось знайдемо, надішлемо вам ім’я та що у вас спільного, а ви вирішите, чи хочете зустрітися.
confirmed-body = Дякуємо, { $name }! Тепер ми шукатимемо для вас наставника. Координатор зв’яжеться з вами. Це може зайняти деякий час.
token-expired-title = Термін дії посилання минув
token-expired-body = Посилання для підтвердження дійсні 7 днів. Зареєструйтеся ще раз із тією самою адресою електронної пошти, і ми надішлемо вам нове посилання.
token-used-title = Це посилання вже використано
token-used-body = Цю реєстрацію вже підтверджено. Більше нічого робити не потрібно.
token-unknown-title = Посилання не знайдено
token-unknown-body = Це посилання недійсне. Перевірте, чи ви скопіювали посилання з листа повністю.

## Сторінки помилок

not-found-title = Сторінку не знайдено
not-found-body = Ми не змогли знайти цю сторінку. Якщо ви перейшли за посиланням для реєстрації, попросіть у своєї програми правильне посилання.
server-error-title = Щось пішло не так
server-error-body = Будь ласка, спробуйте ще раз за кілька хвилин.
back-to-form = Повернутися до форми реєстрації

## Листи

email-greeting = Вітаємо, { $name }!
email-hello = Вітаємо!
email-confirm-subject = Будь ласка, підтвердьте реєстрацію в програмі { $programme }
email-confirm-body = Дякуємо за реєстрацію в програмі { $programme }. Будь ласка, підтвердьте свою адресу електронної пошти, відкривши це посилання:
email-confirm-button = Підтвердити мою реєстрацію
email-confirm-expiry = Посилання дійсне 7 днів. Лише після підтвердження ми зможемо шукати для вас наставника.
email-not-you = Якщо ви не реєструвалися, просто проігноруйте цей лист. Непідтверджені реєстрації видаляються.
email-signoff = З найкращими побажаннями,
email-team = команда { $programme }
email-already-subject = Ваша реєстрація в програмі { $programme }
email-already-body = Хтось, імовірно ви, щойно спробував зареєструватися в програмі { $programme } з цією адресою електронної пошти. Ви вже зареєстровані, тому нічого не змінено.
email-already-pending = Вашу реєстрацію ще не підтверджено. Будь ласка, підтвердьте її за цим посиланням (дійсне 7 днів):
email-already-confirmed = Вашу реєстрацію вже підтверджено, тож нічого робити не потрібно. Якщо ви хочете змінити свої дані, просто дайте відповідь на цей лист.

## Мови (назви мовою сторінки)

lang-am = Амхарська
lang-ar = Арабська
lang-bn = Бенгальська
lang-de = Німецька
lang-en = Англійська
lang-es = Іспанська
lang-fa = Фарсі (перська)
lang-fr = Французька
lang-hi = Гінді
lang-it = Італійська
lang-ka = Грузинська
lang-ku = Курдська
lang-pl = Польська
lang-prs = Дарі
lang-ps = Пушту
lang-pt = Португальська
lang-ro = Румунська
lang-ru = Російська
lang-so = Сомалі
lang-sq = Албанська
lang-sr = Сербська
lang-ti = Тигринья
lang-tr = Турецька
lang-uk = Українська
lang-ur = Урду
lang-zh = Китайська

## Інтереси

interest-cooking = Кулінарія
interest-football = Футбол
interest-chess = Шахи
interest-music = Музика
interest-hiking = Піші походи
interest-cycling = Велоспорт
interest-reading = Читання
interest-art = Мистецтво
interest-crafts = Рукоділля
interest-gardening = Садівництво
interest-films = Кіно
interest-photography = Фотографія
interest-dancing = Танці
interest-theatre = Театр
interest-swimming = Плавання
interest-running = Біг
interest-yoga = Йога
interest-board-games = Настільні ігри
interest-video-games = Відеоігри
interest-history = Історія
interest-technology = Техніка
interest-nature = Природа
interest-travel = Подорожі
interest-sewing = Шиття
interest-basketball = Баскетбол
interest-volleyball = Волейбол
interest-fitness = Фітнес
interest-parenting = Виховання дітей
interest-science = Наука
interest-computers = Комп’ютери

signup-closed-title = Реєстрацію закрито
signup-closed-body = { $programme } більше не приймає нових реєстрацій. Щиро дякуємо, що хотіли долучитися.
signup-closed-members = Якщо ви вже берете участь, для вас нічого не змінюється: ваш наставник, ваші відгуки та посилання на ваші дані залишаються як раніше.
signup-closed-elsewhere = Люди, які ведуть програму, можуть розповісти вам про інші способи познайомитися з людьми у вашому місті.
