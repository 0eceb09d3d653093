## Page frame

site-name = buddymatch
skip-to-content = Skip to main content
language-switcher = Language
footer-text = buddymatch brings together people who have recently arrived and people who already live here.

## Sign-up form

signup-title = Sign up
signup-heading = Sign up: { $programme }
signup-intro = In this programme, people who have recently arrived and people who already live here meet regularly: to talk, share a hobby and practise a language. Three short steps, about five minutes.
required-note = Fields marked with * must be filled in.
choose = – please choose –
not-given = – not given –
submit-signup = Sign up

error-summary-title = There is a problem
error-summary-intro = Please correct the following and send the form again:
error-prefix = Error:

section-about = About you
field-first-name = First name
field-last-name = Last name
field-email = Email address
field-email-hint = We will send you a link to confirm this address.
field-phone = Phone number (optional)
field-message-language = Language of our emails to you
field-birth-year = Year of birth (optional)
field-gender = Gender (optional)
gender-woman = Woman
gender-man = Man
gender-non-binary = Non-binary
gender-prefer-not-to-say = Prefer not to say
field-is-minor = I am under 18 years old

section-role = Your part in the programme
role-legend = I am someone who…
role-arriving = …has recently arrived here
role-receiving = …already lives here
field-volunteer = I would like to be a volunteer buddy
field-volunteer-hint = A volunteer buddy meets regularly with a person or family who has recently arrived.
field-capacity = How many people or families could you be a buddy for?
field-capacity-hint = Volunteers only: a number from 1 to 5.

section-languages = Languages
languages-hint = Which languages do you speak, and how well? Give at least one.
language-n = Language { $n }
level-n = Level
level-of-language-n = Level of language { $n }
languages-row = Language { $n } and level
field-practise-languages = Languages I would like to practise (optional)
level-a1 = A1 – beginner
level-a2 = A2 – elementary
level-b1 = B1 – intermediate
level-b2 = B2 – upper intermediate
level-c1 = C1 – advanced
level-c2 = C2 – near native
level-native = Native language

section-interests = Interests
interests-legend = What do you enjoy doing? Choose as many as you like.
interests-programme = Activities of this programme
interests-more = More interests ({ $count })
practise-more = More languages ({ $count })

section-availability = When are you free?
availability-legend = Tick every time of the week when you could usually meet.
availability-caption = Weekly availability
availability-day = Day
day-mon = Monday
day-tue = Tuesday
day-wed = Wednesday
day-thu = Thursday
day-fri = Friday
day-sat = Saturday
day-sun = Sunday
part-morning = Morning
part-afternoon = Afternoon
part-evening = Evening

section-place = Where you can meet
field-area = Area where you live
field-max-travel = How far could you travel to meet (in km, 0 to 100)?
field-online-ok = I am also happy to meet online

section-household = Household
household-hint = If you sign up as a family, tell us who lives with you.
field-household-adults = Number of adults in the household
field-household-children = Number of children in the household
household-members-legend = Other members of the household (optional)
household-member-name = First name of person { $n }
household-member-birth-year = Year of birth of person { $n }

section-preferences = Preferences
preferences-hint = We treat these as firm rules, so only choose what really matters to you.
field-pref-buddy-gender = My buddy should be
pref-gender-any = No preference
pref-gender-woman = A woman
pref-gender-man = A man
field-pref-family = I would like to be matched with a family
pref-age-legend = Age of my buddy (optional)
field-pref-age-min = From age
field-pref-age-max = To age
field-pref-outside-community = I would prefer a buddy from outside my own language community

section-domains = Sharing and learning
share-legend = What could you share or help others with?
learn-legend = What would you like to learn about or get help with?
domain-work = Work
domain-housing = Housing
domain-education = Education
domain-health-and-social-care = Health and social care
domain-leisure = Leisure
domain-language = Language
domain-culture = Culture
domain-digital-skills = Digital skills
domain-rights-and-services = Rights and public services
domain-safety = Safety

section-consent = Privacy
field-consent = I have read the privacy notice and agree that my data is used to find a buddy for me in this programme.

## Sign-up in steps

signup-privacy-first = Nothing is stored until you send the form on the last step, and we use your answers only to find you a buddy.
step-progress = Step { $n } of { $total }
step-about = About you
step-languages-interests = Your languages and interests
step-when-where = When and where
step-next = Next
step-back = Back
add-language = Add another language
add-household-member = Add a household member
section-volunteer = Volunteering
section-household-optional = Household (optional)
section-preferences-optional = Wishes about your buddy (optional)
section-domains-optional = Sharing and learning (optional)
privacy-read-all = Read the whole privacy notice
level-say-a1 = I know a few words
level-say-a2 = I can say simple everyday things
level-say-b1 = I get by in everyday life
level-say-b2 = I speak it well
level-say-c1 = I speak it very well
level-say-c2 = I speak it almost like a mother tongue
level-say-native = It is my mother tongue
language-as-said = { $language }: { $level }

## Privacy notice

privacy-heading = Privacy notice
privacy-intro = { $programme } uses buddymatch to find good buddy pairs. This is what happens with your data.
privacy-collected-title = What we collect
privacy-collected = Your name and contact details, the languages you speak, your interests, the times you are free, your area, your household, your preferences and what you would like to share or learn. We never ask about legal status, nationality, ethnicity or religion.
privacy-purpose-title = Why
privacy-purpose = Only to find a suitable buddy for you in this programme and to accompany your buddy pair. We do not use your data for anything else, and we never sell it.
privacy-who-title = Who sees it
privacy-who = The coordinators of this programme. When we propose a buddy to you, that person sees only your first name and what you have in common until you have both accepted. Only then are contact details shared.
privacy-retention-title = How long we keep it
privacy-retention = As long as you take part in the programme. You can ask us at any time to show, correct or delete your data, or withdraw your consent; we then delete your data within 30 days. Sign-ups that are never confirmed are deleted after { $unconfirmed_days } days. If you leave the programme, we delete your data { $retention_months } months later; notes and comments about a match are deleted { $retention_months } months after it ends. Only anonymous counts remain.
privacy-contact-title = Contact
privacy-contact = The coordinators of { $programme }. You can reply to any email we send you.
privacy-legal = This notice is a plain-language summary, not legal advice. Version { $version }.

## Errors in the form

error-required = Please fill in this field.
error-too-long = This is too long.
error-invalid-email = Please enter a valid email address, like name@example.org.
error-invalid-phone = Please enter a valid phone number.
error-invalid-choice = Please choose one of the options offered.
error-invalid-number = Please enter a whole number.
error-out-of-range = This number is outside the allowed range.
error-no-language = Please give at least one language you speak.
error-duplicate-language = You have listed a language more than once.
error-no-availability = Please tick at least one time when you are free.
error-consent-required = Please agree to the privacy notice to sign up.
error-unknown-area = Please choose an area from the list.
error-unknown-interest = Please choose interests from the list.
error-age-range-inverted = The lowest age must not be higher than the highest age.
error-capacity-volunteers-only = Only volunteer buddies can take more than one person.
error-invalid = This value is not valid.
error-form-too-large = The form you sent was too large. Please fill it in again with shorter answers.
error-form-unreadable = Some of what you sent could not be read (the characters arrived damaged). Please fill in the form again.
error-form-send-again = Please check your answers and press the button once more to send the form.
error-form-too-many = Many sign-ups have come from your internet connection in the last hour, so we cannot take yours just now. Your answers are kept: please send the form again in { $minutes } min.
signup-leave-empty = Leave this field empty

## Thank-you and confirmation pages

thanks-title = Thank you for signing up
thanks-body = We have sent an email to the address you gave us. Please open the link in that email to confirm your sign-up. Only after that can we look for a buddy for you.
thanks-no-email = No email after a few minutes? Please look in your spam folder. The link is valid for 7 days.
confirm-title = Confirm your sign-up
confirm-body = Please press the button to confirm your sign-up for { $programme }.
confirm-button = Confirm my sign-up
confirmed-title = Your sign-up is confirmed
confirmed-body-volunteer = Thank you, { $name }, for offering to be a buddy!
confirmed-volunteer-first = Before we can propose you to someone, a coordinator will get in touch: you sign our code of conduct and take a short training on keeping people safe. This protects everyone who takes part.
confirmed-volunteer-next = After that, we look for someone whose languages, interests and free times fit yours. When we find someone, we email you their first name and what you have in common, and you decide whether you would like to meet.
confirmed-body = Thank you, { $name }! We will now look for a buddy for you. A coordinator will get in touch with you. This can take a little while.
token-expired-title = This link has expired
token-expired-body = Confirmation links are valid for 7 days. Please sign up again with the same email address, and we will send you a new link.
token-used-title = This link has already been used
token-used-body = This sign-up is already confirmed. You do not need to do anything else.
token-unknown-title = Link not found
token-unknown-body = This link is not valid. Please check that you copied the whole link from the email.

## Error pages

not-found-title = Page not found
not-found-body = We could not find this page. If you followed a sign-up link, please ask your programme for the correct link.
server-error-title = Something went wrong
server-error-body = Please try again in a few minutes.
back-to-form = Back to the sign-up form

## Emails

email-greeting = Hello { $name },
email-hello = Hello,
email-confirm-subject = Please confirm your sign-up for { $programme }
email-confirm-body = Thank you for signing up for { $programme }. Please confirm your email address by opening this link:
email-confirm-button = Confirm my sign-up
email-confirm-expiry = The link is valid for 7 days. Only after you have confirmed can we look for a buddy for you.
email-not-you = If you did not sign up, you can ignore this email. Unconfirmed sign-ups are deleted.
email-signoff = Best wishes,
email-team = The { $programme } team
email-already-subject = Your sign-up for { $programme }
email-already-body = Someone, probably you, has just tried to sign up for { $programme } with this email address. You are already signed up, so nothing has been changed.
email-already-pending = Your sign-up has not been confirmed yet. Please confirm it with this link (valid for 7 days):
email-already-confirmed = Your sign-up is already confirmed, so you do not need to do anything. If you would like to change your details, please reply to this email.

## Languages (names shown in the page language)

lang-am = Amharic
lang-ar = Arabic
lang-bn = Bengali
lang-de = German
lang-en = English
lang-es = Spanish
lang-fa = Farsi (Persian)
lang-fr = French
lang-hi = Hindi
lang-it = Italian
lang-ka = Georgian
lang-ku = Kurdish
lang-pl = Polish
lang-prs = Dari
lang-ps = Pashto
lang-pt = Portuguese
lang-ro = Romanian
lang-ru = Russian
lang-so = Somali
lang-sq = Albanian
lang-sr = Serbian
lang-ti = Tigrinya
lang-tr = Turkish
lang-uk = Ukrainian
lang-ur = Urdu
lang-zh = Chinese

## Interests

interest-cooking = Cooking
interest-football = Football
interest-chess = Chess
interest-music = Music
interest-hiking = Hiking
interest-cycling = Cycling
interest-reading = Reading
interest-art = Art
interest-crafts = Crafts
interest-gardening = Gardening
interest-films = Films
interest-photography = Photography
interest-dancing = Dancing
interest-theatre = Theatre
interest-swimming = Swimming
interest-running = Running
interest-yoga = Yoga
interest-board-games = Board games
interest-video-games = Video games
interest-history = History
interest-technology = Technology
interest-nature = Nature
interest-travel = Travel
interest-sewing = Sewing
interest-basketball = Basketball
interest-volleyball = Volleyball
interest-fitness = Fitness
interest-parenting = Parenting
interest-science = Science
interest-computers = Computers

signup-closed-title = Sign-up has closed
signup-closed-body = { $programme } is no longer taking new sign-ups. Thank you very much for wanting to take part.
signup-closed-members = If you already take part, nothing changes for you: your buddy, your check-ins and the link to your data go on as before.
signup-closed-elsewhere = The people who run the programme can tell you about other ways to meet people in your town.
