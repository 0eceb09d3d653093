//! The data the generator draws from: language communities with their other languages, names,
//! interest popularity, integration domains. Weights are relative (they need not sum to 100).
//!
//! Nothing here is, or stands for, nationality, ethnicity or religion: a "community" is the
//! group of people who share a first language, which is what the matching scores. Names are only
//! there so that demo screens look like a real programme.

/// A first-language community among arriving members.
pub struct Community {
    /// ISO 639 code of the first language.
    pub code: &'static str,
    /// Share of arriving members (relative weight).
    pub weight: u32,
    /// Other languages people of this community often speak: code, probability, lowest and
    /// highest level index into [`LEVELS`].
    pub other_languages: &'static [(&'static str, f64, usize, usize)],
    /// Message language (one of the UI languages) most people of this community would pick:
    /// code and probability; the rest pick English or the local language.
    pub message_language: Option<(&'static str, f64)>,
    /// Whether people of this community wait longer than others in hand-matched programmes
    /// (few speakers among volunteers).
    pub rare: bool,
    /// Names.
    pub names: &'static Names,
}

/// First names (women, men) and family names.
pub struct Names {
    /// Women's first names.
    pub women: &'static [&'static str],
    /// Men's first names.
    pub men: &'static [&'static str],
    /// Family names.
    pub family: &'static [&'static str],
}

/// CEFR levels, lowest first, then native.
pub const LEVELS: [&str; 7] = ["A1", "A2", "B1", "B2", "C1", "C2", "native"];
/// Index of `native` in [`LEVELS`].
pub const NATIVE: usize = 6;

const ARABIC: Names = Names {
    women: &[
        "Amal", "Fatima", "Layla", "Rania", "Nour", "Huda", "Salma", "Yasmin", "Reem", "Dima",
    ],
    men: &[
        "Ahmad", "Omar", "Khaled", "Yousef", "Mahmoud", "Samir", "Karim", "Hassan", "Bilal",
        "Tariq",
    ],
    family: &[
        "Haddad", "Khalil", "Nasser", "Saleh", "Darwish", "Mansour", "Aziz", "Hamdan", "Qasim",
        "Jaber",
    ],
};
const UKRAINIAN: Names = Names {
    women: &[
        "Olena",
        "Iryna",
        "Kateryna",
        "Oksana",
        "Natalia",
        "Yulia",
        "Sofiia",
        "Anastasiia",
        "Halyna",
        "Mariia",
    ],
    men: &[
        "Andrii",
        "Oleksandr",
        "Dmytro",
        "Serhii",
        "Mykola",
        "Taras",
        "Yurii",
        "Bohdan",
        "Vasyl",
        "Ihor",
    ],
    family: &[
        "Kovalenko",
        "Shevchenko",
        "Bondarenko",
        "Tkachenko",
        "Melnyk",
        "Kravchenko",
        "Boiko",
        "Savchenko",
        "Lysenko",
        "Marchenko",
    ],
};
const PERSIAN: Names = Names {
    women: &[
        "Maryam", "Zahra", "Shirin", "Parisa", "Leila", "Nasrin", "Azadeh", "Sara", "Mina",
        "Niloofar",
    ],
    men: &[
        "Reza", "Ali", "Amir", "Mehdi", "Hossein", "Dariush", "Babak", "Kian", "Arash", "Navid",
    ],
    family: &[
        "Ahmadi", "Hosseini", "Karimi", "Rahimi", "Moradi", "Rezaei", "Jafari", "Sadeghi",
        "Tehrani", "Kazemi",
    ],
};
const DARI_PASHTO: Names = Names {
    women: &[
        "Farida", "Mariam", "Nazanin", "Shabnam", "Roya", "Zarghuna", "Hamida", "Laila", "Mursal",
        "Freshta",
    ],
    men: &[
        "Farid",
        "Jawad",
        "Naveed",
        "Sohail",
        "Wahid",
        "Hamid",
        "Rahim",
        "Zabihullah",
        "Mirwais",
        "Ajmal",
    ],
    family: &[
        "Noori", "Sultani", "Rahmani", "Haidari", "Azimi", "Popal", "Sharifi", "Wardak", "Amiri",
        "Safi",
    ],
};
const TIGRINYA: Names = Names {
    women: &[
        "Selam", "Helen", "Senait", "Saba", "Mebrat", "Yordanos", "Luwam", "Eden", "Semhar",
        "Rahel",
    ],
    men: &[
        "Yonas", "Dawit", "Tesfay", "Biniam", "Filmon", "Mehari", "Samuel", "Robel", "Henok",
        "Natnael",
    ],
    family: &[
        "Tesfaye",
        "Gebremedhin",
        "Haile",
        "Kidane",
        "Berhe",
        "Tekle",
        "Abraha",
        "Ghebre",
        "Woldu",
        "Mehreteab",
    ],
};
const SOMALI: Names = Names {
    women: &[
        "Hodan", "Amina", "Faduma", "Ayaan", "Sahra", "Ifrah", "Nasra", "Hibo", "Ubah", "Deeqa",
    ],
    men: &[
        "Abdi",
        "Mohamed",
        "Ahmed",
        "Yusuf",
        "Liban",
        "Abdirahman",
        "Farah",
        "Guled",
        "Bashir",
        "Mahad",
    ],
    family: &[
        "Warsame", "Farah", "Hassan", "Ali", "Jama", "Osman", "Abdi", "Nur", "Egal", "Duale",
    ],
};
const TURKISH: Names = Names {
    women: &[
        "Elif", "Zeynep", "Ayşe", "Emine", "Derya", "Selin", "Merve", "Büşra", "Esra", "Gül",
    ],
    men: &[
        "Mehmet", "Mustafa", "Emre", "Burak", "Can", "Murat", "Hakan", "Serkan", "Onur", "Kerem",
    ],
    family: &[
        "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın", "Öztürk", "Arslan", "Doğan", "Koç",
    ],
};
const RUSSIAN: Names = Names {
    women: &[
        "Anna", "Elena", "Tatiana", "Olga", "Svetlana", "Irina", "Daria", "Polina", "Ksenia",
        "Vera",
    ],
    men: &[
        "Alexei", "Dmitri", "Sergei", "Ivan", "Mikhail", "Pavel", "Nikolai", "Artem", "Maxim",
        "Kirill",
    ],
    family: &[
        "Koval", "Levin", "Sokol", "Belenko", "Orlik", "Zhuk", "Moroz", "Kravets", "Grinko",
        "Bondar",
    ],
};
const KURDISH: Names = Names {
    women: &[
        "Rojin", "Berfin", "Dilan", "Zozan", "Hêvî", "Nazê", "Evîn", "Jiyan", "Avin", "Shilan",
    ],
    men: &[
        "Azad", "Baran", "Rêber", "Dilshad", "Sherzad", "Hogir", "Rojhat", "Serhat", "Kawa", "Aram",
    ],
    family: &[
        "Ali", "Hasan", "Omer", "Qadir", "Rashid", "Salih", "Aziz", "Karim", "Ahmed", "Xelil",
    ],
};
const ROMANIAN: Names = Names {
    women: &[
        "Ioana",
        "Maria",
        "Elena",
        "Andreea",
        "Alexandra",
        "Cristina",
        "Mihaela",
        "Gabriela",
        "Roxana",
        "Diana",
    ],
    men: &[
        "Andrei",
        "Alexandru",
        "Mihai",
        "Ionuț",
        "Florin",
        "Bogdan",
        "Cătălin",
        "Vlad",
        "Radu",
        "Sorin",
    ],
    family: &[
        "Popescu",
        "Ionescu",
        "Popa",
        "Stan",
        "Dumitru",
        "Constantin",
        "Stoica",
        "Munteanu",
        "Lungu",
        "Rusu",
    ],
};
const SPANISH: Names = Names {
    women: &[
        "Lucía",
        "María",
        "Carmen",
        "Valentina",
        "Camila",
        "Sofía",
        "Daniela",
        "Paula",
        "Gabriela",
        "Ana",
    ],
    men: &[
        "Carlos",
        "Javier",
        "Diego",
        "Alejandro",
        "Andrés",
        "Luis",
        "Mateo",
        "Santiago",
        "Jorge",
        "Miguel",
    ],
    family: &[
        "García",
        "Rodríguez",
        "López",
        "Martínez",
        "Hernández",
        "Gómez",
        "Pérez",
        "Sánchez",
        "Ramírez",
        "Torres",
    ],
};
const FRENCH_SPEAKING: Names = Names {
    women: &[
        "Aminata", "Fatou", "Mariama", "Claire", "Aïcha", "Awa", "Chloé", "Nadia", "Mireille",
        "Grâce",
    ],
    men: &[
        "Moussa",
        "Ibrahima",
        "Mamadou",
        "Jean",
        "Olivier",
        "Youssouf",
        "Pierre",
        "Christian",
        "Cédric",
        "Serge",
    ],
    family: &[
        "Diallo", "Traoré", "Camara", "Diop", "Martin", "Kouassi", "Ndiaye", "Koné", "Mbala", "Sow",
    ],
};
const ENGLISH_SPEAKING: Names = Names {
    women: &[
        "Grace", "Mercy", "Blessing", "Joy", "Sarah", "Esther", "Faith", "Ruth", "Abena",
        "Precious",
    ],
    men: &[
        "Daniel", "Emmanuel", "John", "Samuel", "David", "Joseph", "Michael", "Kwame", "Chinedu",
        "Kofi",
    ],
    family: &[
        "Okafor", "Mensah", "Adeyemi", "Smith", "Owusu", "Boateng", "Johnson", "Nwosu", "Asante",
        "Banda",
    ],
};

/// Names of people who have long lived in a German-speaking city.
pub const GERMAN_LOCAL: Names = Names {
    women: &[
        "Anna",
        "Lena",
        "Julia",
        "Katharina",
        "Sabine",
        "Monika",
        "Laura",
        "Marie",
        "Sophie",
        "Claudia",
        "Ursula",
        "Petra",
        "Hannah",
        "Mia",
        "Franziska",
    ],
    men: &[
        "Thomas", "Michael", "Stefan", "Andreas", "Jonas", "Lukas", "Felix", "Tobias", "Peter",
        "Jürgen", "Klaus", "Matthias", "Paul", "Leon", "Wolfgang",
    ],
    family: &[
        "Müller",
        "Schmidt",
        "Schneider",
        "Fischer",
        "Weber",
        "Meyer",
        "Wagner",
        "Becker",
        "Hoffmann",
        "Schulz",
        "Koch",
        "Richter",
        "Klein",
        "Wolf",
        "Neumann",
        "Schröder",
        "Lehmann",
        "Krüger",
    ],
};
/// Names of people who have long lived in a French-speaking city.
pub const FRENCH_LOCAL: Names = Names {
    women: &[
        "Camille", "Léa", "Manon", "Chloé", "Sophie", "Isabelle", "Nathalie", "Julie", "Claire",
        "Émilie",
    ],
    men: &[
        "Thomas", "Nicolas", "Julien", "Antoine", "Pierre", "Lucas", "Hugo", "Philippe", "Laurent",
        "Mathieu",
    ],
    family: &[
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
        "Moreau", "Simon", "Laurent",
    ],
};
/// Names of people who have long lived in an English-speaking city.
pub const ENGLISH_LOCAL: Names = Names {
    women: &[
        "Emma",
        "Olivia",
        "Sophie",
        "Charlotte",
        "Emily",
        "Hannah",
        "Lucy",
        "Jessica",
        "Rachel",
        "Margaret",
    ],
    men: &[
        "James", "Oliver", "Thomas", "William", "Jack", "Harry", "George", "Daniel", "Peter",
        "Richard",
    ],
    family: &[
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Evans",
        "Walker", "Wright", "Thompson",
    ],
};

/// First-language communities of arriving members in a mid-sized European city (weights are
/// rough shares, in percent).
pub const COMMUNITIES: [Community; 14] = [
    Community {
        code: "uk",
        weight: 20,
        other_languages: &[
            ("ru", 0.7, 3, NATIVE),
            ("en", 0.35, 1, 3),
            ("pl", 0.05, 1, 2),
        ],
        message_language: Some(("uk", 0.9)),
        rare: false,
        names: &UKRAINIAN,
    },
    Community {
        code: "ar",
        weight: 20,
        other_languages: &[("en", 0.35, 1, 3), ("fr", 0.1, 1, 2), ("tr", 0.08, 1, 3)],
        message_language: Some(("ar", 0.9)),
        rare: false,
        names: &ARABIC,
    },
    Community {
        code: "fa",
        weight: 8,
        other_languages: &[("en", 0.35, 1, 3), ("tr", 0.08, 1, 2)],
        message_language: Some(("fa", 0.9)),
        rare: false,
        names: &PERSIAN,
    },
    Community {
        code: "prs",
        weight: 6,
        other_languages: &[
            ("ps", 0.3, 2, NATIVE),
            ("fa", 0.4, 3, 5),
            ("en", 0.25, 0, 2),
            ("ur", 0.05, 1, 3),
        ],
        message_language: Some(("fa", 0.85)),
        rare: false,
        names: &DARI_PASHTO,
    },
    Community {
        code: "ps",
        weight: 3,
        other_languages: &[("prs", 0.5, 2, 5), ("en", 0.2, 0, 2), ("ur", 0.15, 1, 3)],
        message_language: Some(("fa", 0.5)),
        rare: true,
        names: &DARI_PASHTO,
    },
    Community {
        code: "ti",
        weight: 5,
        other_languages: &[("am", 0.4, 2, 5), ("ar", 0.2, 1, 2), ("en", 0.35, 1, 3)],
        message_language: None,
        rare: true,
        names: &TIGRINYA,
    },
    Community {
        code: "so",
        weight: 4,
        other_languages: &[("ar", 0.3, 1, 3), ("en", 0.4, 1, 3)],
        message_language: Some(("ar", 0.15)),
        rare: true,
        names: &SOMALI,
    },
    Community {
        code: "tr",
        weight: 7,
        other_languages: &[("en", 0.4, 1, 3), ("ku", 0.1, 2, NATIVE)],
        message_language: None,
        rare: false,
        names: &TURKISH,
    },
    Community {
        code: "ru",
        weight: 6,
        other_languages: &[("en", 0.35, 1, 3), ("uk", 0.15, 1, 4)],
        message_language: Some(("uk", 0.1)),
        rare: false,
        names: &RUSSIAN,
    },
    Community {
        code: "ku",
        weight: 6,
        other_languages: &[
            ("ar", 0.4, 2, 5),
            ("tr", 0.4, 2, 5),
            ("fa", 0.15, 2, 4),
            ("en", 0.2, 1, 2),
        ],
        message_language: Some(("ar", 0.35)),
        rare: true,
        names: &KURDISH,
    },
    Community {
        code: "ro",
        weight: 5,
        other_languages: &[("en", 0.5, 1, 4), ("it", 0.2, 1, 4), ("es", 0.1, 1, 3)],
        message_language: None,
        rare: false,
        names: &ROMANIAN,
    },
    Community {
        code: "es",
        weight: 4,
        other_languages: &[("en", 0.5, 1, 4), ("pt", 0.1, 1, 3)],
        message_language: None,
        rare: false,
        names: &SPANISH,
    },
    Community {
        code: "fr",
        weight: 4,
        other_languages: &[
            ("en", 0.35, 1, 3),
            ("ar", 0.15, 2, NATIVE),
            ("wo", 0.1, 3, NATIVE),
        ],
        message_language: Some(("fr", 0.95)),
        rare: false,
        names: &FRENCH_SPEAKING,
    },
    Community {
        code: "en",
        weight: 2,
        other_languages: &[("fr", 0.1, 1, 3), ("tw", 0.1, 3, NATIVE)],
        message_language: Some(("en", 1.0)),
        rare: false,
        names: &ENGLISH_SPEAKING,
    },
];

/// Other languages long-time residents learnt at school or on the way, with probability and
/// level range (indices into [`LEVELS`]). The local language itself is skipped where it appears.
pub const LOCAL_OTHER_LANGUAGES: [(&str, f64, usize, usize); 9] = [
    ("en", 0.75, 1, 4),
    ("fr", 0.15, 0, 3),
    ("es", 0.12, 0, 3),
    ("ru", 0.07, 0, 3),
    ("it", 0.05, 0, 3),
    ("ar", 0.03, 0, 2),
    ("tr", 0.03, 0, 2),
    ("uk", 0.02, 0, 2),
    ("pl", 0.03, 0, 3),
];

/// Languages long-time residents would like to practise with a buddy.
pub const LOCAL_PRACTISE: [(&str, u32); 6] = [
    ("en", 5),
    ("es", 3),
    ("fr", 3),
    ("ar", 2),
    ("uk", 1),
    ("tr", 1),
];

/// Interest tags (from `domain::interests::KNOWN`) with their rough popularity.
pub const INTEREST_POPULARITY: [(&str, f64); 30] = [
    ("cooking", 10.0),
    ("football", 8.0),
    ("music", 9.0),
    ("films", 7.0),
    ("hiking", 6.0),
    ("cycling", 6.0),
    ("reading", 6.0),
    ("travel", 6.0),
    ("nature", 6.0),
    ("swimming", 5.0),
    ("fitness", 5.0),
    ("art", 4.0),
    ("crafts", 4.0),
    ("gardening", 4.0),
    ("photography", 4.0),
    ("dancing", 4.0),
    ("running", 4.0),
    ("board_games", 4.0),
    ("video_games", 4.0),
    ("technology", 4.0),
    ("computers", 4.0),
    ("chess", 3.0),
    ("yoga", 3.0),
    ("history", 3.0),
    ("basketball", 3.0),
    ("volleyball", 3.0),
    ("parenting", 2.0),
    ("theatre", 2.0),
    ("sewing", 2.0),
    ("science", 2.0),
];

/// Integration domains arriving members would like help with, with probability.
pub const SEEKER_LEARN: [(&str, f64); 10] = [
    ("language", 0.7),
    ("work", 0.45),
    ("housing", 0.35),
    ("education", 0.25),
    ("rights_and_services", 0.25),
    ("leisure", 0.2),
    ("culture", 0.2),
    ("health_and_social_care", 0.15),
    ("digital_skills", 0.15),
    ("safety", 0.03),
];
/// Integration domains arriving members would like to share, with probability.
pub const SEEKER_SHARE: [(&str, f64); 5] = [
    ("culture", 0.4),
    ("language", 0.3),
    ("leisure", 0.25),
    ("work", 0.1),
    ("digital_skills", 0.05),
];
/// Integration domains buddies would like to share, with probability.
pub const BUDDY_SHARE: [(&str, f64); 9] = [
    ("language", 0.6),
    ("leisure", 0.45),
    ("culture", 0.35),
    ("work", 0.25),
    ("education", 0.2),
    ("housing", 0.15),
    ("digital_skills", 0.15),
    ("rights_and_services", 0.12),
    ("health_and_social_care", 0.08),
];
/// Integration domains buddies would like to learn about, with probability.
pub const BUDDY_LEARN: [(&str, f64); 3] = [("culture", 0.4), ("language", 0.25), ("leisure", 0.1)];

/// Fictional phone number prefixes reserved for films and books, by local language.
pub const FICTIONAL_PHONE: [(&str, &str); 3] = [
    ("de", "+49 30 23125 "),
    ("en", "+44 20 7946 0"),
    ("fr", "+33 1 99 00 1"),
];
