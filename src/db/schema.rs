//! The one diesel schema for both backends. Kept by hand: column types are the portable subset
//! (Integer, Text, Bool, Timestamp) so the same queries run on SQLite and PostgreSQL.

diesel::table! {
    programmes (id) {
        id -> Integer,
        slug -> Text,
        name -> Text,
        local_language -> Text,
        areas -> Text,
        interests -> Text,
        checkin_every_days -> Integer,
        weights -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    participants (id) {
        id -> Integer,
        programme_id -> Integer,
        first_name -> Text,
        last_name -> Text,
        email -> Text,
        phone -> Nullable<Text>,
        message_language -> Text,
        role -> Text,
        volunteer -> Bool,
        capacity -> Integer,
        birth_year -> Nullable<Integer>,
        gender -> Nullable<Text>,
        languages -> Text,
        practise_languages -> Text,
        interests -> Text,
        availability -> Integer,
        area -> Nullable<Text>,
        max_travel_km -> Integer,
        online_ok -> Bool,
        household_adults -> Integer,
        household_children -> Integer,
        is_minor -> Bool,
        pref_buddy_gender -> Nullable<Text>,
        pref_family -> Bool,
        pref_age_min -> Nullable<Integer>,
        pref_age_max -> Nullable<Integer>,
        pref_outside_language_community -> Bool,
        share_domains -> Text,
        learn_domains -> Text,
        safeguarding_cleared -> Bool,
        status -> Text,
        confirmed_at -> Nullable<Timestamp>,
        waiting_since -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    household_members (id) {
        id -> Integer,
        participant_id -> Integer,
        first_name -> Text,
        birth_year -> Nullable<Integer>,
    }
}

diesel::table! {
    role_history (id) {
        id -> Integer,
        participant_id -> Integer,
        role -> Text,
        volunteer -> Bool,
        since -> Timestamp,
    }
}

diesel::table! {
    consents (id) {
        id -> Integer,
        participant_id -> Integer,
        purpose -> Text,
        notice_version -> Text,
        language -> Text,
        given_at -> Timestamp,
        withdrawn_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    participant_tokens (id) {
        id -> Integer,
        participant_id -> Integer,
        purpose -> Text,
        token_hash -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    outbox (id) {
        id -> Integer,
        message_id -> Text,
        recipient -> Text,
        language -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Text,
        created_at -> Timestamp,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        sent_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
    }
}

diesel::table! {
    coordinators (id) {
        id -> Integer,
        email -> Text,
        password_hash -> Text,
        role -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    coordinator_programmes (coordinator_id, programme_id) {
        coordinator_id -> Integer,
        programme_id -> Integer,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Integer,
        coordinator_id -> Integer,
        token_hash -> Text,
        label -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(participants -> programmes (programme_id));
diesel::joinable!(household_members -> participants (participant_id));
diesel::joinable!(role_history -> participants (participant_id));
diesel::joinable!(consents -> participants (participant_id));
diesel::joinable!(participant_tokens -> participants (participant_id));
diesel::joinable!(coordinator_programmes -> coordinators (coordinator_id));
diesel::joinable!(coordinator_programmes -> programmes (programme_id));
diesel::joinable!(api_tokens -> coordinators (coordinator_id));

diesel::allow_tables_to_appear_in_same_query!(
    programmes,
    participants,
    household_members,
    role_history,
    consents,
    participant_tokens,
    outbox,
    coordinators,
    coordinator_programmes,
    api_tokens,
);
