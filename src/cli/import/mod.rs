//! `buddymatch import --programme <slug> <file.csv>`: adds participants from a spreadsheet.
//!
//! The file is comma-separated UTF-8 with a header row of profile field names (the same names as
//! the sign-up form; see `docs/import-example.csv`). Inside a cell, lists are separated by `;`
//! (`cooking;music`), languages are `code:level` (`ar:native;de:B1`), household members are
//! `name` or `name:birth year` (`Sami:2016;Lina`), yes/no cells take yes/no/true/false/1/0 (empty
//! = no). Unknown columns are an error; missing columns are empty.
//!
//! Every row is validated exactly like a sign-up; every problem is reported as
//! `row N, <field>: <message>` with N as a spreadsheet shows it (the header is row 1). An email
//! that appears twice in the file or is already in the programme is a problem too. If there is any
//! problem nothing is imported (exit code 2); otherwise everyone is imported in one transaction,
//! as confirmed (the coordinator vouches for them; `consent` must still be `yes` per row, meaning
//! the person agreed to the privacy notice).

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use secrecy::ExposeSecret;

use crate::db::participants::Admitted;
use crate::db::{participants as store, programmes, Db, DbError};
use crate::domain::{
    HouseholdMemberInput, LanguageInput, NewParticipant, ParticipantStatus, ProfileInput,
    Programme, Reach, ValidationErrors,
};
use crate::settings::Settings;

/// Arguments of `import`.
#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// Programme slug (must exist, except the configured demo programme, which is created).
    #[arg(long)]
    pub programme: String,
    /// The CSV file.
    pub file: PathBuf,
}

/// The exit code when the file has problems and nothing was imported.
pub const EXIT_INVALID: u8 = 2;

/// Every column a file may have.
pub const COLUMNS: [&str; 32] = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "message_language",
    "role",
    "volunteer",
    "capacity",
    "birth_year",
    "gender",
    "languages",
    "practise_languages",
    "interests",
    "availability",
    "area",
    "max_travel_km",
    "online_ok",
    "household_adults",
    "household_children",
    "household_members",
    "is_minor",
    "pref_buddy_gender",
    "pref_family",
    "pref_age_min",
    "pref_age_max",
    "pref_outside_language_community",
    "share_domains",
    "learn_domains",
    "consent",
    // Accepted so that an export can be re-imported; ignored.
    "id",
    "status",
    "created_at",
];
const IGNORED: [&str; 3] = ["id", "status", "created_at"];

/// One problem in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Row as a spreadsheet numbers it (header = 1).
    pub row: usize,
    /// Column / field name, or empty for the whole row.
    pub field: String,
    /// What is wrong, in plain English.
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.field.is_empty() {
            write!(f, "row {}: {}", self.row, self.message)
        } else {
            write!(f, "row {}, {}: {}", self.row, self.field, self.message)
        }
    }
}

/// Errors of `import`.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file has problems; nothing was imported.
    #[error("{} problem(s) in the file, nothing imported", .0.len())]
    Rejected(Vec<RowError>),
    /// No such programme.
    #[error("there is no programme `{0}`")]
    NoProgramme(String),
    /// The programme is archived: it takes no one new.
    #[error("the programme `{0}` is archived: it takes no new participants")]
    Archived(String),
    /// Database trouble.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Reading the file failed.
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// Runs `import`; on problems in the file prints them to stderr and fails with
/// [`super::ExitStatus`] carrying [`EXIT_INVALID`], which `main` turns into exit code 2.
///
/// # Errors
/// Problems in the file ([`super::ExitStatus`]), a missing programme or file, database trouble.
pub fn run(settings: &Settings, args: &ImportArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let db =
        Db::connect(settings.database_url.expose_secret(), 2).context("opening the database")?;
    let create = args.programme == settings.demo_programme;
    match import_file(&db, &args.programme, create, &args.file) {
        Ok(n) => {
            println!(
                "import: imported {n} participant(s) into programme {} as confirmed, in {:.2} s",
                args.programme,
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Err(ImportError::Rejected(errors)) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!(
                "import: {} problem(s) in {}; nothing imported",
                errors.len(),
                args.file.display()
            );
            Err(super::ExitStatus::reported(EXIT_INVALID).into())
        }
        Err(e) => Err(e.into()),
    }
}

/// Imports `path` into programme `slug` (creating it as a demo programme if `create`). Returns how
/// many participants were imported.
///
/// # Errors
/// [`ImportError::Rejected`] with every problem, or the programme, file or database failing.
pub fn import_file(db: &Db, slug: &str, create: bool, path: &Path) -> Result<usize, ImportError> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .with_context(|| format!("reading {}", path.display()))?;
    let programme = if create {
        db.write(|conn| programmes::ensure_demo(conn, slug))?
    } else {
        let mut conn = db.get()?;
        programmes::by_slug(&mut conn, slug)?
            .ok_or_else(|| ImportError::NoProgramme(slug.to_owned()))?
    };
    let rows = parse_csv(&bytes, &programme)?;
    let now = chrono::Utc::now().naive_utc();
    db.write(|conn| {
        let mut taken = Vec::new();
        for (row, email) in rows
            .iter()
            .filter_map(|(row, p)| Some((row, p.email.as_ref()?)))
        {
            if store::find_by_email(conn, programme.id, email)?.is_some() {
                taken.push(RowError {
                    row: *row,
                    field: "email".into(),
                    message: format!("{email} is already in programme {slug}"),
                });
            }
        }
        if !taken.is_empty() {
            return Err(ImportError::Rejected(taken));
        }
        let mut gone = Vec::new();
        for (row, p) in &rows {
            match store::admit(conn, programme.id, p, ParticipantStatus::Confirmed, now)? {
                Admitted::Stored(_) => {}
                Admitted::Closed => return Err(ImportError::Archived(slug.to_owned())),
                // Checked against the programme read before; an admin removed it since.
                Admitted::AreaGone => gone.push(RowError {
                    row: *row,
                    field: "area".into(),
                    message: format!("programme {slug} no longer has this area"),
                }),
            }
        }
        if !gone.is_empty() {
            // All or nothing: the transaction is rolled back.
            return Err(ImportError::Rejected(gone));
        }
        Ok(rows.len())
    })
}

/// Parses and validates a whole file: every row as `(row number, participant)`, or every problem.
///
/// # Errors
/// [`ImportError::Rejected`] listing every problem found.
pub fn parse_csv(
    bytes: &[u8],
    programme: &Programme,
) -> Result<Vec<(usize, NewParticipant)>, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let reject = |row: usize, field: &str, message: String| {
        ImportError::Rejected(vec![RowError {
            row,
            field: field.into(),
            message,
        }])
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let mut records = reader.records();
    let header = match records.next() {
        None => {
            return Err(reject(
                1,
                "",
                "the file is empty; it needs a header row".into(),
            ))
        }
        Some(Err(e)) => return Err(reject(1, "", csv_problem(&e))),
        Some(Ok(h)) => h,
    };
    if header.len() == 1 && header.get(0).is_some_and(|h| h.contains(';')) {
        return Err(reject(
            1,
            "",
            "the file looks semicolon-separated; save it as comma-separated CSV (use `;` only inside a cell, between list items)".into(),
        ));
    }

    let mut errors = Vec::new();
    let mut columns: Vec<&str> = Vec::new();
    for name in &header {
        let name = name.trim().to_ascii_lowercase();
        match COLUMNS.iter().find(|c| **c == name) {
            Some(c) if columns.contains(c) => errors.push(RowError {
                row: 1,
                field: name,
                message: "this column appears twice".into(),
            }),
            Some(c) => columns.push(c),
            None => {
                errors.push(RowError {
                    row: 1,
                    field: name.clone(),
                    message: format!(
                        "unknown column; the columns are: {}",
                        COLUMNS[..COLUMNS.len() - IGNORED.len()].join(", ")
                    ),
                });
                columns.push("");
            }
        }
    }
    if !errors.is_empty() {
        return Err(ImportError::Rejected(errors));
    }

    let mut out = Vec::new();
    let mut first_row_of: HashMap<String, usize> = HashMap::new();
    for (i, record) in records.enumerate() {
        let row = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(RowError {
                    row,
                    field: String::new(),
                    message: csv_problem(&e),
                });
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue; // an empty spreadsheet row
        }
        if record.len() > columns.len() {
            errors.push(RowError {
                row,
                field: String::new(),
                message: format!(
                    "has {} cells but the header has {} columns",
                    record.len(),
                    columns.len()
                ),
            });
            continue;
        }
        let cells: HashMap<&str, &str> = columns
            .iter()
            .copied()
            .zip(record.iter())
            .filter(|(c, _)| !c.is_empty())
            .collect();
        let mut row_errors = Vec::new();
        let input = to_input(&cells, &mut |field: &str, message: String| {
            row_errors.push(RowError {
                row,
                field: field.into(),
                message,
            });
        });
        // A coordinator's list (paper forms typed up): people without email or phone are
        // taken, as on the coordinator's form; the phone list reaches them.
        match NewParticipant::parse_with(input, programme, Reach::Coordinator) {
            Ok(p) => {
                if let (true, Some(email)) = (row_errors.is_empty(), &p.email) {
                    match first_row_of.get(email.as_str()) {
                        Some(first) => row_errors.push(RowError {
                            row,
                            field: "email".into(),
                            message: format!("{email} is already on row {first}"),
                        }),
                        None => {
                            first_row_of.insert(email.as_str().to_owned(), row);
                        }
                    }
                }
                {
                    if row_errors.is_empty() {
                        out.push((row, p));
                    }
                }
            }
            Err(validation) => add_validation_errors(&mut row_errors, row, &validation, &cells),
        }
        // In column order, as the person reading the report sees the row.
        row_errors.sort_by_key(|e| COLUMNS.iter().position(|c| *c == e.field));
        errors.append(&mut row_errors);
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(ImportError::Rejected(errors))
    }
}

/// Adds the domain's problems for one row, skipping fields whose cell already had a problem.
fn add_validation_errors(
    row_errors: &mut Vec<RowError>,
    row: usize,
    validation: &ValidationErrors,
    cells: &HashMap<&str, &str>,
) {
    for e in &validation.errors {
        // `languages.2` -> column `languages`, item 3.
        let (column, item) = match e.field.split_once('.') {
            Some((c, i)) => (c, i.parse::<usize>().ok()),
            None => (e.field.as_str(), None),
        };
        if row_errors.iter().any(|r| r.row == row && r.field == column) {
            continue;
        }
        if e.code == "consent_required" {
            row_errors.push(RowError {
                row,
                field: column.to_owned(),
                message: "must be yes: the person has agreed to the privacy notice".into(),
            });
            continue;
        }
        let mut message = ValidationErrors::english(e.code).to_owned();
        let cell = cells.get(column).copied().unwrap_or_default();
        match item {
            Some(i) => {
                if let Some(value) = split_list(cell).nth(i) {
                    message.push_str(&format!(" (item {}: `{value}`)", i + 1));
                }
            }
            None if !cell.is_empty() && e.code != "required" => {
                message.push_str(&format!(" (`{cell}`)"))
            }
            None => {}
        }
        let duplicate = row_errors
            .iter()
            .any(|r| r.field == column && r.message == message);
        if !duplicate {
            row_errors.push(RowError {
                row,
                field: column.to_owned(),
                message,
            });
        }
    }
}

fn csv_problem(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            "this row is not UTF-8 text; save the file as \"CSV UTF-8\"".into()
        }
        _ => format!("cannot read this row: {e}"),
    }
}

/// List items of a cell: separated by `;` (or `,` inside a quoted cell), empty items skipped.
fn split_list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([';', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Builds the raw profile from one row's cells; cell-level problems (a word where a number should
/// be) go to `problem`.
fn to_input(cells: &HashMap<&str, &str>, problem: &mut dyn FnMut(&str, String)) -> ProfileInput {
    let text = |name: &str| cells.get(name).copied().unwrap_or_default().to_owned();
    let optional = |name: &str| Some(text(name)).filter(|s| !s.is_empty());
    let list = |name: &str| {
        split_list(cells.get(name).copied().unwrap_or_default())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let mut number = |name: &str| -> Option<i32> {
        let cell = cells.get(name).copied().unwrap_or_default();
        if cell.is_empty() {
            return None;
        }
        match cell.parse::<i32>() {
            Ok(n) => Some(n),
            Err(_) => {
                problem(name, format!("expected a whole number, not `{cell}`"));
                None
            }
        }
    };
    let numbers = [
        "capacity",
        "birth_year",
        "max_travel_km",
        "household_adults",
        "household_children",
        "pref_age_min",
        "pref_age_max",
    ]
    .map(&mut number);
    let mut flag = |name: &str| -> bool {
        let cell = cells.get(name).copied().unwrap_or_default();
        match cell.to_ascii_lowercase().as_str() {
            "" | "no" | "false" | "0" | "n" => false,
            "yes" | "true" | "1" | "y" => true,
            _ => {
                problem(name, format!("expected yes or no, not `{cell}`"));
                false
            }
        }
    };
    let flags = [
        "volunteer",
        "online_ok",
        "is_minor",
        "pref_family",
        "pref_outside_language_community",
        "consent",
    ]
    .map(&mut flag);

    let mut languages = Vec::new();
    for item in split_list(cells.get("languages").copied().unwrap_or_default()) {
        match item.split_once(':') {
            Some((code, level)) => languages.push(LanguageInput {
                code: code.trim().into(),
                level: level.trim().into(),
            }),
            None => problem(
                "languages",
                format!("`{item}` needs a level, like `ar:native` or `de:B1`"),
            ),
        }
    }
    let mut household_members = Vec::new();
    for item in split_list(cells.get("household_members").copied().unwrap_or_default()) {
        let (name, year) = item
            .split_once(':')
            .map_or((item, None), |(n, y)| (n.trim(), Some(y.trim())));
        let birth_year = match year {
            None | Some("") => None,
            Some(y) => match y.parse::<i32>() {
                Ok(y) => Some(y),
                Err(_) => {
                    problem(
                        "household_members",
                        format!("`{item}`: the birth year must be a number, like `Sami:2016`"),
                    );
                    None
                }
            },
        };
        household_members.push(HouseholdMemberInput {
            first_name: name.to_owned(),
            birth_year,
        });
    }

    let [capacity, birth_year, max_travel_km, household_adults, household_children, pref_age_min, pref_age_max] =
        numbers;
    let [volunteer, online_ok, is_minor, pref_family, pref_outside_language_community, consent] =
        flags;
    ProfileInput {
        first_name: text("first_name"),
        last_name: text("last_name"),
        email: text("email"),
        phone: optional("phone"),
        message_language: text("message_language"),
        role: text("role"),
        volunteer,
        capacity,
        birth_year,
        gender: optional("gender"),
        languages,
        practise_languages: list("practise_languages"),
        interests: list("interests"),
        availability: list("availability"),
        area: optional("area"),
        max_travel_km,
        online_ok,
        household_adults,
        household_children,
        household_members,
        is_minor,
        pref_buddy_gender: optional("pref_buddy_gender"),
        pref_family,
        pref_age_min,
        pref_age_max,
        pref_outside_language_community,
        share_domains: list("share_domains"),
        learn_domains: list("learn_domains"),
        consent,
    }
}

#[cfg(test)]
mod tests;
